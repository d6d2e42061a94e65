/**
 * Stage transitions of a participant (docs/product.md §2). Every function here is synchronous and runs in a transaction
 * (a savepoint when the caller already has one), so other areas call them inside their own `tx`:
 *
 *   tx(ctx.legacyDb, () => {
 *     ...insert the proposal...
 *     transitionParticipant(ctx, participantId, 'proposed', { kind: 'proposal', data: { proposalId } });
 *   });
 *
 * Each transition checks the journey rule (src/shared/rules/journey.ts), updates stage and stage_since, writes a
 * timeline event and records the change in the audit log. A refused transition throws a RULE error with a Swedish
 * reason and changes nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { tx } from '../../db/connection';
import { exitFollowUps, infoMeetingBookings, infoMeetings, participantEvents, participants } from '../../db/schema';
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
import { auditView, journeyState, loadParticipant, type ParticipantRow } from './store';

export interface TimelineEventInput {
  kind: string;
  note?: string | null;
  /** Structured details; a string `summary` here is shown as the event's line on the timeline. */
  data?: Record<string, unknown> | null;
  fromStage?: Stage | null;
  toStage?: Stage | null;
}

/** Appends an event to the participant's timeline (who = the caller, when = now). */
export function addTimelineEvent(ctx: ServiceContext, participantId: number, e: TimelineEventInput): void {
  ctx.legacyDb
    .insert(participantEvents)
    .values({
      participantId,
      at: ctx.clock.now().toISOString(),
      userId: ctx.user?.id ?? null,
      kind: e.kind,
      fromStage: e.fromStage ?? null,
      toStage: e.toStage ?? null,
      note: e.note ?? null,
      data: e.data && Object.keys(e.data).length > 0 ? e.data : null,
    })
    .run();
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
export function applyTransition(
  ctx: ServiceContext,
  participantId: number,
  to: Stage,
  o: ApplyTransitionOptions,
): AppliedTransition {
  return tx(ctx.legacyDb, () => {
    const before = loadParticipant(ctx.legacyDb, participantId);
    const from = before.stage as Stage;
    if (o.expectedStage !== undefined && o.expectedStage !== from) {
      throw conflict(
        `Deltagaren har just flyttats till steget ”${STAGE_LABELS[from]}” av någon annan. Ladda om sidan och försök igen.`,
      );
    }
    const check = checkTransition(journeyState(before), to, { command: o.command, via: o.via });
    if (!check.ok) throw ruleError(check.reason);

    const after = ctx.legacyDb
      .update(participants)
      .set({
        ...leavingPatch(from),
        ...o.patch,
        stage: to,
        stageSince: o.stageSince ?? localToday(ctx.clock),
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where(eq(participants.id, participantId))
      .returning()
      .get();

    addTimelineEvent(ctx, participantId, {
      kind: o.kind ?? 'transition',
      fromStage: from,
      toStage: to,
      note: o.note ?? null,
      data: { command: check.rule.command, ...o.data, ...(o.system ? { system: true } : {}) },
    });
    ctx.audit.change(
      'participant',
      participantId,
      auditView(before),
      auditView(after),
      `Steg: ${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`,
    );
    return { before, after, rule: check.rule };
  });
}

/**
 * Moves a participant to `to` on behalf of another part of Växla (matching: matching → proposed; review:
 * proposed → approved or back to matching; placements: approved → placed, placed → matching). Synchronous; call it
 * inside your transaction. Pausing, closing, exiting and reopening carry data and have their own functions
 * (pauseParticipant, closeParticipant, exitParticipant, reopenParticipant).
 *
 * @throws AppError RULE with a Swedish reason when the journey does not allow the move.
 */
export function transitionParticipant(
  ctx: ServiceContext,
  participantId: number,
  to: Stage,
  opts: { note?: string; data?: Record<string, unknown>; kind?: string; system?: boolean } = {},
): void {
  applyTransition(ctx, participantId, to, {
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
export function cancelActiveBooking(
  ctx: ServiceContext,
  participantId: number,
): { meetingId: number; startsAt: string; place: string } | null {
  const active = ctx.legacyDb
    .select({
      bookingId: infoMeetingBookings.id,
      meetingId: infoMeetings.id,
      startsAt: infoMeetings.startsAt,
      place: infoMeetings.place,
    })
    .from(infoMeetingBookings)
    .innerJoin(infoMeetings, eq(infoMeetings.id, infoMeetingBookings.meetingId))
    .where(and(eq(infoMeetingBookings.participantId, participantId), eq(infoMeetingBookings.status, 'booked')))
    .all();
  if (active.length === 0) return null;
  ctx.legacyDb
    .update(infoMeetingBookings)
    .set({ status: 'cancelled', recordedAt: ctx.clock.now().toISOString(), recordedBy: ctx.user?.id ?? null })
    .where(
      inArray(
        infoMeetingBookings.id,
        active.map((b) => b.bookingId),
      ),
    )
    .run();
  const first = active[0]!;
  return { meetingId: first.meetingId, startsAt: first.startsAt, place: first.place };
}

function cancelBookingWithEvent(ctx: ServiceContext, participantId: number, summary: string): void {
  const cancelled = cancelActiveBooking(ctx, participantId);
  if (cancelled)
    addTimelineEvent(ctx, participantId, {
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
export function pauseParticipant(
  ctx: ServiceContext,
  participantId: number,
  input: CommandOptions & { reason: PauseReason; expectedReturn: string },
): AppliedTransition {
  requireNoteFor(input.reason === 'other', input.note);
  const today = localToday(ctx.clock);
  if (compare(input.expectedReturn, today) <= 0) {
    throw validation('Förväntad återkomst: Datumet måste ligga efter dagens datum.', 'expectedReturn');
  }
  return tx(ctx.legacyDb, () => {
    const row = loadParticipant(ctx.legacyDb, participantId);
    const from = row.stage as Stage;
    // The booking is cancelled first, so the timeline reads "cancelled", then "paused".
    if (from === 'meeting_booked') cancelBookingWithEvent(ctx, participantId, 'Avbokad från informationsmöte (pausad)');
    return applyTransition(ctx, participantId, 'paused', {
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
  });
}

/** Resume a paused participant in the stage they were paused from. */
export function resumeParticipant(
  ctx: ServiceContext,
  participantId: number,
  input: CommandOptions = {},
): AppliedTransition {
  return tx(ctx.legacyDb, () => {
    const row = loadParticipant(ctx.legacyDb, participantId);
    if (row.stage !== 'paused') throw ruleError('Deltagaren är inte pausad.');
    const to = (row.pausedFromStage ?? 'referred') as Stage;
    return applyTransition(ctx, participantId, to, {
      command: 'resume',
      via: ['participants.resume'],
      expectedStage: input.expectedStage,
      note: input.note,
      data: { pauseReason: row.pauseReason, expectedReturn: row.pauseExpectedReturn },
    });
  });
}

/** Close without placement (moved, declined, no work capacity, other). Cancels an active meeting booking. */
export function closeParticipant(
  ctx: ServiceContext,
  participantId: number,
  input: CommandOptions & { reason: CloseReason },
): AppliedTransition {
  requireNoteFor(input.reason === 'other', input.note);
  return tx(ctx.legacyDb, () => {
    const row = loadParticipant(ctx.legacyDb, participantId);
    if (row.stage === 'meeting_booked')
      cancelBookingWithEvent(ctx, participantId, 'Avbokad från informationsmöte (avslutad)');
    return applyTransition(ctx, participantId, 'closed', {
      command: 'close',
      via: ['participants.close'],
      expectedStage: input.expectedStage,
      note: input.note,
      data: { reason: input.reason },
      patch: { closeReason: input.reason },
    });
  });
}

/**
 * Exit with an outcome (from placed). Schedules the follow-ups 6 and 12 months after the exit date: is the person
 * still self-supporting? Synchronous; the placements area calls it inside its transaction when a placement ends.
 */
export function exitParticipant(
  ctx: ServiceContext,
  participantId: number,
  input: CommandOptions & { outcome: ExitOutcome; date: string },
): AppliedTransition {
  requireNoteFor(input.outcome === 'other', input.note);
  const today = localToday(ctx.clock);
  if (compare(input.date, today) > 0) throw validation('Avslutsdatum: Datumet kan inte ligga i framtiden.', 'date');
  return tx(ctx.legacyDb, () => {
    const row = loadParticipant(ctx.legacyDb, participantId);
    if (compare(input.date, row.referralDate) < 0) {
      throw validation(`Avslutsdatum: Datumet kan inte ligga före remissdatumet ${row.referralDate}.`, 'date');
    }
    const result = applyTransition(ctx, participantId, 'exited', {
      command: 'exit',
      via: ['participants.exit'],
      expectedStage: input.expectedStage,
      note: input.note,
      data: { outcome: input.outcome, date: input.date },
      patch: { exitOutcome: input.outcome, exitDate: input.date },
      stageSince: input.date,
    });
    for (const months of FOLLOW_UP_MONTHS) {
      ctx.legacyDb
        .insert(exitFollowUps)
        .values({ participantId, exitDate: input.date, months, dueDate: addMonthsClamped(input.date, months) })
        .onConflictDoNothing()
        .run();
    }
    return result;
  });
}

/** A new referral of a closed or exited person: back to referred, no-show count reset. */
export function reopenParticipant(
  ctx: ServiceContext,
  participantId: number,
  input: CommandOptions & { referralDate: string },
): AppliedTransition {
  const today = localToday(ctx.clock);
  if (compare(input.referralDate, today) > 0)
    throw validation('Remissdatum: Datumet kan inte ligga i framtiden.', 'referralDate');
  const row = loadParticipant(ctx.legacyDb, participantId);
  if (
    row.stage !== 'closed' &&
    row.stage !== 'exited' &&
    (input.expectedStage === undefined || input.expectedStage === row.stage)
  ) {
    throw ruleError('Bara en avslutad deltagare kan få en ny remiss (återaktiveras).');
  }
  return applyTransition(ctx, participantId, 'referred', {
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
export function withPersonInMessage<T>(row: { firstName: string; lastName: string; ref: string }, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && (e.code === 'RULE' || e.code === 'CONFLICT')) {
      throw new AppError(e.code, `${row.firstName} ${row.lastName} (${row.ref}): ${e.message}`, e.field);
    }
    throw e;
  }
}
