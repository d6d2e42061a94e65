/**
 * docs/product.md §4 rule 1: no placement without an approved review when the position requires one; a vetoed proposal
 * never becomes a placement, whoever asks.
 *
 * The rule, as `assertProposalPlaceable` applies it:
 * 1. A proposal with a veto — its status is 'vetoed', or any final decision on it (original or correction) is a
 *    veto — never passes. The same participant and position need a new proposal and a new review.
 * 2. A withdrawn proposal or a draft never passes.
 * 3. When the position requires union review: the proposal must be 'approved' AND the decision in force (the latest
 *    meeting's decision, after corrections) must be an approval.
 * 4. When the position does not require union review: 'approved' passes (submitting such a proposal approves it at
 *    once and puts it on no agenda); 'submitted' passes too, for proposals submitted before that rule.
 * 5. A proposal that already became a placement does not pass again (one placement per proposal).
 */
import type { Reader } from '../../store';
import { placementOfProposal } from '../../store/placements';
import { proposalsOfParticipant } from '../../store/proposals';
import { proposalForPlacement } from '../../store/review';
import { notFound, ruleError } from '../../../shared/errors';
import { chainHead, decisionsForProposals } from './common';

export interface Placeability {
  placeable: boolean;
  /** Swedish reason when not placeable. */
  reason: string | null;
}

/** Whether a placement may be created from the proposal, and if not, why. Throws NOT_FOUND for a missing proposal. */
export async function proposalPlaceability(r: Reader, proposalId: number): Promise<Placeability> {
  const row = await proposalForPlacement(r, proposalId);
  if (!row) throw notFound('Förslaget');
  const p = row.proposal;
  const no = (reason: string): Placeability => ({ placeable: false, reason });

  const decisions = await decisionsForProposals(r, [proposalId]);
  if (p.status === 'vetoed' || decisions.some((d) => d.decision === 'veto')) {
    return no(
      'Facket har lagt in veto mot förslaget. Ett förslag med veto kan aldrig bli en placering; samma deltagare och plats behöver ett nytt förslag och en ny facklig prövning.',
    );
  }
  if (p.status === 'withdrawn') return no('Förslaget är återkallat och kan inte bli en placering.');
  if (p.status === 'draft') {
    return no(
      row.unionReviewRequired
        ? 'Förslaget är ett utkast. Skicka det till facklig prövning först.'
        : 'Förslaget är ett utkast. Skicka in det först.',
    );
  }

  if (row.unionReviewRequired) {
    if (p.status === 'submitted' || p.status === 'deferred') {
      const when = row.meetingDate ? ` (mötet ${row.meetingDate})` : '';
      return no(
        p.status === 'deferred'
          ? `Förslaget är bordlagt och prövas på nästa möte${when}. Det kan bli en placering först när facket har godkänt det.`
          : `Förslaget väntar på facklig prövning${when}. Det kan bli en placering först när facket har godkänt det.`,
      );
    }
    if (p.status !== 'approved') return no('Förslaget är inte godkänt vid facklig prövning.');
    // Defence in depth: the decision in force must really be an approval.
    const latestOriginal = [...decisions]
      .filter((d) => d.correctsDecisionId === null)
      .sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : a.id - b.id))
      .at(-1);
    const inForce = latestOriginal ? chainHead(latestOriginal, decisions) : undefined;
    if (!inForce || inForce.decision !== 'approve') {
      return no('Det finns inget gällande godkännande från facklig prövning för förslaget.');
    }
  } else if (p.status !== 'submitted' && p.status !== 'approved') {
    return no('Förslaget är inte inskickat.');
  }

  const placed = await placementOfProposal(r, proposalId);
  if (placed !== undefined) return no('Förslaget har redan blivit en placering.');
  return { placeable: true, reason: null };
}

/**
 * Refuses (RULE, Swedish reason) unless a placement may be created from the proposal now. Placements call this
 * in their unit of work before inserting.
 */
export async function assertProposalPlaceable(r: Reader, proposalId: number): Promise<void> {
  const p = await proposalPlaceability(r, proposalId);
  if (!p.placeable) throw ruleError(p.reason ?? 'Förslaget kan inte bli en placering.');
}

/** Other proposals of the participant that still hold a place in the process (submitted, deferred, approved). */
export async function otherLiveProposals(r: Reader, participantId: number, exceptProposalId: number): Promise<number> {
  return (await proposalsOfParticipant(r, participantId))
    .filter((p) => p.id !== exceptProposalId)
    .filter((p) => p.status === 'submitted' || p.status === 'deferred' || p.status === 'approved').length;
}
