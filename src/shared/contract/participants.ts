import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from '../domain/common';
import {
  closeReasonSchema,
  exitOutcomeSchema,
  importPreviewSchema,
  mappingUpdateInput,
  participantCreateInput,
  participantDetailForHrSchema,
  participantDetailSchema,
  participantListInput,
  participantListRowForHrSchema,
  participantListRowSchema,
  participantUpdateInput,
  pauseReasonSchema,
  personnummerInput,
  selfSupportingSchema,
  stageCountsSchema,
  stageSchema,
  uploadedFileInput,
  userRefSchema,
  deviationStatusSchema,
} from '../domain/participant';
import { procedure } from './define';

const COORDINATION = ['coordinator', 'admin'] as const;
const WITH_HR = ['coordinator', 'admin', 'hr'] as const;

const participantId = id.describe('Deltagare');
const transitionNote = optionalText('Anteckning', 2000);
/** The stage the page showed; if someone else has moved the person since, the command is refused. */
const expectedStage = stageSchema.optional().describe('Förväntat steg');

const listOutput = z.object({
  total: z.number().int(),
  rows: z.array(participantListRowSchema),
  /** Counts per stage for the same search and filters, ignoring the stage filter (for the chips above the list). */
  stageCounts: stageCountsSchema,
});
const listOutputForHr = listOutput.extend({ rows: z.array(participantListRowForHrSchema) });

const followUpRowSchema = z.object({
  id: z.number().int(),
  participantId: z.number().int(),
  ref: z.string(),
  name: z.string(),
  personnummerFormatted: z.string(),
  coordinator: userRefSchema.nullable(),
  exitDate: z.string(),
  exitOutcome: exitOutcomeSchema.nullable(),
  months: z.number().int(),
  dueDate: z.string(),
  /** Days past due (negative: not yet due). */
  daysOverdue: z.number().int(),
  selfSupporting: selfSupportingSchema.nullable(),
  note: z.string().nullable(),
  recordedAt: z.string().nullable(),
  recordedBy: userRefSchema.nullable(),
});

const deviationRowSchema = z.object({
  id: z.number().int(),
  participantId: z.number().int(),
  ref: z.string(),
  name: z.string(),
  personnummerFormatted: z.string(),
  caseworker: z.object({
    name: z.string().nullable(),
    unit: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  createdAt: z.string(),
  reason: z.string(),
  noShows: z.array(z.object({ meetingId: z.number().int(), startsAt: z.string(), place: z.string() })),
  status: deviationStatusSchema,
  note: z.string().nullable(),
  sentAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledBy: userRefSchema.nullable(),
});

const dashboardParticipantRow = z.object({
  id: z.number().int(),
  ref: z.string(),
  name: z.string(),
  stage: stageSchema,
  date: z.string(),
  detail: z.string(),
});

export const participantsContract = {
  'participants.list': procedure({
    summary: 'Sök och lista deltagare (sidvis, med antal per steg)',
    input: participantListInput,
    output: listOutput,
    outputFor: { hr: listOutputForHr },
    roles: WITH_HR,
    audit: 'none',
  }),
  'participants.filterOptions': procedure({
    summary: 'Val för listans filter: stadsdelar, koordinatorer, handläggarenheter',
    input: z.object({}).default({}),
    output: z.object({
      districts: z.array(z.string()),
      coordinators: z.array(userRefSchema),
      caseworkerUnits: z.array(z.string()),
    }),
    roles: WITH_HR,
    audit: 'none',
  }),
  'participants.get': procedure({
    summary: 'Visa en deltagare med tidslinje och möjliga nästa steg',
    input: z.object({ id: participantId }),
    output: participantDetailSchema,
    outputFor: { hr: participantDetailForHrSchema },
    roles: WITH_HR,
    audit: 'read',
  }),
  'participants.checkPersonnummer': procedure({
    summary: 'Kontrollera ett personnummer och om personen redan finns',
    input: z.object({ personnummer: personnummerInput, excludeId: id.optional() }),
    output: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(false), reason: z.string() }),
      z.object({
        ok: z.literal(true),
        canonical: z.string(),
        formatted: z.string(),
        kind: z.enum(['personnummer', 'samordningsnummer']),
        birthDate: z.string(),
        existing: z.object({ id: z.number().int(), ref: z.string(), name: z.string() }).nullable(),
      }),
    ]),
    roles: COORDINATION,
    audit: 'read',
  }),
  'participants.create': procedure({
    summary: 'Registrera en remitterad deltagare',
    input: participantCreateInput,
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.update': procedure({
    summary: 'Ändra personuppgifter, remiss och sociala uppgifter',
    input: participantUpdateInput,
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.updateMapping': procedure({
    summary: 'Spara kartläggningen (och markera som kartlagd)',
    input: mappingUpdateInput,
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.addNote': procedure({
    summary: 'Skriv en anteckning i tidslinjen',
    input: z.object({ id: participantId, note: requiredText('Anteckning', 4000) }),
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.transition': procedure({
    summary: 'Byt steg (kartlagd, redo för matchning, tillbaka till kartläggning)',
    input: z.object({ id: participantId, to: stageSchema, expectedStage, note: transitionNote }),
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.pause': procedure({
    summary: 'Pausa deltagaren (sjukskrivning, föräldraledighet) med förväntad återkomst',
    input: z.object({
      id: participantId,
      reason: pauseReasonSchema,
      expectedReturn: isoDate.describe('Förväntad återkomst'),
      expectedStage,
      note: transitionNote,
    }),
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.resume': procedure({
    summary: 'Återuppta en pausad deltagare',
    input: z.object({ id: participantId, expectedStage, note: transitionNote }),
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.close': procedure({
    summary: 'Avsluta utan placering, med orsak',
    input: z.object({ id: participantId, reason: closeReasonSchema, expectedStage, note: transitionNote }),
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.exit': procedure({
    summary: 'Avsluta med utfall (planerar uppföljning efter 6 och 12 månader)',
    input: z.object({
      id: participantId,
      outcome: exitOutcomeSchema,
      date: isoDate.describe('Avslutsdatum'),
      expectedStage,
      note: transitionNote,
    }),
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.reopen': procedure({
    summary: 'Ny remiss för en avslutad deltagare (återaktivera)',
    input: z.object({
      id: participantId,
      referralDate: isoDate.describe('Remissdatum'),
      expectedStage,
      note: transitionNote,
    }),
    output: participantDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.importPreview': procedure({
    summary: 'Förhandsgranska en remissfil: alla rader, fel med radnummer, dubbletter',
    input: uploadedFileInput,
    output: importPreviewSchema,
    roles: COORDINATION,
    audit: 'read',
  }),
  'participants.importCommit': procedure({
    summary: 'Importera remissfilens alla godkända rader (allt eller inget)',
    input: uploadedFileInput.extend({
      /** The number of new people the preview showed; if it no longer matches, nothing is imported. */
      expectedNewCount: z.number().int().min(0).optional(),
    }),
    output: z.object({
      created: z.number().int(),
      skippedDuplicates: z.number().int(),
      skippedInvalid: z.number().int(),
      participantIds: z.array(z.number().int()),
    }),
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.followUps': procedure({
    summary: 'Uppföljningar efter avslut (6 och 12 månader)',
    input: z.object({
      status: z.enum(['due', 'upcoming', 'recorded', 'all']).default('due').describe('Urval'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(followUpRowSchema) }),
    roles: COORDINATION,
    audit: 'none',
  }),
  'participants.recordFollowUp': procedure({
    summary: 'Registrera uppföljning: är personen fortfarande självförsörjande?',
    input: z.object({
      id: id.describe('Uppföljning'),
      selfSupporting: selfSupportingSchema,
      note: optionalText('Anteckning', 2000),
    }),
    output: followUpRowSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'participants.dashboard': procedure({
    summary:
      'Startsidan för koordinatorn: antal per steg, förfallna uppföljningar, öppna avvikelser, pauser som löpt ut, kommande möten',
    input: z.object({ mine: z.boolean().default(false).describe('Bara mina deltagare') }).default({ mine: false }),
    output: z.object({
      today: z.string(),
      stageCounts: stageCountsSchema,
      /** Participants referred but not yet booked to an information meeting. */
      waitingForMeeting: z.number().int(),
      dueFollowUps: z.object({ total: z.number().int(), rows: z.array(followUpRowSchema) }),
      openDeviations: z.object({ total: z.number().int(), rows: z.array(deviationRowSchema) }),
      /** Paused participants whose expected return date has come. */
      pausesDue: z.object({ total: z.number().int(), rows: z.array(dashboardParticipantRow) }),
      upcomingMeetings: z.array(
        z.object({
          id: z.number().int(),
          startsAt: z.string(),
          endsAt: z.string(),
          place: z.string(),
          capacity: z.number().int(),
          booked: z.number().int(),
          interpreterLanguages: z.array(z.string()),
        }),
      ),
    }),
    roles: COORDINATION,
    audit: 'none',
  }),
};

export { followUpRowSchema, deviationRowSchema };
export type FollowUpRow = z.infer<typeof followUpRowSchema>;
export type DeviationRow = z.infer<typeof deviationRowSchema>;
