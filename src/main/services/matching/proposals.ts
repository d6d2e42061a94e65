/**
 * Reading proposals as the API returns them (coordinator's and admin's view: participant name included).
 */
import { proposalActions } from '../../../shared/rules/record-actions';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/connection';
import { participants, positions, proposals, users, workplaces } from '../../db/schema';
import { readSnapshot, type Proposal, type ProposalStatus } from '../../../shared/domain/proposal';
import { notFound } from '../../../shared/errors';

export interface ProposalQuery {
  ids?: readonly number[];
  participantId?: number | undefined;
  positionId?: number | undefined;
  statuses?: readonly ProposalStatus[] | undefined;
  offset?: number;
  limit?: number;
}

function where(q: ProposalQuery): SQL | undefined {
  return and(
    q.ids ? inArray(proposals.id, [...q.ids]) : undefined,
    q.participantId !== undefined ? eq(proposals.participantId, q.participantId) : undefined,
    q.positionId !== undefined ? eq(proposals.positionId, q.positionId) : undefined,
    q.statuses && q.statuses.length > 0 ? inArray(proposals.status, [...q.statuses]) : undefined,
  );
}

const creator = alias(users, 'creator');

/** Proposals matching the query, newest first. */
export function queryProposals(db: Db, q: ProposalQuery): { total: number; rows: Proposal[] } {
  const cond = where(q);
  const total = db.select({ n: count() }).from(proposals).where(cond).get()?.n ?? 0;
  let query = db
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
  const rows = query.all().map((r): Proposal => {
    const snapshot = readSnapshot(r.p.explanation, r.p.score);
    return {
      id: r.p.id,
      participantId: r.p.participantId,
      participantRef: r.ref,
      participantName: `${r.firstName} ${r.lastName}`,
      participantStage: r.stage,
      positionId: r.p.positionId,
      positionTitle: r.title,
      positionKind: r.kind,
      workplaceName: r.workplaceName,
      positionPeriodId: snapshot.positionPeriodId,
      periodName: snapshot.periodName,
      status: r.p.status as ProposalStatus,
      score: r.p.score,
      maxScore: snapshot.max,
      explanation: snapshot,
      note: r.p.note,
      createdBy: r.p.createdBy,
      createdByName: r.createdByName ?? null,
      createdAt: r.p.createdAt,
      submittedAt: r.p.submittedAt,
      reviewMeetingId: r.p.reviewMeetingId,
      withdrawnAt: r.p.withdrawnAt,
      updatedAt: r.p.updatedAt,
      actions: proposalActions({ status: r.p.status as ProposalStatus }),
    };
  });
  return { total, rows };
}

export function loadProposal(db: Db, id: number): Proposal {
  const p = queryProposals(db, { ids: [id] }).rows[0];
  if (!p) throw notFound('Förslaget');
  return p;
}
