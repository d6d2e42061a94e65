import { z } from 'zod';
import { id, localDateTime, optionalText, requiredText } from '../domain/common';
import { deviationStatusSchema, downloadFileSchema, stageSchema, tagList } from '../domain/participant';
import { deviationRowSchema } from './participants';
import { procedure } from './define';

const COORDINATION = ['coordinator', 'admin'] as const;

/** 'YYYY-MM-DDTHH:MM' local time that exists on the calendar. */
const meetingTime = (label: string) =>
  localDateTime
    .refine((s) => {
      const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
      const hh = Number(s.slice(11, 13));
      const mm = Number(s.slice(14, 16));
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10) && hh < 24 && mm < 60;
    }, 'Tiden finns inte')
    .describe(label);

const meetingFields = {
  startsAt: meetingTime('Starttid'),
  endsAt: meetingTime('Sluttid'),
  place: requiredText('Plats', 200),
  capacity: z
    .number({ error: 'Ange antal platser' })
    .int('Ange ett heltal')
    .min(1, 'Minst 1 plats')
    .max(500, 'Högst 500 platser')
    .describe('Antal platser'),
  interpreterLanguages: tagList('Tolkspråk', 10, 60).default([]),
  notes: optionalText('Anteckningar', 2000),
};

export const MEETING_STATUSES = ['upcoming', 'ongoing', 'held', 'cancelled'] as const;
export const MEETING_STATUS_LABELS: Record<(typeof MEETING_STATUSES)[number], string> = {
  upcoming: 'Kommande',
  ongoing: 'Pågår',
  held: 'Genomfört',
  cancelled: 'Inställt',
};

export const BOOKING_STATUS_LABELS = {
  booked: 'Bokad',
  attended: 'Deltog',
  no_show: 'Uteblev',
  cancelled: 'Avbokad',
} as const;

export const meetingRowSchema = z.object({
  id: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  interpreterLanguages: z.array(z.string()),
  notes: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  cancelReason: z.string().nullable(),
  /** Active bookings (booked + attended + no-show). */
  booked: z.number().int(),
  free: z.number().int(),
  attended: z.number().int(),
  noShows: z.number().int(),
  /** Bookings still waiting for attendance after the meeting started. */
  unrecorded: z.number().int(),
});
export type MeetingRow = z.infer<typeof meetingRowSchema>;

export const meetingBookingSchema = z.object({
  bookingId: z.number().int(),
  participantId: z.number().int(),
  ref: z.string(),
  name: z.string(),
  personnummerFormatted: z.string(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  stage: stageSchema,
  status: z.enum(['booked', 'attended', 'no_show', 'cancelled']),
  /** No-shows at earlier information meetings (this meeting's own not counted). */
  noShowCount: z.number().int(),
  bookedAt: z.string(),
  recordedAt: z.string().nullable(),
});

export const meetingDetailSchema = meetingRowSchema.extend({
  bookings: z.array(meetingBookingSchema),
  /** Whether participants can still be booked (not cancelled, not over, free places). */
  canBook: z.boolean(),
  /** Whether attendance can be recorded (the meeting has started). */
  canRecordAttendance: z.boolean(),
  /** Whether time, place and capacity can still be changed. */
  canEdit: z.boolean(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

const meetingId = id.describe('Informationsmöte');

export const meetingsContract = {
  'meetings.list': procedure({
    summary: 'Lista informationsmöten',
    input: z
      .object({
        scope: z.enum(['upcoming', 'past', 'all']).default('upcoming').describe('Urval'),
        includeCancelled: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .default({ scope: 'upcoming', includeCancelled: false, offset: 0, limit: 50 }),
    output: z.object({ total: z.number().int(), rows: z.array(meetingRowSchema) }),
    roles: COORDINATION,
    audit: 'none',
  }),
  'meetings.get': procedure({
    summary: 'Visa ett informationsmöte med bokade deltagare',
    input: z.object({ id: meetingId }),
    output: meetingDetailSchema,
    roles: COORDINATION,
    audit: 'read',
  }),
  'meetings.create': procedure({
    summary: 'Skapa informationsmöte',
    input: z.object(meetingFields),
    output: meetingDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'meetings.update': procedure({
    summary: 'Ändra tid, plats, antal platser, tolkspråk',
    input: z.object({ id: meetingId, ...meetingFields }),
    output: meetingDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'meetings.cancel': procedure({
    summary: 'Ställ in mötet (de bokade återgår till att bokas)',
    input: z.object({ id: meetingId, reason: requiredText('Orsak', 500) }),
    output: meetingDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'meetings.book': procedure({
    summary: 'Boka deltagare till mötet (aldrig fler än antalet platser)',
    input: z.object({
      meetingId,
      participantIds: z.array(id).min(1, 'Välj minst en deltagare').max(500).describe('Deltagare'),
    }),
    output: meetingDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'meetings.unbook': procedure({
    summary: 'Avboka en deltagare',
    input: z.object({ meetingId, participantId: id.describe('Deltagare'), note: optionalText('Anteckning', 2000) }),
    output: meetingDetailSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
  'meetings.recordAttendance': procedure({
    summary: 'Registrera närvaro; uteblivet besök återgår till bokning, andra gången skapas en avvikelse',
    input: z.object({
      meetingId,
      entries: z
        .array(z.object({ participantId: id.describe('Deltagare'), attended: z.boolean().describe('Närvarande') }))
        .min(1, 'Ange närvaro för minst en deltagare')
        .max(500)
        .describe('Närvaro'),
    }),
    output: z.object({
      meeting: meetingDetailSchema,
      deviationsCreated: z.array(
        z.object({ deviationId: z.number().int(), participantId: z.number().int(), name: z.string() }),
      ),
    }),
    roles: COORDINATION,
    audit: 'change',
  }),
  'meetings.exportIcs': procedure({
    summary: 'Exportera möten som iCalendar (.ics) för Outlook',
    input: z
      .object({
        meetingIds: z.array(id).max(500).optional().describe('Möten'),
        scope: z.enum(['upcoming', 'all']).default('upcoming').describe('Urval'),
      })
      .default({ scope: 'upcoming' }),
    output: downloadFileSchema,
    roles: COORDINATION,
    audit: 'none',
  }),
  'deviations.list': procedure({
    summary: 'Avvikelser till remitterande handläggare (efter två uteblivna besök)',
    input: z
      .object({
        status: z.enum(['active', 'open', 'sent', 'done', 'all']).default('active').describe('Status'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .default({ status: 'active', offset: 0, limit: 50 }),
    output: z.object({
      total: z.number().int(),
      counts: z.object({ open: z.number().int(), sent: z.number().int(), done: z.number().int() }),
      rows: z.array(deviationRowSchema),
    }),
    roles: COORDINATION,
    audit: 'none',
  }),
  'deviations.letter': procedure({
    summary: 'Avvikelsebrev till handläggaren som PDF',
    input: z.object({ id: id.describe('Avvikelse') }),
    output: downloadFileSchema,
    roles: COORDINATION,
    audit: 'read',
  }),
  'deviations.setStatus': procedure({
    summary: 'Markera avvikelsen som skickad eller klar',
    input: z.object({
      id: id.describe('Avvikelse'),
      status: deviationStatusSchema,
      note: optionalText('Anteckning', 2000),
    }),
    output: deviationRowSchema,
    roles: COORDINATION,
    audit: 'change',
  }),
};
