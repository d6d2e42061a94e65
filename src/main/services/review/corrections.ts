/**
 * Corrections after closing (docs/product.md §4 rule 3): "a correction is a new decision that refers to the old one".
 *
 * Where it is recorded: as an addendum to the protocol of the meeting that made the original decision. The new
 * row has the same meeting, `correctsDecisionId` = the old decision and a required reason; it takes effect when it
 * is recorded. The frozen protocol snapshot and the old row are never changed; the PDF prints the snapshot followed
 * by "Rättelser efter justering". (Recording it at the next meeting instead would leave an erroneous veto or
 * approval in force for up to two weeks.)
 *
 * What may be corrected into what:
 * - Only the decision in force can be corrected (a decision already corrected is corrected through its latest
 *   correction).
 * - A veto stays a veto (reason and text may be corrected). Turning it into an approval would let a vetoed proposal
 *   become a placement, which docs/product.md §4 rule 1 forbids: the pair needs a new proposal and a new review.
 * - A deferral stays a deferral (its question may be corrected); the item is decided at the next meeting anyway.
 * - An approval may be corrected (comment) or turned into a veto, as long as no placement has been made from it.
 *   The veto then takes effect: the proposal becomes 'vetoed' and the participant goes back to matching.
 */

import type { Tx } from '../../store';
import { placementOfProposal } from '../../store/placements';
import { findPosition, findWorkplace } from '../../store/positions';
import { findProposal, updateProposal } from '../../store/proposals';
import { correctionOf, findDecision, insertDecision } from '../../store/review';
import type { AuthedContext } from '../context';
import type { CorrectionOut, DecisionInput } from '../../../shared/contract/review';
import { DECISION_LABELS, VETO_REASON_LABELS, type DecisionKind } from '../../../shared/domain/review';
import { notFound, ruleError } from '../../../shared/errors';
import { otherLiveProposals } from './guards';
import { loadMeeting } from './common';
import { stageOrEvent } from './timeline';
import { meetingCorrections } from './views';

export async function correctDecision(
  ctx: AuthedContext,
  t: Tx,
  decisionId: number,
  decision: DecisionInput,
  reason: string,
): Promise<CorrectionOut> {
  const old = await findDecision(t, decisionId);
  if (!old) throw notFound('Beslutet');
  const meeting = await loadMeeting(t, old.meetingId);
  if (meeting.status !== 'closed') throw ruleError('Beslutet är inte låst ännu; ändra det under mötet i stället.');
  const newer = await correctionOf(t, old.id);
  if (newer)
    throw ruleError(`Beslutet har redan rättats (beslut nr ${newer.id}). Rätta det senaste beslutet i stället.`);

  const from = old.decision as DecisionKind;
  const to = decision.kind;
  if (from === 'veto' && to !== 'veto') {
    throw ruleError(
      'Ett veto kan bara rättas i orsak och motivering. Ett förslag med veto kan aldrig bli en placering; samma deltagare och plats behöver ett nytt förslag och en ny facklig prövning.',
      'decision',
    );
  }
  if (from === 'defer' && to !== 'defer') {
    throw ruleError('Ett bordläggningsbeslut kan bara rättas i sin fråga; ärendet avgörs på nästa möte.', 'decision');
  }
  if (from === 'approve' && to === 'defer') {
    throw ruleError('Ett godkännande kan rättas till veto men inte till bordläggning.', 'decision');
  }

  const proposal = (await findProposal(t, old.proposalId))!;
  if (from === 'approve' && to === 'veto' && (await placementOfProposal(t, proposal.id)) !== undefined) {
    throw ruleError(
      'Förslaget har redan blivit en placering; godkännandet kan inte längre rättas till veto.',
      'decision',
    );
  }

  const nowIso = ctx.clock.now().toISOString();
  const row = await insertDecision(t, {
    meetingId: old.meetingId,
    proposalId: old.proposalId,
    agendaItemId: old.agendaItemId,
    decision: to,
    reasonCategory: decision.kind === 'veto' ? decision.reasonCategory : null,
    text: decision.kind === 'veto' ? decision.text : decision.kind === 'approve' ? (decision.comment ?? null) : null,
    question: decision.kind === 'defer' ? decision.question : null,
    decidedBy: ctx.user.id,
    decidedAt: nowIso,
    recordedAt: nowIso,
    correctsDecisionId: old.id,
    correctionReason: reason,
  });
  await ctx.audit.change(
    t,
    'review_decision',
    row.id,
    null,
    {
      correctsDecisionId: old.id,
      decision: row.decision,
      reasonCategory: row.reasonCategory,
      text: row.text,
      question: row.question,
      correctionReason: reason,
    },
    `Rättelse av beslut nr ${old.id} (${DECISION_LABELS[from]} → ${DECISION_LABELS[to]})`,
  );

  const position = await findPosition(t, proposal.positionId);
  const workplace = position ? await findWorkplace(t, position.workplaceId) : undefined;
  const what = position && workplace ? `${position.title}, ${workplace.name}` : `förslag ${proposal.id}`;
  const data = {
    proposalId: proposal.id,
    meetingId: old.meetingId,
    decisionId: row.id,
    correctsDecisionId: old.id,
    decision: to,
  };
  const detail =
    to === 'veto'
      ? ` Orsak: ${VETO_REASON_LABELS[decision.kind === 'veto' ? decision.reasonCategory : 'other']}. ${row.text ?? ''}`
      : to === 'defer'
        ? ` Fråga: ${row.question ?? ''}`
        : row.text
          ? ` Kommentar: ${row.text}`
          : '';
  const summary = `Facklig prövning ${meeting.date}: beslutet rättat till ${DECISION_LABELS[to].toLowerCase()}`;
  const note = `Rättelse av beslutet från facklig prövning ${meeting.date} (${what}): ${DECISION_LABELS[to]}.${detail} Skäl: ${reason}`;

  if (from === 'approve' && to === 'veto' && proposal.status === 'approved') {
    await updateProposal(t, proposal.id, { status: 'vetoed', updatedAt: nowIso });
    await ctx.audit.change(t, 'proposal', proposal.id, { status: 'approved' }, { status: 'vetoed' });
    const backToMatching = (await otherLiveProposals(t, proposal.participantId, proposal.id)) === 0;
    await stageOrEvent(
      ctx,
      t,
      proposal.participantId,
      backToMatching ? { from: ['approved', 'proposed'], to: 'matching' } : null,
      { kind: 'decision', summary, note, data },
    );
  } else {
    await stageOrEvent(ctx, t, proposal.participantId, null, { kind: 'decision', summary, note, data });
  }

  const out = (await meetingCorrections(t, meeting)).find((c) => c.id === row.id);
  if (!out) throw new Error('Rättelsen kunde inte läsas tillbaka.');
  return out;
}
