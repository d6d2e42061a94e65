import { progressReporter } from '../progress';
import { tx } from '../../db/connection';
import type { HandlerMap } from '../handlers';
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
  'matching.getWeights': async (ctx) => weightsView(ctx.legacyDb),

  'matching.setWeights': async (ctx, input) =>
    tx(ctx.legacyDb, () => {
      const before = readWeights(ctx.legacyDb).weights;
      writeWeights(ctx.legacyDb, input.weights, ctx.clock.now().toISOString(), ctx.user.id);
      ctx.audit.change('setting', 'matching.weights', before, input.weights, 'Matchningens vikter ändrade');
      return weightsView(ctx.legacyDb);
    }),

  'matching.candidates': async (ctx, input) => {
    const result = rankCandidates(
      { db: ctx.legacyDb, today: localToday(ctx.clock), weights: readWeights(ctx.legacyDb).weights },
      input,
    );
    for (const r of result.rows) ctx.audit.read('participant', r.participantId);
    return result;
  },

  'matching.positionsForParticipant': async (ctx, input) => {
    const result = rankPositionsForParticipant(
      { db: ctx.legacyDb, today: localToday(ctx.clock), weights: readWeights(ctx.legacyDb).weights },
      input.participantId,
      input.includeExcluded,
    );
    ctx.audit.read('participant', input.participantId);
    return result;
  },

  'matching.explain': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const { explanation } = explainOne({ db: ctx.legacyDb, today, weights: readWeights(ctx.legacyDb).weights }, input);
    ctx.audit.read('participant', input.participantId);
    const op = openProposals(ctx.legacyDb, { participantId: input.participantId, positionId: input.positionId })[0];
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
    const result = await suggestAssignment(ctx.legacyDb, localToday(ctx.clock), readWeights(ctx.legacyDb).weights, {
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
    if (input.positionId !== undefined) loadPosition(ctx.legacyDb, input.positionId, localToday(ctx.clock)); // NOT_FOUND for a wrong id
    const result = queryProposals(ctx.legacyDb, input);
    for (const p of result.rows) ctx.audit.read('participant', p.participantId);
    return result;
  },
};
