/**
 * The review state of a proposal as the coordinator sees it: which meeting, the decisions (with corrections), the
 * decision in force and whether a placement may be made.
 */
import type { Reader } from '../../store';
import { proposalsOfParticipant } from '../../store/proposals';
import { activeItemsOfProposals, meetingsByIds, proposalsWithPosition } from '../../store/review';
import type { ProposalReview } from '../../../shared/contract/review';
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from '../../../shared/domain/proposal';
import { notFound } from '../../../shared/errors';
import { proposalPlaceability } from './guards';
import { chainHead, decisionsForProposals, meetingRef, userNames } from './common';
import { decisionOut, draftOut, meetingDatesOf } from './views';

export async function proposalReviews(r: Reader, proposalIds: number[]): Promise<ProposalReview[]> {
  if (proposalIds.length === 0) return [];
  const rows = await proposalsWithPosition(r, proposalIds);
  const meetingIds = rows.map((x) => x.proposal.reviewMeetingId).filter((x): x is number => x !== null);
  const meetings = new Map((await meetingsByIds(r, meetingIds)).map((m) => [m.id, m]));
  const decisions = await decisionsForProposals(r, proposalIds);
  const openItems = await activeItemsOfProposals(r, proposalIds, ['open']);
  const names = await userNames(r, [...decisions.map((d) => d.decidedBy), ...openItems.map((o) => o.item.draftBy)]);
  const dates = await meetingDatesOf(
    r,
    decisions.map((d) => d.meetingId),
  );
  const placeability = new Map<number, Awaited<ReturnType<typeof proposalPlaceability>>>();
  for (const x of rows) placeability.set(x.proposal.id, await proposalPlaceability(r, x.proposal.id));

  const byId = new Map(rows.map((r) => [r.proposal.id, r]));
  return proposalIds
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .map((r) => {
      const p = r.proposal;
      const mine = decisions.filter((d) => d.proposalId === p.id);
      const originals = mine
        .filter((d) => d.correctsDecisionId === null)
        .sort((a, b) => ((dates.get(a.meetingId) ?? '') < (dates.get(b.meetingId) ?? '') ? -1 : 1));
      const latest = originals.at(-1);
      const inForce = latest ? chainHead(latest, mine) : undefined;
      const open = openItems.find((o) => o.item.proposalId === p.id);
      const meeting = p.reviewMeetingId === null ? undefined : meetings.get(p.reviewMeetingId);
      const placeable = placeability.get(p.id)!;
      return {
        proposalId: p.id,
        participantId: p.participantId,
        positionId: p.positionId,
        positionTitle: r.positionTitle,
        workplaceName: r.workplaceName,
        status: p.status as ProposalStatus,
        statusLabel: PROPOSAL_STATUS_LABELS[p.status as ProposalStatus] ?? p.status,
        submittedAt: p.submittedAt,
        unionReviewRequired: r.unionReviewRequired,
        meeting: meeting ? meetingRef(meeting) : null,
        draftDecision: open ? draftOut(open.item, open.meeting, names) : null,
        decisions: mine.map((d) => decisionOut(d, dates, names, mine)),
        effectiveDecision: inForce ? decisionOut(inForce, dates, names, mine) : null,
        placeable: placeable.placeable,
        notPlaceableReason: placeable.reason,
      };
    });
}

export async function proposalReview(r: Reader, proposalId: number): Promise<ProposalReview> {
  const [review] = await proposalReviews(r, [proposalId]);
  if (!review) throw notFound('Förslaget');
  return review;
}

export async function proposalIdsOfParticipant(r: Reader, participantId: number): Promise<number[]> {
  return (await proposalsOfParticipant(r, participantId)).map((x) => x.id).sort((a, b) => b - a);
}
