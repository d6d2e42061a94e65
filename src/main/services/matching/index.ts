import { progressReporter } from '../progress';
import type { HandlerMap } from '../handlers';
import type { ServiceContext } from '../context';
import type { Reader } from '../../store';
import { localToday } from '../../util/clock';
import { loadPosition } from '../positions/load';
import { createDraftProposals } from '../proposals/create';
import { openProposals } from './data';
import { queryProposals } from './proposals';
import { explainOne, rankCandidates, rankPositionsForParticipant, type RankContext } from './rank';
import { suggestAssignment } from './suggest';
import { readWeights, weightsView, writeWeights } from './weights';

/** The ranking context as of today: the reader, today and the admin's weights. */
export async function rankContext(ctx: ServiceContext, r: Reader = ctx.db): Promise<RankContext> {
  return { db: r, today: localToday(ctx.clock), weights: (await readWeights(r)).weights };
}

export const matchingHandlers: HandlerMap<
  | 'matching.getWeights'
  | 'matching.setWeights'
  | 'matching.candidates'
  | 'matching.positionsForParticipant'
  | 'matching.explain'
  | 'matching.suggest'
  | 'matching.acceptSuggestion'
  | 'proposals.create'
  | 'proposals.list'
> = {
  'matching.getWeights': async (ctx) => weightsView(ctx.db),

  'matching.setWeights': async (ctx, input) =>
    ctx.tx(async (t) => {
      const before = (await readWeights(t)).weights;
      await writeWeights(t, input.weights, ctx.clock.now().toISOString(), ctx.user.id);
      await ctx.audit.change(t, 'setting', 'matching.weights', before, input.weights, 'Matchningens vikter ändrade');
      return weightsView(t);
    }),

  'matching.candidates': async (ctx, input) => {
    const result = await rankCandidates(await rankContext(ctx), input);
    for (const r of result.rows) ctx.audit.read('participant', r.participantId);
    return result;
  },

  'matching.positionsForParticipant': async (ctx, input) => {
    const result = await rankPositionsForParticipant(
      await rankContext(ctx),
      input.participantId,
      input.includeExcluded,
    );
    ctx.audit.read('participant', input.participantId);
    return result;
  },

  'matching.explain': async (ctx, input) => {
    const rc = await rankContext(ctx);
    const { explanation } = await explainOne(rc, input);
    ctx.audit.read('participant', input.participantId);
    const op = (await openProposals(ctx.db, { participantId: input.participantId, positionId: input.positionId }))[0];
    return {
      participantId: input.participantId,
      positionId: input.positionId,
      positionPeriodId: input.positionPeriodId,
      computedOn: rc.today,
      explanation,
      openProposal: op ? { id: op.id, status: op.status } : null,
    };
  },

  'matching.suggest': async (ctx, input) => {
    const progress = progressReporter(ctx.user.id, input.progressKey);
    const rc = await rankContext(ctx);
    const result = await suggestAssignment(ctx.db, rc.today, rc.weights, {
      kinds: input.kinds,
      workplaceIds: input.workplaceIds,
      onProgress: (f) => progress(f),
    });
    progress.finish();
    for (const r of result.rows) ctx.audit.read('participant', r.participantId);
    return result;
  },

  'matching.acceptSuggestion': async (ctx, input) => ({
    created: await createDraftProposals(ctx, input.pairs, {
      note: input.note ?? null,
      source: 'suggestion',
      fieldPrefix: 'pairs',
      submit: input.submit,
    }),
  }),

  'proposals.create': async (ctx, input) => {
    const [created] = await createDraftProposals(ctx, [input], {
      note: input.note ?? null,
      source: 'manual',
      submit: input.submit,
    });
    return created!;
  },

  'proposals.list': async (ctx, input) => {
    if (input.positionId !== undefined) await loadPosition(ctx.db, input.positionId, localToday(ctx.clock)); // NOT_FOUND for a wrong id
    const result = await queryProposals(ctx.db, input);
    for (const p of result.rows) ctx.audit.read('participant', p.participantId);
    return result;
  },
};
