import { z } from 'zod';
import { id, optionalText } from '../domain/common';
import { employmentFormSchema, positionKindSchema } from '../domain/position';
import {
  matchCriterionKeySchema,
  matchExplanationSchema,
  matchWeightsSchema,
  proposalSchema,
  proposalStatusSchema,
} from '../domain/proposal';
import { procedure } from './define';
import { progressKeySchema } from './system';

/** Matching works on the social case (priorities, household): coordinators and the unit manager only. */
const MATCHERS = ['coordinator', 'admin'] as const;

const openProposalSchema = z.object({ id: z.number().int(), status: proposalStatusSchema }).nullable();

const weightsView = z.object({
  weights: matchWeightsSchema,
  defaults: matchWeightsSchema,
  /** Highest possible score with the current weights (their sum). */
  maxScore: z.number().int(),
  criteria: z.array(
    z.object({ key: matchCriterionKeySchema, label: z.string(), help: z.string(), sensitive: z.boolean() }),
  ),
  updatedAt: z.string().nullable(),
});
export type MatchWeightsView = z.infer<typeof weightsView>;

/** A candidate (participant) for a position, with the score and why. */
export const candidateSchema = z.object({
  participantId: z.number().int(),
  ref: z.string(),
  name: z.string(),
  district: z.string().nullable(),
  stage: z.string(),
  referralDate: z.string(),
  /** The period the candidate scores best in (summer jobs), else null. */
  positionPeriodId: z.number().int().nullable(),
  periodName: z.string().nullable(),
  score: z.number().int(),
  max: z.number().int(),
  explanation: matchExplanationSchema,
  /** An open proposal (draft, submitted, deferred, approved) for this pair, if any. */
  openProposal: openProposalSchema,
});
export type Candidate = z.infer<typeof candidateSchema>;

/** A position (or one period of it) ranked for a participant. */
export const rankedSlotSchema = z.object({
  positionId: z.number().int(),
  positionPeriodId: z.number().int().nullable(),
  periodName: z.string().nullable(),
  title: z.string(),
  kind: positionKindSchema,
  employmentForm: employmentFormSchema,
  workplaceName: z.string(),
  district: z.string().nullable(),
  hoursPercent: z.number().int(),
  slots: z.number().int(),
  free: z.number().int(),
  score: z.number().int(),
  max: z.number().int(),
  explanation: matchExplanationSchema,
  openProposal: openProposalSchema,
});
export type RankedSlot = z.infer<typeof rankedSlotSchema>;

export const suggestionRowSchema = z.object({
  participantId: z.number().int(),
  ref: z.string(),
  name: z.string(),
  district: z.string().nullable(),
  positionId: z.number().int(),
  positionPeriodId: z.number().int().nullable(),
  periodName: z.string().nullable(),
  title: z.string(),
  kind: positionKindSchema,
  workplaceName: z.string(),
  workplaceDistrict: z.string().nullable(),
  score: z.number().int(),
  max: z.number().int(),
  explanation: matchExplanationSchema,
});
export type SuggestionRow = z.infer<typeof suggestionRowSchema>;

export const suggestionSchema = z.object({
  computedOn: z.string(),
  weights: matchWeightsSchema,
  /** Sum of the scores of the suggested pairs: the maximum possible under all slots. */
  totalScore: z.number().int(),
  rows: z.array(suggestionRowSchema),
  stats: z.object({
    /** Participants in stage "kartlagd" or "under matchning". */
    waitingParticipants: z.number().int(),
    /** Of them, those without an open proposal or active placement, who were offered to the solver. */
    consideredParticipants: z.number().int(),
    /** Positions and summer-job periods with free slots that were offered. */
    columns: z.number().int(),
    slotsOffered: z.number().int(),
    /** Allowed pairs (no hard constraint broken). */
    edges: z.number().int(),
    assigned: z.number().int(),
    /** Considered participants who have no allowed position at all. */
    withoutEligibleSlot: z.number().int(),
    /** Time for the whole computation and for the solver alone, in milliseconds. */
    ms: z.number(),
    solverMs: z.number(),
  }),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

const pairInput = z.object({
  participantId: id.describe('Deltagare'),
  positionId: id.describe('Placeringsplats'),
  positionPeriodId: id.nullable().default(null).describe('Period'),
});

export const matchingContract = {
  'matching.getWeights': procedure({
    summary: 'Matchningens vikter (poäng per kriterium)',
    input: z.object({}).default({}),
    output: weightsView,
    roles: MATCHERS,
    audit: 'none',
  }),
  'matching.setWeights': procedure({
    summary: 'Ändra matchningens vikter',
    input: z.object({ weights: matchWeightsSchema }),
    output: weightsView,
    roles: ['admin'],
    audit: 'change',
  }),
  'matching.candidates': procedure({
    summary: 'Rangordnade kandidater för en placeringsplats, med förklaring',
    input: z.object({
      positionId: id.describe('Placeringsplats'),
      /** Only this summer-job period; without it each candidate is shown in the period that suits best. */
      positionPeriodId: id.nullable().default(null).describe('Period'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({
      positionId: z.number().int(),
      title: z.string(),
      computedOn: z.string(),
      maxScore: z.number().int(),
      /** Waiting participants left after the cheap hard constraints (the database prefilter). */
      considered: z.number().int(),
      /** Candidates without any broken hard constraint. */
      eligible: z.number().int(),
      /** Free slots now (in the chosen period, or summed over the periods). */
      free: z.number().int(),
      rows: z.array(candidateSchema),
    }),
    roles: MATCHERS,
    audit: 'read',
  }),
  'matching.positionsForParticipant': procedure({
    summary: 'Rangordnade placeringsplatser för en deltagare, med förklaring och skäl för uteslutna',
    input: z.object({
      participantId: id.describe('Deltagare'),
      includeExcluded: z.boolean().default(true).describe('Visa uteslutna platser'),
    }),
    output: z.object({
      participantId: z.number().int(),
      computedOn: z.string(),
      maxScore: z.number().int(),
      eligible: z.array(rankedSlotSchema),
      /** Active positions a hard constraint rules out, with the reasons (best score first). */
      excluded: z.array(rankedSlotSchema),
    }),
    roles: MATCHERS,
    audit: 'read',
  }),
  'matching.explain': procedure({
    summary: 'Förklara poängen för en deltagare på en placeringsplats',
    input: pairInput,
    output: z.object({
      participantId: z.number().int(),
      positionId: z.number().int(),
      positionPeriodId: z.number().int().nullable(),
      computedOn: z.string(),
      explanation: matchExplanationSchema,
      openProposal: openProposalSchema,
    }),
    roles: MATCHERS,
    audit: 'read',
  }),
  'matching.suggest': procedure({
    summary: 'Förslag för hela enheten: vem som går vart så att den sammanlagda poängen blir så hög som möjligt',
    input: z
      .object({
        /** Kinds of positions to fill. Default: all except summer jobs, which have their own allocation. */
        kinds: z.array(positionKindSchema).min(1, 'Välj minst en typ').optional().describe('Typer'),
        workplaceIds: z.array(id).max(1000).optional().describe('Arbetsplatser'),
        /** Names this call for `system.progress`. */
        progressKey: progressKeySchema.optional(),
      })
      .default({}),
    output: suggestionSchema,
    roles: MATCHERS,
    audit: 'read',
  }),
  'matching.acceptSuggestion': procedure({
    summary:
      'Godta valda delar av ett förslag: skapar förslag (utkast eller inskickade) med poäng och förklaring som visades',
    input: z.object({
      pairs: z
        .array(
          pairInput.extend({
            /** The score that was shown; if it has changed since, nothing is created. */
            expectedScore: z.number().int().min(0).describe('Visad poäng'),
          }),
        )
        .min(1, 'Välj minst ett par')
        .max(2000, 'Högst 2 000 par åt gången')
        .describe('Par'),
      note: optionalText('Anteckning', 2000),
      /** Also submit them to the union review at once (as 'proposals.submit' does, all or nothing). */
      submit: z.boolean().default(false).describe('Skicka till facklig prövning direkt'),
    }),
    output: z.object({ created: z.array(proposalSchema) }),
    roles: MATCHERS,
    audit: 'change',
  }),
  'proposals.create': procedure({
    summary: 'Skapa ett förslag (deltagare × plats) med poäng och förklaring, som utkast eller direkt inskickat',
    input: pairInput.extend({
      /** The score the coordinator saw; if given and no longer right, nothing is created. */
      expectedScore: z.number().int().min(0).optional().describe('Visad poäng'),
      note: optionalText('Anteckning', 2000),
      /**
       * docs/product.md §4 rule 1: after a veto the same pair needs a new proposal and a new review. Matching never suggests a
       * vetoed pair; a coordinator may still propose it deliberately, with this flag and a note saying why.
       */
      acknowledgeVeto: z.boolean().default(false).describe('Nytt förslag trots tidigare veto'),
      /** Also submit it to the union review at once (as 'proposals.submit' does). */
      submit: z.boolean().default(false).describe('Skicka till facklig prövning direkt'),
    }),
    output: proposalSchema,
    roles: MATCHERS,
    audit: 'change',
  }),
  'proposals.list': procedure({
    summary: 'Lista förslag för en deltagare, en plats eller med viss status',
    input: z
      .object({
        participantId: id.optional().describe('Deltagare'),
        positionId: id.optional().describe('Placeringsplats'),
        statuses: z.array(proposalStatusSchema).optional().describe('Status'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .default({ offset: 0, limit: 100 }),
    output: z.object({ total: z.number().int(), rows: z.array(proposalSchema) }),
    roles: MATCHERS,
    audit: 'read',
  }),
};
