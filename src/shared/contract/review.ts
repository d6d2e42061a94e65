/**
 * Union review (facklig prövning): schedule, agenda, meeting mode, protocol, corrections, and the proposal
 * lifecycle steps that feed the review (submit, withdraw). docs/product.md §3, §4 rules 1–3 and 7, §7.
 *
 * Privacy (docs/product.md §1, §4.7): the union ('union' role) sees a participant only as "Deltagare <ref>". Every output
 * that could carry more has a narrower `outputFor.union` schema, and the services do not even load names for a
 * caller whose only role is 'union'. Nothing in these outputs ever holds personnummer, address, phone, e-mail,
 * assistance, household, restrictions or case notes, for any role.
 *
 * Rules in brief (details in src/main/services/review/):
 * - Meetings: planned → open → closed, or planned → cancelled. Decisions can only be recorded while the meeting is
 *   open; until it closes they are drafts that the union may change or clear. Closing locks them: they become final
 *   decisions, the protocol is frozen, and the effects follow (proposal status, participant timeline, deferred and
 *   undecided items onto the next meeting's agenda).
 * - A correction after closing is a new decision referring to the old one, recorded as an addendum to the same
 *   meeting's protocol ("Rättelser efter justering"); the frozen protocol and the old decision never change.
 */
import { z } from 'zod';
import { downloadFileSchema } from '../domain/participant';
import { hhmm, id, isoDate, optionalText, requiredText } from '../domain/common';
import { proposalStatusSchema } from '../domain/proposal';
import {
  agendaOriginSchema,
  attendeePartySchema,
  attendeeSchema,
  decisionKindSchema,
  meetingStatusSchema,
  reviewScheduleSchema,
  vetoReasonCategorySchema,
} from '../domain/review';
import { procedure } from './define';

const REVIEW_READERS = ['coordinator', 'admin', 'union'] as const;
const DECIDERS = ['union', 'admin'] as const;
const COORDINATORS = ['coordinator', 'admin'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** One decision as recorded in meeting mode. */
export const decisionInputSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('approve'),
        comment: optionalText('Kommentar', 2000),
      }),
      z.object({
        kind: z.literal('veto'),
        reasonCategory: vetoReasonCategorySchema.describe('Orsak'),
        text: requiredText('Motivering', 4000),
      }),
      z.object({
        kind: z.literal('defer'),
        question: requiredText('Fråga till nästa möte', 4000),
      }),
    ],
    { error: 'Välj beslut: godkänn, veto eller bordlägg' },
  )
  .describe('Beslut');
export type DecisionInput = z.output<typeof decisionInputSchema>;

const attendeesInput = z.array(attendeeSchema).max(20, 'Högst 20 närvarande').describe('Närvarande');

// ---------------------------------------------------------------------------------------------------------------
// Outputs

export const meetingRefSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  cutoffDate: z.string(),
  status: meetingStatusSchema,
});
export type MeetingRef = z.infer<typeof meetingRefSchema>;

export const attendeeOutSchema = z.object({
  name: z.string(),
  party: attendeePartySchema,
  partyLabel: z.string(),
  title: z.string().nullable(),
});

export const meetingSummarySchema = z.object({
  id: z.number().int(),
  /** The day the meeting is held (after any holiday move). */
  date: z.string(),
  /** The regular slot of the schedule; differs from `date` when a holiday moved the meeting. */
  plannedDate: z.string(),
  movedReason: z.string().nullable(),
  time: z.string(),
  durationMinutes: z.number().int(),
  place: z.string(),
  /** Last day a submitted proposal reaches this meeting's agenda (inclusive). */
  cutoffDate: z.string(),
  status: meetingStatusSchema,
  statusLabel: z.string(),
  attendees: z.array(attendeeOutSchema),
  /** Items on the agenda now (withdrawn ones not counted). */
  itemCount: z.number().int(),
  /** Items with a decision (draft while open, final once closed). */
  decidedCount: z.number().int(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  hasProtocol: z.boolean(),
  /** Planned, its date has passed and it was never opened (hold it late, or cancel it to move its items). */
  overdue: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const decisionOutSchema = z.object({
  /** Null for a draft (recorded in an open meeting, not yet final). */
  id: z.number().int().nullable(),
  final: z.boolean(),
  meetingId: z.number().int(),
  meetingDate: z.string(),
  kind: decisionKindSchema,
  label: z.string(),
  reasonCategory: vetoReasonCategorySchema.nullable(),
  reasonLabel: z.string().nullable(),
  /** Veto: the motivation. Approve: an optional comment. */
  text: z.string().nullable(),
  /** Defer: the question for the next meeting. */
  question: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string(),
  correctsDecisionId: z.number().int().nullable(),
  correctionReason: z.string().nullable(),
  /** Id of the decision that corrected this one, if any (then this one is no longer in force). */
  correctedByDecisionId: z.number().int().nullable(),
});
export type DecisionOut = z.infer<typeof decisionOutSchema>;

/** What the union may see of an item: the position and a pseudonymous participant reference, nothing more. */
export const agendaItemUnionSchema = z.object({
  itemId: z.number().int(),
  /** 1-based order on the agenda (the protocol's § number). */
  number: z.number().int(),
  proposalId: z.number().int(),
  proposalStatus: proposalStatusSchema,
  participantRef: z.string(),
  /** "Deltagare 2026-0147". */
  participantLabel: z.string(),
  origin: agendaOriginSchema,
  originLabel: z.string(),
  /** The meeting the item came from (deferred, carried over or moved), else null. */
  fromMeeting: z.object({ id: z.number().int(), date: z.string() }).nullable(),
  /** The question asked when the item was deferred (to be answered at this meeting). */
  previousQuestion: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  position: z.object({
    id: z.number().int(),
    title: z.string(),
    /** PositionKind (src/shared/domain/position.ts). */
    kind: z.string(),
    kindLabel: z.string(),
    tasks: z.string(),
    hoursPercent: z.number().int(),
    periodStart: z.string(),
    periodEnd: z.string().nullable(),
    /** Summer-job period the proposal is for, if any. */
    periodName: z.string().nullable(),
    /** EmploymentForm (src/shared/domain/position.ts). */
    employmentForm: z.string(),
    employmentFormLabel: z.string(),
    subsidyTypeName: z.string().nullable(),
    supervisorName: z.string().nullable(),
    slots: z.number().int(),
    /** Active placements at this position today (helps judge whether the work replaces ordinary jobs). */
    activePlacements: z.number().int(),
    unionReviewRequired: z.boolean(),
  }),
  workplace: z.object({
    id: z.number().int(),
    name: z.string(),
    organisation: z.string().nullable(),
    address: z.string().nullable(),
    district: z.string().nullable(),
    /** Active placements at the whole workplace today. */
    activePlacements: z.number().int(),
  }),
  /** This meeting's decision: a draft while the meeting is open, the final one once it is closed. */
  decision: decisionOutSchema.nullable(),
  /** Corrections of this meeting's decision made after closing, oldest first. */
  corrections: z.array(decisionOutSchema),
  /** Final decisions on the same proposal at earlier meetings (e.g. the deferral), oldest first. */
  history: z.array(decisionOutSchema),
});
export type AgendaItemUnion = z.infer<typeof agendaItemUnionSchema>;

/** The coordinator's and admin's view adds who the participant is. */
export const agendaItemSchema = agendaItemUnionSchema.extend({
  /** Null only when the caller's view is pseudonymous (then the union schema strips it anyway). */
  participant: z.object({ id: z.number().int(), name: z.string(), stage: z.string() }).nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** The protocol as frozen when the meeting closed. Only pseudonymous references: it goes to the union. */
export const protocolItemSchema = z.object({
  number: z.number().int(),
  proposalId: z.number().int(),
  participantLabel: z.string(),
  positionTitle: z.string(),
  positionKindLabel: z.string(),
  workplaceName: z.string(),
  workplaceDistrict: z.string().nullable(),
  tasks: z.string(),
  hoursPercent: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string().nullable(),
  periodName: z.string().nullable(),
  employmentFormLabel: z.string(),
  subsidyTypeName: z.string().nullable(),
  originLabel: z.string(),
  fromMeetingDate: z.string().nullable(),
  previousQuestion: z.string().nullable(),
  decisionId: z.number().int().nullable(),
  decision: decisionKindSchema.nullable(),
  /** "Godkänt", "Veto", "Bordlagt" or "Ej behandlat". */
  decisionLabel: z.string(),
  reasonCategory: vetoReasonCategorySchema.nullable(),
  reasonLabel: z.string().nullable(),
  text: z.string().nullable(),
  question: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Deferred or undecided: the meeting where the item returns. */
  nextMeetingDate: z.string().nullable(),
});

export const protocolSnapshotSchema = z.object({
  version: z.literal(1),
  meeting: z.object({
    id: z.number().int(),
    date: z.string(),
    plannedDate: z.string(),
    movedReason: z.string().nullable(),
    time: z.string(),
    place: z.string(),
  }),
  attendees: z.array(attendeeOutSchema),
  openedAt: z.string().nullable(),
  closedAt: z.string(),
  closedByName: z.string(),
  items: z.array(protocolItemSchema),
});
export type ProtocolSnapshot = z.infer<typeof protocolSnapshotSchema>;

/** A correction made after closing, as listed in the protocol's addendum. */
export const correctionOutSchema = decisionOutSchema.extend({
  participantLabel: z.string(),
  /** The § number of the item in the corrected meeting's protocol. */
  itemNumber: z.number().int().nullable(),
});
export type CorrectionOut = z.infer<typeof correctionOutSchema>;

export const meetingDetailUnionSchema = z.object({
  meeting: meetingSummarySchema,
  items: z.array(agendaItemUnionSchema),
  /** The frozen protocol of a closed meeting, else null. */
  protocol: protocolSnapshotSchema.nullable(),
  /** Corrections recorded after closing (the protocol's addendum), oldest first. */
  corrections: z.array(correctionOutSchema),
  /** Where deferred and undecided items go when this meeting closes. */
  nextMeeting: meetingRefSchema.nullable(),
  previousMeeting: meetingRefSchema.nullable(),
});
export const meetingDetailSchema = meetingDetailUnionSchema.extend({ items: z.array(agendaItemSchema) });

export const fileOutSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});

export const scheduleOutSchema = z.object({
  schedule: reviewScheduleSchema.nullable(),
  /** Swedish one-line description of the schedule, null when not configured. */
  description: z.string().nullable(),
  /** Date of the last generated meeting. */
  generatedUntil: z.string().nullable(),
});

/** Review state of one proposal, for the coordinator (proposal detail, participant page). */
export const proposalReviewSchema = z.object({
  proposalId: z.number().int(),
  participantId: z.number().int(),
  positionId: z.number().int(),
  positionTitle: z.string(),
  workplaceName: z.string(),
  status: proposalStatusSchema,
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  unionReviewRequired: z.boolean(),
  /** The meeting whose agenda the proposal is on now (or that decided it). */
  meeting: meetingRefSchema.nullable(),
  /** A draft decision in the meeting now open, if any. */
  draftDecision: decisionOutSchema.nullable(),
  /** All final decisions and corrections, oldest first. */
  decisions: z.array(decisionOutSchema),
  /** The decision in force (last of the correction chain of the latest meeting decision), or null. */
  effectiveDecision: decisionOutSchema.nullable(),
  /** Whether a placement may be created from the proposal now, and if not, why (Swedish). */
  placeable: z.boolean(),
  notPlaceableReason: z.string().nullable(),
});
export type ProposalReview = z.infer<typeof proposalReviewSchema>;

// ---------------------------------------------------------------------------------------------------------------

export const reviewContract = {
  'review.getSchedule': procedure({
    summary: 'Schemat för facklig prövning (veckodag, veckor, tid, plats, sista dag för ärenden)',
    input: z.object({}).default({}),
    output: scheduleOutSchema,
    roles: REVIEW_READERS,
    audit: 'none',
  }),
  'review.previewSchedule': procedure({
    summary: 'Förhandsvisa mötesdatum för ett schema (helgdagar flyttar mötet till nästa arbetsdag)',
    input: z.object({ schedule: reviewScheduleSchema, count: z.number().int().min(1).max(60).default(26).describe('Antal möten') }),
    output: z.array(
      z.object({ plannedDate: z.string(), date: z.string(), movedReason: z.string().nullable(), cutoffDate: z.string() }),
    ),
    roles: ['admin'],
    audit: 'none',
  }),
  'review.setSchedule': procedure({
    summary: 'Ändra schemat och skapa om planerade möten ett år framåt (möten med ärenden och avslutade möten behålls)',
    input: reviewScheduleSchema,
    output: scheduleOutSchema.extend({
      schedule: reviewScheduleSchema,
      description: z.string(),
      created: z.number().int(),
      updated: z.number().int(),
      removed: z.number().int(),
      /** Planned meetings kept although outside the new schedule because they have items. */
      kept: z.number().int(),
    }),
    roles: ['admin'],
    audit: 'change',
  }),
  'review.addMeeting': procedure({
    summary: 'Lägg till ett extra prövningsmöte',
    input: z.object({
      date: isoDate.describe('Datum'),
      time: hhmm.optional().describe('Tid'),
      place: requiredText('Plats', 200).optional(),
    }),
    output: meetingSummarySchema,
    roles: ['admin'],
    audit: 'change',
  }),
  'review.overview': procedure({
    summary: 'Översikt: pågående möte, nästa möte, möten som inte hållits och senaste protokollen',
    input: z.object({}).default({}),
    output: z.object({
      scheduleConfigured: z.boolean(),
      openMeeting: meetingSummarySchema.nullable(),
      nextMeeting: meetingSummarySchema.nullable(),
      overdueMeetings: z.array(meetingSummarySchema),
      recentClosed: z.array(meetingSummarySchema),
      /** Proposals waiting for a decision (submitted or deferred). */
      waitingCount: z.number().int(),
    }),
    roles: REVIEW_READERS,
    audit: 'none',
  }),
  'review.listMeetings': procedure({
    summary: 'Lista prövningsmöten',
    input: z
      .object({
        from: isoDate.optional().describe('Från'),
        to: isoDate.optional().describe('Till'),
        statuses: z.array(meetingStatusSchema).optional().describe('Status'),
      })
      .default({}),
    output: z.array(meetingSummarySchema),
    roles: REVIEW_READERS,
    audit: 'none',
  }),
  'review.getMeeting': procedure({
    summary: 'Ett prövningsmöte med agenda, beslut och protokoll',
    input: z.object({ id: id.describe('Möte') }),
    output: meetingDetailSchema,
    outputFor: { union: meetingDetailUnionSchema },
    roles: REVIEW_READERS,
    audit: 'read',
  }),
  'review.setAttendees': procedure({
    summary: 'Ange närvarande vid mötet (båda parter)',
    input: z.object({ meetingId: id.describe('Möte'), attendees: attendeesInput }),
    output: meetingSummarySchema,
    roles: REVIEW_READERS,
    audit: 'change',
  }),
  'review.openMeeting': procedure({
    summary: 'Öppna mötet (mötesläge): beslut kan registreras',
    input: z.object({ id: id.describe('Möte'), attendees: attendeesInput.optional() }),
    output: meetingSummarySchema,
    roles: REVIEW_READERS,
    audit: 'change',
  }),
  'review.recordDecision': procedure({
    summary: 'Registrera fackets beslut i ett ärende (godkänn, veto eller bordlägg); kan ändras tills mötet avslutas',
    input: z.object({ meetingId: id.describe('Möte'), proposalId: id.describe('Förslag'), decision: decisionInputSchema }),
    output: agendaItemSchema,
    outputFor: { union: agendaItemUnionSchema },
    roles: DECIDERS,
    audit: 'change',
  }),
  'review.clearDecision': procedure({
    summary: 'Ta bort ett ännu inte låst beslut under pågående möte',
    input: z.object({ meetingId: id.describe('Möte'), proposalId: id.describe('Förslag') }),
    output: agendaItemSchema,
    outputFor: { union: agendaItemUnionSchema },
    roles: DECIDERS,
    audit: 'change',
  }),
  'review.closeMeeting': procedure({
    summary: 'Avsluta mötet: besluten låses och protokollet skapas',
    input: z.object({
      id: id.describe('Möte'),
      /** Must be true when items lack a decision: they then return on the next meeting's agenda. */
      carryOverUndecided: z.boolean().default(false).describe('Flytta ärenden utan beslut till nästa möte'),
    }),
    output: z.object({
      meeting: meetingSummarySchema,
      decided: z.number().int(),
      deferred: z.number().int(),
      carriedOver: z.number().int(),
      nextMeeting: meetingRefSchema.nullable(),
    }),
    roles: REVIEW_READERS,
    audit: 'change',
  }),
  'review.cancelMeeting': procedure({
    summary: 'Ställ in ett planerat möte; dess ärenden flyttas till nästa möte',
    input: z.object({ id: id.describe('Möte'), reason: requiredText('Skäl', 500) }),
    output: z.object({ meeting: meetingSummarySchema, movedItems: z.number().int(), nextMeeting: meetingRefSchema.nullable() }),
    roles: COORDINATORS,
    audit: 'change',
  }),
  'review.protocolPdf': procedure({
    summary: 'Protokollet för ett avslutat möte som PDF',
    input: z.object({ id: id.describe('Möte') }),
    output: fileOutSchema,
    roles: REVIEW_READERS,
    audit: 'read',
  }),
  'review.exportIcs': procedure({
    summary: 'Prövningsmötena som kalenderfil (.ics) för Outlook',
    input: z
      .object({ from: isoDate.optional().describe('Från'), to: isoDate.optional().describe('Till') })
      .default({}),
    output: downloadFileSchema,
    roles: REVIEW_READERS,
    audit: 'none',
  }),
  'review.correctDecision': procedure({
    summary: 'Rätta ett låst beslut: ett nytt beslut som hänvisar till det gamla (det gamla ändras aldrig)',
    input: z.object({
      decisionId: id.describe('Beslut'),
      decision: decisionInputSchema,
      reason: requiredText('Skäl för rättelsen', 2000),
    }),
    output: correctionOutSchema,
    roles: DECIDERS,
    audit: 'change',
  }),
  'review.forProposal': procedure({
    summary: 'Förslagets facklig prövning: möte, beslut och om det kan bli en placering',
    input: z.object({ proposalId: id.describe('Förslag') }),
    output: proposalReviewSchema,
    roles: COORDINATORS,
    audit: 'read',
  }),
  'review.forParticipant': procedure({
    summary: 'Deltagarens förslag i facklig prövning med beslut',
    input: z.object({ participantId: id.describe('Deltagare') }),
    output: z.array(proposalReviewSchema),
    roles: COORDINATORS,
    audit: 'read',
  }),

  // Proposal lifecycle steps that feed the review (the proposal itself is created by 'proposals.create').
  'proposals.submit': procedure({
    summary: 'Skicka förslaget till facklig prövning; det hamnar på första mötet vars sista dag för ärenden inte passerat',
    input: z.object({ id: id.describe('Förslag'), note: optionalText('Anteckning', 2000) }),
    output: z.object({
      review: proposalReviewSchema,
      /** The meeting whose agenda it is on; null when the position needs no union review. */
      meeting: meetingRefSchema.nullable(),
      /** Swedish confirmation for the coordinator, naming the meeting. */
      message: z.string(),
    }),
    roles: COORDINATORS,
    audit: 'change',
  }),
  'proposals.withdraw': procedure({
    summary: 'Återkalla ett förslag; det tas bort från agendan för ett möte som inte avslutats',
    input: z.object({ id: id.describe('Förslag'), reason: requiredText('Skäl', 1000) }),
    output: z.object({
      review: proposalReviewSchema,
      removedFromMeeting: meetingRefSchema.nullable(),
    }),
    roles: COORDINATORS,
    audit: 'change',
  }),
};
