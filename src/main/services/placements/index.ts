import type { Reader, Tx } from '../../store';
import { findProposal } from '../../store/proposals';
import { findParticipant } from '../../store/participants';
import {
  extensionsOf as extensionRows,
  insertPlacement,
  insertPlacementExtension,
  insertPlacementFollowUp,
  placementExtensionRecord,
  placementFollowUpRecord,
  placementOfProposal,
  placementRecord,
} from '../../store/placements';
import {
  findPeriod,
  findPosition,
  findWorkplace,
  periodsOf,
  type PeriodRow,
  type PositionRow,
} from '../../store/positions';
import { changeRecord, loadRecord } from '../../store/record';
import { subsidyTypeRecord, type SubsidyTypeRow } from '../../store/subsidy-types';
import type { AuthedContext } from '../context';
import type { HandlerMap } from '../handlers';
import { localToday } from '../../util/clock';
import { conflict, notFound, ruleError, validation } from '../../../shared/errors';
import type { PlacementCreateInput, PlacementSummary, PlacementUpdateInput } from '../../../shared/domain/placement';
import { addMonthsClamped, compare, maxDate, type IsoDate } from '../../../shared/rules/dates';
import { extensionStartDate, subsidyEndDate, validateExtension } from '../../../shared/rules/subsidy';
import { assertProposalPlaceable } from '../review/guards';
import { addTimelineEvent, exitParticipant, transitionParticipant } from '../participants/transitions';
import {
  loadPlacement,
  loadPlacementRow,
  loadSummaries,
  placementsHoldingSlots,
  placementsOfParticipant,
  type PlacementRow,
} from './queries';
import {
  blockingActivePlacement,
  capacityProblem,
  followUpDue,
  fullPeriods,
  heldInterval,
  oneActiveProblem,
} from './rules';

async function loadPosition(r: Reader, id: number): Promise<PositionRow> {
  const row = await findPosition(r, id);
  if (!row) throw notFound('Platsen');
  return row;
}

const loadSubsidyTypeRow = (r: Reader, id: number): Promise<SubsidyTypeRow> => loadRecord(r, subsidyTypeRecord, id);

async function loadPeriod(r: Reader, positionId: number, periodId: number): Promise<PeriodRow> {
  const row = await findPeriod(r, periodId);
  if (!row || row.positionId !== positionId) throw ruleError('Perioden hör inte till platsen.', 'positionPeriodId');
  return row;
}

/** The summer-job period a proposal was made for (stored in its match snapshot), if any. */
function proposalPeriodId(explanation: unknown): number | null {
  if (explanation && typeof explanation === 'object' && 'positionPeriodId' in explanation) {
    const v = (explanation as { positionPeriodId: unknown }).positionPeriodId;
    return typeof v === 'number' ? v : null;
  }
  return null;
}

const monthsText = (n: number) => `${n} ${n === 1 ? 'månad' : 'månader'}`;

/** The terms of a placement after applying create or update input, checked against every rule. */
interface Terms {
  startDate: IsoDate;
  months: number;
  endDate: IsoDate;
  positionPeriodId: number | null;
  subsidyTypeId: number | null;
  hoursPercent: number;
  monthlySalary: number;
  collectiveAgreement: string | null;
  afDecisionNumber: string | null;
  afDecisionDate: string | null;
  subsidyPercent: number | null;
  subsidyCeiling: number | null;
}

/**
 * Checks the terms of a new or corrected placement (docs/product.md §4 rules 4 and 5) and throws the first violation with a
 * Swedish reason. `self` is the placement being corrected (excluded from capacity and the one-active rule).
 */
async function checkTerms(
  r: Reader,
  today: IsoDate,
  position: PositionRow,
  participantId: number,
  t: Terms,
  opts: { self?: PlacementRow; extensionMonths: number[] },
): Promise<void> {
  const form = position.employmentForm;
  const isSummer = form === 'summer_job';

  // Subsidy type and the length it allows (rule 4)
  if (form === 'subsidised_employment' && t.subsidyTypeId === null) {
    throw validation('Stödform måste anges för en anställning med lönestöd.', 'subsidyTypeId');
  }
  if (form !== 'subsidised_employment' && t.subsidyTypeId !== null) {
    throw ruleError('Stödform anges bara för anställning med lönestöd.', 'subsidyTypeId');
  }
  if (t.subsidyTypeId !== null) {
    const type = await loadSubsidyTypeRow(r, t.subsidyTypeId);
    if (!type.active && t.subsidyTypeId !== opts.self?.subsidyTypeId) {
      throw ruleError(`Stödformen ${type.name} är inaktiv och kan inte användas för nya placeringar.`, 'subsidyTypeId');
    }
    const check = validateExtension({
      maxMonths: type.maxMonths,
      periods: opts.extensionMonths.map((m) => ({ months: m })),
      addMonths: t.months,
    });
    if (!check.ok) {
      const total = t.months + opts.extensionMonths.reduce((a, b) => a + b, 0);
      throw ruleError(
        opts.extensionMonths.length === 0
          ? `Placeringen på ${monthsText(t.months)} är längre än stödformen ${type.name} tillåter (högst ${monthsText(type.maxMonths)}).`
          : `Placeringen omfattar med förlängningar ${monthsText(total)}, men stödformen ${type.name} tillåter högst ${monthsText(type.maxMonths)}.`,
        'months',
      );
    }
  }

  // Decision and salary
  if (form === 'subsidised_employment') {
    if (!t.afDecisionNumber)
      throw validation(
        'Arbetsförmedlingens beslutsnummer måste anges för en anställning med lönestöd.',
        'afDecisionNumber',
      );
    if (!t.afDecisionDate)
      throw validation('Beslutsdatum måste anges för en anställning med lönestöd.', 'afDecisionDate');
  }
  if (t.afDecisionDate && compare(t.afDecisionDate, today) > 0) {
    throw ruleError('Beslutsdatum kan inte ligga i framtiden.', 'afDecisionDate');
  }
  if (form !== 'work_training' && t.monthlySalary <= 0) {
    throw validation('Månadslön måste anges för en anställning.', 'monthlySalaryOre');
  }
  if (form === 'work_training' && t.monthlySalary > 0) {
    throw ruleError('Arbetsträning utan anställning har ingen lön; ange 0 kr.', 'monthlySalaryOre');
  }

  // Within the position's own period
  if (compare(t.startDate, position.periodStart) < 0) {
    throw ruleError(`Platsen finns från ${position.periodStart}; placeringen kan inte börja före det.`, 'startDate');
  }
  if (position.periodEnd && compare(t.endDate, position.periodEnd) > 0) {
    throw ruleError(
      `Platsen finns till och med ${position.periodEnd}, men placeringen skulle sluta ${t.endDate}. ` +
        'Välj en kortare längd eller ett tidigare startdatum.',
      'months',
    );
  }

  // Capacity in every overlapping period (rule 5)
  let slots = position.slots;
  let what = 'Platsen';
  let periodId: number | null = null;
  if (isSummer) {
    if (t.positionPeriodId === null) throw validation('Välj vilken period feriearbetet gäller.', 'positionPeriodId');
    const period = await loadPeriod(r, position.id, t.positionPeriodId);
    if (compare(t.startDate, period.startDate) < 0 || compare(t.startDate, period.endDate) > 0) {
      throw ruleError(
        `Startdatum måste ligga inom perioden ${period.name} (${period.startDate}–${period.endDate}).`,
        'startDate',
      );
    }
    slots = period.slots;
    what = `Perioden ${period.name}`;
    periodId = period.id;
  } else if (t.positionPeriodId !== null) {
    throw ruleError('Bara feriearbeten har perioder.', 'positionPeriodId');
  }
  const candidate = { from: t.startDate, to: t.endDate };
  const existing = (await placementsHoldingSlots(r, position.id, periodId, candidate))
    .filter((p) => p.id !== opts.self?.id)
    .map(heldInterval)
    .filter((iv): iv is NonNullable<typeof iv> => iv !== null);
  const capacity = capacityProblem({ slots, existing, candidate, what });
  if (capacity) throw ruleError(capacity, 'startDate');

  // One active placement per participant, summer jobs apart (rule 5)
  const blocking = blockingActivePlacement(form, await placementsOfParticipant(r, participantId), opts.self?.id);
  const oneActive = oneActiveProblem(blocking);
  if (oneActive) throw ruleError(oneActive);
}

const extensionsOf = (r: Reader, placementId: number) => extensionRows(r, placementId);

function assertActive(p: PlacementRow, action: string): void {
  if (p.status !== 'active') throw ruleError(`Placeringen är avslutad och kan inte ${action}.`);
}

/** A line in the participant's timeline (kind 'placement') for events that are not stage transitions. */
function timelineNote(
  ctx: AuthedContext,
  t: Tx,
  participantId: number,
  note: string,
  data: Record<string, unknown>,
): Promise<void> {
  return addTimelineEvent(ctx, t, participantId, { kind: 'placement', note, data });
}

async function summariesFor(
  ctx: AuthedContext,
  filter: {
    status: 'active' | 'ended' | 'all';
    mine: boolean;
    participantId?: number | undefined;
    positionId?: number | undefined;
  },
): Promise<PlacementSummary[]> {
  return loadSummaries(ctx.db, localToday(ctx.clock), {
    ...(filter.status === 'all' ? {} : { status: filter.status }),
    ...(filter.participantId === undefined ? {} : { participantId: filter.participantId }),
    ...(filter.positionId === undefined ? {} : { positionId: filter.positionId }),
    ...(filter.mine ? { coordinatorId: ctx.user.id } : {}),
  });
}

function suggestedMonths(maxMonths: number | null): number[] {
  if (maxMonths === null) return [3, 6, 12];
  return [...new Set([12, 24, maxMonths])].filter((m) => m <= maxMonths).sort((a, b) => a - b);
}

export const placementHandlers: HandlerMap<
  | 'placements.prefill'
  | 'placements.create'
  | 'placements.update'
  | 'placements.extend'
  | 'placements.addFollowUp'
  | 'placements.end'
  | 'placements.get'
  | 'placements.list'
  | 'placements.dashboard'
> = {
  'placements.prefill': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const r = ctx.db;
    const proposal = await findProposal(r, input.proposalId);
    if (!proposal) throw notFound('Förslaget');
    await assertProposalPlaceable(r, input.proposalId);
    const person = await findParticipant(r, proposal.participantId);
    if (!person) throw notFound('Deltagaren');
    const position = await loadPosition(r, proposal.positionId);
    const workplace = await findWorkplace(r, position.workplaceId);
    const periods = await periodsOf(r, [position.id]);
    const type = position.subsidyTypeId === null ? null : await loadSubsidyTypeRow(r, position.subsidyTypeId);
    let suggestedStart = maxDate(today, position.periodStart);
    if (person.earliestStart) suggestedStart = maxDate(suggestedStart, person.earliestStart);
    const periodId = proposalPeriodId(proposal.explanation);
    const period = periods.find((p) => p.id === periodId);
    if (position.employmentForm === 'summer_job' && period) suggestedStart = maxDate(period.startDate, today);
    const windowEnd = position.periodEnd ?? subsidyEndDate(suggestedStart, type?.maxMonths ?? 24);
    const full =
      position.employmentForm === 'summer_job' || compare(windowEnd, suggestedStart) < 0
        ? []
        : fullPeriods(
            position.slots,
            (await placementsHoldingSlots(r, position.id, null, { from: suggestedStart, to: windowEnd }))
              .map(heldInterval)
              .filter((iv): iv is NonNullable<typeof iv> => iv !== null),
            { from: suggestedStart, to: windowEnd },
          );
    ctx.audit.read('participant', person.id);
    return {
      proposalId: proposal.id,
      participantId: person.id,
      participantRef: person.ref,
      participantName: `${person.firstName} ${person.lastName}`,
      earliestStart: person.earliestStart,
      positionId: position.id,
      positionTitle: position.title,
      workplaceName: workplace?.name ?? '',
      employmentForm: position.employmentForm as PlacementSummary['employmentForm'],
      hoursPercent: position.hoursPercent,
      slots: position.slots,
      periodStart: position.periodStart,
      periodEnd: position.periodEnd,
      periods: periods.map((p) => ({
        id: p.id,
        name: p.name,
        startDate: p.startDate,
        endDate: p.endDate,
        slots: p.slots,
      })),
      subsidyTypeId: type?.id ?? null,
      subsidyTypeName: type?.name ?? null,
      maxMonths: type?.maxMonths ?? null,
      defaultPercent: type?.defaultPercent ?? null,
      monthlyCeilingOre: type?.monthlyCeiling ?? null,
      suggestedStart,
      suggestedMonths: position.employmentForm === 'summer_job' ? [] : suggestedMonths(type?.maxMonths ?? null),
      fullPeriods: full,
    };
  },

  'placements.create': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const now = ctx.clock.now().toISOString();
    const id = await ctx.tx((t) => createPlacement(ctx, t, input, today, now));
    return loadPlacement(ctx.db, id, today);
  },

  'placements.update': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const now = ctx.clock.now().toISOString();
    await ctx.tx((t) => updatePlacement(ctx, t, input, today, now));
    return loadPlacement(ctx.db, input.id, today);
  },

  'placements.extend': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const now = ctx.clock.now().toISOString();
    await ctx.tx(async (t) => {
      const before = await loadPlacementRow(t, input.id);
      assertActive(before, 'förlängas');
      const position = await loadPosition(t, before.positionId);
      if (position.employmentForm === 'summer_job')
        throw ruleError('Ett feriearbete kan inte förlängas; det följer sin period.');
      const exts = await extensionsOf(t, before.id);
      let percent = input.subsidyPercent ?? null;
      let ceiling = input.subsidyCeilingOre ?? null;
      if (before.subsidyTypeId !== null) {
        const type = await loadSubsidyTypeRow(t, before.subsidyTypeId);
        const check = validateExtension({
          maxMonths: type.maxMonths,
          periods: [{ months: before.months }, ...exts.map((e) => ({ months: e.months }))],
          addMonths: input.months,
        });
        if (!check.ok) throw ruleError(`${check.reason} (${type.name})`, 'months');
        percent ??= before.subsidyPercent ?? type.defaultPercent;
        ceiling ??= before.subsidyCeiling ?? type.monthlyCeiling;
      }
      if (compare(input.afDecisionDate, today) > 0)
        throw ruleError('Beslutsdatum kan inte ligga i framtiden.', 'afDecisionDate');
      const start = extensionStartDate(before.endDate);
      const newEnd = subsidyEndDate(start, input.months);
      if (position.periodEnd && compare(newEnd, position.periodEnd) > 0) {
        throw ruleError(
          `Platsen finns till och med ${position.periodEnd}, men förlängningen skulle sluta ${newEnd}. Välj en kortare förlängning.`,
          'months',
        );
      }
      const candidate = { from: start, to: newEnd };
      const existing = (await placementsHoldingSlots(t, position.id, null, candidate))
        .filter((p) => p.id !== before.id)
        .map(heldInterval)
        .filter((iv): iv is NonNullable<typeof iv> => iv !== null);
      const capacity = capacityProblem({ slots: position.slots, existing, candidate, what: 'Platsen' });
      if (capacity)
        throw ruleError(`Förlängningen går inte: ${capacity.charAt(0).toLowerCase()}${capacity.slice(1)}`, 'months');

      const ext = await insertPlacementExtension(t, {
        placementId: before.id,
        months: input.months,
        previousEndDate: before.endDate,
        newEndDate: newEnd,
        afDecisionNumber: input.afDecisionNumber,
        afDecisionDate: input.afDecisionDate,
        subsidyPercent: percent,
        subsidyCeiling: ceiling,
        note: input.note ?? null,
        createdBy: ctx.user.id,
        createdAt: now,
      });
      await ctx.audit.change(
        t,
        'placement_extension',
        ext.id,
        null,
        placementExtensionRecord.view(ext),
        'Placering förlängd',
      );
      await changeRecord(
        t,
        ctx.audit,
        placementRecord,
        before.id,
        { endDate: newEnd, updatedAt: now },
        { before, detail: `Förlängd med ${monthsText(input.months)}` },
      );
      await timelineNote(
        ctx,
        t,
        before.participantId,
        `Placeringen förlängd med ${monthsText(input.months)} till och med ${newEnd} (beslut ${input.afDecisionNumber}).`,
        {
          placementId: before.id,
          extensionId: ext.id,
        },
      );
    });
    return loadPlacement(ctx.db, input.id, today);
  },

  'placements.addFollowUp': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const now = ctx.clock.now().toISOString();
    await ctx.tx(async (t) => {
      const before = await loadPlacementRow(t, input.placementId);
      assertActive(before, 'följas upp här; uppföljning efter avslut görs på deltagaren');
      if (compare(input.date, today) > 0) throw ruleError('Uppföljningens datum kan inte ligga i framtiden.', 'date');
      if (compare(input.date, before.startDate) < 0)
        throw ruleError(`Uppföljningen kan inte vara före placeringens start ${before.startDate}.`, 'date');
      const nextDate = input.nextDate ?? null;
      if (nextDate !== null && compare(nextDate, input.date) <= 0) {
        throw ruleError('Nästa uppföljning måste ligga efter den här uppföljningen.', 'nextDate');
      }
      const f = await insertPlacementFollowUp(t, {
        placementId: before.id,
        date: input.date,
        note: input.note,
        nextStep: input.nextStep ?? null,
        nextDate,
        createdBy: ctx.user.id,
        createdAt: now,
      });
      await ctx.audit.change(t, 'placement_follow_up', f.id, null, placementFollowUpRecord.view(f), 'Uppföljning');
      await changeRecord(
        t,
        ctx.audit,
        placementRecord,
        before.id,
        { nextFollowUpDate: nextDate, updatedAt: now },
        { before },
      );
      await timelineNote(
        ctx,
        t,
        before.participantId,
        `Uppföljning av placeringen ${input.date}${f.nextStep ? `. Nästa steg: ${f.nextStep}` : ''}.`,
        {
          placementId: before.id,
          followUpId: f.id,
        },
      );
    });
    return loadPlacement(ctx.db, input.placementId, today);
  },

  'placements.end': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const now = ctx.clock.now().toISOString();
    await ctx.tx(async (t) => {
      const before = await loadPlacementRow(t, input.id);
      if (before.status === 'ended') throw conflict(`Placeringen är redan avslutad (${before.endedAt ?? ''}).`);
      if (compare(input.date, before.startDate) < 0)
        throw ruleError(`Sista dag kan inte vara före placeringens start ${before.startDate}.`, 'date');
      if (compare(input.date, before.endDate) > 0)
        throw ruleError(
          `Sista dag kan inte vara efter placeringens slutdatum ${before.endDate}; förläng placeringen i stället.`,
          'date',
        );
      if (compare(input.date, today) > 0) {
        throw ruleError('En placering kan inte avslutas i förväg. Registrera avslutet när den har upphört.', 'date');
      }
      const position = await loadPosition(t, before.positionId);
      await changeRecord(
        t,
        ctx.audit,
        placementRecord,
        before.id,
        {
          status: 'ended',
          endedAt: input.date,
          endOutcome: input.outcome,
          endNote: input.note ?? null,
          endedBy: ctx.user.id,
          nextFollowUpDate: null,
          updatedAt: now,
        },
        { before, detail: 'Placering avslutad' },
      );
      if (position.employmentForm !== 'summer_job') {
        if (input.next === 'exit') {
          await exitParticipant(ctx, t, before.participantId, {
            outcome: input.outcome,
            date: input.date,
            note: input.note ?? null,
          });
        } else {
          await transitionParticipant(ctx, t, before.participantId, 'matching', {
            note: input.note ?? `Placeringen avbröts ${input.date}.`,
            data: { placementId: before.id, outcome: input.outcome, date: input.date },
          });
        }
      }
    });
    return loadPlacement(ctx.db, input.id, today);
  },

  'placements.get': async (ctx, input) => {
    const placement = await loadPlacement(ctx.db, input.id, localToday(ctx.clock));
    ctx.audit.read('placement', placement.id);
    ctx.audit.read('participant', placement.participantId);
    return placement;
  },

  'placements.list': async (ctx, input) => {
    const rows = await summariesFor(ctx, input);
    const q = input.search?.toLocaleLowerCase('sv-SE');
    if (!q) return rows;
    return rows.filter((r) =>
      [r.participantName, r.participantRef, r.positionTitle, r.workplaceName].some((s) =>
        s.toLocaleLowerCase('sv-SE').includes(q),
      ),
    );
  },

  'placements.dashboard': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const active = await summariesFor(ctx, { status: 'active', mine: input.mine });
    const byWarning = (t: 30 | 60 | 90) => active.filter((p) => p.phase !== 'overdue' && p.endWarning === t);
    const followUps = active
      .filter((p) => followUpDue(p.nextFollowUpDate, today, input.followUpHorizonDays))
      .sort((a, b) => compare(a.nextFollowUpDate!, b.nextFollowUpDate!) || a.id - b.id);
    const overdue = active.filter((p) => p.phase === 'overdue');
    const lists = { within30: byWarning(30), within60: byWarning(60), within90: byWarning(90) };
    return {
      today,
      counts: {
        active: active.length,
        running: active.filter((p) => p.phase === 'running').length,
        upcoming: active.filter((p) => p.phase === 'upcoming').length,
        within30: lists.within30.length,
        within60: lists.within60.length,
        within90: lists.within90.length,
        followUpsDue: followUps.length,
        overdue: overdue.length,
      },
      active,
      ...lists,
      followUpsDue: followUps,
      overdue,
    };
  },
};

async function createPlacement(
  ctx: AuthedContext,
  t: Tx,
  input: PlacementCreateInput,
  today: IsoDate,
  now: string,
): Promise<number> {
  const proposal = await findProposal(t, input.proposalId);
  if (!proposal) throw notFound('Förslaget');
  if ((await placementOfProposal(t, proposal.id)) !== undefined) {
    throw conflict('Förslaget har redan blivit en placering.', 'proposalId');
  }
  // docs/product.md §4 rule 1: no placement without an approved review when the position requires one; never after a veto.
  await assertProposalPlaceable(t, input.proposalId);
  const position = await loadPosition(t, proposal.positionId);
  if (!position.active) throw ruleError('Platsen är inte aktiv och kan inte få nya placeringar.');
  const isSummer = position.employmentForm === 'summer_job';

  let months: number;
  let endDate: IsoDate;
  let periodId: number | null = null;
  if (isSummer) {
    periodId = input.positionPeriodId ?? proposalPeriodId(proposal.explanation);
    if (periodId === null) throw validation('Välj vilken period feriearbetet gäller.', 'positionPeriodId');
    endDate = (await loadPeriod(t, position.id, periodId)).endDate;
    months = 0;
  } else {
    if (input.months === undefined) throw validation('Längd måste anges (antal månader).', 'months');
    months = input.months;
    endDate = subsidyEndDate(input.startDate, months);
  }
  const subsidyTypeId = input.subsidyTypeId !== undefined ? input.subsidyTypeId : position.subsidyTypeId;
  const type = subsidyTypeId === null ? null : await loadSubsidyTypeRow(t, subsidyTypeId);
  const terms: Terms = {
    startDate: input.startDate,
    months,
    endDate,
    positionPeriodId: isSummer ? periodId : (input.positionPeriodId ?? null),
    subsidyTypeId,
    hoursPercent: input.hoursPercent,
    monthlySalary: input.monthlySalaryOre,
    collectiveAgreement: input.collectiveAgreement ?? null,
    afDecisionNumber: input.afDecisionNumber ?? null,
    afDecisionDate: input.afDecisionDate ?? null,
    subsidyPercent: input.subsidyPercent ?? type?.defaultPercent ?? null,
    subsidyCeiling: input.subsidyCeilingOre ?? type?.monthlyCeiling ?? null,
  };
  await checkTerms(t, today, position, proposal.participantId, terms, { extensionMonths: [] });
  if (input.firstFollowUpDate && compare(input.firstFollowUpDate, input.startDate) < 0) {
    throw ruleError('Första uppföljningen kan inte ligga före placeringens start.', 'firstFollowUpDate');
  }

  const row = await insertPlacement(t, {
    proposalId: proposal.id,
    participantId: proposal.participantId,
    positionId: position.id,
    ...terms,
    status: 'active',
    nextFollowUpDate: input.firstFollowUpDate ?? addMonthsClamped(input.startDate, 1),
    createdBy: ctx.user.id,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.change(t, 'placement', row.id, null, placementRecord.view(row), 'Placering skapad');
  if (!isSummer) {
    const workplace = await findWorkplace(t, position.workplaceId);
    await transitionParticipant(ctx, t, proposal.participantId, 'placed', {
      note: `Placerad: ${position.title}, ${workplace?.name ?? ''}, ${row.startDate}–${row.endDate}.`,
      data: { placementId: row.id, proposalId: proposal.id },
    });
  }
  return row.id;
}

async function updatePlacement(
  ctx: AuthedContext,
  t: Tx,
  input: PlacementUpdateInput,
  today: IsoDate,
  now: string,
): Promise<void> {
  const before = await loadPlacementRow(t, input.id);
  assertActive(before, 'ändras');
  const position = await loadPosition(t, before.positionId);
  const exts = await extensionsOf(t, before.id);
  const startDate = input.startDate ?? before.startDate;
  const isSummer = position.employmentForm === 'summer_job';
  const months = isSummer ? 0 : (input.months ?? before.months);
  if (exts.length > 0 && (startDate !== before.startDate || months !== before.months)) {
    throw ruleError(
      'Startdatum och längd kan inte ändras efter en förlängning. Avsluta placeringen och skapa en ny om villkoren ska göras om.',
    );
  }
  let endDate = before.endDate;
  if (!isSummer && (startDate !== before.startDate || months !== before.months))
    endDate = subsidyEndDate(startDate, months);
  const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
  const subsidyTypeId = pick(input.subsidyTypeId, before.subsidyTypeId);
  const terms: Terms = {
    startDate,
    months,
    endDate,
    positionPeriodId: before.positionPeriodId,
    subsidyTypeId,
    hoursPercent: input.hoursPercent ?? before.hoursPercent,
    monthlySalary: input.monthlySalaryOre ?? before.monthlySalary,
    collectiveAgreement: pick(input.collectiveAgreement, before.collectiveAgreement),
    afDecisionNumber: pick(input.afDecisionNumber, before.afDecisionNumber),
    afDecisionDate: pick(input.afDecisionDate, before.afDecisionDate),
    subsidyPercent: pick(input.subsidyPercent, before.subsidyPercent),
    subsidyCeiling: pick(input.subsidyCeilingOre, before.subsidyCeiling),
  };
  await checkTerms(t, today, position, before.participantId, terms, {
    self: before,
    extensionMonths: exts.map((e) => e.months),
  });
  const nextFollowUpDate = pick(input.nextFollowUpDate, before.nextFollowUpDate);
  await changeRecord(
    t,
    ctx.audit,
    placementRecord,
    before.id,
    { ...terms, nextFollowUpDate, updatedAt: now },
    { before },
  );
}

/** Placements by id, for other areas (reports, contracts) that need summaries. */
export async function placementSummaries(r: Reader, today: IsoDate, ids: number[]): Promise<PlacementSummary[]> {
  return ids.length === 0 ? [] : loadSummaries(r, today, { ids });
}
