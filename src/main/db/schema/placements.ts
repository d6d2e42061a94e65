import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './core';
import { participants } from './participants';
import { positionPeriods, positions, subsidyTypes } from './positions';
import { proposals } from './review';

/** A placement created from an approved proposal (docs/product.md §3). Amounts in öre. */
export const placements = sqliteTable(
  'placements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    proposalId: integer('proposal_id').references(() => proposals.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    positionId: integer('position_id')
      .notNull()
      .references(() => positions.id),
    positionPeriodId: integer('position_period_id').references(() => positionPeriods.id),
    subsidyTypeId: integer('subsidy_type_id').references(() => subsidyTypes.id),
    startDate: text('start_date').notNull(),
    months: integer('months').notNull(),
    endDate: text('end_date').notNull(),
    hoursPercent: integer('hours_percent').notNull(),
    monthlySalary: integer('monthly_salary').notNull(),
    collectiveAgreement: text('collective_agreement'),
    afDecisionNumber: text('af_decision_number'),
    afDecisionDate: text('af_decision_date'),
    subsidyPercent: integer('subsidy_percent'),
    subsidyCeiling: integer('subsidy_ceiling'),
    status: text('status').notNull(), // active | ended
    /** When the next follow-up is due ('YYYY-MM-DD'); null when none is planned. */
    nextFollowUpDate: text('next_follow_up_date'),
    /** Last day actually worked ('YYYY-MM-DD') when the placement has ended. */
    endedAt: text('ended_at'),
    endOutcome: text('end_outcome'),
    endNote: text('end_note'),
    endedBy: integer('ended_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('placements_participant_idx').on(t.participantId),
    index('placements_position_idx').on(t.positionId, t.startDate),
    index('placements_end_idx').on(t.endDate),
    uniqueIndex('placements_proposal_idx').on(t.proposalId),
  ],
);

export const placementExtensions = sqliteTable('placement_extensions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  placementId: integer('placement_id')
    .notNull()
    .references(() => placements.id, { onDelete: 'cascade' }),
  months: integer('months').notNull(),
  previousEndDate: text('previous_end_date').notNull(),
  newEndDate: text('new_end_date').notNull(),
  afDecisionNumber: text('af_decision_number').notNull(),
  afDecisionDate: text('af_decision_date').notNull(),
  subsidyPercent: integer('subsidy_percent'),
  /** Monthly wage ceiling of this decision, in öre. */
  subsidyCeiling: integer('subsidy_ceiling'),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
});

export const placementFollowUps = sqliteTable('placement_follow_ups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  placementId: integer('placement_id')
    .notNull()
    .references(() => placements.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  note: text('note').notNull(),
  nextStep: text('next_step'),
  nextDate: text('next_date'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
});

/** Employment contract: immutable versioned snapshot. A change makes a new version (tillägg), never an edit. */
export const contracts = sqliteTable(
  'contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    placementId: integer('placement_id')
      .notNull()
      .references(() => placements.id),
    version: integer('version').notNull(),
    snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull(), // generated | sent | signed | registered | superseded
    generatedAt: text('generated_at').notNull(),
    generatedBy: integer('generated_by').references(() => users.id),
    sentAt: text('sent_at'),
    signedAt: text('signed_at'),
    registeredAt: text('registered_at'),
  },
  (t) => [
    uniqueIndex('contracts_placement_version_idx').on(t.placementId, t.version),
    index('contracts_status_idx').on(t.status),
  ],
);
