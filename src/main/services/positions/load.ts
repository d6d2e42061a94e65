import type { Reader } from '../../store';
import {
  activePositionCounts,
  listWorkplaces,
  periodsOf,
  positionsWithWorkplace,
  type PeriodRow,
  type PositionRow,
  type WorkplaceRow,
} from '../../store/positions';
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

export type { PeriodRow, PositionRow, WorkplaceRow };

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

export async function loadWorkplaces(r: Reader, ids?: readonly number[]): Promise<Workplace[]> {
  const rows = (await listWorkplaces(r, ids)).sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  const counts = await activePositionCounts(r);
  return rows.map((w) => toWorkplace(w, counts.get(w.id) ?? 0));
}

export async function loadWorkplace(r: Reader, id: number): Promise<Workplace> {
  const w = (await loadWorkplaces(r, [id]))[0];
  if (!w) throw notFound('Arbetsplatsen');
  return w;
}

/**
 * Positions as the API returns them, with workplace, subsidy type, periods and computed occupancy as of `today`.
 * Sorted by workplace name and title (Swedish order), then id. Without `ids`, every position.
 */
export async function loadPositions(r: Reader, today: string, ids?: readonly number[]): Promise<Position[]> {
  const rows = (await positionsWithWorkplace(r, ids)).sort(
    (a, b) => collator.compare(a.w.name, b.w.name) || collator.compare(a.p.title, b.p.title) || a.p.id - b.p.id,
  );
  if (rows.length === 0) return [];
  const positionIds = rows.map((r) => r.p.id);
  const periods = await periodsOf(r, ids ? positionIds : undefined);
  const periodsBy = new Map<number, PeriodRow[]>();
  for (const per of periods) {
    const list = periodsBy.get(per.positionId) ?? [];
    list.push(per);
    periodsBy.set(per.positionId, list);
  }
  const occ = await computeOccupancy(r, today, ids ? positionIds : undefined);
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

export async function loadPosition(r: Reader, id: number, today: string): Promise<Position> {
  const p = (await loadPositions(r, today, [id]))[0];
  if (!p) throw notFound('Placeringsplatsen');
  return p;
}
