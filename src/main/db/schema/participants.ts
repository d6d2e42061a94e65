import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './core';

/**
 * A participant (docs/product.md §3). Sensitive columns — restrictions, monthlyAssistance (öre), childrenInHousehold,
 * longTermRecipient, caseNotes — are only ever sent to coordinators and admins (enforced by output schemas).
 *
 * Dates are local 'YYYY-MM-DD' (referralDate, stageSince, earliestStart, pauseExpectedReturn, exitDate);
 * createdAt/updatedAt are UTC ISO timestamps.
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
    /** Local date the current stage began. */
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
    /** Lower-cased name, personnummer, caseworker and ref (plus a diacritics-folded copy), maintained on write. */
    searchText: text('search_text').notNull().default(''),
    /** Sort key giving Swedish alphabetical order (last name, first name) with plain binary collation. */
    sortName: text('sort_name').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // The list: counts per stage and name order scan these narrow covering indexes instead of the wide rows.
    index('participants_stage_search_idx').on(t.stage, t.searchText),
    index('participants_sort_search_idx').on(t.sortName, t.searchText),
    index('participants_stage_name_idx').on(t.stage, t.sortName),
    index('participants_name_idx').on(t.lastName, t.firstName),
    index('participants_district_idx').on(t.district),
    index('participants_coordinator_idx').on(t.coordinatorId),
    index('participants_referral_idx').on(t.referralDate),
    index('participants_stage_since_idx').on(t.stageSince),
    index('participants_pause_return_idx').on(t.pauseExpectedReturn),
  ],
);

/** The participant's timeline: every stage transition and notable event. `at` is a UTC ISO timestamp. */
export const participantEvents = sqliteTable(
  'participant_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    kind: text('kind').notNull(), // created | transition | meeting | mapping | note | deviation | follow_up | proposal | decision | placement
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    note: text('note'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('participant_events_participant_idx').on(t.participantId, t.at)],
);

/** Information meetings (docs/product.md §3). Times are local Europe/Stockholm 'YYYY-MM-DDTHH:MM'. */
export const infoMeetings = sqliteTable(
  'info_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(),
    interpreterLanguages: text('interpreter_languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
    notes: text('notes'),
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason'),
    /** iCalendar SEQUENCE: increased on every change, so Outlook replaces the earlier copy. */
    sequence: integer('sequence').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('info_meetings_starts_idx').on(t.startsAt)],
);

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
    bookedBy: integer('booked_by').references(() => users.id),
    recordedAt: text('recorded_at'),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('bookings_meeting_participant_idx').on(t.meetingId, t.participantId),
    index('bookings_participant_idx').on(t.participantId),
  ],
);

/** A no-show recorded at an information meeting: [{ meetingId, startsAt, place }] in a deviation report. */
export interface NoShowRef {
  meetingId: number;
  startsAt: string;
  place: string;
}

/** Deviation report to the referring caseworker (after two no-shows). */
export const deviationReports = sqliteTable(
  'deviation_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    reason: text('reason').notNull(),
    /** The missed meetings the report is about. */
    noShows: text('no_shows', { mode: 'json' }).$type<NoShowRef[]>().notNull().default([]),
    status: text('status').notNull(), // open | sent | done
    note: text('note'),
    sentAt: text('sent_at'),
    handledAt: text('handled_at'),
    handledBy: integer('handled_by').references(() => users.id),
  },
  (t) => [
    index('deviation_reports_status_idx').on(t.status, t.createdAt),
    index('deviation_reports_participant_idx').on(t.participantId),
  ],
);

/** Follow-ups 6 and 12 months after exit: is the person still self-supporting? */
export const exitFollowUps = sqliteTable(
  'exit_follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    /** The exit this follow-up belongs to (a person can exit again after a new referral). */
    exitDate: text('exit_date').notNull().default(''),
    months: integer('months').notNull(), // 6 | 12
    dueDate: text('due_date').notNull(),
    selfSupporting: text('self_supporting'), // yes | no | unknown (null = not yet recorded)
    note: text('note'),
    recordedAt: text('recorded_at'),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [
    index('exit_follow_ups_due_idx').on(t.dueDate),
    uniqueIndex('exit_follow_ups_exit_idx').on(t.participantId, t.exitDate, t.months),
  ],
);
