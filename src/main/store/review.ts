/**
 * The union review (facklig prövning): meetings, agenda items and final decisions (decisions are never changed or
 * removed: the database refuses it; a correction is a new row).
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, max, type SQL } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { reviewAgendaItems, reviewDecisions, reviewMeetings } from '../db/schema';
import type { ParticipantRow } from './participants';
import type { ProposalRow } from './proposals';
import { insertMany } from './bulk';
import { insertRow, recordKind, updateRow, type PatchOf } from './record';

export type MeetingRow = typeof reviewMeetings.$inferSelect;
export type MeetingInsert = typeof reviewMeetings.$inferInsert;
export type AgendaItemRow = typeof reviewAgendaItems.$inferSelect;
export type AgendaItemInsert = typeof reviewAgendaItems.$inferInsert;
export type DecisionRow = typeof reviewDecisions.$inferSelect;
export type DecisionInsert = typeof reviewDecisions.$inferInsert;

/** Meeting statuses that still take items onto their agenda. */
export const AGENDA_TAKING_STATUSES = ['planned', 'open'] as const;

export const reviewMeetingRecord = recordKind({
  table: 'reviewMeetings',
  entity: 'review_meeting',
  label: 'Prövningsmötet',
  view: (m: MeetingRow) => ({ status: m.status, attendees: m.attendees }),
});

export async function findMeeting(r: Reader, id: number): Promise<MeetingRow | undefined> {
  const { reviewMeetings } = r.tables;
  const [row] = await r.db.select().from(reviewMeetings).where(eq(reviewMeetings.id, id)).limit(1);
  return row;
}

export async function meetingsByIds(r: Reader, ids: readonly number[]): Promise<MeetingRow[]> {
  if (ids.length === 0) return [];
  const { reviewMeetings } = r.tables;
  return r.db
    .select()
    .from(reviewMeetings)
    .where(inArray(reviewMeetings.id, [...ids]));
}

export async function meetingOnDate(r: Reader, date: string): Promise<MeetingRow | undefined> {
  const { reviewMeetings } = r.tables;
  const [row] = await r.db.select().from(reviewMeetings).where(eq(reviewMeetings.date, date)).limit(1);
  return row;
}

export interface MeetingQuery {
  from?: string | undefined;
  to?: string | undefined;
  /** date before (exclusive) */
  before?: string | undefined;
  after?: string | undefined;
  statuses?: readonly string[] | undefined;
  order?: 'asc' | 'desc';
  limit?: number;
}

/** Meetings by date (ascending unless asked otherwise) under the conditions. */
export async function queryMeetings(r: Reader, q: MeetingQuery): Promise<MeetingRow[]> {
  const { reviewMeetings: m } = r.tables;
  const where: SQL[] = [];
  if (q.from) where.push(gte(m.date, q.from));
  if (q.to) where.push(lte(m.date, q.to));
  if (q.before) where.push(lt(m.date, q.before));
  if (q.after) where.push(gt(m.date, q.after));
  if (q.statuses && q.statuses.length > 0) where.push(inArray(m.status, [...q.statuses]));
  const query = r.db
    .select()
    .from(m)
    .where(where.length ? and(...where) : undefined)
    .orderBy(q.order === 'desc' ? desc(m.date) : asc(m.date), asc(m.id))
    .$dynamic();
  return q.limit === undefined ? query : query.limit(q.limit);
}

/** Date and regular slot of the meetings from `from` on (the schedule's top-up). */
export async function meetingDatesFrom(r: Reader, from: string): Promise<Array<{ date: string; plannedDate: string }>> {
  const { reviewMeetings: m } = r.tables;
  return r.db.select({ date: m.date, plannedDate: m.plannedDate }).from(m).where(gte(m.date, from));
}

export async function lastMeetingDate(r: Reader): Promise<string | null> {
  const { reviewMeetings: m } = r.tables;
  const [row] = await r.db.select({ d: max(m.date) }).from(m);
  return row?.d ?? null;
}

export async function meetingDates(r: Reader, ids: Iterable<number>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const { reviewMeetings: m } = r.tables;
  const rows = await r.db.select({ id: m.id, date: m.date }).from(m).where(inArray(m.id, wanted));
  return new Map(rows.map((x) => [x.id, x.date]));
}

export const insertMeeting = (t: Tx, v: MeetingInsert) => insertRow(t, 'reviewMeetings', v);
export const insertMeetings = (t: Tx, rows: readonly MeetingInsert[]) => insertMany(t, 'reviewMeetings', rows);
export const updateMeeting = (t: Tx, id: number, patch: PatchOf<'reviewMeetings'>) =>
  updateRow(t, 'reviewMeetings', id, patch);

export async function deleteMeeting(t: Tx, id: number): Promise<void> {
  const { reviewMeetings: m } = t.tables;
  await t.db.delete(m).where(eq(m.id, id));
}

// ---------------------------------------------------------------------------------------------------------------
// Agenda items

/** Agenda items of a meeting (all, or only those still on it). */
export async function agendaItemsOf(
  r: Reader,
  meetingId: number,
  opts: { activeOnly: boolean },
): Promise<AgendaItemRow[]> {
  const { reviewAgendaItems: a } = r.tables;
  return r.db
    .select()
    .from(a)
    .where(and(eq(a.meetingId, meetingId), opts.activeOnly ? isNull(a.removedAt) : undefined))
    .orderBy(asc(a.id));
}

export async function findAgendaItem(
  r: Reader,
  meetingId: number,
  proposalId: number,
): Promise<AgendaItemRow | undefined> {
  const { reviewAgendaItems: a } = r.tables;
  const [row] = await r.db
    .select()
    .from(a)
    .where(and(eq(a.meetingId, meetingId), eq(a.proposalId, proposalId)))
    .limit(1);
  return row;
}

export async function agendaItemById(r: Reader, id: number): Promise<AgendaItemRow | undefined> {
  const { reviewAgendaItems: a } = r.tables;
  const [row] = await r.db.select().from(a).where(eq(a.id, id)).limit(1);
  return row;
}

/** Items of the proposals still on an agenda, with their meetings, for meetings in the statuses. */
export async function activeItemsOfProposals(
  r: Reader,
  proposalIds: readonly number[],
  meetingStatuses: readonly string[],
) {
  if (proposalIds.length === 0) return [];
  const { reviewAgendaItems: a, reviewMeetings: m } = r.tables;
  return r.db
    .select({ item: a, meeting: m })
    .from(a)
    .innerJoin(m, eq(m.id, a.meetingId))
    .where(and(inArray(a.proposalId, [...proposalIds]), isNull(a.removedAt), inArray(m.status, [...meetingStatuses])))
    .orderBy(asc(a.id));
}

/** Items per meeting still on the agenda, and of those how many have a draft decision. */
export async function agendaCounts(r: Reader, meetingIds: readonly number[]) {
  const { reviewAgendaItems: a } = r.tables;
  if (meetingIds.length === 0) return { items: new Map<number, number>(), drafts: new Map<number, number>() };
  const items = await r.db
    .select({ id: a.meetingId, n: count() })
    .from(a)
    .where(and(inArray(a.meetingId, [...meetingIds]), isNull(a.removedAt)))
    .groupBy(a.meetingId);
  const drafts = await r.db
    .select({ id: a.meetingId, n: count() })
    .from(a)
    .where(and(inArray(a.meetingId, [...meetingIds]), isNull(a.removedAt), isNotNull(a.draftDecision)))
    .groupBy(a.meetingId);
  return { items: new Map(items.map((x) => [x.id, x.n])), drafts: new Map(drafts.map((x) => [x.id, x.n])) };
}

export const insertAgendaItem = (t: Tx, v: AgendaItemInsert) => insertRow(t, 'reviewAgendaItems', v);
export const insertAgendaItems = (t: Tx, rows: readonly AgendaItemInsert[]) => insertMany(t, 'reviewAgendaItems', rows);
export const updateAgendaItem = (t: Tx, id: number, patch: PatchOf<'reviewAgendaItems'>) =>
  updateRow(t, 'reviewAgendaItems', id, patch);

// ---------------------------------------------------------------------------------------------------------------
// Decisions

/** All final decisions (including corrections) on the given proposals, oldest first. */
export async function decisionsForProposals(r: Reader, proposalIds: readonly number[]): Promise<DecisionRow[]> {
  if (proposalIds.length === 0) return [];
  const { reviewDecisions: d } = r.tables;
  return r.db
    .select()
    .from(d)
    .where(inArray(d.proposalId, [...proposalIds]))
    .orderBy(asc(d.recordedAt), asc(d.id));
}

export async function findDecision(r: Reader, id: number): Promise<DecisionRow | undefined> {
  const { reviewDecisions: d } = r.tables;
  const [row] = await r.db.select().from(d).where(eq(d.id, id)).limit(1);
  return row;
}

/** The correction of a decision, if it has one. */
export async function correctionOf(r: Reader, decisionId: number): Promise<DecisionRow | undefined> {
  const { reviewDecisions: d } = r.tables;
  const [row] = await r.db.select().from(d).where(eq(d.correctsDecisionId, decisionId)).limit(1);
  return row;
}

/** Original decisions (not corrections) per meeting. */
export async function originalDecisionCounts(r: Reader, meetingIds: readonly number[]): Promise<Map<number, number>> {
  if (meetingIds.length === 0) return new Map();
  const { reviewDecisions: d } = r.tables;
  const rows = await r.db
    .select({ id: d.meetingId, n: count() })
    .from(d)
    .where(and(inArray(d.meetingId, [...meetingIds]), isNull(d.correctsDecisionId)))
    .groupBy(d.meetingId);
  return new Map(rows.map((x) => [x.id, x.n]));
}

/** A meeting's decisions with the participant reference of each (for the protocol's addendum). */
export async function decisionsOfMeeting(
  r: Reader,
  meetingId: number,
): Promise<Array<{ decision: DecisionRow; ref: string }>> {
  const { reviewDecisions: d, proposals, participants } = r.tables;
  return r.db
    .select({ decision: d, ref: participants.ref })
    .from(d)
    .innerJoin(proposals, eq(proposals.id, d.proposalId))
    .innerJoin(participants, eq(participants.id, proposals.participantId))
    .where(eq(d.meetingId, meetingId))
    .orderBy(asc(d.id));
}

export const insertDecision = (t: Tx, v: DecisionInsert) => insertRow(t, 'reviewDecisions', v);
export const insertDecisions = (t: Tx, rows: readonly DecisionInsert[]) => insertMany(t, 'reviewDecisions', rows);

// ---------------------------------------------------------------------------------------------------------------
// What the agenda shows of a proposal

/** Proposals with participant reference, position, workplace and subsidy type (an agenda's items). */
export async function agendaProposals(r: Reader, proposalIds: readonly number[]) {
  if (proposalIds.length === 0) return [];
  const { proposals, participants, positions, workplaces, subsidyTypes } = r.tables;
  return r.db
    .select({
      proposal: {
        id: proposals.id,
        status: proposals.status,
        participantId: proposals.participantId,
        submittedAt: proposals.submittedAt,
        submittedBy: proposals.submittedBy,
        explanation: proposals.explanation,
        score: proposals.score,
      },
      ref: participants.ref,
      position: {
        id: positions.id,
        title: positions.title,
        kind: positions.kind,
        tasks: positions.tasks,
        hoursPercent: positions.hoursPercent,
        periodStart: positions.periodStart,
        periodEnd: positions.periodEnd,
        employmentForm: positions.employmentForm,
        supervisorName: positions.supervisorName,
        slots: positions.slots,
        unionReviewRequired: positions.unionReviewRequired,
      },
      workplace: {
        id: workplaces.id,
        name: workplaces.name,
        organisation: workplaces.organisation,
        address: workplaces.address,
        district: workplaces.district,
      },
      subsidyTypeName: subsidyTypes.name,
    })
    .from(proposals)
    .innerJoin(participants, eq(participants.id, proposals.participantId))
    .innerJoin(positions, eq(positions.id, proposals.positionId))
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .leftJoin(subsidyTypes, eq(subsidyTypes.id, positions.subsidyTypeId))
    .where(inArray(proposals.id, [...proposalIds]));
}

/** Names and stages of participants (never for a pseudonymous caller). */
export async function participantNames(
  r: Reader,
  ids: readonly number[],
): Promise<Map<number, { name: string; stage: string }>> {
  if (ids.length === 0) return new Map();
  const { participants } = r.tables;
  const rows = await r.db
    .select({
      id: participants.id,
      firstName: participants.firstName,
      lastName: participants.lastName,
      stage: participants.stage,
    })
    .from(participants)
    .where(inArray(participants.id, [...ids]));
  return new Map(rows.map((p) => [p.id, { name: `${p.firstName} ${p.lastName}`, stage: p.stage }]));
}

/** Proposals with position title, whether it needs review, and workplace (the review state of proposals). */
export async function proposalsWithPosition(r: Reader, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const { proposals, positions, workplaces } = r.tables;
  return r.db
    .select({
      proposal: proposals,
      positionTitle: positions.title,
      unionReviewRequired: positions.unionReviewRequired,
      workplaceName: workplaces.name,
    })
    .from(proposals)
    .innerJoin(positions, eq(positions.id, proposals.positionId))
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .where(inArray(proposals.id, [...ids]));
}

/** A proposal with whether its position requires review and the date of its meeting. */
export async function proposalForPlacement(r: Reader, proposalId: number) {
  const { proposals, positions, reviewMeetings } = r.tables;
  const [row] = await r.db
    .select({
      proposal: proposals,
      unionReviewRequired: positions.unionReviewRequired,
      meetingDate: reviewMeetings.date,
    })
    .from(proposals)
    .innerJoin(positions, eq(positions.id, proposals.positionId))
    .leftJoin(reviewMeetings, eq(reviewMeetings.id, proposals.reviewMeetingId))
    .where(eq(proposals.id, proposalId))
    .limit(1);
  return row;
}

export type { ParticipantRow, ProposalRow };
