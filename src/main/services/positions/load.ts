import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { positionPeriods, positions, subsidyTypes, workplaces } from '../../db/schema';
import type {
  EmploymentForm,
  LicenceClass,
  PhysicalDemands,
  Position,
  PositionKind,
  SwedishLevel,
  Workplace,
} from '../../../shared/domain/position';
import { notFound } from '../../../shared/errors';
import { computeOccupancy } from './slots';

/** Swedish alphabetical order (å, ä, ö last, in that order). */
const collator = new Intl.Collator('sv-SE');

export type PositionRow = typeof positions.$inferSelect;
export type WorkplaceRow = typeof workplaces.$inferSelect;
export type PeriodRow = typeof positionPeriods.$inferSelect;

export function toWorkplace(w: WorkplaceRow, activePositions: number): Workplace {
  return {
    id: w.id,
    name: w.name,
    organisation: w.organisation,
    address: w.address,
    district: w.district,
    notes: w.notes,
    active: w.active,
    activePositions,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

export function loadWorkplaces(db: Db, ids?: readonly number[]): Workplace[] {
  const rows = db
    .select()
    .from(workplaces)
    .where(ids ? inArray(workplaces.id, [...ids]) : undefined)
    .all()
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  const counts = new Map<number, number>();
  for (const p of db.select({ workplaceId: positions.workplaceId, active: positions.active }).from(positions).all()) {
    if (p.active) counts.set(p.workplaceId, (counts.get(p.workplaceId) ?? 0) + 1);
  }
  return rows.map((w) => toWorkplace(w, counts.get(w.id) ?? 0));
}

export function loadWorkplace(db: Db, id: number): Workplace {
  const w = loadWorkplaces(db, [id])[0];
  if (!w) throw notFound('Arbetsplatsen');
  return w;
}

/**
 * Positions as the API returns them, with workplace, subsidy type, periods and computed occupancy as of `today`.
 * Sorted by workplace name and title (Swedish order), then id. Without `ids`, every position.
 */
export function loadPositions(db: Db, today: string, ids?: readonly number[]): Position[] {
  const rows = db
    .select({ p: positions, w: workplaces, subsidyName: subsidyTypes.name })
    .from(positions)
    .innerJoin(workplaces, eq(workplaces.id, positions.workplaceId))
    .leftJoin(subsidyTypes, eq(subsidyTypes.id, positions.subsidyTypeId))
    .where(ids ? inArray(positions.id, [...ids]) : undefined)
    .all()
    .sort((a, b) => collator.compare(a.w.name, b.w.name) || collator.compare(a.p.title, b.p.title) || a.p.id - b.p.id);
  if (rows.length === 0) return [];
  const positionIds = rows.map((r) => r.p.id);
  const periods = db
    .select()
    .from(positionPeriods)
    .where(ids ? inArray(positionPeriods.positionId, positionIds) : undefined)
    .orderBy(asc(positionPeriods.startDate), asc(positionPeriods.id))
    .all();
  const periodsBy = new Map<number, PeriodRow[]>();
  for (const per of periods) {
    const list = periodsBy.get(per.positionId) ?? [];
    list.push(per);
    periodsBy.set(per.positionId, list);
  }
  const occ = computeOccupancy(db, today, ids ? positionIds : undefined);
  return rows.map(({ p, w, subsidyName }) => {
    const o = occ.get(p.id)!;
    return {
      id: p.id,
      workplaceId: w.id,
      workplaceName: w.name,
      organisation: w.organisation,
      address: w.address,
      district: w.district,
      workplaceActive: w.active,
      kind: p.kind as PositionKind,
      title: p.title,
      tasks: p.tasks,
      supervisorName: p.supervisorName,
      supervisorPhone: p.supervisorPhone,
      supervisorEmail: p.supervisorEmail,
      minSwedishLevel: p.minSwedishLevel as SwedishLevel | null,
      requiredLicence: p.requiredLicence as LicenceClass | null,
      physicalDemands: p.physicalDemands as PhysicalDemands | null,
      languages: p.languages,
      skills: p.skills,
      hoursPercent: p.hoursPercent,
      slots: p.slots,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      periods: (periodsBy.get(p.id) ?? []).map((per) => ({
        id: per.id,
        name: per.name,
        startDate: per.startDate,
        endDate: per.endDate,
        slots: per.slots,
        occupancy: o.periods.get(per.id)!,
      })),
      employmentForm: p.employmentForm as EmploymentForm,
      unionReviewRequired: p.unionReviewRequired,
      subsidyTypeId: p.subsidyTypeId,
      subsidyTypeName: subsidyName ?? null,
      active: p.active,
      occupancy: o.position,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  });
}

export function loadPosition(db: Db, id: number, today: string): Position {
  const p = loadPositions(db, today, [id])[0];
  if (!p) throw notFound('Placeringsplatsen');
  return p;
}
