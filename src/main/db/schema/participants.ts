import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './core';

/**
 * A participant (DESIGN §3). Sensitive columns — restrictions, monthlyAssistance (öre), childrenInHousehold,
 * longTermRecipient, caseNotes — are only ever sent to coordinators and admins (enforced by output schemas).
 */
export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Pseudonymous reference shown to the union: "2026-0147". */
    ref: text('ref').notNull().unique(),
    personnummer: text('personnummer').notNull().unique(), // canonical 12 digits
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    postalCode: text('postal_code'),
    city: text('city'),
    district: text('district'),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
    swedishLevel: text('swedish_level'), // sfi_a | sfi_b | sfi_c | sfi_d | sas | native
    educationLevel: text('education_level'),
    licenceClasses: text('licence_classes', { mode: 'json' }).$type<string[]>().notNull().default([]),
    experienceText: text('experience_text'),
    ssykCode: text('ssyk_code'),
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull().default([]),
    interests: text('interests', { mode: 'json' }).$type<string[]>().notNull().default([]),
    restrictions: text('restrictions'),
    wishedKinds: text('wished_kinds', { mode: 'json' }).$type<string[]>().notNull().default([]),
    availablePercent: integer('available_percent'),
    earliestStart: text('earliest_start'),
    childrenInHousehold: integer('children_in_household').notNull().default(0),
    longTermRecipient: integer('long_term_recipient', { mode: 'boolean' }).notNull().default(false),
    /** Monthly assistance before placement, in öre (integer). */
    monthlyAssistance: integer('monthly_assistance'),
    caseworkerName: text('caseworker_name'),
    caseworkerUnit: text('caseworker_unit'),
    caseworkerPhone: text('caseworker_phone'),
    caseworkerEmail: text('caseworker_email'),
    referralDate: text('referral_date').notNull(),
    caseNotes: text('case_notes'),
    stage: text('stage').notNull(),
    stageSince: text('stage_since').notNull(),
    /** Stage to return to when a pause ends. */
    pausedFromStage: text('paused_from_stage'),
    pauseReason: text('pause_reason'),
    pauseExpectedReturn: text('pause_expected_return'),
    closeReason: text('close_reason'),
    exitOutcome: text('exit_outcome'),
    exitDate: text('exit_date'),
    noShowCount: integer('no_show_count').notNull().default(0),
    coordinatorId: integer('coordinator_id').references(() => users.id),
    searchText: text('search_text').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('participants_stage_idx').on(t.stage),
    index('participants_name_idx').on(t.lastName, t.firstName),
    index('participants_district_idx').on(t.district),
    index('participants_coordinator_idx').on(t.coordinatorId),
    index('participants_referral_idx').on(t.referralDate),
  ],
);

/** The participant's timeline: every stage transition and notable event. */
export const participantEvents = sqliteTable(
  'participant_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    kind: text('kind').notNull(), // transition | note | meeting | proposal | decision | placement | follow_up | deviation
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    note: text('note'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('participant_events_participant_idx').on(t.participantId, t.at)],
);

/** Information meetings (DESIGN §3). Times are local Europe/Stockholm 'YYYY-MM-DDTHH:MM'. */
export const infoMeetings = sqliteTable('info_meetings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startsAt: text('starts_at').notNull(),
  endsAt: text('ends_at').notNull(),
  place: text('place').notNull(),
  capacity: integer('capacity').notNull(),
  interpreterLanguages: text('interpreter_languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
  notes: text('notes'),
  cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
});

export const infoMeetingBookings = sqliteTable(
  'info_meeting_bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => infoMeetings.id, { onDelete: 'cascade' }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    status: text('status').notNull(), // booked | attended | no_show | cancelled
    bookedAt: text('booked_at').notNull(),
    recordedAt: text('recorded_at'),
  },
  (t) => [
    uniqueIndex('bookings_meeting_participant_idx').on(t.meetingId, t.participantId),
    index('bookings_participant_idx').on(t.participantId),
  ],
);

/** Deviation report to the referring caseworker (after two no-shows). */
export const deviationReports = sqliteTable('deviation_reports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  participantId: integer('participant_id')
    .notNull()
    .references(() => participants.id, { onDelete: 'cascade' }),
  createdAt: text('created_at').notNull(),
  reason: text('reason').notNull(),
  status: text('status').notNull(), // open | sent | done
  handledAt: text('handled_at'),
  handledBy: integer('handled_by').references(() => users.id),
});

/** Follow-ups 6 and 12 months after exit: is the person still self-supporting? */
export const exitFollowUps = sqliteTable(
  'exit_follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    months: integer('months').notNull(), // 6 | 12
    dueDate: text('due_date').notNull(),
    selfSupporting: text('self_supporting'), // yes | no | unknown (null = not yet recorded)
    note: text('note'),
    recordedAt: text('recorded_at'),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [index('exit_follow_ups_due_idx').on(t.dueDate)],
);
