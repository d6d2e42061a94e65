/**
 * Creating proposals (docs/product.md §3 "Proposal"): participant × position (× summer-job period), by whom, when, and the
 * match score with its explanation as shown. A new proposal is a draft; submitting it to the union review is
 * 'proposals.submit' (src/main/services/proposals/lifecycle.ts), which callers may also ask for here in the same
 * transaction (`submit`).
 *
 * The score is never taken from the caller: it is recomputed here by the same engine that produced the list the
 * coordinator looked at. When the caller passes the score it showed (`expectedScore`) and the recomputed one
 * differs — the participant, the position or the weights changed in between — nothing is created and the
 * coordinator is asked to refresh. So the stored snapshot is exactly what was shown.
 *
 * Journey: a participant still in 'mapped' moves to 'matching' (a proposal is being prepared); the move to
 * 'proposed' happens on submission.
 */
import { insertProposal, proposalOfPair } from '../../store/proposals';
import { stageOf } from '../../store/participants';
import type { AuthedContext } from '../context';
import { localToday } from '../../util/clock';
import {
  OPEN_PROPOSAL_STATUSES,
  PROPOSAL_STATUS_LABELS,
  type MatchSnapshot,
  type Proposal,
} from '../../../shared/domain/proposal';
import { AppError, conflict, ruleError, validation } from '../../../shared/errors';
import { readWeights } from '../matching/weights';
import { explainOne } from '../matching/rank';
import { queryProposals } from '../matching/proposals';
import { addTimelineEvent, transitionParticipant } from '../participants/transitions';
import { submitProposal } from './lifecycle';

export interface ProposalRequest {
  participantId: number;
  positionId: number;
  positionPeriodId: number | null;
  /** The score the coordinator was shown, if known. */
  expectedScore?: number | undefined;
  /** Propose a pair that was vetoed before (docs/product.md §4 rule 1: a new proposal and a new review); requires a note. */
  acknowledgeVeto?: boolean | undefined;
}

export interface CreateOptions {
  note: string | null;
  /** Where the request came from, for the timeline and audit log. */
  source: 'manual' | 'suggestion';
  /** Field path prefix for errors about a request, e.g. 'pairs' gives 'pairs.3'. Omit for a single request. */
  fieldPrefix?: string;
  /** Submit the new drafts to the union review in the same transaction (proposals/lifecycle.ts submitProposal). */
  submit?: boolean;
}

/**
 * Creates draft proposals for all requests in one transaction: all or nothing. Returns them in request order.
 * @throws RULE when a hard constraint excludes a pair or the requests need more slots than are free;
 *         CONFLICT when an open proposal for the pair exists or a shown score is out of date;
 *         NOT_FOUND / VALIDATION for unknown ids or a period that does not fit the position.
 */
export async function createDraftProposals(
  ctx: AuthedContext,
  requests: readonly ProposalRequest[],
  opts: CreateOptions,
): Promise<Proposal[]> {
  const today = localToday(ctx.clock);
  const nowIso = ctx.clock.now().toISOString();
  const field = (i: number, sub?: string) =>
    opts.fieldPrefix === undefined ? sub : [opts.fieldPrefix, String(i), ...(sub ? [sub] : [])].join('.');
  /** A message about request i: "Rad 3: …" when there are several, otherwise the sentence itself. */
  const say = (i: number, text: string) =>
    requests.length > 1 ? `Rad ${i + 1}: ${text}` : text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);

  return ctx.tx(async (t) => {
    const { weights } = await readWeights(t);
    const rc = { db: t, today, weights };

    const seen = new Map<number, number>();
    requests.forEach((r, i) => {
      const first = seen.get(r.participantId);
      if (first !== undefined) {
        throw validation(
          say(i, `deltagaren finns redan på rad ${first + 1}; en deltagare kan bara föreslås en plats åt gången här.`),
          field(i, 'participantId'),
        );
      }
      seen.set(r.participantId, i);
    });

    const usedPerSlot = new Map<string, number>();
    const ids: number[] = [];
    for (const [i, r] of requests.entries()) {
      const { explanation, slot } = await explainOne(rc, r);
      const what = `${slot.position.title}${slot.facts.periodName ? ` (${slot.facts.periodName})` : ''}`;

      const blocking = explanation.excluded.filter((e) => !(e.constraint === 'vetoed' && r.acknowledgeVeto));
      if (blocking.length > 0) {
        throw ruleError(
          say(i, `förslaget till ${what} kan inte skapas: ${blocking.map((e) => e.detail).join(' ')}`),
          field(i),
        );
      }
      if (explanation.excluded.some((e) => e.constraint === 'vetoed') && !opts.note) {
        throw validation('Anteckning: skriv varför deltagaren föreslås igen trots tidigare veto.', 'note');
      }
      if (r.expectedScore !== undefined && r.expectedScore !== explanation.score) {
        throw conflict(
          say(
            i,
            `poängen för ${what} har ändrats sedan listan visades (från ${r.expectedScore} till ${explanation.score}). Uppdatera listan och försök igen.`,
          ),
          field(i, 'expectedScore'),
        );
      }
      const open = await proposalOfPair(t, r.participantId, r.positionId, OPEN_PROPOSAL_STATUSES);
      if (open) {
        const label = PROPOSAL_STATUS_LABELS[open.status as keyof typeof PROPOSAL_STATUS_LABELS] ?? open.status;
        throw conflict(
          say(
            i,
            `det finns redan ett förslag (nr ${open.id}, ${label.toLocaleLowerCase('sv-SE')}) för deltagaren på ${what}.`,
          ),
          field(i),
        );
      }
      const slotKey = `${r.positionId}:${slot.facts.periodId ?? ''}`;
      const used = (usedPerSlot.get(slotKey) ?? 0) + 1;
      if (used > slot.facts.free) {
        throw ruleError(
          say(
            i,
            `${what} har bara ${slot.facts.free} ${slot.facts.free === 1 ? 'ledig plats' : 'lediga platser'}, men fler deltagare har valts dit.`,
          ),
          field(i),
        );
      }
      usedPerSlot.set(slotKey, used);

      const snapshot: MatchSnapshot = {
        version: 1,
        ...explanation,
        computedOn: today,
        weights: { ...weights },
        positionPeriodId: slot.facts.periodId,
        periodName: slot.facts.periodName,
      };
      const row = await insertProposal(t, {
        participantId: r.participantId,
        positionId: r.positionId,
        createdBy: ctx.user.id,
        createdAt: nowIso,
        score: explanation.score,
        explanation: snapshot,
        status: 'draft',
        note: opts.note,
        updatedAt: nowIso,
      });
      ids.push(row.id);
      await ctx.audit.change(
        t,
        'proposal',
        row.id,
        null,
        {
          participantId: r.participantId,
          positionId: r.positionId,
          positionPeriodId: slot.facts.periodId,
          score: explanation.score,
          status: 'draft',
          note: opts.note,
        },
        opts.source === 'suggestion' ? 'Utkast skapat från matchningsförslag' : 'Utkast skapat',
      );

      const summary = `Utkast till förslag: ${what}, ${slot.position.workplaceName} (${explanation.score} av ${explanation.max} poäng).`;
      const data = {
        proposalId: row.id,
        positionId: r.positionId,
        positionPeriodId: slot.facts.periodId,
        score: explanation.score,
        source: opts.source,
      };
      const stage = await stageOf(t, r.participantId);
      if (stage === 'mapped') {
        // A proposal is being prepared: kartlagd → under matchning (submission later moves on to 'proposed').
        try {
          await transitionParticipant(ctx, t, r.participantId, 'matching', {
            note: summary,
            data,
            kind: 'proposal',
            system: true,
          });
        } catch (e) {
          if (e instanceof AppError && requests.length > 1) throw new AppError(e.code, say(i, e.message), field(i));
          throw e;
        }
      } else {
        await addTimelineEvent(ctx, t, r.participantId, { kind: 'proposal', note: summary, data });
      }
    }
    if (opts.submit) {
      // draft → submitted (on the next review meeting's agenda when the position requires review); all or nothing.
      for (const [i, id] of ids.entries()) {
        try {
          await submitProposal(ctx, t, id, null);
        } catch (e) {
          if (e instanceof AppError && requests.length > 1) throw new AppError(e.code, say(i, e.message), field(i));
          throw e;
        }
      }
    }
    const created = new Map((await queryProposals(t, { ids })).rows.map((p) => [p.id, p]));
    return ids.map((id) => created.get(id)!);
  });
}
