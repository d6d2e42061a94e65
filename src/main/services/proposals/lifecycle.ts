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
import { and, eq, inArray, ne } from 'drizzle-orm';
import { tx } from '../../db/connection';
import { participants, placements, positions, proposals, reviewAgendaItems, workplaces } from '../../db/schema';
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
} from '../review/store';
import { stageOrEvent } from '../review/timeline';

function loadProposal(ctx: AuthedContext, id: number) {
  const row = ctx.legacyDb
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
    .get();
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

export function submitProposal(ctx: AuthedContext, proposalId: number, note: string | null): SubmitResult {
  return tx(ctx.legacyDb, () => {
    const { proposal: p, position, workplaceName, participant } = loadProposal(ctx, proposalId);
    if (p.status !== 'draft') {
      throw ruleError(`Bara utkast kan skickas in. Förslaget har status "${statusLabel(p.status)}".`);
    }
    if (!position.active) throw ruleError('Platsen är inte aktiv och kan inte föreslås.');
    if (!PROPOSABLE_STAGES.includes(participant.stage as Stage)) {
      throw ruleError(
        `Deltagaren är i steget "${STAGE_LABELS[participant.stage as Stage] ?? participant.stage}" och kan inte föreslås för en placering nu.`,
      );
    }
    const twin = ctx.legacyDb
      .select({ id: proposals.id, status: proposals.status })
      .from(proposals)
      .where(
        and(
          eq(proposals.participantId, p.participantId),
          eq(proposals.positionId, p.positionId),
          ne(proposals.id, p.id),
          inArray(proposals.status, ['submitted', 'deferred', 'approved']),
        ),
      )
      .get();
    if (twin) {
      throw conflict(
        `Det finns redan ett förslag (nr ${twin.id}, ${statusLabel(twin.status).toLowerCase()}) för samma deltagare och plats.`,
      );
    }

    const nowIso = ctx.clock.now().toISOString();
    const today = localToday(ctx.clock);
    let meeting: MeetingRow | null = null;
    if (position.unionReviewRequired) {
      ensureMeetingsAhead(ctx.legacyDb, ctx.clock);
      meeting = agendaMeetingForSubmission(ctx.legacyDb, today) ?? null;
      if (!meeting) {
        throw ruleError(
          'Det finns inget planerat prövningsmöte att lägga förslaget på. Be enhetschefen lägga in schemat för facklig prövning.',
        );
      }
      insertAgendaItem(ctx.legacyDb, {
        meetingId: meeting.id,
        proposalId: p.id,
        origin: 'submitted',
        fromMeetingId: null,
        addedAt: nowIso,
      });
    }
    ctx.legacyDb
      .update(proposals)
      .set({
        status: 'submitted',
        submittedAt: nowIso,
        submittedBy: ctx.user.id,
        reviewMeetingId: meeting?.id ?? null,
        updatedAt: nowIso,
      })
      .where(eq(proposals.id, p.id))
      .run();
    ctx.audit.change(
      'proposal',
      p.id,
      { status: p.status, reviewMeetingId: p.reviewMeetingId },
      { status: 'submitted', reviewMeetingId: meeting?.id ?? null },
      meeting ? `Till facklig prövning ${meeting.date}` : 'Inskickat (platsen kräver ingen facklig prövning)',
    );

    const what = `${position.title}, ${workplaceName}`;
    const message = meeting
      ? `Förslaget ligger på agendan för prövningsmötet ${dayText(meeting.date)} kl. ${meeting.time} (${meeting.place}). Sista dag för ärenden till det mötet: ${meeting.cutoffDate}.`
      : 'Platsen kräver ingen facklig prövning. Förslaget är inskickat och kan bli en placering.';
    const timelineNote = meeting
      ? `Föreslagen till ${what}. Facklig prövning ${meeting.date}.`
      : `Föreslagen till ${what} (ingen facklig prövning krävs).`;
    stageOrEvent(
      ctx,
      participant.id,
      { from: ['matching'], to: 'proposed' },
      {
        kind: 'proposal',
        summary: meeting ? `Förslag till facklig prövning ${meeting.date}` : 'Förslag inskickat',
        note: note ? `${timelineNote} ${note}` : timelineNote,
        data: { proposalId: p.id, positionId: position.id, meetingId: meeting?.id ?? null },
      },
    );
    return { meeting, message };
  });
}

export function withdrawProposal(
  ctx: AuthedContext,
  proposalId: number,
  reason: string,
): { removedFrom: MeetingRow | null } {
  return tx(ctx.legacyDb, () => {
    const { proposal: p, position, workplaceName, participant } = loadProposal(ctx, proposalId);
    if (p.status === 'vetoed') throw ruleError('Ett förslag med veto kan inte återkallas; beslutet står kvar.');
    if (p.status === 'withdrawn') throw ruleError('Förslaget är redan återkallat.');
    const placed = ctx.legacyDb
      .select({ id: placements.id })
      .from(placements)
      .where(eq(placements.proposalId, p.id))
      .get();
    if (placed) throw ruleError('Förslaget har redan blivit en placering. Avsluta placeringen i stället.');

    const nowIso = ctx.clock.now().toISOString();
    let removedFrom: MeetingRow | null = null;
    const onAgenda = openAgendaItemOf(ctx.legacyDb, p.id);
    if (onAgenda) {
      if (onAgenda.meeting.status === 'open' && onAgenda.item.draftDecision !== null) {
        throw ruleError(
          'Facket har redan registrerat ett beslut om förslaget på det pågående mötet. Förslaget kan återkallas först när beslutet har tagits bort eller mötet är avslutat.',
        );
      }
      ctx.legacyDb
        .update(reviewAgendaItems)
        .set({ removedAt: nowIso, removedReason: 'withdrawn' })
        .where(eq(reviewAgendaItems.id, onAgenda.item.id))
        .run();
      removedFrom = onAgenda.meeting;
    }
    ctx.legacyDb
      .update(proposals)
      .set({
        status: 'withdrawn',
        withdrawnAt: nowIso,
        withdrawnBy: ctx.user.id,
        withdrawReason: reason,
        updatedAt: nowIso,
      })
      .where(eq(proposals.id, p.id))
      .run();
    ctx.audit.change(
      'proposal',
      p.id,
      { status: p.status },
      { status: 'withdrawn', withdrawReason: reason },
      removedFrom ? `Borttaget från agendan ${removedFrom.date}` : undefined,
    );

    if (p.status !== 'draft') {
      const backToMatching = otherLiveProposals(ctx.legacyDb, participant.id, p.id) === 0;
      stageOrEvent(ctx, participant.id, backToMatching ? { from: ['proposed', 'approved'], to: 'matching' } : null, {
        kind: 'proposal',
        summary: 'Förslag återkallat',
        note: `Förslaget till ${position.title}, ${workplaceName} återkallades${removedFrom ? ` och togs bort från prövningsmötet ${removedFrom.date}` : ''}. Skäl: ${reason}`,
        data: { proposalId: p.id, positionId: position.id, meetingId: removedFrom?.id ?? null },
      });
    }
    return { removedFrom };
  });
}

export const proposalLifecycleHandlers: HandlerMap<'proposals.submit' | 'proposals.withdraw'> = {
  'proposals.submit': async (ctx, input) => {
    const r = submitProposal(ctx, input.id, input.note ?? null);
    return {
      review: proposalReview(ctx.legacyDb, input.id),
      meeting: r.meeting ? meetingRef(r.meeting) : null,
      message: r.message,
    };
  },
  'proposals.withdraw': async (ctx, input) => {
    const r = withdrawProposal(ctx, input.id, input.reason);
    return {
      review: proposalReview(ctx.legacyDb, input.id),
      removedFromMeeting: r.removedFrom ? meetingRef(r.removedFrom) : null,
    };
  },
};
