/** Proposals (participant × position with the score and explanation as shown when it was made). */
import { and, asc, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Reader, Tx } from '../db/engine';
import type { proposals } from '../db/schema';
import { insertMany } from './bulk';
import { insertRow, updateRow, type PatchOf } from './record';

export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalInsert = typeof proposals.$inferInsert;

export async function findProposal(r: Reader, id: number): Promise<ProposalRow | undefined> {
  const { proposals } = r.tables;
  const [row] = await r.db.select().from(proposals).where(eq(proposals.id, id)).limit(1);
  return row;
}

export async function proposalsByIds(r: Reader, ids: readonly number[]): Promise<ProposalRow[]> {
  if (ids.length === 0) return [];
  const { proposals } = r.tables;
  return r.db
    .select()
    .from(proposals)
    .where(inArray(proposals.id, [...ids]));
}

export const insertProposal = (t: Tx, v: ProposalInsert) => insertRow(t, 'proposals', v);
export const insertProposals = (t: Tx, rows: readonly ProposalInsert[]) => insertMany(t, 'proposals', rows);
export const updateProposal = (t: Tx, id: number, patch: PatchOf<'proposals'>) => updateRow(t, 'proposals', id, patch);

export interface ProposalQuery {
  ids?: readonly number[];
  participantId?: number | undefined;
  positionId?: number | undefined;
  statuses?: readonly string[] | undefined;
  offset?: number;
  limit?: number;
}

function proposalWhere(r: Reader, q: ProposalQuery): SQL | undefined {
  const { proposals } = r.tables;
  return and(
    q.ids ? inArray(proposals.id, [...q.ids]) : undefined,
    q.participantId !== undefined ? eq(proposals.participantId, q.participantId) : undefined,
    q.positionId !== undefined ? eq(proposals.positionId, q.positionId) : undefined,
    q.statuses && q.statuses.length > 0 ? inArray(proposals.status, [...q.statuses]) : undefined,
  );
}

/** Proposals matching the query with participant, position, workplace and creator, newest first; and the total. */
export async function queryProposalRows(r: Reader, q: ProposalQuery) {
  const { proposals, participants, positions, workplaces, users } = r.tables;
  const creator = alias(users, 'creator');
  const cond = proposalWhere(r, q);
  const [n] = await r.db.select({ n: count() }).from(proposals).where(cond);
  let query = r.db
    .select({
      p: proposals,
      ref: participants.ref,
      firstName: participants.firstName,
      lastName: participants.lastName,
      stage: participants.stage,
      title: positions.title,
      kind: positions.kind,
      workplaceName: workplaces.name,
      createdByName: creator.displayName,
    })
    .from(proposals)
    .innerJoin(participants, eq(participants.id, proposals.participantId))
    .innerJoin(positions, eq(positions.id, proposals.positionId))
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .leftJoin(creator, eq(creator.id, proposals.createdBy))
    .where(cond)
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .$dynamic();
  if (q.limit !== undefined) query = query.limit(q.limit).offset(q.offset ?? 0);
  return { total: n?.n ?? 0, rows: await query };
}

/** A proposal with what its lifecycle steps need of position, workplace and participant. */
export async function proposalWithContext(r: Reader, id: number) {
  const { proposals, positions, workplaces, participants } = r.tables;
  const [row] = await r.db
    .select({
      proposal: proposals,
      position: {
        id: positions.id,
        title: positions.title,
        active: positions.active,
        unionReviewRequired: positions.unionReviewRequired,
      },
      workplaceName: workplaces.name,
      participant: { id: participants.id, stage: participants.stage, ref: participants.ref },
    })
    .from(proposals)
    .innerJoin(positions, eq(positions.id, proposals.positionId))
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .innerJoin(participants, eq(participants.id, proposals.participantId))
    .where(eq(proposals.id, id))
    .limit(1);
  return row;
}

/** The first proposal of the pair in one of the statuses (optionally not `exceptId`). */
export async function proposalOfPair(
  r: Reader,
  participantId: number,
  positionId: number,
  statuses: readonly string[],
  exceptId?: number,
): Promise<{ id: number; status: string } | undefined> {
  const { proposals } = r.tables;
  const [row] = await r.db
    .select({ id: proposals.id, status: proposals.status })
    .from(proposals)
    .where(
      and(
        eq(proposals.participantId, participantId),
        eq(proposals.positionId, positionId),
        inArray(proposals.status, [...statuses]),
        exceptId === undefined ? undefined : ne(proposals.id, exceptId),
      ),
    )
    .orderBy(asc(proposals.id))
    .limit(1);
  return row;
}

/** Proposals in the statuses, of a participant and/or for a position, by id. */
export async function proposalsInStatus(
  r: Reader,
  statuses: readonly string[],
  by: { participantId?: number; positionId?: number } = {},
): Promise<Array<{ id: number; status: string; participantId: number; positionId: number }>> {
  const { proposals } = r.tables;
  return r.db
    .select({
      id: proposals.id,
      status: proposals.status,
      participantId: proposals.participantId,
      positionId: proposals.positionId,
    })
    .from(proposals)
    .where(
      and(
        inArray(proposals.status, [...statuses]),
        by.participantId !== undefined ? eq(proposals.participantId, by.participantId) : undefined,
        by.positionId !== undefined ? eq(proposals.positionId, by.positionId) : undefined,
      ),
    )
    .orderBy(asc(proposals.id));
}

/** Proposals of a participant (id and status), by id. */
export async function proposalsOfParticipant(
  r: Reader,
  participantId: number,
): Promise<Array<{ id: number; status: string }>> {
  const { proposals } = r.tables;
  return r.db
    .select({ id: proposals.id, status: proposals.status })
    .from(proposals)
    .where(eq(proposals.participantId, participantId))
    .orderBy(asc(proposals.id));
}

export async function countProposalsInStatus(r: Reader, statuses: readonly string[]): Promise<number> {
  const { proposals } = r.tables;
  const [row] = await r.db
    .select({ n: count() })
    .from(proposals)
    .where(inArray(proposals.status, [...statuses]));
  return row?.n ?? 0;
}

/** Approved proposals that have not become a placement, by id (the demo places them). */
export async function approvedUnplaced(r: Reader): Promise<number[]> {
  const { proposals, placements } = r.tables;
  const rows = await r.db
    .select({ id: proposals.id, placed: placements.id })
    .from(proposals)
    .leftJoin(placements, eq(placements.proposalId, proposals.id))
    .where(eq(proposals.status, 'approved'))
    .orderBy(asc(proposals.id));
  return rows.filter((x) => x.placed === null).map((x) => x.id);
}
