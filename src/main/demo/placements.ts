/**
 * Demo data for placements and contracts: a year of placements at the catalogue's positions, so the coordinator's
 * start page and HR's contract screens show what they are for.
 *
 * - A cohort of people placed before the review history in the demo begins (3–13 months ago), written with the
 *   services' own rules (capacity, duration) and timestamps from when it happened: placements ending within 30, 60
 *   and 90 days, one with an extension (its own decision), follow-ups (one overdue), one ended placement with an
 *   outcome (the person exited, 6- and 12-month follow-ups scheduled), one work-training placement (no contract),
 *   and contracts in every status — generated, sent, signed, registered, and a tillägg that superseded an unsigned
 *   version.
 * - Up to two proposals the union approved at the demo's review meetings become placements through the real
 *   service (they start in a couple of weeks; HR sees them in the queue).
 * - Participants whom another seeder put in 'placed' without a placement get one from their stage date.
 *
 * Run after the catalogue, participants and review seeds. Everything is fictitious: names from a list, Skatteverket's
 * test personnummer.
 */
import type { Tx } from '../store';
import { insertParticipant, insertParticipantEvent, nextRefNumber, updateParticipant } from '../store/participants';
import {
  anyPlacement,
  insertPlacement,
  insertPlacementExtension,
  insertPlacementFollowUp,
  placedWithoutPlacement,
  updatePlacement,
} from '../store/placements';
import { activePositionsOfForm, findWorkplace, type PositionRow } from '../store/positions';
import { approvedUnplaced } from '../store/proposals';
import { loadRecord } from '../store/record';
import { findSubsidyTypeByName, firstActiveSubsidyType } from '../store/subsidy-types';
import { userRecord } from '../store/users';
import { serviceContext, type AuthedContext } from '../services/context';
import { generateContract, setContractStatus } from '../services/contracts';
import { placementHandlers } from '../services/placements';
import { placementsHoldingSlots } from '../services/placements/queries';
import { capacityProblem, heldInterval } from '../services/placements/rules';
import { derivedColumns, formatRef } from '../services/participants/views';
import { fixedClock, type Clock } from '../util/clock';
import { AppError } from '../../shared/errors';
import { placementCreateInput, placementEndInput } from '../../shared/domain/placement';
import type { Role } from '../../shared/domain/roles';
import { addDays, addMonthsClamped, compare, maxDate, minDate } from '../../shared/rules/dates';
import { subsidyEndDate } from '../../shared/rules/subsidy';
import type { DemoContext } from './context';

/** 09:30 UTC on a date: morning office hours in Stockholm all year. */
const at = (date: string, minutes = 0) => new Date(Date.parse(`${date}T09:30:00Z`) + minutes * 60_000).toISOString();

async function contextFor(d: DemoContext, userId: number, clock: Clock): Promise<AuthedContext> {
  const u = await loadRecord(d.database, userRecord, userId);
  return serviceContext({
    database: d.database,
    clock,
    user: {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles as Role[],
      mustChangePassword: false,
    },
    procedure: 'demo.placements',
    config: { version: 'demo' },
  });
}

type ContractPlan =
  'none' | 'generated' | 'sent' | 'signed' | 'registered' | 'tillagg-after-registered' | 'tillagg-supersedes-sent';

interface CohortPlan {
  /** The kind of position the notes below are written for (another kind is used if none has room). */
  kind: string;
  firstName: string;
  lastName: string;
  district: string;
  address: string;
  /** Days from today to the last day; the start follows from `months`. Negative: ended that many days ago. */
  endInDays: number;
  months: number;
  form: 'subsidised_employment' | 'work_training';
  salaryOre: number;
  hoursPercent: number;
  contract: ContractPlan;
  /** Months of an extension granted two months before the first decision ran out. */
  extendMonths?: number;
  /** Salary raise (öre) after the first contract, which calls for a tillägg. */
  raiseTo?: number;
  followUps: Array<{ afterDays: number; note: string; nextStep?: string }>;
  /** When set, the first follow-up after the last one is planned this many days ahead of today (negative: overdue). */
  nextFollowUpInDays: number | null;
  ended?: { outcome: 'ordinary_job' | 'studies' | 'other_subsidised_job'; note: string };
  assistanceOre: number;
  children: number;
}

const COHORT: CohortPlan[] = [
  {
    kind: 'cleaning',
    firstName: 'Hodan',
    lastName: 'Warsame',
    district: 'Norrby',
    address: 'Smörblommegatan 12',
    endInDays: 19,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 24_800_00,
    hoursPercent: 100,
    contract: 'registered',
    followUps: [
      {
        afterDays: 30,
        note: 'Har kommit in bra i städlaget. Handledaren nöjd med noggrannheten.',
        nextStep: 'Uppföljning om tre månader',
      },
      {
        afterDays: 300,
        note: 'Vill söka ordinarie tjänst som lokalvårdare. Hjälp med CV och ansökan.',
        nextStep: 'Ansökan till Servicekontoret',
      },
    ],
    nextFollowUpInDays: 5,
    assistanceOre: 11_240_00,
    children: 3,
  },
  {
    kind: 'carpentry',
    firstName: 'Mikael',
    lastName: 'Lindahl',
    district: 'Hässleholmen',
    address: 'Kastanjegatan 8 B',
    endInDays: 48,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 25_200_00,
    hoursPercent: 100,
    contract: 'signed',
    followUps: [
      { afterDays: 35, note: 'Trivs i snickeriet, bra på att läsa ritningar.', nextStep: 'Truckkort under våren' },
    ],
    nextFollowUpInDays: 20,
    assistanceOre: 7_960_00,
    children: 0,
  },
  {
    kind: 'cleaning',
    firstName: 'Zainab',
    lastName: 'Al-Khatib',
    district: 'Hulta',
    address: 'Hultagatan 40',
    endInDays: 83,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 19_100_00,
    hoursPercent: 75,
    contract: 'sent',
    followUps: [{ afterDays: 28, note: 'Kombinerar arbetet med SFI kurs C på eftermiddagarna. Fungerar bra.' }],
    nextFollowUpInDays: -6,
    assistanceOre: 12_350_00,
    children: 2,
  },
  {
    kind: 'bicycle_workshop',
    firstName: 'Juan',
    lastName: 'Ortega Pérez',
    district: 'Sjöbo',
    address: 'Sjöbogatan 23',
    endInDays: 318,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 24_500_00,
    hoursPercent: 100,
    contract: 'tillagg-after-registered',
    extendMonths: 12,
    followUps: [
      { afterDays: 32, note: 'Lär sig fort i cykelverkstaden, tar egna reparationer.' },
      {
        afterDays: 320,
        note: 'Förlängning beviljad av Arbetsförmedlingen. Mål: ordinarie anställning inom cykelhandeln.',
        nextStep: 'Praktikvecka hos cykelhandlare',
      },
    ],
    nextFollowUpInDays: 24,
    assistanceOre: 9_480_00,
    children: 1,
  },
  {
    kind: 'handyman',
    firstName: 'Eva',
    lastName: 'Sundqvist',
    district: 'Brämhult',
    address: 'Brämhultsvägen 71',
    endInDays: 270,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 23_900_00,
    hoursPercent: 100,
    contract: 'tillagg-supersedes-sent',
    raiseTo: 24_400_00,
    followUps: [{ afterDays: 30, note: 'Uppskattad av de äldre kunderna. Behöver stöd med körjournalen.' }],
    nextFollowUpInDays: 2,
    assistanceOre: 8_120_00,
    children: 0,
  },
  {
    kind: 'cleaning',
    firstName: 'Ali',
    lastName: 'Rahimi',
    district: 'Centrum',
    address: 'Allégatan 19',
    endInDays: 330,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 24_100_00,
    hoursPercent: 100,
    contract: 'generated',
    followUps: [],
    nextFollowUpInDays: -3,
    assistanceOre: 10_870_00,
    children: 4,
  },
  {
    kind: 'municipal_department',
    firstName: 'Sofia',
    lastName: 'Karlsson',
    district: 'Göta',
    address: 'Götagatan 5',
    endInDays: 349,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 22_800_00,
    hoursPercent: 90,
    contract: 'none',
    followUps: [],
    nextFollowUpInDays: 12,
    assistanceOre: 6_940_00,
    children: 2,
  },
  {
    kind: 'second_hand',
    firstName: 'Tesfay',
    lastName: 'Gebremedhin',
    district: 'Trandared',
    address: 'Trandaredsgatan 88',
    endInDays: 120,
    months: 6,
    form: 'work_training',
    salaryOre: 0,
    hoursPercent: 50,
    contract: 'none',
    followUps: [
      {
        afterDays: 21,
        note: 'Arbetstränar fyra förmiddagar i veckan. Stabil närvaro.',
        nextStep: 'Pröva heltid i möbelinsamlingen',
      },
    ],
    nextFollowUpInDays: 9,
    assistanceOre: 9_010_00,
    children: 1,
  },
  {
    kind: 'municipal_department',
    firstName: 'Linnéa',
    lastName: 'Björk',
    district: 'Dalsjöfors',
    address: 'Storgatan 14, Dalsjöfors',
    endInDays: -47,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 24_600_00,
    hoursPercent: 100,
    contract: 'registered',
    followUps: [{ afterDays: 60, note: 'Tar stort ansvar och föreslås som vikarie på arbetsplatsen.' }],
    nextFollowUpInDays: null,
    assistanceOre: 8_700_00,
    children: 1,
    ended: {
      outcome: 'ordinary_job',
      note: 'Tillsvidareanställd som måltidsbiträde i Borås Stad från och med dagen efter.',
    },
  },
  {
    // Ended six months and two weeks ago: the six-month follow-up after the exit is due on the start page.
    kind: 'second_hand',
    firstName: 'Yonas',
    lastName: 'Tesfaye',
    district: 'Sjöbo',
    address: 'Sjöbo Torg 4',
    endInDays: -197,
    months: 12,
    form: 'subsidised_employment',
    salaryOre: 23_900_00,
    hoursPercent: 100,
    contract: 'registered',
    followUps: [{ afterDays: 45, note: 'Sköter kassan självständigt. Vill läsa vidare till undersköterska.' }],
    nextFollowUpInDays: null,
    assistanceOre: 7_950_00,
    children: 0,
    ended: {
      outcome: 'studies',
      note: 'Antagen till vård- och omsorgsutbildningen på Komvux med studiemedel.',
    },
  },
];

/** A free position of the wanted form whose period and capacity take [start, end]. */
async function findPosition(
  t: Tx,
  form: string,
  start: string,
  end: string,
  avoid: Set<number>,
  kind?: string,
): Promise<PositionRow | null> {
  const candidates = (await activePositionsOfForm(t, form)).filter(
    (p) => compare(p.periodStart, start) <= 0 && (p.periodEnd === null || compare(end, p.periodEnd) <= 0),
  );
  const rank = (p: (typeof candidates)[number]) => (p.kind === kind ? 0 : 2) + (avoid.has(p.id) ? 1 : 0);
  const ordered = [...candidates].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  for (const p of ordered) {
    const existing = (await placementsHoldingSlots(t, p.id, null, { from: start, to: end }))
      .map(heldInterval)
      .filter((iv): iv is NonNullable<typeof iv> => iv !== null);
    if (capacityProblem({ slots: p.slots, existing, candidate: { from: start, to: end }, what: 'Platsen' }) === null)
      return p;
  }
  return null;
}

async function insertCohortPerson(
  d: DemoContext,
  t: Tx,
  plan: CohortPlan,
  referralDate: string,
  stageSince: string,
): Promise<number> {
  const year = referralDate.slice(0, 4);
  const ref = formatRef(year, await nextRefNumber(t, year));
  const personnummer = d.testPersonnummer({ minAge: 22, maxAge: 58 });
  const now = at(referralDate);
  const row = await insertParticipant(t, {
    ref,
    personnummer,
    firstName: plan.firstName,
    lastName: plan.lastName,
    phone: `070-${d.rng.int(200, 799)} ${d.rng.int(10, 99)} ${d.rng.int(10, 99)}`,
    address: plan.address,
    postalCode: `50${d.rng.int(3, 8)} ${d.rng.int(30, 69)}`,
    city: plan.district === 'Dalsjöfors' ? 'Dalsjöfors' : 'Borås',
    district: plan.district,
    languages: ['svenska'],
    swedishLevel: 'sas',
    referralDate,
    stage: 'approved',
    stageSince,
    childrenInHousehold: plan.children,
    longTermRecipient: true,
    monthlyAssistance: plan.assistanceOre,
    caseworkerName: d.rng.pick(['Anna Wik', 'Petra Holm', 'Daniel Svensson']),
    caseworkerUnit: 'Försörjningsstöd, Individ- och familjeomsorgen',
    coordinatorId: d.users.coordinator,
    ...derivedColumns({
      firstName: plan.firstName,
      lastName: plan.lastName,
      personnummer,
      ref,
      caseworkerName: null,
    }),
    createdAt: now,
    updatedAt: now,
  });
  await insertParticipantEvent(t, {
    participantId: row.id,
    at: now,
    userId: d.users.coordinator,
    kind: 'created',
    note: 'Remiss från försörjningsstöd',
  });
  return row.id;
}

/** The cohort: placements from before the demo's review history, with their whole life so far. */
async function seedCohort(d: DemoContext): Promise<void> {
  const used = new Set<number>();
  const lonestod =
    (await findSubsidyTypeByName(d.database, 'Kommunal anställning med lönestöd')) ??
    (await firstActiveSubsidyType(d.database));

  for (const plan of COHORT) {
    // Start so that the first decision plus any extension ends on the planned day.
    const totalMonths = plan.months + (plan.extendMonths ?? 0);
    const start = addMonthsClamped(addDays(d.today, plan.endInDays + 1), -totalMonths);
    const end = subsidyEndDate(start, totalMonths);
    const firstDecisionEnd = subsidyEndDate(start, plan.months);
    const found = await d.database.tx(async (t) => {
      const position = await findPosition(t, plan.form, start, end, used, plan.kind);
      return position ? { position, workplace: await findWorkplace(t, position.workplaceId) } : null;
    });
    if (!found) continue;
    const { position, workplace } = found;
    used.add(position.id);
    const referral = addDays(start, -d.rng.int(70, 140));
    const approvedOn = addDays(start, -d.rng.int(10, 25));
    const coordClock = fixedClock(at(addDays(start, -7)));
    const coord = await contextFor(d, d.users.coordinator, coordClock);
    const hrClock = fixedClock(at(addDays(start, -5)));
    const hr = await contextFor(d, d.users.hr, hrClock);
    const isEmployment = plan.form === 'subsidised_employment';

    const placementId = await d.database.tx(async (t) => {
      const participantId = await insertCohortPerson(d, t, plan, referral, approvedOn);
      const decisionNumber = `AF-${start.slice(0, 4)}-${d.rng.int(10_000, 99_999)}`;
      const row = await insertPlacement(t, {
        participantId,
        positionId: position.id,
        subsidyTypeId: isEmployment ? (lonestod?.id ?? null) : null,
        startDate: start,
        months: plan.months,
        endDate: firstDecisionEnd,
        hoursPercent: plan.hoursPercent,
        monthlySalary: plan.salaryOre,
        collectiveAgreement: isEmployment ? 'BEA' : null,
        afDecisionNumber: isEmployment ? decisionNumber : null,
        afDecisionDate: isEmployment ? addDays(start, -12) : null,
        subsidyPercent: isEmployment ? (lonestod?.defaultPercent ?? null) : null,
        subsidyCeiling: isEmployment ? (lonestod?.monthlyCeiling ?? null) : null,
        status: 'active',
        nextFollowUpDate: addMonthsClamped(start, 1),
        createdBy: d.users.coordinator,
        createdAt: coordClock.now().toISOString(),
        updatedAt: coordClock.now().toISOString(),
      });
      await coord.audit.change(
        t,
        'placement',
        row.id,
        null,
        { participantId, positionId: position.id, startDate: start, endDate: firstDecisionEnd },
        'Placering skapad',
      );
      await updateParticipant(t, participantId, {
        stage: 'placed',
        stageSince: start,
        updatedAt: coordClock.now().toISOString(),
      });
      await insertParticipantEvent(t, {
        participantId,
        at: coordClock.now().toISOString(),
        userId: d.users.coordinator,
        kind: 'transition',
        fromStage: 'approved',
        toStage: 'placed',
        note: `Placerad: ${position.title}, ${workplace?.name ?? ''}, ${start}–${firstDecisionEnd}.`,
        data: { command: 'place', placementId: row.id },
      });

      // Contract before the start, and its status steps.
      if (isEmployment && plan.contract !== 'none') {
        const c = await generateContract(t, hr, row.id);
        const steps: Array<'sent' | 'signed' | 'registered'> =
          plan.contract === 'generated'
            ? []
            : plan.contract === 'sent' || plan.contract === 'tillagg-supersedes-sent'
              ? ['sent']
              : plan.contract === 'signed'
                ? ['sent', 'signed']
                : ['sent', 'signed', 'registered'];
        for (const [i, step] of steps.entries()) {
          hrClock.set(at(addDays(start, -4 + i)));
          await setContractStatus(t, hr, c.id, step, addDays(start, -4 + i));
        }
      }

      // Follow-ups.
      let lastFollowUp: string | null = null;
      for (const f of plan.followUps) {
        const date = addDays(start, f.afterDays);
        if (compare(date, d.today) > 0) continue;
        await insertPlacementFollowUp(t, {
          placementId: row.id,
          date,
          note: f.note,
          nextStep: f.nextStep ?? null,
          nextDate: null,
          createdBy: d.users.coordinator,
          createdAt: at(date, 60),
        });
        await insertParticipantEvent(t, {
          participantId,
          at: at(date, 60),
          userId: d.users.coordinator,
          kind: 'placement',
          note: `Uppföljning av placeringen ${date}.`,
          data: { placementId: row.id },
        });
        lastFollowUp = date;
      }
      const next = plan.nextFollowUpInDays === null ? null : addDays(d.today, plan.nextFollowUpInDays);
      await updatePlacement(t, row.id, {
        nextFollowUpDate: next === null ? null : lastFollowUp ? maxDate(next, addDays(lastFollowUp, 1)) : next,
      });

      // Extension with its own decision, granted before the first decision ran out; a tillägg follows.
      if (plan.extendMonths) {
        const grantedOn = minDate(addDays(firstDecisionEnd, -45), d.today);
        const ext = await insertPlacementExtension(t, {
          placementId: row.id,
          months: plan.extendMonths,
          previousEndDate: firstDecisionEnd,
          newEndDate: end,
          afDecisionNumber: `AF-${grantedOn.slice(0, 4)}-${d.rng.int(10_000, 99_999)}`,
          afDecisionDate: grantedOn,
          subsidyPercent: lonestod?.defaultPercent ?? null,
          subsidyCeiling: lonestod?.monthlyCeiling ?? null,
          note: 'Förlängning för att hinna slutföra truckutbildning och praktik.',
          createdBy: d.users.coordinator,
          createdAt: at(grantedOn),
        });
        await updatePlacement(t, row.id, { endDate: end });
        coordClock.set(at(grantedOn));
        await coord.audit.change(
          t,
          'placement_extension',
          ext.id,
          null,
          { placementId: row.id, months: ext.months, newEndDate: end },
          'Placering förlängd',
        );
        await insertParticipantEvent(t, {
          participantId,
          at: at(grantedOn),
          userId: d.users.coordinator,
          kind: 'placement',
          note: `Placeringen förlängd med ${plan.extendMonths} månader till och med ${end}.`,
          data: { placementId: row.id },
        });
        if (plan.contract === 'tillagg-after-registered') {
          hrClock.set(at(addDays(grantedOn, 2)));
          await generateContract(t, hr, row.id);
        }
      }
      if (plan.raiseTo) {
        const raisedOn = addDays(start, -2);
        await updatePlacement(t, row.id, { monthlySalary: plan.raiseTo });
        coordClock.set(at(raisedOn));
        await coord.audit.change(
          t,
          'placement',
          row.id,
          { monthlySalary: plan.salaryOre },
          { monthlySalary: plan.raiseTo },
          'Lön enligt ny lönerevision',
        );
        if (plan.contract === 'tillagg-supersedes-sent') {
          hrClock.set(at(raisedOn, 90));
          await generateContract(t, hr, row.id);
        }
      }
      return row.id;
    });

    // Ending goes through the service: outcome, exit, and the 6- and 12-month follow-ups.
    if (plan.ended) {
      const ctx = await contextFor(d, d.users.coordinator, fixedClock(at(end, 240)));
      await placementHandlers['placements.end'](
        ctx,
        placementEndInput.parse({ id: placementId, date: end, outcome: plan.ended.outcome, note: plan.ended.note }),
      );
    }
  }
}

/** Approved proposals from the demo's review meetings become placements starting in a couple of weeks. */
async function placeApprovedProposals(d: DemoContext, max: number): Promise<void> {
  const waiting = (await approvedUnplaced(d.database)).map((id) => ({ id }));
  const ctx = await contextFor(d, d.users.coordinator, d.clock);
  const lonestod = await findSubsidyTypeByName(d.database, 'Kommunal anställning med lönestöd');
  let placed = 0;
  for (const { id } of waiting) {
    if (placed >= max) break;
    const start = addDays(d.today, 14 + 7 * placed);
    try {
      const prefill = await placementHandlers['placements.prefill'](ctx, { proposalId: id });
      if (prefill.employmentForm !== 'subsidised_employment') continue;
      await placementHandlers['placements.create'](
        ctx,
        placementCreateInput.parse({
          proposalId: id,
          startDate: maxDate(start, prefill.suggestedStart),
          months: 12,
          subsidyTypeId: prefill.subsidyTypeId ?? lonestod?.id ?? null,
          hoursPercent: prefill.hoursPercent,
          monthlySalaryOre: 24_300_00,
          collectiveAgreement: 'BEA',
          afDecisionNumber: `AF-${d.today.slice(0, 4)}-${d.rng.int(10_000, 99_999)}`,
          afDecisionDate: addDays(d.today, -2),
        }),
      );
      placed++;
    } catch (e) {
      if (e instanceof AppError) continue; // full, or the person is not ready: leave it for the coordinator
      throw e;
    }
  }
}

/** Participants another seeder put in 'placed' without a placement get one from the day they were placed. */
async function placeOrphans(d: DemoContext): Promise<void> {
  const orphans = await placedWithoutPlacement(d.database);
  if (orphans.length === 0) return;
  const lonestod = await findSubsidyTypeByName(d.database, 'Kommunal anställning med lönestöd');
  for (const o of orphans) {
    const start = compare(o.stageSince, d.today) <= 0 ? o.stageSince : d.today;
    const months = compare(subsidyEndDate(start, 12), d.today) >= 0 ? 12 : 24;
    const end = subsidyEndDate(start, months);
    const now = at(start);
    await d.database.tx(async (t) => {
      const position = await findPosition(t, 'subsidised_employment', start, end, new Set());
      if (!position) return;
      const row = await insertPlacement(t, {
        participantId: o.id,
        positionId: position.id,
        subsidyTypeId: lonestod?.id ?? null,
        startDate: start,
        months,
        endDate: end,
        hoursPercent: position.hoursPercent,
        monthlySalary: 24_000_00 + d.rng.int(0, 20) * 50_00,
        collectiveAgreement: 'BEA',
        afDecisionNumber: `AF-${start.slice(0, 4)}-${d.rng.int(10_000, 99_999)}`,
        afDecisionDate: addDays(start, -10),
        subsidyPercent: lonestod?.defaultPercent ?? null,
        subsidyCeiling: lonestod?.monthlyCeiling ?? null,
        status: 'active',
        nextFollowUpDate: maxDate(addMonthsClamped(start, 1), addDays(d.today, d.rng.int(-5, 30))),
        createdBy: d.users.coordinator,
        createdAt: now,
        updatedAt: now,
      });
      await insertParticipantEvent(t, {
        participantId: o.id,
        at: now,
        userId: d.users.coordinator,
        kind: 'placement',
        note: `Placering vid ${position.title} registrerad.`,
        data: { placementId: row.id },
      });
    });
  }
}

export async function seedPlacements(d: DemoContext): Promise<void> {
  if (await anyPlacement(d.database)) return; // already seeded
  await seedCohort(d);
  await placeOrphans(d);
  await placeApprovedProposals(d, 2);
}
