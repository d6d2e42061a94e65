/**
 * Participants and what hangs on a person: the timeline (participant_events), the follow-ups after exit, and the
 * participant list (search, filters, sort, paging, counts per stage).
 *
 * The list stays fast at 50,000 people: the search matches the maintained, lower-cased `search_text` with LIKE,
 * filters and sort keys are indexed columns, the page is sorted over ids only and then read by id (a deferred
 * join), and the counts per stage are one GROUP BY over the same conditions.
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, like, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import { nullsFirst, nullsLast } from '../db/dialect';
import type { exitFollowUps, participantEvents, participants } from '../db/schema';
import { insertMany } from './bulk';
import { insertRow, recordKind, updateRow, type PatchOf } from './record';

export type ParticipantRow = typeof participants.$inferSelect;
export type ParticipantInsert = typeof participants.$inferInsert;
export type ParticipantPatch = PatchOf<'participants'>;
export type ParticipantEventRow = typeof participantEvents.$inferSelect;
export type ParticipantEventInsert = typeof participantEvents.$inferInsert;
export type ExitFollowUpRow = typeof exitFollowUps.$inferSelect;
export type ExitFollowUpInsert = typeof exitFollowUps.$inferInsert;

/** What the audit log records of a participant (derived and bookkeeping columns left out). */
export function participantAuditView(row: ParticipantRow): Record<string, unknown> {
  const { searchText: _s, sortName: _n, createdAt: _c, updatedAt: _u, id: _i, ...rest } = row;
  return rest;
}

export const participantRecord = recordKind({
  table: 'participants',
  entity: 'participant',
  label: 'Deltagaren',
  view: participantAuditView,
});

/** The query of findParticipant (exported for the bench's store-against-driver comparison). */
export function participantByIdQuery(r: Reader, id: number) {
  const { participants } = r.tables;
  return r.db.select().from(participants).where(eq(participants.id, id)).limit(1);
}

export async function findParticipant(r: Reader, id: number): Promise<ParticipantRow | undefined> {
  const [row] = await participantByIdQuery(r, id);
  return row;
}

/** The participant with this canonical personnummer, if any (optionally not `excludeId`). */
export async function findByPersonnummer(
  r: Reader,
  canonical: string,
  excludeId?: number,
): Promise<ParticipantRow | undefined> {
  const { participants } = r.tables;
  const [row] = await r.db
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.personnummer, canonical),
        excludeId === undefined ? undefined : ne(participants.id, excludeId),
      ),
    )
    .limit(1);
  return row;
}

/** The participants with these canonical personnummer (in chunks, for a whole import file). */
export async function findByPersonnummers(r: Reader, canonicals: readonly string[]): Promise<ParticipantRow[]> {
  const { participants } = r.tables;
  const out: ParticipantRow[] = [];
  for (let i = 0; i < canonicals.length; i += 500) {
    out.push(
      ...(await r.db
        .select()
        .from(participants)
        .where(inArray(participants.personnummer, [...canonicals.slice(i, i + 500)]))),
    );
  }
  return out;
}

/** The participant's stage, or undefined for an unknown id. */
export async function stageOf(r: Reader, id: number): Promise<string | undefined> {
  const { participants } = r.tables;
  const [row] = await r.db
    .select({ stage: participants.stage })
    .from(participants)
    .where(eq(participants.id, id))
    .limit(1);
  return row?.stage;
}

/** Next free number of the year's references ("2026-0001", …). */
export async function nextRefNumber(r: Reader, year: string): Promise<number> {
  const { participants } = r.tables;
  const [row] = await r.db
    .select({
      max: sql<number | null>`max(${r.dialect.refNumber(participants.ref)})`.mapWith((v) =>
        v === null ? null : Number(v),
      ),
    })
    .from(participants)
    .where(like(participants.ref, `${year}-%`));
  return (row?.max ?? 0) + 1;
}

export const insertParticipant = (t: Tx, values: ParticipantInsert): Promise<ParticipantRow> =>
  insertRow(t, 'participants', values);

export const updateParticipant = (t: Tx, id: number, patch: ParticipantPatch): Promise<ParticipantRow> =>
  updateRow(t, 'participants', id, patch);

/** Many participants at once, ids included (the demo and the bench). */
export const insertParticipants = (t: Tx, rows: readonly ParticipantInsert[]) => insertMany(t, 'participants', rows);

// ---------------------------------------------------------------------------------------------------------------
// Timeline

export async function insertParticipantEvent(t: Tx, values: ParticipantEventInsert): Promise<void> {
  await t.db.insert(t.tables.participantEvents).values(values);
}

export const insertParticipantEvents = (t: Tx, rows: readonly ParticipantEventInsert[]) =>
  insertMany(t, 'participantEvents', rows);

/** The participant's timeline, newest first. */
export async function eventsOfParticipant(r: Reader, participantId: number): Promise<ParticipantEventRow[]> {
  const { participantEvents } = r.tables;
  return r.db
    .select()
    .from(participantEvents)
    .where(eq(participantEvents.participantId, participantId))
    .orderBy(desc(participantEvents.at), desc(participantEvents.id));
}

// ---------------------------------------------------------------------------------------------------------------
// Follow-ups after exit

export async function exitFollowUpsOf(r: Reader, participantId: number): Promise<ExitFollowUpRow[]> {
  const { exitFollowUps } = r.tables;
  return r.db
    .select()
    .from(exitFollowUps)
    .where(eq(exitFollowUps.participantId, participantId))
    .orderBy(asc(exitFollowUps.dueDate), asc(exitFollowUps.id));
}

/** Schedules follow-ups; one that exists already (same exit, same months) is left as it is. */
export async function insertExitFollowUps(t: Tx, rows: readonly ExitFollowUpInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await t.db
    .insert(t.tables.exitFollowUps)
    .values([...rows])
    .onConflictDoNothing();
}

export const insertExitFollowUpsBulk = (t: Tx, rows: readonly ExitFollowUpInsert[]) =>
  insertMany(t, 'exitFollowUps', rows);

export const exitFollowUpRecord = recordKind({
  table: 'exitFollowUps',
  entity: 'exit_follow_up',
  label: 'Uppföljningen',
  view: (f: ExitFollowUpRow) => ({
    participantId: f.participantId,
    months: f.months,
    dueDate: f.dueDate,
    selfSupporting: f.selfSupporting,
    note: f.note,
  }),
});

export type FollowUpStatus = 'due' | 'upcoming' | 'recorded' | 'all';

/** A page of follow-ups with their participants, and the total. */
export async function queryFollowUps(
  r: Reader,
  q: { status: FollowUpStatus; today: string; coordinatorId?: number | undefined; offset: number; limit: number },
): Promise<{ total: number; rows: Array<{ f: ExitFollowUpRow; p: ParticipantRow }> }> {
  const { exitFollowUps, participants } = r.tables;
  const conds: SQL[] = [];
  if (q.status === 'due') conds.push(isNull(exitFollowUps.recordedAt), lte(exitFollowUps.dueDate, q.today));
  if (q.status === 'upcoming') conds.push(isNull(exitFollowUps.recordedAt), gt(exitFollowUps.dueDate, q.today));
  if (q.status === 'recorded') conds.push(isNotNull(exitFollowUps.recordedAt));
  if (q.coordinatorId !== undefined) conds.push(eq(participants.coordinatorId, q.coordinatorId));
  const where = conds.length ? and(...conds) : undefined;
  const [n] = await r.db
    .select({ n: count() })
    .from(exitFollowUps)
    .innerJoin(participants, eq(participants.id, exitFollowUps.participantId))
    .where(where);
  const order =
    q.status === 'recorded'
      ? [nullsLast(exitFollowUps.recordedAt, 'desc'), desc(exitFollowUps.id)]
      : q.status === 'all'
        ? [desc(exitFollowUps.dueDate), desc(exitFollowUps.id)]
        : [asc(exitFollowUps.dueDate), asc(exitFollowUps.id)];
  const rows = await r.db
    .select({ f: exitFollowUps, p: participants })
    .from(exitFollowUps)
    .innerJoin(participants, eq(participants.id, exitFollowUps.participantId))
    .where(where)
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset);
  return { total: n?.n ?? 0, rows };
}

// ---------------------------------------------------------------------------------------------------------------
// The list

export interface ParticipantFilter {
  search?: readonly string[] | undefined;
  district?: string | undefined;
  longTermRecipient?: boolean | undefined;
  hasChildren?: boolean | undefined;
  coordinatorId?: number | null | undefined;
  wishedKind?: string | undefined;
}

/** Escapes LIKE wildcards; used with ESCAPE '\'. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The conditions of a list filter (search words are already lower-cased and folded: see searchTerms). */
export function participantConditions(r: Reader, f: ParticipantFilter): SQL[] {
  const { participants } = r.tables;
  const conds: SQL[] = [];
  for (const term of f.search ?? []) {
    conds.push(sql`${participants.searchText} LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`);
  }
  if (f.district) conds.push(eq(participants.district, f.district));
  if (f.longTermRecipient !== undefined) conds.push(eq(participants.longTermRecipient, f.longTermRecipient));
  if (f.hasChildren !== undefined) {
    conds.push(f.hasChildren ? gt(participants.childrenInHousehold, 0) : eq(participants.childrenInHousehold, 0));
  }
  if (f.coordinatorId !== undefined) {
    conds.push(
      f.coordinatorId === null ? isNull(participants.coordinatorId) : eq(participants.coordinatorId, f.coordinatorId),
    );
  }
  if (f.wishedKind) conds.push(r.dialect.jsonArrayIncludes(participants.wishedKinds, f.wishedKind));
  return conds;
}

/**
 * Counts per stage under the conditions: one GROUP BY. On SQLite the stage is grouped as `+stage`, which keeps the
 * planner from walking the stage index row by row; it scans the covering (stage, search_text) index instead.
 */
export async function countByStage(r: Reader, conds: SQL[]): Promise<Map<string, number>> {
  const { participants } = r.tables;
  const stage = r.dialect.noIndex(participants.stage);
  const rows = await r.db
    .select({ stage: sql<string>`${stage}`, n: count() })
    .from(participants)
    .where(conds.length ? and(...conds) : undefined)
    .groupBy(stage);
  return new Map(rows.map((x) => [x.stage, x.n]));
}

export type ListSort = 'name' | 'ref' | 'referralDate' | 'stageSince' | 'stage' | 'district' | 'caseworker';

function listOrder(r: Reader, sort: ListSort, direction: 'asc' | 'desc', stageOrder: readonly string[]): SQL[] {
  const { participants } = r.tables;
  const dir = direction === 'asc' ? asc : desc;
  const tail = [asc(participants.sortName), asc(participants.id)];
  const stageRank = sql.raw(`CASE stage ${stageOrder.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE 99 END`);
  switch (sort) {
    case 'name':
      return [dir(participants.sortName), dir(participants.id)];
    case 'ref':
      return [dir(participants.ref)];
    case 'referralDate':
      return [dir(participants.referralDate), ...tail];
    case 'stageSince':
      return [dir(participants.stageSince), ...tail];
    case 'stage':
      return [direction === 'asc' ? sql`${stageRank} ASC` : sql`${stageRank} DESC`, ...tail];
    case 'district':
      // empty districts last in both directions
      return [nullsLast(participants.district, direction), ...tail];
    case 'caseworker':
      return [nullsLast(sql`lower(${participants.caseworkerName})`, direction), ...tail];
  }
}

/** One page of the list: sorted and paged over ids, then the rows of the page read by id (in page order). */
export async function participantPage(
  r: Reader,
  q: {
    conds: SQL[];
    stages: readonly string[] | null;
    sort: ListSort;
    direction: 'asc' | 'desc';
    stageOrder: readonly string[];
    offset: number;
    limit: number;
  },
): Promise<ParticipantRow[]> {
  const { participants } = r.tables;
  const where = q.stages ? [...q.conds, inArray(participants.stage, [...q.stages])] : q.conds;
  const ids = (
    await r.db
      .select({ id: participants.id })
      .from(participants)
      .where(where.length ? and(...where) : undefined)
      .orderBy(...listOrder(r, q.sort, q.direction, q.stageOrder))
      .limit(q.limit)
      .offset(q.offset)
  ).map((x) => x.id);
  if (ids.length === 0) return [];
  const byId = new Map(
    (await r.db.select().from(participants).where(inArray(participants.id, ids))).map((p) => [p.id, p]),
  );
  return ids.map((id) => byId.get(id)).filter((p): p is ParticipantRow => p !== undefined);
}

/** Districts and caseworker units in use (for the list's filters). */
export async function participantFilterValues(r: Reader): Promise<{ districts: string[]; caseworkerUnits: string[] }> {
  const { participants } = r.tables;
  const districts = await r.db
    .selectDistinct({ v: participants.district })
    .from(participants)
    .where(isNotNull(participants.district));
  const units = await r.db
    .selectDistinct({ v: participants.caseworkerUnit })
    .from(participants)
    .where(isNotNull(participants.caseworkerUnit));
  const values = (rows: Array<{ v: string | null }>) => rows.map((x) => x.v).filter((v): v is string => !!v);
  return { districts: values(districts), caseworkerUnits: values(units) };
}

/** Paused participants whose expected return is on or before `today` (the start page), with the total. */
export async function pausesDue(
  r: Reader,
  q: { today: string; coordinatorId?: number | undefined; limit: number },
): Promise<{ total: number; rows: ParticipantRow[] }> {
  const { participants } = r.tables;
  const where = and(
    eq(participants.stage, 'paused'),
    lte(participants.pauseExpectedReturn, q.today),
    q.coordinatorId === undefined ? undefined : eq(participants.coordinatorId, q.coordinatorId),
  );
  const [n] = await r.db.select({ n: count() }).from(participants).where(where);
  const rows = await r.db
    .select()
    .from(participants)
    .where(where)
    .orderBy(nullsFirst(participants.pauseExpectedReturn), asc(participants.sortName), asc(participants.id))
    .limit(q.limit);
  return { total: n?.n ?? 0, rows };
}

/** Participants in a stage (id and since when), by id. */
export async function participantsInStage(
  r: Reader,
  stage: string,
): Promise<Array<{ id: number; stageSince: string }>> {
  const { participants } = r.tables;
  return r.db
    .select({ id: participants.id, stageSince: participants.stageSince })
    .from(participants)
    .where(eq(participants.stage, stage))
    .orderBy(asc(participants.id));
}
