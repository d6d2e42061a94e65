/**
 * Follow-ups after exit (6 and 12 months: still self-supporting?) and the coordinator's start page.
 */
import { and, asc, count, desc, eq, gt, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { tx } from '../../db/connection';
import { exitFollowUps, infoMeetingBookings, infoMeetings, participants } from '../../db/schema';
import type { AuthedContext } from '../context';
import { localNow, localToday } from '../../util/clock';
import { notFound, ruleError } from '../../../shared/errors';
import {
  FOLLOW_UP_EARLY_DAYS,
  type ExitOutcome,
  type SelfSupporting,
  type Stage,
} from '../../../shared/domain/participant';
import type { FollowUpRow } from '../../../shared/contract/participants';
import { addDays, compare, diffDays } from '../../../shared/rules/dates';
import { formatPersonnummer } from '../../../shared/rules/personnummer';
import { listDeviations } from '../meetings/deviations';
import { stageCounts } from './list';
import { fullName, userRefs } from './store';
import { addTimelineEvent } from './transitions';

export type FollowUpStatus = 'due' | 'upcoming' | 'recorded' | 'all';

function followUpConditions(status: FollowUpStatus, today: string, coordinatorId?: number): SQL[] {
  const conds: SQL[] = [];
  if (status === 'due') conds.push(isNull(exitFollowUps.recordedAt), lte(exitFollowUps.dueDate, today));
  if (status === 'upcoming') conds.push(isNull(exitFollowUps.recordedAt), gt(exitFollowUps.dueDate, today));
  if (status === 'recorded') conds.push(isNotNull(exitFollowUps.recordedAt));
  if (coordinatorId !== undefined) conds.push(eq(participants.coordinatorId, coordinatorId));
  return conds;
}

type JoinedFollowUp = { f: typeof exitFollowUps.$inferSelect; p: typeof participants.$inferSelect };

function toFollowUpRows(ctx: AuthedContext, rows: JoinedFollowUp[], today: string): FollowUpRow[] {
  const names = userRefs(
    ctx.legacyDb,
    rows.flatMap(({ f, p }) => [f.recordedBy, p.coordinatorId]),
  );
  return rows.map(({ f, p }) => ({
    id: f.id,
    participantId: p.id,
    ref: p.ref,
    name: fullName(p),
    personnummerFormatted: /^\d{12}$/.test(p.personnummer) ? formatPersonnummer(p.personnummer) : p.personnummer,
    coordinator: p.coordinatorId === null ? null : (names.get(p.coordinatorId) ?? null),
    exitDate: f.exitDate,
    exitOutcome: p.exitDate === f.exitDate ? ((p.exitOutcome as ExitOutcome | null) ?? null) : null,
    months: f.months,
    dueDate: f.dueDate,
    daysOverdue: diffDays(f.dueDate, today),
    selfSupporting: (f.selfSupporting as SelfSupporting | null) ?? null,
    note: f.note,
    recordedAt: f.recordedAt,
    recordedBy: f.recordedBy === null ? null : (names.get(f.recordedBy) ?? null),
  }));
}

export function listFollowUps(
  ctx: AuthedContext,
  q: { status: FollowUpStatus; offset: number; limit: number; coordinatorId?: number },
): { total: number; rows: FollowUpRow[] } {
  const today = localToday(ctx.clock);
  const conds = followUpConditions(q.status, today, q.coordinatorId);
  const where = conds.length ? and(...conds) : undefined;
  const total =
    ctx.legacyDb
      .select({ n: count() })
      .from(exitFollowUps)
      .innerJoin(participants, eq(participants.id, exitFollowUps.participantId))
      .where(where)
      .get()?.n ?? 0;
  const order =
    q.status === 'recorded'
      ? [desc(exitFollowUps.recordedAt), desc(exitFollowUps.id)]
      : q.status === 'all'
        ? [desc(exitFollowUps.dueDate), desc(exitFollowUps.id)]
        : [asc(exitFollowUps.dueDate), asc(exitFollowUps.id)];
  const rows = ctx.legacyDb
    .select({ f: exitFollowUps, p: participants })
    .from(exitFollowUps)
    .innerJoin(participants, eq(participants.id, exitFollowUps.participantId))
    .where(where)
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset)
    .all();
  return { total, rows: toFollowUpRows(ctx, rows, today) };
}

/** Records (or corrects) a follow-up. It can be recorded from FOLLOW_UP_EARLY_DAYS days before it is due. */
export function recordFollowUp(
  ctx: AuthedContext,
  input: { id: number; selfSupporting: SelfSupporting; note?: string | null },
): FollowUpRow {
  const today = localToday(ctx.clock);
  return tx(ctx.legacyDb, () => {
    const before = ctx.legacyDb.select().from(exitFollowUps).where(eq(exitFollowUps.id, input.id)).get();
    if (!before) throw notFound('Uppföljningen');
    const earliest = addDays(before.dueDate, -FOLLOW_UP_EARLY_DAYS);
    if (compare(today, earliest) < 0) {
      throw ruleError(
        `Uppföljningen efter ${before.months} månader kan registreras från ${earliest} (den ska göras ${before.dueDate}).`,
      );
    }
    const after = ctx.legacyDb
      .update(exitFollowUps)
      .set({
        selfSupporting: input.selfSupporting,
        note: input.note ?? null,
        recordedAt: ctx.clock.now().toISOString(),
        recordedBy: ctx.user.id,
      })
      .where(eq(exitFollowUps.id, input.id))
      .returning()
      .get();
    addTimelineEvent(ctx, before.participantId, {
      kind: 'follow_up',
      note: input.note ?? null,
      data: {
        followUpId: before.id,
        months: before.months,
        selfSupporting: input.selfSupporting,
        corrected: before.recordedAt !== null,
      },
    });
    const auditOf = (f: typeof before) => ({
      participantId: f.participantId,
      months: f.months,
      dueDate: f.dueDate,
      selfSupporting: f.selfSupporting,
      note: f.note,
    });
    ctx.audit.change('exit_follow_up', before.id, auditOf(before), auditOf(after));
    const p = ctx.legacyDb.select().from(participants).where(eq(participants.id, before.participantId)).get()!;
    return toFollowUpRows(ctx, [{ f: after, p }], today)[0]!;
  });
}

const DASHBOARD_ROWS = 10;

/** The coordinator's start page. With `mine`, only participants the caller coordinates. */
export function dashboard(ctx: AuthedContext, input: { mine: boolean }) {
  const today = localToday(ctx.clock);
  const mineId = input.mine ? ctx.user.id : undefined;
  const mineConds = mineId === undefined ? [] : [eq(participants.coordinatorId, mineId)];
  const counts = stageCounts(ctx.legacyDb, mineConds);

  const pauseConds = and(eq(participants.stage, 'paused'), lte(participants.pauseExpectedReturn, today), ...mineConds);
  const pausesTotal = ctx.legacyDb.select({ n: count() }).from(participants).where(pauseConds).get()?.n ?? 0;
  const pauses = ctx.legacyDb
    .select()
    .from(participants)
    .where(pauseConds)
    .orderBy(asc(participants.pauseExpectedReturn), asc(participants.sortName))
    .limit(DASHBOARD_ROWS)
    .all()
    .map((p) => ({
      id: p.id,
      ref: p.ref,
      name: fullName(p),
      stage: p.stage as Stage,
      date: p.pauseExpectedReturn ?? '',
      detail: `Förväntad åter ${p.pauseExpectedReturn ?? '–'}`,
    }));

  const now = localNow(ctx.clock);
  const meetings = ctx.legacyDb
    .select()
    .from(infoMeetings)
    .where(and(eq(infoMeetings.cancelled, false), gt(infoMeetings.endsAt, now)))
    .orderBy(asc(infoMeetings.startsAt))
    .limit(5)
    .all();
  const upcomingMeetings = meetings.map((m) => {
    const booked =
      ctx.legacyDb
        .select({ n: count() })
        .from(infoMeetingBookings)
        .where(and(eq(infoMeetingBookings.meetingId, m.id), eq(infoMeetingBookings.status, 'booked')))
        .get()?.n ?? 0;
    return {
      id: m.id,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      capacity: m.capacity,
      booked,
      interpreterLanguages: m.interpreterLanguages,
    };
  });

  return {
    today,
    stageCounts: counts,
    waitingForMeeting: counts.referred,
    dueFollowUps: listFollowUps(ctx, { status: 'due', offset: 0, limit: DASHBOARD_ROWS, coordinatorId: mineId }),
    openDeviations: listDeviations(ctx, { status: 'active', offset: 0, limit: DASHBOARD_ROWS, coordinatorId: mineId }),
    pausesDue: { total: pausesTotal, rows: pauses },
    upcomingMeetings,
  };
}
