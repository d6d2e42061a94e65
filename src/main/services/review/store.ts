/**
 * Row access shared by the review services: loading meetings, agenda items and decisions, finding the meeting a
 * proposal goes to, and small formatting helpers. Everything here is synchronous (usable inside a transaction).
 */
import { and, asc, eq, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { reviewAgendaItems, reviewDecisions, reviewMeetings, users } from '../../db/schema';
import { notFound } from '../../../shared/errors';
import type { AgendaOrigin } from '../../../shared/domain/review';
import type { Role } from '../../../shared/domain/roles';

export type MeetingRow = typeof reviewMeetings.$inferSelect;
export type AgendaItemRow = typeof reviewAgendaItems.$inferSelect;
export type DecisionRow = typeof reviewDecisions.$inferSelect;

/** Meeting statuses that still take items onto their agenda. */
export const AGENDA_TAKING_STATUSES = ['planned', 'open'] as const;

/**
 * Whether a caller sees participants only pseudonymously. True when every role the user holds is 'union': such a
 * caller's outputs never carry a name, and the services do not even load one.
 */
export function isPseudonymous(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => r === 'union');
}

export function loadMeeting(db: Db, id: number): MeetingRow {
  const row = db.select().from(reviewMeetings).where(eq(reviewMeetings.id, id)).get();
  if (!row) throw notFound('Prövningsmötet');
  return row;
}

/** Agenda items of a meeting that are still on it, in agenda order: returning items first, then by submission. */
export function activeItems(db: Db, meetingId: number): AgendaItemRow[] {
  const rows = db
    .select()
    .from(reviewAgendaItems)
    .where(and(eq(reviewAgendaItems.meetingId, meetingId), isNull(reviewAgendaItems.removedAt)))
    .all();
  return sortAgenda(rows);
}

const ORIGIN_ORDER: Record<AgendaOrigin, number> = { deferred: 0, carried_over: 0, moved: 0, submitted: 1 };

export function sortAgenda<T extends { origin: string; addedAt: string; id: number }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (ORIGIN_ORDER[a.origin as AgendaOrigin] ?? 1) - (ORIGIN_ORDER[b.origin as AgendaOrigin] ?? 1) ||
      (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0) ||
      a.id - b.id,
  );
}

/** The item of `proposalId` still on the agenda of a meeting that is planned or open, if any. */
export function openAgendaItemOf(db: Db, proposalId: number): { item: AgendaItemRow; meeting: MeetingRow } | undefined {
  const row = db
    .select({ item: reviewAgendaItems, meeting: reviewMeetings })
    .from(reviewAgendaItems)
    .innerJoin(reviewMeetings, eq(reviewMeetings.id, reviewAgendaItems.meetingId))
    .where(
      and(
        eq(reviewAgendaItems.proposalId, proposalId),
        isNull(reviewAgendaItems.removedAt),
        inArray(reviewMeetings.status, [...AGENDA_TAKING_STATUSES]),
      ),
    )
    .get();
  return row ?? undefined;
}

/**
 * The meeting a proposal submitted on `submittedDate` goes to (docs/product.md §4 rule 2): the earliest planned or open
 * meeting whose cutoff date is on or after the submission date. The cutoff is the one stored on the meeting (the
 * one shown to everybody), computed when the meeting was generated as the N-th working day before it.
 */
export function agendaMeetingForSubmission(db: Db, submittedDate: string): MeetingRow | undefined {
  return db
    .select()
    .from(reviewMeetings)
    .where(
      and(
        inArray(reviewMeetings.status, [...AGENDA_TAKING_STATUSES]),
        gte(reviewMeetings.cutoffDate, submittedDate),
        gte(reviewMeetings.date, submittedDate),
      ),
    )
    .orderBy(asc(reviewMeetings.date))
    .get();
}

/**
 * Where items go when a meeting closes or is cancelled: the first planned or open meeting after `afterDate` that is
 * not in the past.
 */
export function nextMeetingAfter(db: Db, afterDate: string, today: string): MeetingRow | undefined {
  const from = afterDate >= today ? afterDate : today;
  return db
    .select()
    .from(reviewMeetings)
    .where(
      and(
        inArray(reviewMeetings.status, [...AGENDA_TAKING_STATUSES]),
        gt(reviewMeetings.date, afterDate),
        gte(reviewMeetings.date, from),
      ),
    )
    .orderBy(asc(reviewMeetings.date))
    .get();
}

export function previousMeetingBefore(db: Db, date: string): MeetingRow | undefined {
  return db
    .select()
    .from(reviewMeetings)
    .where(and(sql`${reviewMeetings.date} < ${date}`, inArray(reviewMeetings.status, ['planned', 'open', 'closed'])))
    .orderBy(sql`${reviewMeetings.date} desc`)
    .get();
}

export function meetingRef(m: MeetingRow) {
  return {
    id: m.id,
    date: m.date,
    time: m.time,
    place: m.place,
    cutoffDate: m.cutoffDate,
    status: m.status as 'planned' | 'open' | 'closed' | 'cancelled',
  };
}

/** Display names of users by id (staff names; never participants). */
export function userNames(db: Db, ids: Iterable<number | null | undefined>): Map<number, string> {
  const wanted = [...new Set([...ids].filter((x): x is number => typeof x === 'number'))];
  if (wanted.length === 0) return new Map();
  return new Map(
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, wanted))
      .all()
      .map((u) => [u.id, u.name]),
  );
}

/** Adds an item to a meeting's agenda. */
export function insertAgendaItem(
  db: Db,
  v: { meetingId: number; proposalId: number; origin: AgendaOrigin; fromMeetingId: number | null; addedAt: string },
): AgendaItemRow {
  return db
    .insert(reviewAgendaItems)
    .values({ meetingId: v.meetingId, proposalId: v.proposalId, origin: v.origin, fromMeetingId: v.fromMeetingId, addedAt: v.addedAt })
    .returning()
    .get();
}

/** All final decisions (including corrections) on the given proposals, oldest first. */
export function decisionsForProposals(db: Db, proposalIds: number[]): DecisionRow[] {
  if (proposalIds.length === 0) return [];
  return db
    .select()
    .from(reviewDecisions)
    .where(inArray(reviewDecisions.proposalId, proposalIds))
    .orderBy(asc(reviewDecisions.recordedAt), asc(reviewDecisions.id))
    .all();
}

/** Follows the correction chain from `start` to the decision now in force. */
export function chainHead(start: DecisionRow, all: readonly DecisionRow[]): DecisionRow {
  const byCorrected = new Map(all.filter((d) => d.correctsDecisionId !== null).map((d) => [d.correctsDecisionId!, d]));
  let cur = start;
  for (let i = 0; i < 1000; i++) {
    const next = byCorrected.get(cur.id);
    if (!next) return cur;
    cur = next;
  }
  return cur;
}

/** The corrections of `start`, in order (each correcting the previous). */
export function correctionChain(start: DecisionRow, all: readonly DecisionRow[]): DecisionRow[] {
  const byCorrected = new Map(all.filter((d) => d.correctsDecisionId !== null).map((d) => [d.correctsDecisionId!, d]));
  const out: DecisionRow[] = [];
  let cur = start;
  for (let i = 0; i < 1000; i++) {
    const next = byCorrected.get(cur.id);
    if (!next) break;
    out.push(next);
    cur = next;
  }
  return out;
}

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A UTC ISO instant as local 'YYYY-MM-DD HH:MM' in Europe/Stockholm. */
export function localDateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return stockholm.format(d).replace(',', '');
}

/** A UTC ISO instant as the local date 'YYYY-MM-DD' in Europe/Stockholm. */
export function localDateOf(iso: string): string {
  return localDateTimeText(iso).slice(0, 10);
}

const SWEDISH_WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

/** 'tisdag 2026-12-08'. */
export function dayText(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const idx = (d.getUTCDay() + 6) % 7;
  return `${SWEDISH_WEEKDAYS[idx]} ${date}`;
}
