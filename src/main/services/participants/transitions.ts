/**
 * Stage transitions of a participant (docs/product.md §2). Every function here works in the caller's unit of work
 * (`t`), so other areas call them inside their own:
 *
 *   await ctx.tx(async (t) => {
 *     ...insert the proposal...
 *     await transitionParticipant(ctx, t, participantId, 'proposed', { kind: 'proposal', data: { proposalId } });
 *   });
 *
 * Each transition checks the journey rule (src/shared/rules/journey.ts), updates stage and stage_since, writes a
 * timeline event and records the change in the audit log. A refused transition throws a RULE error with a Swedish
 * reason and changes nothing.
 */
import type { Tx } from '../../store';
import { bookingsOfParticipant, updateBookings } from '../../store/meetings';
import { insertExitFollowUps, insertParticipantEvent, participantRecord } from '../../store/participants';
import { changeRecord } from '../../store/record';
import type { ServiceContext } from '../context';
import { localToday } from '../../util/clock';
import { AppError, conflict, ruleError, validation } from '../../../shared/errors';
import {
  FOLLOW_UP_MONTHS,
  STAGE_LABELS,
  type CloseReason,
  type ExitOutcome,
  type PauseReason,
  type Stage,
} from '../../../shared/domain/participant';
import {
  SERVICE_TRANSITION_VIA,
  checkTransition,
  pauseReturnStage,
  type JourneyCommand,
  type JourneyVia,
  type TransitionRule,
} from '../../../shared/rules/journey';
import { addMonthsClamped, compare } from '../../../shared/rules/dates';
import { journeyState, loadParticipant, type ParticipantRow } from './views';

export interface TimelineEventInput {
  kind: string;
  note?: string | null;
  /** Structured details; a string `summary` here is shown as the event's line on the timeline. */
  data?: Record<string, unknown> | null;
  fromStage?: Stage | null;
  toStage?: Stage | null;
}

/** Appends an event to the participant's timeline (who = the caller, when = now). */
export async function addTimelineEvent(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  e: TimelineEventInput,
): Promise<void> {
  await insertParticipantEvent(t, {
    participantId,
    at: ctx.clock.now().toISOString(),
    userId: ctx.user?.id ?? null,
    kind: e.kind,
    fromStage: e.fromStage ?? null,
    toStage: e.toStage ?? null,
    note: e.note ?? null,
    data: e.data && Object.keys(e.data).length > 0 ? e.data : null,
  });
}

export interface ApplyTransitionOptions {
  /** Which command, when several lead to the same stage. */
  command?: JourneyCommand;
  /** Where the call comes from; a transition that belongs elsewhere is refused. */
  via: readonly JourneyVia[];
  note?: string | null;
  data?: Record<string, unknown>;
  /** Timeline event kind; default 'transition'. */
  kind?: string;
  /** Marks the event as made automatically by Växla rather than by the user's own command. */
  system?: boolean;
  /** Other columns to set together with the stage. */
  patch?: Partial<ParticipantRow>;
  /** stage_since; default today. */
  stageSince?: string;
  /** Refuse if the person is no longer in this stage (someone else moved them). */
  expectedStage?: Stage;
}

export interface AppliedTransition {
  before: ParticipantRow;
  after: ParticipantRow;
  rule: TransitionRule;
}

/** Clears the fields that belong to the stage being left. */
function leavingPatch(from: Stage): Partial<ParticipantRow> {
  if (from === 'paused') return { pausedFromStage: null, pauseReason: null, pauseExpectedReturn: null };
  if (from === 'closed') return { closeReason: null };
  if (from === 'exited') return { exitOutcome: null, exitDate: null };
  return {};
}

/** The one place a stage changes. */
export async function applyTransition(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  to: Stage,
  o: ApplyTransitionOptions,
): Promise<AppliedTransition> {
  const before = await loadParticipant(t, participantId);
  const from = before.stage as Stage;
  if (o.expectedStage !== undefined && o.expectedStage !== from) {
    throw conflict(
      `Deltagaren har just flyttats till steget ”${STAGE_LABELS[from]}” av någon annan. Ladda om sidan och försök igen.`,
    );
  }
  const check = checkTransition(journeyState(before), to, { command: o.command, via: o.via });
  if (!check.ok) throw ruleError(check.reason);

  const { after } = await changeRecord(
    t,
    ctx.audit,
    participantRecord,
    participantId,
    {
      ...leavingPatch(from),
      ...o.patch,
      stage: to,
      stageSince: o.stageSince ?? localToday(ctx.clock),
      updatedAt: ctx.clock.now().toISOString(),
    },
    { before, detail: `Steg: ${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}` },
  );
  await addTimelineEvent(ctx, t, participantId, {
    kind: o.kind ?? 'transition',
    fromStage: from,
    toStage: to,
    note: o.note ?? null,
    data: { command: check.rule.command, ...o.data, ...(o.system ? { system: true } : {}) },
  });
  return { before, after, rule: check.rule };
}

/**
 * Moves a participant to `to` on behalf of another part of Växla (matching: matching → proposed; review:
 * proposed → approved or back to matching; placements: approved → placed, placed → matching), in the caller's unit
 * of work. Pausing, closing, exiting and reopening carry data and have their own functions
 * (pauseParticipant, closeParticipant, exitParticipant, reopenParticipant).
 *
 * @throws AppError RULE with a Swedish reason when the journey does not allow the move.
 */
export async function transitionParticipant(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  to: Stage,
  opts: { note?: string; data?: Record<string, unknown>; kind?: string; system?: boolean } = {},
): Promise<void> {
  await applyTransition(ctx, t, participantId, to, {
    via: SERVICE_TRANSITION_VIA,
    note: opts.note ?? null,
    data: opts.data,
    kind: opts.kind,
    system: opts.system,
  });
}

// ---------------------------------------------------------------------------------------------
// Bookings that end with a stage change elsewhere

/** Cancels the participant's active booking (if any) and returns the meeting it was for. */
export async function cancelActiveBooking(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
): Promise<{ meetingId: number; startsAt: string; place: string } | null> {
  const active = (await bookingsOfParticipant(t, participantId)).filter((b) => b.status === 'booked');
  if (active.length === 0) return null;
  await updateBookings(
    t,
    active.map((b) => b.bookingId),
    { status: 'cancelled', recordedAt: ctx.clock.now().toISOString(), recordedBy: ctx.user?.id ?? null },
  );
  const first = active[0]!;
  return { meetingId: first.meetingId, startsAt: first.startsAt, place: first.place };
}

async function cancelBookingWithEvent(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  summary: string,
): Promise<void> {
  const cancelled = await cancelActiveBooking(ctx, t, participantId);
  if (cancelled)
    await addTimelineEvent(ctx, t, participantId, {
      kind: 'meeting',
      data: { command: 'cancel_booking', ...cancelled, summary },
    });
}

const requireNoteFor = (other: boolean, note: string | null | undefined) => {
  if (other && !note) throw validation('Anteckning: Beskriv orsaken när du väljer ”Annan orsak”/”Annat”.', 'note');
};

// ---------------------------------------------------------------------------------------------
// Commands that carry data

export interface CommandOptions {
  note?: string | null;
  expectedStage?: Stage;
}

/** Pause (sick leave, parental leave, other) with an expected return date after today. */
export async function pauseParticipant(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  input: CommandOptions & { reason: PauseReason; expectedReturn: string },
): Promise<AppliedTransition> {
  requireNoteFor(input.reason === 'other', input.note);
  const today = localToday(ctx.clock);
  if (compare(input.expectedReturn, today) <= 0) {
    throw validation('Förväntad återkomst: Datumet måste ligga efter dagens datum.', 'expectedReturn');
  }
  const row = await loadParticipant(t, participantId);
  const from = row.stage as Stage;
  // The booking is cancelled first, so the timeline reads "cancelled", then "paused".
  if (from === 'meeting_booked')
    await cancelBookingWithEvent(ctx, t, participantId, 'Avbokad från informationsmöte (pausad)');
  {
    return applyTransition(ctx, t, participantId, 'paused', {
      command: 'pause',
      via: ['participants.pause'],
      expectedStage: input.expectedStage,
      note: input.note,
      data: { reason: input.reason, expectedReturn: input.expectedReturn },
      patch: {
        pausedFromStage: pauseReturnStage(from),
        pauseReason: input.reason,
        pauseExpectedReturn: input.expectedReturn,
      },
    });
  }
}

/** Resume a paused participant in the stage they were paused from. */
export async function resumeParticipant(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  input: CommandOptions = {},
): Promise<AppliedTransition> {
  {
    const row = await loadParticipant(t, participantId);
    if (row.stage !== 'paused') throw ruleError('Deltagaren är inte pausad.');
    const to = (row.pausedFromStage ?? 'referred') as Stage;
    return applyTransition(ctx, t, participantId, to, {
      command: 'resume',
      via: ['participants.resume'],
      expectedStage: input.expectedStage,
      note: input.note,
      data: { pauseReason: row.pauseReason, expectedReturn: row.pauseExpectedReturn },
    });
  }
}

/** Close without placement (moved, declined, no work capacity, other). Cancels an active meeting booking. */
export async function closeParticipant(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  input: CommandOptions & { reason: CloseReason },
): Promise<AppliedTransition> {
  requireNoteFor(input.reason === 'other', input.note);
  {
    const row = await loadParticipant(t, participantId);
    if (row.stage === 'meeting_booked')
      await cancelBookingWithEvent(ctx, t, participantId, 'Avbokad från informationsmöte (avslutad)');
    return applyTransition(ctx, t, participantId, 'closed', {
      command: 'close',
      via: ['participants.close'],
      expectedStage: input.expectedStage,
      note: input.note,
      data: { reason: input.reason },
      patch: { closeReason: input.reason },
    });
  }
}

/**
 * Exit with an outcome (from placed). Schedules the follow-ups 6 and 12 months after the exit date: is the person
 * still self-supporting? The placements area calls it in its unit of work when a placement ends.
 */
export async function exitParticipant(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  input: CommandOptions & { outcome: ExitOutcome; date: string },
): Promise<AppliedTransition> {
  requireNoteFor(input.outcome === 'other', input.note);
  const today = localToday(ctx.clock);
  if (compare(input.date, today) > 0) throw validation('Avslutsdatum: Datumet kan inte ligga i framtiden.', 'date');
  {
    const row = await loadParticipant(t, participantId);
    if (compare(input.date, row.referralDate) < 0) {
      throw validation(`Avslutsdatum: Datumet kan inte ligga före remissdatumet ${row.referralDate}.`, 'date');
    }
    const result = await applyTransition(ctx, t, participantId, 'exited', {
      command: 'exit',
      via: ['participants.exit'],
      expectedStage: input.expectedStage,
      note: input.note,
      data: { outcome: input.outcome, date: input.date },
      patch: { exitOutcome: input.outcome, exitDate: input.date },
      stageSince: input.date,
    });
    await insertExitFollowUps(
      t,
      FOLLOW_UP_MONTHS.map((months) => ({
        participantId,
        exitDate: input.date,
        months,
        dueDate: addMonthsClamped(input.date, months),
      })),
    );
    return result;
  }
}

/** A new referral of a closed or exited person: back to referred, no-show count reset. */
export async function reopenParticipant(
  ctx: ServiceContext,
  t: Tx,
  participantId: number,
  input: CommandOptions & { referralDate: string },
): Promise<AppliedTransition> {
  const today = localToday(ctx.clock);
  if (compare(input.referralDate, today) > 0)
    throw validation('Remissdatum: Datumet kan inte ligga i framtiden.', 'referralDate');
  const row = await loadParticipant(t, participantId);
  if (
    row.stage !== 'closed' &&
    row.stage !== 'exited' &&
    (input.expectedStage === undefined || input.expectedStage === row.stage)
  ) {
    throw ruleError('Bara en avslutad deltagare kan få en ny remiss (återaktiveras).');
  }
  return applyTransition(ctx, t, participantId, 'referred', {
    command: 'reopen',
    via: ['participants.reopen'],
    expectedStage: input.expectedStage,
    note: input.note,
    data: { referralDate: input.referralDate },
    patch: { referralDate: input.referralDate, noShowCount: 0 },
    stageSince: input.referralDate,
  });
}

/** Re-throws a refusal about one person with the person's name in front, so a batch says who was refused. */
export async function withPersonInMessage<T>(
  row: { firstName: string; lastName: string; ref: string },
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && (e.code === 'RULE' || e.code === 'CONFLICT')) {
      throw new AppError(e.code, `${row.firstName} ${row.lastName} (${row.ref}): ${e.message}`, e.field);
    }
    throw e;
  }
}
