/** Workplaces, placement positions and their summer-job periods, and what occupancy is computed from. */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { positionPeriods, positions, workplaces } from '../db/schema';
import { insertMany } from './bulk';
import { insertRow, recordKind, updateRow, type PatchOf } from './record';

export type PositionRow = typeof positions.$inferSelect;
export type PositionInsert = typeof positions.$inferInsert;
export type WorkplaceRow = typeof workplaces.$inferSelect;
export type WorkplaceInsert = typeof workplaces.$inferInsert;
export type PeriodRow = typeof positionPeriods.$inferSelect;
export type PeriodInsert = typeof positionPeriods.$inferInsert;

export const workplaceRecord = recordKind({
  table: 'workplaces',
  entity: 'workplace',
  label: 'Arbetsplatsen',
  view: (w: WorkplaceRow) => ({
    name: w.name,
    organisation: w.organisation,
    address: w.address,
    district: w.district,
    notes: w.notes,
    active: w.active,
  }),
});

export async function findWorkplace(r: Reader, id: number): Promise<WorkplaceRow | undefined> {
  const { workplaces } = r.tables;
  const [row] = await r.db.select().from(workplaces).where(eq(workplaces.id, id)).limit(1);
  return row;
}

export async function listWorkplaces(r: Reader, ids?: readonly number[]): Promise<WorkplaceRow[]> {
  const { workplaces } = r.tables;
  return r.db
    .select()
    .from(workplaces)
    .where(ids ? inArray(workplaces.id, [...ids]) : undefined)
    .orderBy(asc(workplaces.id));
}

/** Active positions per workplace. */
export async function activePositionCounts(r: Reader): Promise<Map<number, number>> {
  const { positions } = r.tables;
  const rows = await r.db
    .select({ workplaceId: positions.workplaceId, n: count() })
    .from(positions)
    .where(eq(positions.active, true))
    .groupBy(positions.workplaceId);
  return new Map(rows.map((x) => [x.workplaceId, x.n]));
}

export const insertWorkplace = (t: Tx, v: WorkplaceInsert) => insertRow(t, 'workplaces', v);
export const insertWorkplaces = (t: Tx, rows: readonly WorkplaceInsert[]) => insertMany(t, 'workplaces', rows);

export async function anyWorkplace(r: Reader): Promise<boolean> {
  const { workplaces } = r.tables;
  return (await r.db.select({ id: workplaces.id }).from(workplaces).limit(1)).length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Positions

export async function findPosition(r: Reader, id: number): Promise<PositionRow | undefined> {
  const { positions } = r.tables;
  const [row] = await r.db.select().from(positions).where(eq(positions.id, id)).limit(1);
  return row;
}

/** Positions with their workplace and subsidy type name (all, or the ids given). */
export async function positionsWithWorkplace(r: Reader, ids?: readonly number[]) {
  const { positions, workplaces, subsidyTypes } = r.tables;
  return r.db
    .select({ p: positions, w: workplaces, subsidyName: subsidyTypes.name })
    .from(positions)
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .leftJoin(subsidyTypes, eq(subsidyTypes.id, positions.subsidyTypeId))
    .where(ids ? inArray(positions.id, [...ids]) : undefined)
    .orderBy(asc(positions.id));
}

/** Position id, slots and period of the positions (all, or the ids given). */
export async function positionSlots(r: Reader, ids?: readonly number[]) {
  const { positions } = r.tables;
  return r.db
    .select({
      id: positions.id,
      slots: positions.slots,
      periodStart: positions.periodStart,
      periodEnd: positions.periodEnd,
    })
    .from(positions)
    .where(ids ? inArray(positions.id, [...ids]) : undefined);
}

/** Periods of the positions (all, or of the position ids given), by start. */
export async function periodsOf(r: Reader, positionIds?: readonly number[]): Promise<PeriodRow[]> {
  const { positionPeriods: pp } = r.tables;
  return r.db
    .select()
    .from(pp)
    .where(positionIds ? inArray(pp.positionId, [...positionIds]) : undefined)
    .orderBy(asc(pp.startDate), asc(pp.id));
}

export async function findPeriod(r: Reader, id: number): Promise<PeriodRow | undefined> {
  const { positionPeriods: pp } = r.tables;
  const [row] = await r.db.select().from(pp).where(eq(pp.id, id)).limit(1);
  return row;
}

export const insertPosition = (t: Tx, v: PositionInsert) => insertRow(t, 'positions', v);
export const insertPositions = (t: Tx, rows: readonly PositionInsert[]) => insertMany(t, 'positions', rows);
export const updatePosition = (t: Tx, id: number, patch: PatchOf<'positions'>) => updateRow(t, 'positions', id, patch);
export const insertPeriod = (t: Tx, v: PeriodInsert) => insertRow(t, 'positionPeriods', v);
export const insertPeriods = (t: Tx, rows: readonly PeriodInsert[]) => insertMany(t, 'positionPeriods', rows);
export const updatePeriod = (t: Tx, id: number, patch: PatchOf<'positionPeriods'>) =>
  updateRow(t, 'positionPeriods', id, patch);

export async function deletePeriods(t: Tx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const { positionPeriods: pp } = t.tables;
  await t.db.delete(pp).where(inArray(pp.id, [...ids]));
}

/**
 * Proposals of the positions in the given statuses that have not become a placement, with the summer-job period
 * their match snapshot names (for reserved slots and drafts).
 */
export async function openProposalsOfPositions(
  r: Reader,
  statuses: readonly string[],
  positionIds?: readonly number[],
) {
  const { proposals, placements } = r.tables;
  return r.db
    .select({
      positionId: proposals.positionId,
      status: proposals.status,
      periodId: r.dialect.jsonInteger(proposals.explanation, 'positionPeriodId'),
    })
    .from(proposals)
    .where(
      and(
        inArray(proposals.status, [...statuses]),
        sql`NOT EXISTS (SELECT 1 FROM ${placements} WHERE ${placements.proposalId} = ${proposals.id})`,
        positionIds ? inArray(proposals.positionId, [...positionIds]) : undefined,
      ),
    );
}

/** Active positions of an employment form, by id (the demo places its cohort on them). */
export async function activePositionsOfForm(r: Reader, form: string): Promise<PositionRow[]> {
  const { positions } = r.tables;
  return r.db
    .select()
    .from(positions)
    .where(and(eq(positions.active, true), eq(positions.employmentForm, form)))
    .orderBy(asc(positions.id));
}
