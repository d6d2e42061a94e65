/**
 * Review events on the participant's timeline. A stage change is made only when the participant is in the stage
 * the review expects (e.g. 'proposed' → 'approved'); otherwise (paused, another proposal in flight, …) the event is
 * written as a plain timeline entry so the coordinator still sees it. Works in the caller's unit of work.
 */
import type { Tx } from '../../store';
import { stageOf } from '../../store/participants';
import type { AuthedContext } from '../context';
import type { Stage } from '../../../shared/domain/participant';
import { addTimelineEvent, transitionParticipant } from '../participants/transitions';

export type ReviewEventKind = 'proposal' | 'decision';

export async function participantStage(t: Tx, participantId: number): Promise<Stage> {
  return ((await stageOf(t, participantId)) ?? 'matching') as Stage;
}

/**
 * Moves the participant from `from` to `to` with the note when the participant is in `from`; otherwise writes the
 * note as a timeline event of `kind`.
 */
export async function stageOrEvent(
  ctx: AuthedContext,
  t: Tx,
  participantId: number,
  change: { from: readonly Stage[]; to: Stage } | null,
  event: { kind: ReviewEventKind; summary: string; note: string; data: Record<string, unknown> },
): Promise<void> {
  const stage = await participantStage(t, participantId);
  const data = { ...event.data, summary: event.summary };
  if (change && change.from.includes(stage) && stage !== change.to) {
    await transitionParticipant(ctx, t, participantId, change.to, { note: event.note, data });
  } else {
    await addTimelineEvent(ctx, t, participantId, { kind: event.kind, note: event.note, data });
  }
}
