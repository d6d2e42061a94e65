import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './core';
import { participants } from './participants';
import { positions } from './positions';

/** Proposal: participant × position with the score and explanation as shown at the time (docs/product.md §3). */
export const proposals = sqliteTable(
  'proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    positionId: integer('position_id')
      .notNull()
      .references(() => positions.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    score: integer('score').notNull(),
    explanation: text('explanation', { mode: 'json' }).$type<unknown>().notNull(),
    status: text('status').notNull(), // draft | submitted | approved | vetoed | deferred | withdrawn
    note: text('note'),
    submittedAt: text('submitted_at'),
    submittedBy: integer('submitted_by').references(() => users.id),
    /** The meeting whose agenda the proposal is on now, or the one that decided it. Null for drafts. */
    reviewMeetingId: integer('review_meeting_id').references(() => reviewMeetings.id),
    withdrawnAt: text('withdrawn_at'),
    withdrawnBy: integer('withdrawn_by').references(() => users.id),
    withdrawReason: text('withdraw_reason'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('proposals_participant_idx').on(t.participantId),
    index('proposals_position_idx').on(t.positionId),
    index('proposals_meeting_idx').on(t.reviewMeetingId),
  ],
);

/**
 * Union review meeting (facklig prövning). Dates are local 'YYYY-MM-DD', time 'HH:MM' (Europe/Stockholm).
 * Lifecycle: planned → open → closed, or planned → cancelled. Closing freezes the protocol (JSON snapshot in
 * `protocol`) and writes the final decisions; a closed meeting never changes again.
 */
export const reviewMeetings = sqliteTable(
  'review_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    plannedDate: text('planned_date').notNull(),
    movedReason: text('moved_reason'),
    time: text('time').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    place: text('place').notNull(),
    cutoffDate: text('cutoff_date').notNull(),
    status: text('status').notNull(), // planned | open | closed | cancelled
    attendees: text('attendees', { mode: 'json' })
      .$type<Array<{ name: string; party: string; title: string | null }>>()
      .notNull()
      .default([]),
    openedAt: text('opened_at'),
    openedBy: integer('opened_by').references(() => users.id),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    cancelledReason: text('cancelled_reason'),
    /** Frozen protocol content at closing (JSON), from which the PDF is rendered. */
    protocol: text('protocol', { mode: 'json' }).$type<unknown>(),
    /** iCalendar SEQUENCE: increases whenever date, time, place or status of a published meeting changes. */
    sequence: integer('sequence').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('review_meetings_date_idx').on(t.date), index('review_meetings_status_idx').on(t.status)],
);

/**
 * One proposal on one meeting's agenda. A proposal that is deferred, left undecided or sits on a cancelled meeting
 * gets a new item on the next meeting (origin says why), so every meeting keeps its own agenda as it was.
 * While the meeting is open the union's decision is a draft on the item (draft* columns, may be changed);
 * closing the meeting writes it as a final, never-changed row in review_decisions.
 */
export const reviewAgendaItems = sqliteTable(
  'review_agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => reviewMeetings.id),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id),
    origin: text('origin').notNull(), // submitted | deferred | carried_over | moved
    fromMeetingId: integer('from_meeting_id').references((): AnySQLiteColumn => reviewMeetings.id),
    addedAt: text('added_at').notNull(),
    /** Set when the proposal leaves the agenda before a decision (withdrawn, moved off a cancelled meeting). */
    removedAt: text('removed_at'),
    removedReason: text('removed_reason'), // withdrawn | meeting_cancelled
    draftDecision: text('draft_decision'), // approve | veto | defer
    draftReasonCategory: text('draft_reason_category'),
    draftText: text('draft_text'),
    draftQuestion: text('draft_question'),
    draftBy: integer('draft_by').references(() => users.id),
    draftAt: text('draft_at'),
  },
  (t) => [
    uniqueIndex('review_agenda_items_meeting_proposal_idx').on(t.meetingId, t.proposalId),
    index('review_agenda_items_proposal_idx').on(t.proposalId),
  ],
);

/**
 * A final decision on a proposal, written when the meeting closes (or later as a correction). Rows are never
 * updated or deleted (docs/product.md §4 rule 3). A correction is a new row whose `correctsDecisionId` names the decision it
 * replaces; it is recorded as an addendum to the same meeting's protocol (the frozen snapshot stays as it was).
 * A decision is corrected at most once; correct the correction to change it again.
 */
export const reviewDecisions = sqliteTable(
  'review_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => reviewMeetings.id),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id),
    agendaItemId: integer('agenda_item_id').references(() => reviewAgendaItems.id),
    decision: text('decision').notNull(), // approve | veto | defer
    reasonCategory: text('reason_category'),
    text: text('text'),
    question: text('question'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at').notNull(),
    correctsDecisionId: integer('corrects_decision_id').references((): AnySQLiteColumn => reviewDecisions.id),
    /** Why the correction was made (required for corrections). */
    correctionReason: text('correction_reason'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    index('review_decisions_proposal_idx').on(t.proposalId),
    index('review_decisions_meeting_idx').on(t.meetingId),
    uniqueIndex('review_decisions_corrects_idx').on(t.correctsDecisionId),
    uniqueIndex('review_decisions_item_idx')
      .on(t.meetingId, t.proposalId)
      .where(sql`corrects_decision_id IS NULL`),
  ],
);
