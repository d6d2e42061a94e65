import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common';
import { exitOutcomeSchema } from './participant';
import { employmentFormSchema } from './position';
import { placementActionsSchema } from './actions';

/**
 * Placements (docs/product.md §3 "Placement", §4 rules 4 and 5).
 *
 * A placement is created from an approved proposal. Amounts are whole öre (integers), as in the database; the
 * screens format them as kronor. Dates are local 'YYYY-MM-DD'. `months` is the length of the first subsidy decision;
 * extensions each carry their own decision, and `endDate` is the last day after the latest extension.
 */

export const PLACEMENT_STATUSES = ['active', 'ended'] as const;
export const placementStatusSchema = z.enum(PLACEMENT_STATUSES);
export type PlacementStatus = z.infer<typeof placementStatusSchema>;

export const PLACEMENT_STATUS_LABELS: Record<PlacementStatus, string> = {
  active: 'Pågående',
  ended: 'Avslutad',
};

/**
 * Where an active placement stands on a given day: not started yet, running, or past its last day without having
 * been ended (the coordinator must record the end).
 */
export const PLACEMENT_PHASES = ['upcoming', 'running', 'overdue', 'ended'] as const;
export const placementPhaseSchema = z.enum(PLACEMENT_PHASES);
export type PlacementPhase = z.infer<typeof placementPhaseSchema>;

export const PLACEMENT_PHASE_LABELS: Record<PlacementPhase, string> = {
  upcoming: 'Har inte börjat',
  running: 'Pågår',
  overdue: 'Slutdatum passerat – avsluta placeringen',
  ended: 'Avslutad',
};

/** Money in whole öre (1 kr = 100 öre). */
export const oreAmount = (label: string, max = 10_000_000_00) =>
  z
    .number({ error: `${label} måste anges` })
    .int(`${label} ska anges i hela ören`)
    .min(0, `${label} kan inte vara negativ`)
    .max(max, `${label} är orimligt stor`)
    .describe(label);

const percentInput = (label: string, min = 1) =>
  z
    .number({ error: `${label} måste anges` })
    .int(`${label} ska vara ett heltal`)
    .min(min, `${label}: minst ${min} %`)
    .max(100, `${label}: högst 100 %`)
    .describe(label);

/** A sane upper bound on any single decision length; the real maximum comes from the subsidy type (data). */
const monthsInput = (label: string) =>
  z
    .number({ error: `${label} måste anges` })
    .int(`${label} ska vara ett helt antal månader`)
    .min(1, `${label}: minst 1 månad`)
    .max(120, `${label}: högst 120 månader`)
    .describe(label);

// ---------------------------------------------------------------------------------------------------------------
// Records as the API returns them

export const ENDING_SOON_THRESHOLDS = [30, 60, 90] as const;

export const placementSummarySchema = z.object({
  id: z.number().int(),
  /** The approved proposal it was created from (null for placements registered before proposals existed). */
  proposalId: z.number().int().nullable(),
  participantId: z.number().int(),
  participantRef: z.string(),
  participantName: z.string(),
  coordinatorId: z.number().int().nullable(),
  positionId: z.number().int(),
  positionTitle: z.string(),
  workplaceName: z.string(),
  district: z.string().nullable(),
  employmentForm: employmentFormSchema,
  positionPeriodId: z.number().int().nullable(),
  periodName: z.string().nullable(),
  subsidyTypeId: z.number().int().nullable(),
  subsidyTypeName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  /** Months of the first decision. */
  months: z.number().int(),
  /** First decision plus every extension. */
  totalMonths: z.number().int(),
  /** The subsidy type's maximum, or null without a subsidy type. */
  maxMonths: z.number().int().nullable(),
  hoursPercent: z.number().int(),
  status: placementStatusSchema,
  phase: placementPhaseSchema,
  /** Calendar days from today to the last day (0 on the last day, negative after it). */
  daysLeft: z.number().int(),
  /** The tightest end warning reached today (30, 60 or 90 days), or null. */
  endWarning: z.union([z.literal(30), z.literal(60), z.literal(90)]).nullable(),
  nextFollowUpDate: z.string().nullable(),
  followUpOverdue: z.boolean(),
  endedAt: z.string().nullable(),
  endOutcome: z.string().nullable(),
  /** Status of the newest contract version, or null when none has been generated. */
  contractStatus: z.string().nullable(),
  contractVersion: z.number().int().nullable(),
});
export type PlacementSummary = z.infer<typeof placementSummarySchema>;

export const placementExtensionSchema = z.object({
  id: z.number().int(),
  months: z.number().int(),
  startDate: z.string(),
  previousEndDate: z.string(),
  newEndDate: z.string(),
  afDecisionNumber: z.string(),
  afDecisionDate: z.string(),
  subsidyPercent: z.number().int().nullable(),
  subsidyCeilingOre: z.number().int().nullable(),
  note: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PlacementExtension = z.infer<typeof placementExtensionSchema>;

export const placementFollowUpSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  note: z.string(),
  nextStep: z.string().nullable(),
  nextDate: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PlacementFollowUp = z.infer<typeof placementFollowUpSchema>;

export const placementContractRefSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.string(),
  generatedAt: z.string(),
  sentAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
});

export const placementSchema = placementSummarySchema.extend({
  monthlySalaryOre: z.number().int(),
  collectiveAgreement: z.string().nullable(),
  afDecisionNumber: z.string().nullable(),
  afDecisionDate: z.string().nullable(),
  subsidyPercent: z.number().int().nullable(),
  subsidyCeilingOre: z.number().int().nullable(),
  /** Period of the first decision: startDate to startDate + months − 1 day. */
  decisionPeriodEnd: z.string(),
  /** Months still available under the subsidy type's maximum (null without a subsidy type). */
  remainingMonths: z.number().int().nullable(),
  extensions: z.array(placementExtensionSchema),
  followUps: z.array(placementFollowUpSchema),
  endNote: z.string().nullable(),
  contracts: z.array(placementContractRefSchema),
  /** True when a contract exists and something it prints has changed since: HR must generate a new version. */
  contractNeedsNewVersion: z.boolean(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What may be done with the placement now, and why not (src/shared/rules/record-actions.ts). */
  actions: placementActionsSchema,
});
export type Placement = z.infer<typeof placementSchema>;

export const capacityDaySchema = z.object({
  from: z.string(),
  to: z.string(),
  occupied: z.number().int(),
});

/** What the create form needs, computed from the approved proposal. */
export const placementPrefillSchema = z.object({
  proposalId: z.number().int(),
  participantId: z.number().int(),
  participantRef: z.string(),
  participantName: z.string(),
  earliestStart: z.string().nullable(),
  positionId: z.number().int(),
  positionTitle: z.string(),
  workplaceName: z.string(),
  employmentForm: employmentFormSchema,
  hoursPercent: z.number().int(),
  slots: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string().nullable(),
  periods: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      slots: z.number().int(),
    }),
  ),
  subsidyTypeId: z.number().int().nullable(),
  subsidyTypeName: z.string().nullable(),
  maxMonths: z.number().int().nullable(),
  defaultPercent: z.number().int().nullable(),
  monthlyCeilingOre: z.number().int().nullable(),
  /** Suggested start: the later of today, the position's period start and the participant's earliest start. */
  suggestedStart: z.string(),
  /** Suggested lengths in months allowed by the subsidy type (e.g. 12 and 24 when the maximum is 24). */
  suggestedMonths: z.array(z.number().int()),
  /** Periods in which placements already fill the position (from suggestedStart onwards). */
  fullPeriods: z.array(capacityDaySchema),
});
export type PlacementPrefill = z.infer<typeof placementPrefillSchema>;

export const endingSoonItemSchema = placementSummarySchema;

export const placementDashboardSchema = z.object({
  today: z.string(),
  counts: z.object({
    active: z.number().int(),
    running: z.number().int(),
    upcoming: z.number().int(),
    within30: z.number().int(),
    within60: z.number().int(),
    within90: z.number().int(),
    followUpsDue: z.number().int(),
    overdue: z.number().int(),
  }),
  /** Every placement not yet ended, soonest end first. */
  active: z.array(placementSummarySchema),
  /** Active placements whose subsidy ends within 30 days (0–30 days left). */
  within30: z.array(placementSummarySchema),
  /** 31–60 days left. */
  within60: z.array(placementSummarySchema),
  /** 61–90 days left. */
  within90: z.array(placementSummarySchema),
  /** Follow-ups due within the horizon or overdue, earliest first. */
  followUpsDue: z.array(placementSummarySchema),
  /** Past their last day but not ended: the end and outcome must be recorded. */
  overdue: z.array(placementSummarySchema),
});
export type PlacementDashboard = z.infer<typeof placementDashboardSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Inputs

const decisionFields = {
  afDecisionNumber: optionalText('Arbetsförmedlingens beslutsnummer', 60),
  afDecisionDate: isoDate.nullable().optional().describe('Beslutsdatum'),
  /** Defaults to the subsidy type's default percent. */
  subsidyPercent: percentInput('Stöd i procent', 0).nullable().optional(),
  /** Monthly wage ceiling of the decision in öre; defaults to the subsidy type's ceiling. */
  subsidyCeilingOre: oreAmount('Takbelopp').nullable().optional(),
};

export const placementCreateInput = z.object({
  proposalId: id.describe('Förslag'),
  startDate: isoDate.describe('Startdatum'),
  /** Length of the first decision in months (not used for summer jobs, whose dates come from the period). */
  months: monthsInput('Längd').optional(),
  /** Summer-job period (required for summer-job positions). */
  positionPeriodId: id.optional().describe('Period'),
  /** Defaults to the position's subsidy type. */
  subsidyTypeId: id.nullable().optional().describe('Stödform'),
  hoursPercent: percentInput('Omfattning'),
  monthlySalaryOre: oreAmount('Månadslön'),
  collectiveAgreement: optionalText('Kollektivavtal', 120),
  ...decisionFields,
  /** Defaults to one month after the start. */
  firstFollowUpDate: isoDate.optional().describe('Första uppföljning'),
});
export type PlacementCreateInput = z.output<typeof placementCreateInput>;

/** Corrections of an active placement. Omitted fields are left as they are. */
export const placementUpdateInput = z.object({
  id: id.describe('Placering'),
  startDate: isoDate.optional().describe('Startdatum'),
  months: monthsInput('Längd').optional(),
  subsidyTypeId: id.nullable().optional().describe('Stödform'),
  hoursPercent: percentInput('Omfattning').optional(),
  monthlySalaryOre: oreAmount('Månadslön').optional(),
  collectiveAgreement: optionalText('Kollektivavtal', 120),
  ...decisionFields,
  nextFollowUpDate: isoDate.nullable().optional().describe('Nästa uppföljning'),
});
export type PlacementUpdateInput = z.output<typeof placementUpdateInput>;

export const placementExtendInput = z.object({
  id: id.describe('Placering'),
  months: monthsInput('Förlängning'),
  afDecisionNumber: requiredText('Arbetsförmedlingens beslutsnummer', 60),
  afDecisionDate: isoDate.describe('Beslutsdatum'),
  subsidyPercent: percentInput('Stöd i procent', 0).nullable().optional(),
  subsidyCeilingOre: oreAmount('Takbelopp').nullable().optional(),
  note: optionalText('Anteckning', 2000),
});
export type PlacementExtendInput = z.output<typeof placementExtendInput>;

export const followUpInput = z.object({
  placementId: id.describe('Placering'),
  date: isoDate.describe('Datum'),
  note: requiredText('Anteckning', 4000),
  nextStep: optionalText('Nästa steg', 1000),
  nextDate: isoDate.nullable().optional().describe('Nästa uppföljning'),
});
export type FollowUpInput = z.output<typeof followUpInput>;

/**
 * What happens to the participant when a placement ends:
 * - 'exit': the journey ends with the outcome (6- and 12-month follow-ups are scheduled);
 * - 'matching': the placement was broken off and the person goes back to matching for a new placement.
 * Summer jobs are not part of the journey: the participant's stage is left as it is.
 */
export const PLACEMENT_END_NEXT = ['exit', 'matching'] as const;
export const PLACEMENT_END_NEXT_LABELS: Record<(typeof PLACEMENT_END_NEXT)[number], string> = {
  exit: 'Avsluta deltagarens väg med utfallet',
  matching: 'Tillbaka till matchning (placeringen avbröts)',
};

/** Ending a placement records the last day worked and the outcome, and moves the participant on. */
export const placementEndInput = z.object({
  id: id.describe('Placering'),
  date: isoDate.describe('Sista dag'),
  outcome: exitOutcomeSchema,
  next: z
    .enum(PLACEMENT_END_NEXT, { error: 'Välj vad som händer med deltagaren' })
    .default('exit')
    .describe('Därefter'),
  note: optionalText('Anteckning', 2000),
});
export type PlacementEndInput = z.output<typeof placementEndInput>;

export const placementListInput = z
  .object({
    status: z.enum(['active', 'ended', 'all']).default('active').describe('Status'),
    participantId: id.optional().describe('Deltagare'),
    positionId: id.optional().describe('Plats'),
    /** Only the caller's own participants (participants.coordinator_id). */
    mine: z.boolean().default(false),
    search: z.string().trim().max(100, 'Sökningen får vara högst 100 tecken').optional().describe('Sök'),
  })
  .default({ status: 'active', mine: false });

export const dashboardInput = z
  .object({
    mine: z.boolean().default(false),
    /** Follow-ups due within this many days are listed (overdue ones always). */
    followUpHorizonDays: z.number().int().min(0).max(90).default(7).describe('Uppföljningar inom (dagar)'),
  })
  .default({ mine: false, followUpHorizonDays: 7 });
