import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './core';
import { participants } from './participants';
import { positions } from './positions';

/** Proposal: participant × position with the score and explanation as shown at the time (DESIGN §3). */
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
    reviewMeetingId: integer('review_meeting_id').references(() => reviewMeetings.id),
    withdrawnAt: text('withdrawn_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('proposals_participant_idx').on(t.participantId),
    index('proposals_position_idx').on(t.positionId),
    index('proposals_meeting_idx').on(t.reviewMeetingId),
  ],
);

/** Union review meeting (facklig prövning). Dates are local 'YYYY-MM-DD', time 'HH:MM'. */
export const reviewMeetings = sqliteTable(
  'review_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    plannedDate: text('planned_date').notNull(),
    movedReason: text('moved_reason'),
    time: text('time').notNull(),
    place: text('place').notNull(),
    cutoffDate: text('cutoff_date').notNull(),
    status: text('status').notNull(), // planned | open | closed | cancelled
    attendees: text('attendees', { mode: 'json' }).$type<Array<{ name: string; party: string }>>().notNull().default([]),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    /** Frozen protocol content at closing (JSON), from which the PDF is rendered. */
    protocol: text('protocol', { mode: 'json' }).$type<unknown>(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('review_meetings_date_idx').on(t.date)],
);

/** A decision on a proposal. Final once the meeting's protocol is closed; corrections refer to the old decision. */
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
    decision: text('decision').notNull(), // approve | veto | defer
    reasonCategory: text('reason_category'),
    text: text('text'),
    question: text('question'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at').notNull(),
    correctsDecisionId: integer('corrects_decision_id'),
  },
  (t) => [index('review_decisions_proposal_idx').on(t.proposalId), index('review_decisions_meeting_idx').on(t.meetingId)],
);
