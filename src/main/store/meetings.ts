/** Information meetings, their bookings, and the deviation reports after repeated no-shows. */
import { and, asc, count, desc, eq, gt, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { deviationReports, infoMeetingBookings, infoMeetings } from '../db/schema';
import type { ParticipantRow } from './participants';
import { insertMany } from './bulk';
import { insertRow, recordKind, updateRow, type PatchOf } from './record';

export type InfoMeetingRow = typeof infoMeetings.$inferSelect;
export type InfoMeetingInsert = typeof infoMeetings.$inferInsert;
export type BookingRow = typeof infoMeetingBookings.$inferSelect;
export type BookingInsert = typeof infoMeetingBookings.$inferInsert;
export type DeviationRow = typeof deviationReports.$inferSelect;
export type DeviationInsert = typeof deviationReports.$inferInsert;
export type { NoShowRef } from '../db/schema';
export type BookingStatus = 'booked' | 'attended' | 'no_show' | 'cancelled';

export const infoMeetingRecord = recordKind({
  table: 'infoMeetings',
  entity: 'info_meeting',
  label: 'Informationsmötet',
  view: (m: InfoMeetingRow) => ({
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    capacity: m.capacity,
    interpreterLanguages: m.interpreterLanguages,
    notes: m.notes,
    cancelled: m.cancelled,
    cancelReason: m.cancelReason,
  }),
});

export const deviationRecord = recordKind({
  table: 'deviationReports',
  entity: 'deviation_report',
  label: 'Avvikelsen',
  view: (d: DeviationRow) => ({ status: d.status, note: d.note, sentAt: d.sentAt, handledAt: d.handledAt }),
});

// ---------------------------------------------------------------------------------------------------------------
// Meetings

export type MeetingScope = 'upcoming' | 'past' | 'all';

/** A page of meetings (upcoming first by start; past newest first) and the total. */
export async function queryInfoMeetings(
  r: Reader,
  q: { scope: MeetingScope; includeCancelled: boolean; now: string; offset: number; limit: number },
): Promise<{ total: number; rows: InfoMeetingRow[] }> {
  const { infoMeetings } = r.tables;
  const conds: SQL[] = [];
  if (!q.includeCancelled) conds.push(eq(infoMeetings.cancelled, false));
  if (q.scope === 'upcoming') conds.push(gt(infoMeetings.endsAt, q.now));
  if (q.scope === 'past') conds.push(lte(infoMeetings.endsAt, q.now));
  const where = conds.length ? and(...conds) : undefined;
  const [n] = await r.db.select({ n: count() }).from(infoMeetings).where(where);
  const rows = await r.db
    .select()
    .from(infoMeetings)
    .where(where)
    .orderBy(q.scope === 'upcoming' ? asc(infoMeetings.startsAt) : desc(infoMeetings.startsAt), asc(infoMeetings.id))
    .limit(q.limit)
    .offset(q.offset);
  return { total: n?.n ?? 0, rows };
}

/** Meetings for the calendar export: the given ids, or those not over yet at `now`, or all; by start. */
export async function infoMeetingsForExport(
  r: Reader,
  by: { ids?: readonly number[]; endsAfter?: string },
): Promise<InfoMeetingRow[]> {
  const { infoMeetings } = r.tables;
  const where =
    by.ids && by.ids.length > 0
      ? inArray(infoMeetings.id, [...by.ids])
      : by.endsAfter !== undefined
        ? gt(infoMeetings.endsAt, by.endsAfter)
        : undefined;
  return r.db.select().from(infoMeetings).where(where).orderBy(asc(infoMeetings.startsAt), asc(infoMeetings.id));
}

/** The next meetings that are not cancelled and not over at `now`. */
export async function upcomingInfoMeetings(r: Reader, now: string, limit: number): Promise<InfoMeetingRow[]> {
  const { infoMeetings } = r.tables;
  return r.db
    .select()
    .from(infoMeetings)
    .where(and(eq(infoMeetings.cancelled, false), gt(infoMeetings.endsAt, now)))
    .orderBy(asc(infoMeetings.startsAt), asc(infoMeetings.id))
    .limit(limit);
}

export const insertInfoMeeting = (t: Tx, v: InfoMeetingInsert) => insertRow(t, 'infoMeetings', v);
export const insertInfoMeetings = (t: Tx, rows: readonly InfoMeetingInsert[]) => insertMany(t, 'infoMeetings', rows);

// ---------------------------------------------------------------------------------------------------------------
// Bookings

/** Bookings per meeting and status. */
export async function bookingTallies(
  r: Reader,
  meetingIds: readonly number[],
): Promise<Array<{ meetingId: number; status: string; n: number }>> {
  if (meetingIds.length === 0) return [];
  const { infoMeetingBookings: b } = r.tables;
  return r.db
    .select({ meetingId: b.meetingId, status: b.status, n: count() })
    .from(b)
    .where(inArray(b.meetingId, [...meetingIds]))
    .groupBy(b.meetingId, b.status);
}

/** Bookings that take a place at the meeting (booked, attended, no-show). */
export async function placesTaken(r: Reader, meetingId: number): Promise<number> {
  const { infoMeetingBookings: b } = r.tables;
  const [row] = await r.db
    .select({ n: count() })
    .from(b)
    .where(and(eq(b.meetingId, meetingId), inArray(b.status, ['booked', 'attended', 'no_show'])));
  return row?.n ?? 0;
}

/** Number of 'booked' bookings of a meeting. */
export async function bookedCount(r: Reader, meetingId: number): Promise<number> {
  const { infoMeetingBookings: b } = r.tables;
  const [row] = await r.db
    .select({ n: count() })
    .from(b)
    .where(and(eq(b.meetingId, meetingId), eq(b.status, 'booked')));
  return row?.n ?? 0;
}

/** A meeting's bookings with their participants, by name. */
export async function bookingsOfMeeting(
  r: Reader,
  meetingId: number,
): Promise<Array<{ b: BookingRow; p: ParticipantRow }>> {
  const { infoMeetingBookings: b, participants } = r.tables;
  return r.db
    .select({ b, p: participants })
    .from(b)
    .innerJoin(participants, eq(participants.id, b.participantId))
    .where(eq(b.meetingId, meetingId))
    .orderBy(asc(participants.sortName), asc(participants.id));
}

/** The booking of one participant at one meeting, if any. */
export async function findBooking(
  r: Reader,
  meetingId: number,
  participantId: number,
): Promise<BookingRow | undefined> {
  const { infoMeetingBookings: b } = r.tables;
  const [row] = await r.db
    .select()
    .from(b)
    .where(and(eq(b.meetingId, meetingId), eq(b.participantId, participantId)))
    .limit(1);
  return row;
}

/** Bookings of a meeting in one status. */
export async function bookingsInStatus(r: Reader, meetingId: number, status: BookingStatus): Promise<BookingRow[]> {
  const { infoMeetingBookings: b } = r.tables;
  return r.db
    .select()
    .from(b)
    .where(and(eq(b.meetingId, meetingId), eq(b.status, status)))
    .orderBy(asc(b.id));
}

/** The participant's meetings (newest first) with the booking status. */
export async function bookingsOfParticipant(
  r: Reader,
  participantId: number,
): Promise<Array<{ bookingId: number; meetingId: number; startsAt: string; place: string; status: string }>> {
  const { infoMeetingBookings: b, infoMeetings: m } = r.tables;
  return r.db
    .select({ bookingId: b.id, meetingId: m.id, startsAt: m.startsAt, place: m.place, status: b.status })
    .from(b)
    .innerJoin(m, eq(m.id, b.meetingId))
    .where(eq(b.participantId, participantId))
    .orderBy(desc(m.startsAt), desc(b.id));
}

/** The participant's missed meetings, the latest `limit`, oldest first. */
export async function noShowsOf(
  r: Reader,
  participantId: number,
  limit: number,
): Promise<Array<{ meetingId: number; startsAt: string; place: string }>> {
  const { infoMeetingBookings: b, infoMeetings: m } = r.tables;
  const rows = await r.db
    .select({ meetingId: m.id, startsAt: m.startsAt, place: m.place })
    .from(b)
    .innerJoin(m, eq(m.id, b.meetingId))
    .where(and(eq(b.participantId, participantId), eq(b.status, 'no_show')))
    .orderBy(desc(m.startsAt), desc(m.id))
    .limit(limit);
  return rows.reverse();
}

/** Per participant: no-shows at information meetings that started before `beforeStartsAt` (earlier meetings only). */
export async function earlierNoShowCounts(
  r: Reader,
  participantIds: readonly number[],
  beforeStartsAt: string,
): Promise<Map<number, number>> {
  if (participantIds.length === 0) return new Map();
  const { infoMeetingBookings: b, infoMeetings: m } = r.tables;
  const rows = await r.db
    .select({ participantId: b.participantId, n: count() })
    .from(b)
    .innerJoin(m, eq(m.id, b.meetingId))
    .where(and(inArray(b.participantId, [...participantIds]), eq(b.status, 'no_show'), lt(m.startsAt, beforeStartsAt)))
    .groupBy(b.participantId);
  return new Map(rows.map((x) => [x.participantId, Number(x.n)]));
}

export const insertBooking = async (t: Tx, v: BookingInsert): Promise<void> => {
  await t.db.insert(t.tables.infoMeetingBookings).values(v);
};
export const insertBookings = (t: Tx, rows: readonly BookingInsert[]) => insertMany(t, 'infoMeetingBookings', rows);

export async function updateBookings(
  t: Tx,
  ids: readonly number[],
  patch: PatchOf<'infoMeetingBookings'>,
): Promise<void> {
  if (ids.length === 0) return;
  const { infoMeetingBookings: b } = t.tables;
  await t.db
    .update(b)
    .set(patch)
    .where(inArray(b.id, [...ids]));
}

export const updateInfoMeeting = (t: Tx, id: number, patch: PatchOf<'infoMeetings'>) =>
  updateRow(t, 'infoMeetings', id, patch);

// ---------------------------------------------------------------------------------------------------------------
// Deviation reports

export type DeviationFilter = 'active' | 'open' | 'sent' | 'done' | 'all';

function deviationStatusCondition(r: Reader, status: DeviationFilter): SQL | undefined {
  const { deviationReports: d } = r.tables;
  if (status === 'all') return undefined;
  if (status === 'active') return inArray(d.status, ['open', 'sent']);
  return eq(d.status, status);
}

/** A page of deviation reports with their participants (newest first) and the total. */
export async function queryDeviations(
  r: Reader,
  q: { status: DeviationFilter; coordinatorId?: number | undefined; offset: number; limit: number },
): Promise<{ total: number; rows: Array<{ d: DeviationRow; p: ParticipantRow }> }> {
  const { deviationReports: d, participants } = r.tables;
  const conds = [
    deviationStatusCondition(r, q.status),
    q.coordinatorId === undefined ? undefined : eq(participants.coordinatorId, q.coordinatorId),
  ].filter((c): c is SQL => c !== undefined);
  const where = conds.length ? and(...conds) : undefined;
  const [n] = await r.db
    .select({ n: count() })
    .from(d)
    .innerJoin(participants, eq(participants.id, d.participantId))
    .where(where);
  const rows = await r.db
    .select({ d, p: participants })
    .from(d)
    .innerJoin(participants, eq(participants.id, d.participantId))
    .where(where)
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(q.limit)
    .offset(q.offset);
  return { total: n?.n ?? 0, rows };
}

export async function deviationCountsByStatus(r: Reader): Promise<Map<string, number>> {
  const { deviationReports: d } = r.tables;
  const rows = await r.db.select({ status: d.status, n: count() }).from(d).groupBy(d.status);
  return new Map(rows.map((x) => [x.status, x.n]));
}

export async function findDeviationWithParticipant(
  r: Reader,
  id: number,
): Promise<{ d: DeviationRow; p: ParticipantRow } | undefined> {
  const { deviationReports: d, participants } = r.tables;
  const [row] = await r.db
    .select({ d, p: participants })
    .from(d)
    .innerJoin(participants, eq(participants.id, d.participantId))
    .where(eq(d.id, id))
    .limit(1);
  return row;
}

/** The participant's report in progress (open or sent), if any. */
export async function activeDeviationOf(r: Reader, participantId: number): Promise<number | undefined> {
  const { deviationReports: d } = r.tables;
  const [row] = await r.db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.participantId, participantId), inArray(d.status, ['open', 'sent'])))
    .limit(1);
  return row?.id;
}

/** The participant's reports, newest first. */
export async function deviationsOfParticipant(
  r: Reader,
  participantId: number,
): Promise<Array<{ id: number; createdAt: string; reason: string; status: string }>> {
  const { deviationReports: d } = r.tables;
  return r.db
    .select({ id: d.id, createdAt: d.createdAt, reason: d.reason, status: d.status })
    .from(d)
    .where(eq(d.participantId, participantId))
    .orderBy(desc(d.createdAt), desc(d.id));
}

export const insertDeviation = (t: Tx, v: DeviationInsert) => insertRow(t, 'deviationReports', v);
export const insertDeviations = (t: Tx, rows: readonly DeviationInsert[]) => insertMany(t, 'deviationReports', rows);
