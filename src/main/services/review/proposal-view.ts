/**
 * The review state of a proposal as the coordinator sees it: which meeting, the decisions (with corrections), the
 * decision in force and whether a placement may be made. Synchronous.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { positions, proposals, reviewAgendaItems, reviewMeetings, workplaces } from '../../db/schema';
import type { ProposalReview } from '../../../shared/contract/review';
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from '../../../shared/domain/proposal';
import { notFound } from '../../../shared/errors';
import { proposalPlaceability } from './guards';
import { chainHead, decisionsForProposals, meetingRef, userNames } from './store';
import { decisionOut, draftOut, meetingDatesOf } from './views';

export function proposalReviews(db: Db, proposalIds: number[]): ProposalReview[] {
  if (proposalIds.length === 0) return [];
  const rows = db
    .select({
      proposal: proposals,
      positionTitle: positions.title,
      unionReviewRequired: positions.unionReviewRequired,
      workplaceName: workplaces.name,
    })
    .from(proposals)
    .innerJoin(positions, eq(positions.id, proposals.positionId))
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .where(inArray(proposals.id, proposalIds))
    .all();
  const meetingIds = rows.map((r) => r.proposal.reviewMeetingId).filter((x): x is number => x !== null);
  const meetings = new Map(
    (meetingIds.length ? db.select().from(reviewMeetings).where(inArray(reviewMeetings.id, meetingIds)).all() : []).map((m) => [m.id, m]),
  );
  const decisions = decisionsForProposals(db, proposalIds);
  const openItems = db
    .select({ item: reviewAgendaItems, meeting: reviewMeetings })
    .from(reviewAgendaItems)
    .innerJoin(reviewMeetings, eq(reviewMeetings.id, reviewAgendaItems.meetingId))
    .where(and(inArray(reviewAgendaItems.proposalId, proposalIds), isNull(reviewAgendaItems.removedAt), eq(reviewMeetings.status, 'open')))
    .all();
  const names = userNames(db, [...decisions.map((d) => d.decidedBy), ...openItems.map((o) => o.item.draftBy)]);
  const dates = meetingDatesOf(db, decisions.map((d) => d.meetingId));

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
      const placeability = proposalPlaceability(db, p.id);
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
        placeable: placeability.placeable,
        notPlaceableReason: placeability.reason,
      };
    });
}

export function proposalReview(db: Db, proposalId: number): ProposalReview {
  const [r] = proposalReviews(db, [proposalId]);
  if (!r) throw notFound('Förslaget');
  return r;
}

export function proposalIdsOfParticipant(db: Db, participantId: number): number[] {
  return db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.participantId, participantId))
    .all()
    .map((r) => r.id)
    .sort((a, b) => b - a);
}
