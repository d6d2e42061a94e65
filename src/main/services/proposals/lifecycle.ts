/**
 * Proposal lifecycle steps around the union review (docs/product.md §3 "Proposal", §4 rules 1–2):
 *
 * - submit (draft → submitted): when the position requires union review the proposal goes onto the agenda of the
 *   first planned or open meeting whose cutoff it meets (submitted on or before the cutoff date: that meeting; later:
 *   the next). The participant moves 'matching' → 'proposed'. A position without union review puts the proposal on
 *   no agenda: 'submitted' is then enough for a placement (see review/guards.ts).
 * - withdraw (draft | submitted | deferred | approved → withdrawn): removes the proposal from the agenda of a meeting
 *   that has not closed. Refused for a vetoed proposal (the veto stands), for one that already became a placement,
 *   and while the union has a decision on it in the meeting now open (wait until the meeting closes).
 *   The participant goes back to 'matching' when no other proposal of theirs is still live.
 */

import type { Tx } from '../../store';
import { placementOfProposal } from '../../store/placements';
import { proposalOfPair, proposalWithContext, updateProposal } from '../../store/proposals';
import { updateAgendaItem } from '../../store/review';
import type { HandlerMap } from '../handlers';
import type { AuthedContext } from '../context';
import { localToday } from '../../util/clock';
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from '../../../shared/domain/proposal';
import { STAGE_LABELS, type Stage } from '../../../shared/domain/participant';
import { conflict, notFound, ruleError } from '../../../shared/errors';
import { otherLiveProposals } from '../review/guards';
import { proposalReview } from '../review/proposal-view';
import { ensureMeetingsAhead } from '../review/schedule';
import {
  agendaMeetingForSubmission,
  dayText,
  insertAgendaItem,
  meetingRef,
  openAgendaItemOf,
  type MeetingRow,
} from '../review/common';
import { stageOrEvent } from '../review/timeline';

async function loadProposal(t: Tx, id: number) {
  const row = await proposalWithContext(t, id);
  if (!row) throw notFound('Förslaget');
  return row;
}

const statusLabel = (s: string) => PROPOSAL_STATUS_LABELS[s as ProposalStatus] ?? s;

/** Stages from which a participant can be proposed. */
const PROPOSABLE_STAGES: readonly Stage[] = ['matching', 'proposed'];

export interface SubmitResult {
  meeting: MeetingRow | null;
  message: string;
}

/** draft → submitted, in the caller's unit of work. */
export async function submitProposal(
  ctx: AuthedContext,
  t: Tx,
  proposalId: number,
  note: string | null,
): Promise<SubmitResult> {
  const { proposal: p, position, workplaceName, participant } = await loadProposal(t, proposalId);
  if (p.status !== 'draft') {
    throw ruleError(`Bara utkast kan skickas in. Förslaget har status "${statusLabel(p.status)}".`);
  }
  if (!position.active) throw ruleError('Platsen är inte aktiv och kan inte föreslås.');
  if (!PROPOSABLE_STAGES.includes(participant.stage as Stage)) {
    throw ruleError(
      `Deltagaren är i steget "${STAGE_LABELS[participant.stage as Stage] ?? participant.stage}" och kan inte föreslås för en placering nu.`,
    );
  }
  const twin = await proposalOfPair(t, p.participantId, p.positionId, ['submitted', 'deferred', 'approved'], p.id);
  if (twin) {
    throw conflict(
      `Det finns redan ett förslag (nr ${twin.id}, ${statusLabel(twin.status).toLowerCase()}) för samma deltagare och plats.`,
    );
  }

  const nowIso = ctx.clock.now().toISOString();
  const today = localToday(ctx.clock);
  let meeting: MeetingRow | null = null;
  if (position.unionReviewRequired) {
    await ensureMeetingsAhead(t, ctx.clock);
    meeting = (await agendaMeetingForSubmission(t, today)) ?? null;
    if (!meeting) {
      throw ruleError(
        'Det finns inget planerat prövningsmöte att lägga förslaget på. Be enhetschefen lägga in schemat för facklig prövning.',
      );
    }
    await insertAgendaItem(t, {
      meetingId: meeting.id,
      proposalId: p.id,
      origin: 'submitted',
      fromMeetingId: null,
      addedAt: nowIso,
    });
  }
  // A position without union review has no decision to wait for: the proposal is ready to place at once
  // (docs/product.md §4 rule 1), so it reads as approved, joins the queue of proposals to place and is not counted
  // among those awaiting a decision.
  const status = meeting ? 'submitted' : 'approved';
  await updateProposal(t, p.id, {
    status,
    submittedAt: nowIso,
    submittedBy: ctx.user.id,
    reviewMeetingId: meeting?.id ?? null,
    updatedAt: nowIso,
  });
  await ctx.audit.change(
    t,
    'proposal',
    p.id,
    { status: p.status, reviewMeetingId: p.reviewMeetingId },
    { status, reviewMeetingId: meeting?.id ?? null },
    meeting ? `Till facklig prövning ${meeting.date}` : 'Klart att placera (platsen kräver ingen facklig prövning)',
  );

  const what = `${position.title}, ${workplaceName}`;
  const message = meeting
    ? `Förslaget ligger på agendan för prövningsmötet ${dayText(meeting.date)} kl. ${meeting.time} (${meeting.place}). Sista dag för ärenden till det mötet: ${meeting.cutoffDate}.`
    : 'Platsen kräver ingen facklig prövning. Förslaget är klart att placera och finns bland godkända förslag att placera.';
  const timelineNote = meeting
    ? `Föreslagen till ${what}. Facklig prövning ${meeting.date}.`
    : `Föreslagen till ${what} (ingen facklig prövning krävs).`;
  await stageOrEvent(
    ctx,
    t,
    participant.id,
    { from: ['matching'], to: 'proposed' },
    {
      kind: 'proposal',
      summary: meeting ? `Förslag till facklig prövning ${meeting.date}` : 'Förslag inskickat',
      note: note ? `${timelineNote} ${note}` : timelineNote,
      data: { proposalId: p.id, positionId: position.id, meetingId: meeting?.id ?? null },
    },
  );
  if (!meeting) {
    await stageOrEvent(
      ctx,
      t,
      participant.id,
      { from: ['proposed'], to: 'approved' },
      {
        kind: 'proposal',
        summary: 'Klar att placera',
        note: `Förslaget till ${what} är klart att placera: platsen kräver ingen facklig prövning.`,
        data: { proposalId: p.id, positionId: position.id, meetingId: null },
      },
    );
  }
  return { meeting, message };
}

/** → withdrawn, in the caller's unit of work. */
export async function withdrawProposal(
  ctx: AuthedContext,
  t: Tx,
  proposalId: number,
  reason: string,
): Promise<{ removedFrom: MeetingRow | null }> {
  const { proposal: p, position, workplaceName, participant } = await loadProposal(t, proposalId);
  if (p.status === 'vetoed') throw ruleError('Ett förslag med veto kan inte återkallas; beslutet står kvar.');
  if (p.status === 'withdrawn') throw ruleError('Förslaget är redan återkallat.');
  if ((await placementOfProposal(t, p.id)) !== undefined) {
    throw ruleError('Förslaget har redan blivit en placering. Avsluta placeringen i stället.');
  }

  const nowIso = ctx.clock.now().toISOString();
  let removedFrom: MeetingRow | null = null;
  const onAgenda = await openAgendaItemOf(t, p.id);
  if (onAgenda) {
    if (onAgenda.meeting.status === 'open' && onAgenda.item.draftDecision !== null) {
      throw ruleError(
        'Facket har redan registrerat ett beslut om förslaget på det pågående mötet. Förslaget kan återkallas först när beslutet har tagits bort eller mötet är avslutat.',
      );
    }
    await updateAgendaItem(t, onAgenda.item.id, { removedAt: nowIso, removedReason: 'withdrawn' });
    removedFrom = onAgenda.meeting;
  }
  await updateProposal(t, p.id, {
    status: 'withdrawn',
    withdrawnAt: nowIso,
    withdrawnBy: ctx.user.id,
    withdrawReason: reason,
    updatedAt: nowIso,
  });
  await ctx.audit.change(
    t,
    'proposal',
    p.id,
    { status: p.status },
    { status: 'withdrawn', withdrawReason: reason },
    removedFrom ? `Borttaget från agendan ${removedFrom.date}` : undefined,
  );

  if (p.status !== 'draft') {
    const backToMatching = (await otherLiveProposals(t, participant.id, p.id)) === 0;
    await stageOrEvent(
      ctx,
      t,
      participant.id,
      backToMatching ? { from: ['proposed', 'approved'], to: 'matching' } : null,
      {
        kind: 'proposal',
        summary: 'Förslag återkallat',
        note: `Förslaget till ${position.title}, ${workplaceName} återkallades${removedFrom ? ` och togs bort från prövningsmötet ${removedFrom.date}` : ''}. Skäl: ${reason}`,
        data: { proposalId: p.id, positionId: position.id, meetingId: removedFrom?.id ?? null },
      },
    );
  }
  return { removedFrom };
}

export const proposalLifecycleHandlers: HandlerMap<'proposals.submit' | 'proposals.withdraw'> = {
  'proposals.submit': async (ctx, input) =>
    ctx.tx(async (t) => {
      const r = await submitProposal(ctx, t, input.id, input.note ?? null);
      return {
        review: await proposalReview(t, input.id),
        meeting: r.meeting ? meetingRef(r.meeting) : null,
        message: r.message,
      };
    }),
  'proposals.withdraw': async (ctx, input) =>
    ctx.tx(async (t) => {
      const r = await withdrawProposal(ctx, t, input.id, input.reason);
      return {
        review: await proposalReview(t, input.id),
        removedFromMeeting: r.removedFrom ? meetingRef(r.removedFrom) : null,
      };
    }),
};
