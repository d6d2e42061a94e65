/**
 * Participants (docs/product.md §2, §3): register, edit, map, move through the journey, import referrals, follow up after
 * exit. Reads of a person are audited; the social case reaches coordinators and admins only (contract views).
 */
import type { Reader, Tx } from '../../store';
import { activePlacementOf } from '../../store/placements';
import {
  findByPersonnummer,
  insertParticipant,
  nextRefNumber,
  participantAuditView,
  participantRecord,
} from '../../store/participants';
import { changeRecord } from '../../store/record';
import type { AuthedContext } from '../context';
import type { HandlerMap } from '../handlers';
import { localToday } from '../../util/clock';
import { conflict, ruleError, validation } from '../../../shared/errors';
import { STAGE_LABELS, type Stage } from '../../../shared/domain/participant';
import {
  GENERIC_TRANSITION_VIA,
  describeMissing,
  mappingMissing,
  requiresCompleteMapping,
} from '../../../shared/rules/journey';
import { formatPersonnummer, parsePersonnummer } from '../../../shared/rules/personnummer';
import { compare } from '../../../shared/rules/dates';
import { importCommit, importPreview } from './import';
import { dashboard, listFollowUps, recordFollowUp } from './follow-ups';
import { filterOptions, listParticipants } from './list';
import {
  assertCoordinator,
  defaultCoordinator,
  derivedColumns,
  formatRef,
  fullName,
  journeyState,
  loadParticipant,
  toDetail,
  type ParticipantRow,
} from './views';
import {
  addTimelineEvent,
  applyTransition,
  closeParticipant,
  exitParticipant,
  pauseParticipant,
  reopenParticipant,
  resumeParticipant,
} from './transitions';

export { addTimelineEvent, exitParticipant, transitionParticipant } from './transitions';

/** Validates a personnummer as typed against today and refuses one that belongs to someone else. */
async function canonicalPersonnummer(
  ctx: AuthedContext,
  r: Reader,
  input: string,
  excludeId?: number,
): Promise<string> {
  const parsed = parsePersonnummer(input, localToday(ctx.clock));
  if (!parsed.ok) throw validation(`Personnummer: ${parsed.reason}`, 'personnummer');
  const existing = await findByPersonnummer(r, parsed.canonical, excludeId);
  if (existing) {
    throw conflict(
      `Det finns redan en deltagare med personnumret ${formatPersonnummer(parsed.canonical)}: ${fullName(existing)} (${existing.ref}). Öppna den personen i stället.`,
      'personnummer',
    );
  }
  return parsed.canonical;
}

function assertNotFuture(ctx: AuthedContext, date: string | undefined, label: string, field: string): void {
  if (date !== undefined && compare(date, localToday(ctx.clock)) > 0) {
    throw validation(`${label}: Datumet kan inte ligga i framtiden.`, field);
  }
}

function assertFresh(row: ParticipantRow, expectedUpdatedAt: string | undefined): void {
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== row.updatedAt) {
    throw conflict('Någon annan har ändrat deltagaren sedan du öppnade den. Ladda om och gör ändringen igen.');
  }
}

/** Fields of an update input that were given (undefined = unchanged). */
function given<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const MAPPING_KEYS = [
  'languages',
  'swedishLevel',
  'educationLevel',
  'licenceClasses',
  'experienceText',
  'ssykCode',
  'skills',
  'interests',
  'restrictions',
  'wishedKinds',
  'availablePercent',
  'earliestStart',
] as const;

const detailOf = async (ctx: AuthedContext, id: number) => toDetail(ctx, await loadParticipant(ctx.db, id));

/** Runs a command in a unit of work, then answers with the person's detail as committed. */
const command = async (ctx: AuthedContext, id: number, fn: (t: Tx) => Promise<unknown>) => {
  await ctx.tx(fn);
  return detailOf(ctx, id);
};

type Names =
  | 'participants.list'
  | 'participants.filterOptions'
  | 'participants.get'
  | 'participants.checkPersonnummer'
  | 'participants.create'
  | 'participants.update'
  | 'participants.updateMapping'
  | 'participants.addNote'
  | 'participants.transition'
  | 'participants.pause'
  | 'participants.resume'
  | 'participants.close'
  | 'participants.exit'
  | 'participants.reopen'
  | 'participants.importPreview'
  | 'participants.importCommit'
  | 'participants.followUps'
  | 'participants.recordFollowUp'
  | 'participants.dashboard';

export const participantHandlers: HandlerMap<Names> = {
  'participants.list': async (ctx, input) => listParticipants(ctx, input),

  'participants.filterOptions': async (ctx) => filterOptions(ctx.db),

  'participants.get': async (ctx, input) => {
    const row = await loadParticipant(ctx.db, input.id);
    ctx.audit.read('participant', row.id);
    return toDetail(ctx, row);
  },

  'participants.checkPersonnummer': async (ctx, input) => {
    const parsed = parsePersonnummer(input.personnummer, localToday(ctx.clock));
    if (!parsed.ok) return { ok: false as const, reason: parsed.reason };
    const existing = await findByPersonnummer(ctx.db, parsed.canonical, input.excludeId);
    if (existing) ctx.audit.read('participant', existing.id);
    return {
      ok: true as const,
      canonical: parsed.canonical,
      formatted: formatPersonnummer(parsed.canonical),
      kind: parsed.kind,
      birthDate: parsed.birthDate,
      existing: existing ? { id: existing.id, ref: existing.ref, name: fullName(existing) } : null,
    };
  },

  'participants.create': async (ctx, input) => {
    assertNotFuture(ctx, input.referralDate, 'Remissdatum', 'referralDate');
    return ctx.tx(async (t) => {
      const personnummer = await canonicalPersonnummer(ctx, t, input.personnummer);
      const coordinatorId = input.coordinatorId === undefined ? defaultCoordinator(ctx) : input.coordinatorId;
      if (coordinatorId !== null) await assertCoordinator(t, coordinatorId);
      const today = localToday(ctx.clock);
      const year = today.slice(0, 4);
      const ref = formatRef(year, await nextRefNumber(t, year));
      const nowIso = ctx.clock.now().toISOString();
      const created = await insertParticipant(t, {
        ref,
        personnummer,
        firstName: input.firstName,
        lastName: input.lastName,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
        postalCode: input.postalCode ?? null,
        city: input.city ?? null,
        district: input.district ?? null,
        referralDate: input.referralDate,
        caseworkerName: input.caseworkerName ?? null,
        caseworkerUnit: input.caseworkerUnit ?? null,
        caseworkerPhone: input.caseworkerPhone ?? null,
        caseworkerEmail: input.caseworkerEmail ?? null,
        coordinatorId,
        childrenInHousehold: input.childrenInHousehold ?? 0,
        longTermRecipient: input.longTermRecipient ?? false,
        monthlyAssistance: input.monthlyAssistance ?? null,
        caseNotes: input.caseNotes ?? null,
        languages: input.languages ?? [],
        swedishLevel: input.swedishLevel ?? null,
        educationLevel: input.educationLevel ?? null,
        licenceClasses: input.licenceClasses ?? [],
        experienceText: input.experienceText ?? null,
        ssykCode: input.ssykCode ?? null,
        skills: input.skills ?? [],
        interests: input.interests ?? [],
        restrictions: input.restrictions ?? null,
        wishedKinds: input.wishedKinds ?? [],
        availablePercent: input.availablePercent ?? null,
        earliestStart: input.earliestStart ?? null,
        stage: 'referred',
        stageSince: input.referralDate,
        createdAt: nowIso,
        updatedAt: nowIso,
        ...derivedColumns({
          firstName: input.firstName,
          lastName: input.lastName,
          personnummer,
          ref,
          caseworkerName: input.caseworkerName ?? null,
        }),
      });
      await addTimelineEvent(ctx, t, created.id, {
        kind: 'created',
        toStage: 'referred',
        note: input.note ?? null,
        data: { source: 'manual' },
      });
      await ctx.audit.change(
        t,
        'participant',
        created.id,
        null,
        participantAuditView(created),
        'Deltagare registrerad',
      );
      return toDetail(ctx, created, t);
    });
  },

  'participants.update': async (ctx, input) => {
    const { id, expectedUpdatedAt, ...fields } = input;
    assertNotFuture(ctx, fields.referralDate, 'Remissdatum', 'referralDate');
    return ctx.tx(async (t) => {
      const before = await loadParticipant(t, id);
      assertFresh(before, expectedUpdatedAt);
      const patch: Partial<ParticipantRow> = given({
        firstName: fields.firstName,
        lastName: fields.lastName,
        phone: fields.phone,
        email: fields.email,
        address: fields.address,
        postalCode: fields.postalCode,
        city: fields.city,
        district: fields.district,
        referralDate: fields.referralDate,
        caseworkerName: fields.caseworkerName,
        caseworkerUnit: fields.caseworkerUnit,
        caseworkerPhone: fields.caseworkerPhone,
        caseworkerEmail: fields.caseworkerEmail,
        coordinatorId: fields.coordinatorId,
        childrenInHousehold: fields.childrenInHousehold,
        longTermRecipient: fields.longTermRecipient,
        monthlyAssistance: fields.monthlyAssistance,
        caseNotes: fields.caseNotes,
      });
      // The stored 12-digit number, sent back unchanged by an edit form, is not validated again.
      if (fields.personnummer !== undefined && fields.personnummer.replace(/[\s-]/g, '') !== before.personnummer) {
        const canonical = await canonicalPersonnummer(ctx, t, fields.personnummer, id);
        if (canonical !== before.personnummer) patch.personnummer = canonical;
      }
      if (
        patch.coordinatorId !== undefined &&
        patch.coordinatorId !== null &&
        patch.coordinatorId !== before.coordinatorId
      ) {
        await assertCoordinator(t, patch.coordinatorId);
      }
      // While still waiting as referred, the stage began on the referral date.
      if (
        patch.referralDate !== undefined &&
        before.stage === 'referred' &&
        before.stageSince === before.referralDate
      ) {
        patch.stageSince = patch.referralDate;
      }
      const merged = { ...before, ...patch };
      const { after } = await changeRecord(
        t,
        ctx.audit,
        participantRecord,
        id,
        { ...patch, ...derivedColumns(merged), updatedAt: ctx.clock.now().toISOString() },
        { before },
      );
      return toDetail(ctx, after, t);
    });
  },

  'participants.updateMapping': async (ctx, input) => {
    const { id, expectedUpdatedAt, markMapped, note, ...fields } = input;
    return ctx.tx(async (t) => {
      const before = await loadParticipant(t, id);
      assertFresh(before, expectedUpdatedAt);
      const patch = given(Object.fromEntries(MAPPING_KEYS.map((k) => [k, fields[k]]))) as Partial<ParticipantRow>;
      const changed = Object.keys(patch).filter(
        (k) => JSON.stringify(patch[k as keyof ParticipantRow]) !== JSON.stringify(before[k as keyof ParticipantRow]),
      );
      let row = before;
      if (changed.length > 0) {
        const merged = { ...before, ...patch };
        const stage = before.stage as Stage;
        const missing = mappingMissing(journeyState(merged).mapping);
        if (missing.length > 0 && requiresCompleteMapping(stage, (before.pausedFromStage as Stage | null) ?? null)) {
          throw ruleError(
            `Kartläggningen måste vara komplett så länge deltagaren är i steget ”${STAGE_LABELS[stage]}”. Fyll i: ${describeMissing(missing)}.`,
          );
        }
        row = (
          await changeRecord(
            t,
            ctx.audit,
            participantRecord,
            id,
            { ...patch, updatedAt: ctx.clock.now().toISOString() },
            { before, detail: 'Kartläggning' },
          )
        ).after;
        await addTimelineEvent(ctx, t, id, {
          kind: 'mapping',
          note: markMapped ? null : (note ?? null),
          data: { fields: changed },
        });
      }
      if (markMapped) {
        row = (
          await applyTransition(ctx, t, id, 'mapped', {
            command: 'mark_mapped',
            via: GENERIC_TRANSITION_VIA,
            note: note ?? null,
          })
        ).after;
      }
      return toDetail(ctx, row, t);
    });
  },

  'participants.addNote': async (ctx, input) =>
    ctx.tx(async (t) => {
      const row = await loadParticipant(t, input.id);
      await addTimelineEvent(ctx, t, row.id, { kind: 'note', note: input.note });
      await ctx.audit.change(t, 'participant', row.id, null, null, 'Anteckning i tidslinjen');
      return toDetail(ctx, row, t);
    }),

  'participants.transition': async (ctx, input) =>
    ctx.tx(async (t) => {
      const { after } = await applyTransition(ctx, t, input.id, input.to, {
        via: GENERIC_TRANSITION_VIA,
        note: input.note ?? null,
        expectedStage: input.expectedStage,
      });
      return toDetail(ctx, after, t);
    }),

  'participants.pause': async (ctx, input) =>
    command(ctx, input.id, (t) =>
      pauseParticipant(ctx, t, input.id, {
        reason: input.reason,
        expectedReturn: input.expectedReturn,
        note: input.note,
        expectedStage: input.expectedStage,
      }),
    ),

  'participants.resume': async (ctx, input) =>
    command(ctx, input.id, (t) =>
      resumeParticipant(ctx, t, input.id, { note: input.note, expectedStage: input.expectedStage }),
    ),

  'participants.close': async (ctx, input) =>
    command(ctx, input.id, (t) =>
      closeParticipant(ctx, t, input.id, {
        reason: input.reason,
        note: input.note,
        expectedStage: input.expectedStage,
      }),
    ),

  'participants.exit': async (ctx, input) =>
    command(ctx, input.id, async (t) => {
      if (await activePlacementOf(t, input.id)) {
        throw ruleError(
          'Deltagaren har en pågående placering. Avsluta placeringen under Placeringar; då registreras utfallet här.',
        );
      }
      await exitParticipant(ctx, t, input.id, {
        outcome: input.outcome,
        date: input.date,
        note: input.note,
        expectedStage: input.expectedStage,
      });
    }),

  'participants.reopen': async (ctx, input) =>
    command(ctx, input.id, (t) =>
      reopenParticipant(ctx, t, input.id, {
        referralDate: input.referralDate,
        note: input.note,
        expectedStage: input.expectedStage,
      }),
    ),

  'participants.importPreview': async (ctx, input) => importPreview(ctx, input),

  'participants.importCommit': async (ctx, input) => importCommit(ctx, input),

  'participants.followUps': async (ctx, input) => listFollowUps(ctx, input),

  'participants.recordFollowUp': async (ctx, input) => recordFollowUp(ctx, input),

  'participants.dashboard': async (ctx, input) => dashboard(ctx, input),
};
