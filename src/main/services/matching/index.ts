import { progressReporter } from '../../rpc/progress';
import { tx } from '../../db/connection';
import type { HandlerMap } from '../../rpc/handler-types';
import { localToday } from '../../util/clock';
import { loadPosition } from '../positions/load';
import { createDraftProposals } from '../proposals/create';
import { openProposals } from './data';
import { queryProposals } from './proposals';
import { explainOne, rankCandidates, rankPositionsForParticipant } from './rank';
import { suggestAssignment } from './suggest';
import { readWeights, weightsView, writeWeights } from './weights';

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
    tx(ctx.db, () => {
      const before = readWeights(ctx.db).weights;
      writeWeights(ctx.db, input.weights, ctx.clock.now().toISOString(), ctx.user.id);
      ctx.audit.change('setting', 'matching.weights', before, input.weights, 'Matchningens vikter ändrade');
      return weightsView(ctx.db);
    }),

  'matching.candidates': async (ctx, input) => {
    const result = rankCandidates(
      { db: ctx.db, today: localToday(ctx.clock), weights: readWeights(ctx.db).weights },
      input,
    );
    for (const r of result.rows) ctx.audit.read('participant', r.participantId);
    return result;
  },

  'matching.positionsForParticipant': async (ctx, input) => {
    const result = rankPositionsForParticipant(
      { db: ctx.db, today: localToday(ctx.clock), weights: readWeights(ctx.db).weights },
      input.participantId,
      input.includeExcluded,
    );
    ctx.audit.read('participant', input.participantId);
    return result;
  },

  'matching.explain': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const { explanation } = explainOne({ db: ctx.db, today, weights: readWeights(ctx.db).weights }, input);
    ctx.audit.read('participant', input.participantId);
    const op = openProposals(ctx.db, { participantId: input.participantId, positionId: input.positionId })[0];
    return {
      participantId: input.participantId,
      positionId: input.positionId,
      positionPeriodId: input.positionPeriodId,
      computedOn: today,
      explanation,
      openProposal: op ? { id: op.id, status: op.status } : null,
    };
  },

  'matching.suggest': async (ctx, input) => {
    const progress = progressReporter(ctx.user.id, input.progressKey);
    const result = await suggestAssignment(ctx.db, localToday(ctx.clock), readWeights(ctx.db).weights, {
      kinds: input.kinds,
      workplaceIds: input.workplaceIds,
      onProgress: (f) => progress(f),
    });
    progress.finish();
    for (const r of result.rows) ctx.audit.read('participant', r.participantId);
    return result;
  },

  'matching.acceptSuggestion': async (ctx, input) => ({
    created: createDraftProposals(ctx, input.pairs, {
      note: input.note ?? null,
      source: 'suggestion',
      fieldPrefix: 'pairs',
      submit: input.submit,
    }),
  }),

  'proposals.create': async (ctx, input) => {
    const [created] = createDraftProposals(ctx, [input], {
      note: input.note ?? null,
      source: 'manual',
      submit: input.submit,
    });
    return created!;
  },

  'proposals.list': async (ctx, input) => {
    if (input.positionId !== undefined) loadPosition(ctx.db, input.positionId, localToday(ctx.clock)); // NOT_FOUND for a wrong id
    const result = queryProposals(ctx.db, input);
    for (const p of result.rows) ctx.audit.read('participant', p.participantId);
    return result;
  },
};
