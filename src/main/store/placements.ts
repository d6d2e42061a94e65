/** Placements, their extensions (new decisions) and follow-ups, and the joined rows the placement screens list. */
import { and, asc, desc, eq, inArray, sql, sum, type SQL } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { placementExtensions, placementFollowUps, placements } from '../db/schema';
import { insertMany } from './bulk';
import { insertRow, recordKind, updateRow, type PatchOf } from './record';

export type PlacementRow = typeof placements.$inferSelect;
export type PlacementInsert = typeof placements.$inferInsert;
export type PlacementExtensionRow = typeof placementExtensions.$inferSelect;
export type PlacementExtensionInsert = typeof placementExtensions.$inferInsert;
export type PlacementFollowUpRow = typeof placementFollowUps.$inferSelect;
export type PlacementFollowUpInsert = typeof placementFollowUps.$inferInsert;

/** What the audit log records of a placement. */
export const placementRecord = recordKind({
  table: 'placements',
  entity: 'placement',
  label: 'Placeringen',
  view: (p: PlacementRow) => ({
    participantId: p.participantId,
    positionId: p.positionId,
    positionPeriodId: p.positionPeriodId,
    subsidyTypeId: p.subsidyTypeId,
    startDate: p.startDate,
    months: p.months,
    endDate: p.endDate,
    hoursPercent: p.hoursPercent,
    monthlySalary: p.monthlySalary,
    collectiveAgreement: p.collectiveAgreement,
    afDecisionNumber: p.afDecisionNumber,
    afDecisionDate: p.afDecisionDate,
    subsidyPercent: p.subsidyPercent,
    subsidyCeiling: p.subsidyCeiling,
    status: p.status,
    nextFollowUpDate: p.nextFollowUpDate,
    endedAt: p.endedAt,
    endOutcome: p.endOutcome,
  }),
});

export const placementExtensionRecord = recordKind({
  table: 'placementExtensions',
  entity: 'placement_extension',
  label: 'Förlängningen',
  view: (e: PlacementExtensionRow) => ({
    placementId: e.placementId,
    months: e.months,
    previousEndDate: e.previousEndDate,
    newEndDate: e.newEndDate,
    afDecisionNumber: e.afDecisionNumber,
    afDecisionDate: e.afDecisionDate,
    subsidyPercent: e.subsidyPercent,
    subsidyCeiling: e.subsidyCeiling,
  }),
});

export const placementFollowUpRecord = recordKind({
  table: 'placementFollowUps',
  entity: 'placement_follow_up',
  label: 'Uppföljningen',
  view: (f: PlacementFollowUpRow) => ({
    placementId: f.placementId,
    date: f.date,
    note: f.note,
    nextStep: f.nextStep,
    nextDate: f.nextDate,
  }),
});

export async function findPlacement(r: Reader, id: number): Promise<PlacementRow | undefined> {
  const { placements } = r.tables;
  const [row] = await r.db.select().from(placements).where(eq(placements.id, id)).limit(1);
  return row;
}

export async function placementOfProposal(r: Reader, proposalId: number): Promise<number | undefined> {
  const { placements } = r.tables;
  const [row] = await r.db
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.proposalId, proposalId))
    .limit(1);
  return row?.id;
}

/** The participant's active placement, if any (of any form). */
export async function activePlacementOf(r: Reader, participantId: number): Promise<number | undefined> {
  const { placements } = r.tables;
  const [row] = await r.db
    .select({ id: placements.id })
    .from(placements)
    .where(and(eq(placements.participantId, participantId), eq(placements.status, 'active')))
    .limit(1);
  return row?.id;
}

export const insertPlacement = (t: Tx, v: PlacementInsert) => insertRow(t, 'placements', v);
export const updatePlacement = (t: Tx, id: number, patch: PatchOf<'placements'>) =>
  updateRow(t, 'placements', id, patch);
export const insertPlacements = (t: Tx, rows: readonly PlacementInsert[]) => insertMany(t, 'placements', rows);
export const insertPlacementExtension = (t: Tx, v: PlacementExtensionInsert) => insertRow(t, 'placementExtensions', v);
export const insertPlacementFollowUp = (t: Tx, v: PlacementFollowUpInsert) => insertRow(t, 'placementFollowUps', v);

export async function extensionsOf(r: Reader, placementId: number): Promise<PlacementExtensionRow[]> {
  const { placementExtensions: e } = r.tables;
  return r.db.select().from(e).where(eq(e.placementId, placementId)).orderBy(asc(e.newEndDate), asc(e.id));
}

export async function followUpsOf(r: Reader, placementId: number): Promise<PlacementFollowUpRow[]> {
  const { placementFollowUps: f } = r.tables;
  return r.db.select().from(f).where(eq(f.placementId, placementId)).orderBy(desc(f.date), desc(f.id));
}

/** Months granted by every extension, per placement (null: all placements). */
export async function extensionMonths(r: Reader, ids: number[] | null): Promise<Map<number, number>> {
  if (ids !== null && ids.length === 0) return new Map();
  const { placementExtensions: e } = r.tables;
  const rows = await r.db
    .select({ placementId: e.placementId, months: sum(e.months).mapWith(Number) })
    .from(e)
    .where(ids === null ? undefined : inArray(e.placementId, ids))
    .groupBy(e.placementId);
  return new Map(rows.map((x) => [x.placementId, Number(x.months ?? 0)]));
}

/** The conditions a placement list can filter on (joined with participants and positions). */
export interface PlacementFilter {
  ids?: readonly number[];
  status?: 'active' | 'ended';
  participantId?: number;
  positionId?: number;
  /** Only participants this user coordinates. */
  coordinatorId?: number;
}

/** Placements with what their summaries show, by end date. */
export async function placementSummaryRows(r: Reader, f: PlacementFilter) {
  const { placements, participants, positions, workplaces, positionPeriods, subsidyTypes } = r.tables;
  const conds: SQL[] = [];
  if (f.ids) conds.push(inArray(placements.id, [...f.ids]));
  if (f.status) conds.push(eq(placements.status, f.status));
  if (f.participantId !== undefined) conds.push(eq(placements.participantId, f.participantId));
  if (f.positionId !== undefined) conds.push(eq(placements.positionId, f.positionId));
  if (f.coordinatorId !== undefined) conds.push(eq(participants.coordinatorId, f.coordinatorId));
  return r.db
    .select({
      p: placements,
      ref: participants.ref,
      firstName: participants.firstName,
      lastName: participants.lastName,
      coordinatorId: participants.coordinatorId,
      positionTitle: positions.title,
      employmentForm: positions.employmentForm,
      workplaceName: workplaces.name,
      district: workplaces.district,
      periodName: positionPeriods.name,
      subsidyTypeName: subsidyTypes.name,
      maxMonths: subsidyTypes.maxMonths,
    })
    .from(placements)
    .innerJoin(participants, eq(participants.id, placements.participantId))
    .innerJoin(positions, eq(positions.id, placements.positionId))
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .leftJoin(positionPeriods, eq(positionPeriods.id, placements.positionPeriodId))
    .leftJoin(subsidyTypes, eq(subsidyTypes.id, placements.subsidyTypeId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(placements.endDate), asc(placements.id));
}

/** Placements of a participant with the employment form of their position (for the one-active rule). */
export async function placementsOfParticipant(r: Reader, participantId: number) {
  const { placements, positions } = r.tables;
  return r.db
    .select({
      id: placements.id,
      status: placements.status,
      startDate: placements.startDate,
      endDate: placements.endDate,
      employmentForm: positions.employmentForm,
      positionTitle: positions.title,
    })
    .from(placements)
    .innerJoin(positions, eq(positions.id, placements.positionId))
    .where(eq(placements.participantId, participantId))
    .orderBy(asc(placements.id));
}

/** Placements that may hold a slot of the position (or of one summer-job period) in a window. */
export async function placementsHoldingSlots(
  r: Reader,
  positionId: number,
  periodId: number | null,
  window: { from: string; to: string },
) {
  const { placements } = r.tables;
  const conds: SQL[] = [
    eq(placements.positionId, positionId),
    sql`${placements.startDate} <= ${window.to}`,
    sql`coalesce(${placements.endedAt}, ${placements.endDate}) >= ${window.from}`,
  ];
  if (periodId !== null) conds.push(eq(placements.positionPeriodId, periodId));
  return r.db
    .select({
      id: placements.id,
      startDate: placements.startDate,
      endDate: placements.endDate,
      status: placements.status,
      endedAt: placements.endedAt,
    })
    .from(placements)
    .where(and(...conds))
    .orderBy(asc(placements.id));
}

/** Active placements of the positions (position id, period id, dates) for occupancy. */
export async function activePlacementsOfPositions(r: Reader, positionIds: readonly number[] | undefined) {
  const { placements } = r.tables;
  return r.db
    .select({
      positionId: placements.positionId,
      periodId: placements.positionPeriodId,
      startDate: placements.startDate,
      endDate: placements.endDate,
    })
    .from(placements)
    .where(
      and(eq(placements.status, 'active'), positionIds ? inArray(placements.positionId, [...positionIds]) : undefined),
    );
}

/** Active placements with the position's form and workplace (for counts and the matching rules). */
export async function activePlacementForms(r: Reader, workplaceIds?: readonly number[]) {
  const { placements, positions } = r.tables;
  return r.db
    .select({
      participantId: placements.participantId,
      positionId: placements.positionId,
      workplaceId: positions.workplaceId,
      form: positions.employmentForm,
    })
    .from(placements)
    .innerJoin(positions, eq(positions.id, placements.positionId))
    .where(
      and(
        eq(placements.status, 'active'),
        workplaceIds ? inArray(positions.workplaceId, [...workplaceIds]) : undefined,
      ),
    );
}

/** Number of placements that use a summer-job period. */
export async function placementsOfPeriod(r: Reader, periodId: number): Promise<number> {
  const { placements } = r.tables;
  const rows = await r.db
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.positionPeriodId, periodId))
    .limit(1);
  return rows.length;
}

/** Every placement's id, position and dates (the demo checks occupancy day by day). */
export async function allPlacements(r: Reader): Promise<PlacementRow[]> {
  const { placements } = r.tables;
  return r.db.select().from(placements).orderBy(asc(placements.id));
}

/** A placement with its participant, position, workplace and subsidy type name (what a contract prints). */
export async function placementTermsRow(r: Reader, placementId: number) {
  const { placements, participants, positions, workplaces, subsidyTypes } = r.tables;
  const [row] = await r.db
    .select({
      p: placements,
      person: participants,
      position: positions,
      workplace: workplaces,
      typeName: subsidyTypes.name,
    })
    .from(placements)
    .innerJoin(participants, eq(participants.id, placements.participantId))
    .innerJoin(positions, eq(positions.id, placements.positionId))
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .leftJoin(subsidyTypes, eq(subsidyTypes.id, placements.subsidyTypeId))
    .where(eq(placements.id, placementId))
    .limit(1);
  return row;
}

/** A placement with the employment form of its position. */
export async function placementWithForm(r: Reader, placementId: number) {
  const { placements, positions } = r.tables;
  const [row] = await r.db
    .select({ p: placements, form: positions.employmentForm })
    .from(placements)
    .innerJoin(positions, eq(positions.id, placements.positionId))
    .where(eq(placements.id, placementId))
    .limit(1);
  return row;
}

/** Active placements whose position has one of the employment forms (HR's contract queue). */
export async function activePlacementIdsOfForms(r: Reader, forms: readonly string[]): Promise<number[]> {
  const { placements, positions } = r.tables;
  const rows = await r.db
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(positions, eq(positions.id, placements.positionId))
    .where(and(eq(placements.status, 'active'), inArray(positions.employmentForm, [...forms])))
    .orderBy(asc(placements.id));
  return rows.map((x) => x.id);
}

/** Participants in stage 'placed' without any placement (the demo gives them one). */
export async function placedWithoutPlacement(r: Reader): Promise<Array<{ id: number; stageSince: string }>> {
  const { participants, placements } = r.tables;
  const rows = await r.db
    .select({ id: participants.id, stageSince: participants.stageSince, placementId: placements.id })
    .from(participants)
    .leftJoin(placements, eq(placements.participantId, participants.id))
    .where(eq(participants.stage, 'placed'))
    .orderBy(asc(participants.id));
  return rows.filter((x) => x.placementId === null).map(({ id, stageSince }) => ({ id, stageSince }));
}

export async function anyPlacement(r: Reader): Promise<boolean> {
  const { placements } = r.tables;
  return (await r.db.select({ id: placements.id }).from(placements).limit(1)).length > 0;
}
