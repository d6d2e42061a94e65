/**
 * Reading proposals as the API returns them (coordinator's and admin's view: participant name included).
 */
import { proposalActions } from '../../../shared/rules/record-actions';
import type { Reader } from '../../store';
import { queryProposalRows } from '../../store/proposals';
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

/** Proposals matching the query, newest first. */
export async function queryProposals(r: Reader, q: ProposalQuery): Promise<{ total: number; rows: Proposal[] }> {
  const { total, rows: found } = await queryProposalRows(r, q);
  const rows = found.map((r): Proposal => {
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

export async function loadProposal(r: Reader, id: number): Promise<Proposal> {
  const p = (await queryProposals(r, { ids: [id] })).rows[0];
  if (!p) throw notFound('Förslaget');
  return p;
}
