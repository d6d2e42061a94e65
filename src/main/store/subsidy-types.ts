/** Subsidy types (stödformer): data the admin maintains; no legal figure is a constant in code. */
import { asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { subsidyTypes } from '../db/schema';
import { recordKind } from './record';

export type SubsidyTypeRow = typeof subsidyTypes.$inferSelect;
export type SubsidyTypeInsert = typeof subsidyTypes.$inferInsert;

export const subsidyTypeRecord = recordKind({
  table: 'subsidyTypes',
  entity: 'subsidy_type',
  label: 'Stödformen',
  view: (r: SubsidyTypeRow) => ({
    name: r.name,
    maxMonths: r.maxMonths,
    defaultPercent: r.defaultPercent,
    monthlyCeiling: r.monthlyCeiling,
    notes: r.notes,
    active: r.active,
  }),
});

export async function listSubsidyTypes(r: Reader): Promise<SubsidyTypeRow[]> {
  const { subsidyTypes } = r.tables;
  return r.db.select().from(subsidyTypes).orderBy(asc(subsidyTypes.name), asc(subsidyTypes.id));
}

export async function countSubsidyTypes(r: Reader): Promise<number> {
  const [row] = await r.db.select({ n: count() }).from(r.tables.subsidyTypes);
  return row?.n ?? 0;
}

export async function findSubsidyTypeByName(r: Reader, name: string): Promise<SubsidyTypeRow | undefined> {
  const { subsidyTypes } = r.tables;
  const [row] = await r.db.select().from(subsidyTypes).where(eq(subsidyTypes.name, name)).limit(1);
  return row;
}

/** The first active type by id, or undefined. */
export async function firstActiveSubsidyType(r: Reader): Promise<SubsidyTypeRow | undefined> {
  const { subsidyTypes } = r.tables;
  const [row] = await r.db
    .select()
    .from(subsidyTypes)
    .where(eq(subsidyTypes.active, true))
    .orderBy(asc(subsidyTypes.id))
    .limit(1);
  return row;
}

export async function insertSubsidyTypes(t: Tx, rows: readonly SubsidyTypeInsert[]): Promise<void> {
  if (rows.length > 0) await t.db.insert(t.tables.subsidyTypes).values([...rows]);
}

/** How many placements and positions use each type. */
export async function subsidyTypeUsage(
  r: Reader,
): Promise<{ placements: Map<number, number>; positions: Map<number, number> }> {
  const { placements, positions } = r.tables;
  const byPlacement = await r.db
    .select({ id: placements.subsidyTypeId, n: count() })
    .from(placements)
    .where(isNotNull(placements.subsidyTypeId))
    .groupBy(placements.subsidyTypeId);
  const byPosition = await r.db
    .select({ id: positions.subsidyTypeId, n: count() })
    .from(positions)
    .where(isNotNull(positions.subsidyTypeId))
    .groupBy(positions.subsidyTypeId);
  return {
    placements: new Map(byPlacement.map((r) => [r.id!, r.n])),
    positions: new Map(byPosition.map((r) => [r.id!, r.n])),
  };
}
