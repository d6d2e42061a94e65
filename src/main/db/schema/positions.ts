import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Subsidy types are data the admin maintains (docs/product.md §3); no legal figure is a constant in code. */
export const subsidyTypes = sqliteTable('subsidy_types', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  maxMonths: integer('max_months').notNull(),
  defaultPercent: integer('default_percent').notNull(),
  /** Monthly wage ceiling in öre. */
  monthlyCeiling: integer('monthly_ceiling').notNull(),
  notes: text('notes'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const workplaces = sqliteTable('workplaces', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  organisation: text('organisation'), // e.g. "Borås Stad, Tekniska förvaltningen"
  address: text('address'),
  district: text('district'),
  notes: text('notes'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** A placement position (placeringsplats). Free slots are computed from placements, never stored. */
export const positions = sqliteTable(
  'positions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workplaceId: integer('workplace_id')
      .notNull()
      .references(() => workplaces.id),
    kind: text('kind').notNull(), // see PositionKind in shared/domain
    title: text('title').notNull(),
    tasks: text('tasks').notNull(),
    supervisorName: text('supervisor_name'),
    supervisorPhone: text('supervisor_phone'),
    supervisorEmail: text('supervisor_email'),
    minSwedishLevel: text('min_swedish_level'),
    requiredLicence: text('required_licence'),
    physicalDemands: text('physical_demands'), // low | medium | high
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull().default([]),
    hoursPercent: integer('hours_percent').notNull(),
    slots: integer('slots').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end'),
    employmentForm: text('employment_form').notNull(), // work_training | subsidised_employment | summer_job
    unionReviewRequired: integer('union_review_required', { mode: 'boolean' }).notNull(),
    subsidyTypeId: integer('subsidy_type_id').references(() => subsidyTypes.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('positions_workplace_idx').on(t.workplaceId), index('positions_kind_idx').on(t.kind)],
);

/** Summer-job periods of a position (e.g. three 3-week periods) with slots per period. */
export const positionPeriods = sqliteTable(
  'position_periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    positionId: integer('position_id')
      .notNull()
      .references(() => positions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    slots: integer('slots').notNull(),
  },
  (t) => [index('position_periods_position_idx').on(t.positionId)],
);
