/**
 * Review events on the participant's timeline. A stage change is made only when the participant is in the stage
 * the review expects (e.g. 'proposed' → 'approved'); otherwise (paused, another proposal in flight, …) the event is
 * written as a plain timeline entry so the coordinator still sees it. Synchronous: call inside the transaction.
 */
import { eq } from 'drizzle-orm';
import { participants } from '../../db/schema';
import type { AuthedContext } from '../context';
import type { Stage } from '../../../shared/domain/participant';
import { addTimelineEvent, transitionParticipant } from '../participants/transitions';

export type ReviewEventKind = 'proposal' | 'decision';

export function participantStage(ctx: AuthedContext, participantId: number): Stage {
  const row = ctx.legacyDb
    .select({ stage: participants.stage })
    .from(participants)
    .where(eq(participants.id, participantId))
    .get();
  return (row?.stage ?? 'matching') as Stage;
}

/**
 * Moves the participant from `from` to `to` with the note when the participant is in `from`; otherwise writes the
 * note as a timeline event of `kind`.
 */
export function stageOrEvent(
  ctx: AuthedContext,
  participantId: number,
  change: { from: readonly Stage[]; to: Stage } | null,
  event: { kind: ReviewEventKind; summary: string; note: string; data: Record<string, unknown> },
): void {
  const stage = participantStage(ctx, participantId);
  const data = { ...event.data, summary: event.summary };
  if (change && change.from.includes(stage) && stage !== change.to) {
    transitionParticipant(ctx, participantId, change.to, { note: event.note, data });
  } else {
    addTimelineEvent(ctx, participantId, { kind: event.kind, note: event.note, data });
  }
}
