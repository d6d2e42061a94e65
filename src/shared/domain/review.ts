/**
 * Union review (facklig prövning, docs/product.md §3 "Review meeting", §4 rules 1–3).
 *
 * Vocabulary shared by the main process and the screens: decision kinds, veto reason categories, meeting statuses,
 * why an item is on an agenda, the two parties at the table, and the schedule settings.
 */
import { z } from 'zod';
import { hhmm, requiredText } from './common';

// ---------------------------------------------------------------------------------------------------------------
// Decisions

export const DECISION_KINDS = ['approve', 'veto', 'defer'] as const;
export const decisionKindSchema = z.enum(DECISION_KINDS, { error: 'Välj beslut: godkänn, veto eller bordlägg' });
export type DecisionKind = z.infer<typeof decisionKindSchema>;

/** The decision as written in a protocol. */
export const DECISION_LABELS: Record<DecisionKind, string> = {
  approve: 'Godkänt',
  veto: 'Veto',
  defer: 'Bordlagt',
};

/** The button that records it in meeting mode. */
export const DECISION_ACTION_LABELS: Record<DecisionKind, string> = {
  approve: 'Godkänn',
  veto: 'Veto',
  defer: 'Bordlägg',
};

export const VETO_REASON_CATEGORIES = [
  'replaces_ordinary_work',
  'recent_redundancies',
  'poor_supervision',
  'unsuitable_tasks',
  'other',
] as const;
export const vetoReasonCategorySchema = z.enum(VETO_REASON_CATEGORIES, { error: 'Välj en orsak till vetot' });
export type VetoReasonCategory = z.infer<typeof vetoReasonCategorySchema>;

export const VETO_REASON_LABELS: Record<VetoReasonCategory, string> = {
  replaces_ordinary_work: 'Ersätter ordinarie arbete',
  recent_redundancies: 'Nyligen varslat/uppsagt på arbetsplatsen',
  poor_supervision: 'Bristande handledning',
  unsuitable_tasks: 'Arbetsuppgifterna är inte lämpliga',
  other: 'Annat',
};

// ---------------------------------------------------------------------------------------------------------------
// Meetings and agenda

export const MEETING_STATUSES = ['planned', 'open', 'closed', 'cancelled'] as const;
export const meetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planerat',
  open: 'Pågår',
  closed: 'Avslutat – protokoll låst',
  cancelled: 'Inställt',
};

/**
 * Why an item is on a meeting's agenda:
 * - submitted: the proposal was submitted before this meeting's cutoff (§4 rule 2);
 * - deferred: the previous meeting deferred it with a question; it returns automatically;
 * - carried_over: the previous meeting closed without deciding it;
 * - moved: the meeting it was on was cancelled.
 */
export const AGENDA_ORIGINS = ['submitted', 'deferred', 'carried_over', 'moved'] as const;
export const agendaOriginSchema = z.enum(AGENDA_ORIGINS);
export type AgendaOrigin = z.infer<typeof agendaOriginSchema>;

export const AGENDA_ORIGIN_LABELS: Record<AgendaOrigin, string> = {
  submitted: 'Nytt ärende',
  deferred: 'Återkommer efter bordläggning',
  carried_over: 'Ej behandlat vid föregående möte',
  moved: 'Flyttat från inställt möte',
};

/** The two parties at a review meeting. Both must be listed as attendees before the protocol can be closed. */
export const ATTENDEE_PARTIES = ['employer', 'union'] as const;
export const attendeePartySchema = z.enum(ATTENDEE_PARTIES, { error: 'Välj part: arbetsgivaren eller facket' });
export type AttendeeParty = z.infer<typeof attendeePartySchema>;

export const ATTENDEE_PARTY_LABELS: Record<AttendeeParty, string> = {
  employer: 'Arbetsgivaren (Jobb Borås)',
  union: 'Kommunal',
};

export const attendeeSchema = z.object({
  name: requiredText('Namn', 120),
  party: attendeePartySchema.describe('Part'),
  /** Free text, e.g. 'Arbetslivshandläggare' or 'Facklig företrädare, Kommunal Sjuhärad'. */
  title: z
    .string()
    .trim()
    .max(120, 'Titel får vara högst 120 tecken')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null)
    .describe('Titel'),
});
export type Attendee = z.output<typeof attendeeSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Participants, as the review sees them

/** The only way the union ever sees a participant: a pseudonymous reference. */
export function participantLabel(ref: string): string {
  return `Deltagare ${ref}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Schedule (settings key 'review.schedule')

export const REVIEW_SCHEDULE_SETTING_KEY = 'review.schedule';
export const DEFAULT_REVIEW_CUTOFF_WORKING_DAYS = 2;
export const DEFAULT_REVIEW_DURATION_MINUTES = 60;
/** Meetings are generated this many months ahead. */
export const REVIEW_GENERATION_MONTHS = 12;

export const WEEKDAY_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: 'måndag',
  2: 'tisdag',
  3: 'onsdag',
  4: 'torsdag',
  5: 'fredag',
};

export const PARITY_LABELS: Record<'even' | 'odd', string> = {
  even: 'jämna veckor',
  odd: 'udda veckor',
};

export const reviewScheduleSchema = z.object({
  weekday: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
      error: 'Veckodag ska vara en vardag, 1 (måndag) till 5 (fredag)',
    })
    .describe('Veckodag'),
  parity: z.enum(['even', 'odd'], { error: 'Välj jämna eller udda veckor' }).describe('Veckor'),
  time: hhmm.describe('Tid'),
  place: requiredText('Plats', 200),
  cutoffWorkingDays: z
    .number({ error: 'Ange ett antal arbetsdagar' })
    .int('Ange ett helt antal arbetsdagar')
    .min(0, 'Sista dag för ärenden kan inte vara efter mötet')
    .max(10, 'Sista dag för ärenden kan vara högst 10 arbetsdagar före mötet')
    .default(DEFAULT_REVIEW_CUTOFF_WORKING_DAYS)
    .describe('Sista dag för ärenden (arbetsdagar före mötet)'),
  durationMinutes: z
    .number({ error: 'Ange mötets längd i minuter' })
    .int('Ange mötets längd i hela minuter')
    .min(15, 'Mötet ska vara minst 15 minuter')
    .max(480, 'Mötet kan vara högst 8 timmar')
    .default(DEFAULT_REVIEW_DURATION_MINUTES)
    .describe('Längd (minuter)'),
});
export type ReviewSchedule = z.output<typeof reviewScheduleSchema>;

/** Swedish one-line description, e.g. "Tisdagar jämna veckor kl. 09:00, Jobb Borås …". */
export function describeSchedule(s: ReviewSchedule): string {
  const day = WEEKDAY_LABELS[s.weekday];
  return `${day.charAt(0).toUpperCase()}${day.slice(1)}ar, ${PARITY_LABELS[s.parity]}, kl. ${s.time}, ${s.place}. Sista dag för ärenden: ${s.cutoffWorkingDays} arbetsdagar före mötet.`;
}
