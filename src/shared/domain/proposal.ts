import { z } from 'zod';
import { proposalActionsSchema } from './actions';

/**
 * Proposals (participant × position) and the match score with its explanation, docs/product.md §3 and §5.
 *
 * A proposal keeps the score and the explanation exactly as the coordinator saw them when it was created
 * (`MatchSnapshot`); later changes to the participant, the position or the weights never rewrite it.
 */

// ---------------------------------------------------------------------------------------------------------------
// Proposal status

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'approved', 'vetoed', 'deferred', 'withdrawn'] as const;
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES, { error: 'Okänd status' }).describe('Status');
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: 'Utkast',
  submitted: 'Inskickat till facklig prövning',
  approved: 'Godkänt',
  vetoed: 'Veto',
  deferred: 'Bordlagt',
  withdrawn: 'Återkallat',
};

/** Statuses in which a proposal is still open: a second proposal for the same pair is refused. */
export const OPEN_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['draft', 'submitted', 'deferred', 'approved'];
/**
 * Statuses in which a proposal holds one of the position's slots until it becomes a placement (or is vetoed or
 * withdrawn). Drafts do not hold a slot.
 */
export const SLOT_HOLDING_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['submitted', 'deferred', 'approved'];

// ---------------------------------------------------------------------------------------------------------------
// Soft criteria and weights

export const MATCH_CRITERIA = [
  'skills',
  'experience',
  'wishes',
  'district',
  'languages',
  'waiting',
  'longTerm',
  'children',
] as const;
export const matchCriterionKeySchema = z.enum(MATCH_CRITERIA);
export type MatchCriterionKey = z.infer<typeof matchCriterionKeySchema>;

export const MATCH_CRITERION_LABELS: Record<MatchCriterionKey, string> = {
  skills: 'Färdigheter',
  experience: 'Arbetslivserfarenhet',
  wishes: 'Önskemål',
  district: 'Närhet till arbetsplatsen',
  languages: 'Språk',
  waiting: 'Väntetid',
  longTerm: 'Långvarigt försörjningsstöd',
  children: 'Barn i hushållet',
};

/** What each weight does, for the settings screen. */
export const MATCH_CRITERION_HELP: Record<MatchCriterionKey, string> = {
  skills: 'Deltagarens färdigheter jämförda med platsens efterfrågade färdigheter.',
  experience: 'Om deltagarens arbetslivserfarenhet liknar platsens arbetsuppgifter.',
  wishes: 'Om platsens typ är en av deltagarens önskade placeringar.',
  district: 'Avståndet mellan deltagarens stadsdel och arbetsplatsens.',
  languages: 'Språk som platsen har nytta av och som deltagaren talar.',
  waiting: 'Hur länge deltagaren har väntat sedan remissen (full poäng vid 180 dagar).',
  longTerm: 'Förtur för den som har haft försörjningsstöd 10 av de senaste 12 månaderna.',
  children: 'Förtur för hushåll med barn.',
};

/**
 * Criteria whose explanation reveals the social case (assistance history, household). They are marked in every
 * explanation; `redactExplanation` removes them for roles that must not see household or assistance data
 * (union, HR — docs/product.md §1).
 */
export const SENSITIVE_CRITERIA: readonly MatchCriterionKey[] = ['longTerm', 'children'];

export const MAX_WEIGHT = 100;
const weight = (key: MatchCriterionKey) =>
  z
    .number({ error: `${MATCH_CRITERION_LABELS[key]}: vikten måste anges` })
    .int(`${MATCH_CRITERION_LABELS[key]}: vikten ska vara ett heltal`)
    .min(0, `${MATCH_CRITERION_LABELS[key]}: vikten kan inte vara negativ`)
    .max(MAX_WEIGHT, `${MATCH_CRITERION_LABELS[key]}: vikten får vara högst ${MAX_WEIGHT}`)
    .describe(MATCH_CRITERION_LABELS[key]);

/** Weights of the soft criteria: the most points a criterion can give. Stored in settings 'matching.weights'. */
export const matchWeightsSchema = z
  .object({
    skills: weight('skills'),
    experience: weight('experience'),
    wishes: weight('wishes'),
    district: weight('district'),
    languages: weight('languages'),
    waiting: weight('waiting'),
    longTerm: weight('longTerm'),
    children: weight('children'),
  })
  .refine((w) => Object.values(w).some((v) => v > 0), 'Minst en vikt måste vara större än 0')
  .describe('Vikter');
export type MatchWeights = z.infer<typeof matchWeightsSchema>;

/** Defaults (sum 100, so a score reads as "points of 100"). */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  skills: 20,
  experience: 15,
  wishes: 20,
  district: 10,
  languages: 5,
  waiting: 15,
  longTerm: 10,
  children: 5,
};

export const MATCH_WEIGHTS_SETTING_KEY = 'matching.weights';

// ---------------------------------------------------------------------------------------------------------------
// Hard constraints

export const HARD_CONSTRAINTS = [
  'stage',
  'inactive',
  'placed',
  'vetoed',
  'licence',
  'swedish',
  'hours',
  'start',
  'noSlot',
] as const;
export const hardConstraintKeySchema = z.enum(HARD_CONSTRAINTS);
export type HardConstraintKey = z.infer<typeof hardConstraintKeySchema>;

export const HARD_CONSTRAINT_LABELS: Record<HardConstraintKey, string> = {
  stage: 'Väntar inte på matchning',
  inactive: 'Platsen är inte aktiv',
  placed: 'Redan placerad',
  vetoed: 'Tidigare veto',
  licence: 'Körkort',
  swedish: 'Svenskanivå',
  hours: 'Arbetstid',
  start: 'Startdatum',
  noSlot: 'Ingen ledig plats',
};

// ---------------------------------------------------------------------------------------------------------------
// Explanation

export const matchCriterionSchema = z.object({
  criterion: matchCriterionKeySchema,
  /** Swedish name of the criterion. */
  label: z.string(),
  points: z.number().int(),
  max: z.number().int(),
  /** One Swedish sentence saying why. */
  detail: z.string(),
  /** True for criteria that reveal the social case (removed for union and HR). */
  sensitive: z.boolean(),
});
export type MatchCriterion = z.infer<typeof matchCriterionSchema>;

export const matchExclusionSchema = z.object({
  constraint: hardConstraintKeySchema,
  label: z.string(),
  detail: z.string(),
});
export type MatchExclusion = z.infer<typeof matchExclusionSchema>;

/**
 * The score of one participant × position (or period), criterion by criterion. `excluded` lists every hard
 * constraint that is not met; when it is non-empty the pair is not a candidate (score is still computed so the
 * coordinator can see what the match would have been).
 */
export const matchExplanationSchema = z.object({
  score: z.number().int(),
  max: z.number().int(),
  eligible: z.boolean(),
  criteria: z.array(matchCriterionSchema),
  excluded: z.array(matchExclusionSchema),
  /** The earliest day the participant could start at this position (or period). */
  startDate: z.string().nullable(),
});
export type MatchExplanation = z.infer<typeof matchExplanationSchema>;

/** What a proposal stores: the explanation as shown, with what it was computed from. */
export const matchSnapshotSchema = matchExplanationSchema.extend({
  version: z.literal(1),
  /** The day the score was computed (Europe/Stockholm). */
  computedOn: z.string(),
  weights: z.record(z.string(), z.number()),
  /** The summer-job period the proposal is for, or null for a position without periods. */
  positionPeriodId: z.number().int().nullable(),
  periodName: z.string().nullable(),
  /** True when sensitive criteria have been removed for the caller's role. */
  redacted: z.boolean().optional(),
});
export type MatchSnapshot = z.infer<typeof matchSnapshotSchema>;

/**
 * Removes the criteria that reveal the social case, and their points from the score and maximum, for roles that
 * must not see them (union, HR). The result says `redacted: true`.
 */
export function redactExplanation<T extends MatchExplanation>(e: T): T & { redacted: true } {
  const criteria = e.criteria.filter((c) => !c.sensitive);
  return {
    ...e,
    criteria,
    score: criteria.reduce((s, c) => s + c.points, 0),
    max: criteria.reduce((s, c) => s + c.max, 0),
    redacted: true,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Proposal record

export const proposalSchema = z.object({
  id: z.number().int(),
  participantId: z.number().int(),
  participantRef: z.string(),
  participantName: z.string(),
  participantStage: z.string(),
  positionId: z.number().int(),
  positionTitle: z.string(),
  positionKind: z.string(),
  workplaceName: z.string(),
  positionPeriodId: z.number().int().nullable(),
  periodName: z.string().nullable(),
  status: proposalStatusSchema,
  score: z.number().int(),
  maxScore: z.number().int(),
  explanation: matchSnapshotSchema,
  note: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewMeetingId: z.number().int().nullable(),
  withdrawnAt: z.string().nullable(),
  updatedAt: z.string(),
  /** What may be done with the proposal now, and why not (src/shared/rules/record-actions.ts). */
  actions: proposalActionsSchema,
});
export type Proposal = z.infer<typeof proposalSchema>;

/**
 * Reads a stored explanation (proposals.explanation, JSON). Stored data from this version always parses; anything
 * else (hand-edited rows) becomes an empty, clearly marked explanation rather than an error.
 */
export function readSnapshot(raw: unknown, fallbackScore: number): MatchSnapshot {
  const parsed = matchSnapshotSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return {
    version: 1,
    score: fallbackScore,
    max: fallbackScore,
    eligible: true,
    criteria: [],
    excluded: [],
    startDate: null,
    computedOn: '',
    weights: {},
    positionPeriodId: null,
    periodName: null,
  };
}
