import { placementActions } from '../../../shared/rules/record-actions';
import { and, asc, desc, eq, inArray, sql, sum, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import {
  contracts,
  participants,
  placementExtensions,
  placementFollowUps,
  placements,
  positionPeriods,
  positions,
  subsidyTypes,
  users,
  workplaces,
} from '../../db/schema';
import { notFound } from '../../../shared/errors';
import type { Placement, PlacementSummary } from '../../../shared/domain/placement';
import type { EmploymentForm } from '../../../shared/domain/position';
import { diffContractTerms } from '../../../shared/domain/contract-doc';
import { addDays, compare } from '../../../shared/rules/dates';
import { subsidyEndDate } from '../../../shared/rules/subsidy';
import { currentTerms, readSnapshot } from '../contracts/terms';
import { endWarning, placementPhase } from './rules';

export type PlacementRow = typeof placements.$inferSelect;

export function loadPlacementRow(db: Db, id: number): PlacementRow {
  const row = db.select().from(placements).where(eq(placements.id, id)).get();
  if (!row) throw notFound('Placeringen');
  return row;
}

/** Months granted by every extension, per placement. */
function extensionMonths(db: Db, ids: number[] | null): Map<number, number> {
  const q = db
    .select({ placementId: placementExtensions.placementId, months: sum(placementExtensions.months) })
    .from(placementExtensions)
    .groupBy(placementExtensions.placementId);
  const rows =
    ids === null ? q.all() : ids.length === 0 ? [] : q.where(inArray(placementExtensions.placementId, ids)).all();
  return new Map(rows.map((r) => [r.placementId, Number(r.months ?? 0)]));
}

/** Newest contract version per placement (status and version only). */
function latestContracts(db: Db, ids: number[] | null): Map<number, { id: number; version: number; status: string }> {
  const q = db
    .select({
      id: contracts.id,
      placementId: contracts.placementId,
      version: contracts.version,
      status: contracts.status,
    })
    .from(contracts);
  const rows = ids === null ? q.all() : ids.length === 0 ? [] : q.where(inArray(contracts.placementId, ids)).all();
  const out = new Map<number, { id: number; version: number; status: string }>();
  for (const r of rows) {
    const cur = out.get(r.placementId);
    if (!cur || r.version > cur.version) out.set(r.placementId, { id: r.id, version: r.version, status: r.status });
  }
  return out;
}

/**
 * Placement summaries matching `where` (on the joined placements/participants/positions/workplaces), computed for
 * `today`. `idsHint` narrows the auxiliary queries when the caller knows the result is small.
 */
export function loadSummaries(db: Db, today: string, where?: SQL, idsHint?: number[]): PlacementSummary[] {
  const rows = db
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
    .where(where)
    .orderBy(asc(placements.endDate), asc(placements.id))
    .all();
  const ids = idsHint ?? (rows.length <= 500 ? rows.map((r) => r.p.id) : null);
  const extMonths = extensionMonths(db, ids);
  const latest = latestContracts(db, ids);
  return rows.map((r) => {
    const p = r.p;
    const warning = endWarning(p, today);
    const contract = latest.get(p.id);
    return {
      id: p.id,
      proposalId: p.proposalId,
      participantId: p.participantId,
      participantRef: r.ref,
      participantName: `${r.firstName} ${r.lastName}`,
      coordinatorId: r.coordinatorId,
      positionId: p.positionId,
      positionTitle: r.positionTitle,
      workplaceName: r.workplaceName,
      district: r.district,
      employmentForm: r.employmentForm as EmploymentForm,
      positionPeriodId: p.positionPeriodId,
      periodName: r.periodName,
      subsidyTypeId: p.subsidyTypeId,
      subsidyTypeName: r.subsidyTypeName,
      startDate: p.startDate,
      endDate: p.endDate,
      months: p.months,
      totalMonths: p.months + (extMonths.get(p.id) ?? 0),
      maxMonths: r.maxMonths,
      hoursPercent: p.hoursPercent,
      status: p.status as PlacementSummary['status'],
      phase: placementPhase(p, today),
      daysLeft: warning.daysLeft,
      endWarning: warning.threshold,
      nextFollowUpDate: p.nextFollowUpDate,
      followUpOverdue: p.status === 'active' && p.nextFollowUpDate !== null && compare(p.nextFollowUpDate, today) < 0,
      endedAt: p.endedAt,
      endOutcome: p.endOutcome,
      contractStatus: contract?.status ?? null,
      contractVersion: contract?.version ?? null,
    };
  });
}

/** True when the newest contract version prints something that has changed since it was generated. */
export function contractOutdated(db: Db, placementId: number): boolean {
  const latest = db
    .select({ snapshot: contracts.snapshot })
    .from(contracts)
    .where(eq(contracts.placementId, placementId))
    .orderBy(desc(contracts.version))
    .get();
  if (!latest) return false;
  return diffContractTerms(readSnapshot(latest.snapshot).terms, currentTerms(db, placementId).terms).length > 0;
}

const userName = (db: Db, id: number | null, cache: Map<number, string>): string | null => {
  if (id === null) return null;
  if (!cache.has(id))
    cache.set(id, db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? '');
  return cache.get(id) || null;
};

export function loadPlacement(db: Db, id: number, today: string): Placement {
  const summary = loadSummaries(db, today, eq(placements.id, id), [id])[0];
  if (!summary) throw notFound('Placeringen');
  const p = loadPlacementRow(db, id);
  const names = new Map<number, string>();
  const extensions = db
    .select()
    .from(placementExtensions)
    .where(eq(placementExtensions.placementId, id))
    .orderBy(asc(placementExtensions.newEndDate), asc(placementExtensions.id))
    .all();
  const followUps = db
    .select()
    .from(placementFollowUps)
    .where(eq(placementFollowUps.placementId, id))
    .orderBy(desc(placementFollowUps.date), desc(placementFollowUps.id))
    .all();
  const contractRows = db
    .select({
      id: contracts.id,
      version: contracts.version,
      status: contracts.status,
      generatedAt: contracts.generatedAt,
      sentAt: contracts.sentAt,
      signedAt: contracts.signedAt,
      registeredAt: contracts.registeredAt,
    })
    .from(contracts)
    .where(eq(contracts.placementId, id))
    .orderBy(desc(contracts.version))
    .all();
  return {
    ...summary,
    proposalId: p.proposalId,
    monthlySalaryOre: p.monthlySalary,
    collectiveAgreement: p.collectiveAgreement,
    afDecisionNumber: p.afDecisionNumber,
    afDecisionDate: p.afDecisionDate,
    subsidyPercent: p.subsidyPercent,
    subsidyCeilingOre: p.subsidyCeiling,
    decisionPeriodEnd: p.months > 0 ? subsidyEndDate(p.startDate, p.months) : p.endDate,
    remainingMonths: summary.maxMonths === null ? null : Math.max(0, summary.maxMonths - summary.totalMonths),
    extensions: extensions.map((e) => ({
      id: e.id,
      months: e.months,
      startDate: addDays(e.previousEndDate, 1),
      previousEndDate: e.previousEndDate,
      newEndDate: e.newEndDate,
      afDecisionNumber: e.afDecisionNumber,
      afDecisionDate: e.afDecisionDate,
      subsidyPercent: e.subsidyPercent,
      subsidyCeilingOre: e.subsidyCeiling,
      note: e.note,
      createdBy: e.createdBy,
      createdByName: userName(db, e.createdBy, names),
      createdAt: e.createdAt,
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      date: f.date,
      note: f.note,
      nextStep: f.nextStep,
      nextDate: f.nextDate,
      createdBy: f.createdBy,
      createdByName: userName(db, f.createdBy, names),
      createdAt: f.createdAt,
    })),
    endNote: p.endNote,
    contracts: contractRows,
    contractNeedsNewVersion: contractOutdated(db, id),
    createdBy: p.createdBy,
    createdByName: userName(db, p.createdBy, names),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    actions: placementActions({
      status: summary.status,
      employmentForm: summary.employmentForm,
      remainingMonths: summary.maxMonths === null ? null : Math.max(0, summary.maxMonths - summary.totalMonths),
      maxMonths: summary.maxMonths,
    }),
  };
}

/** Placements of a participant with the employment form of their position (for the one-active rule). */
export function placementsOfParticipant(db: Db, participantId: number) {
  return db
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
    .all();
}

/** Placements that may hold a slot of the position (or of one summer-job period) in a window. */
export function placementsHoldingSlots(
  db: Db,
  positionId: number,
  periodId: number | null,
  window: { from: string; to: string },
) {
  const conds: SQL[] = [
    eq(placements.positionId, positionId),
    sql`${placements.startDate} <= ${window.to}`,
    sql`coalesce(${placements.endedAt}, ${placements.endDate}) >= ${window.from}`,
  ];
  if (periodId !== null) conds.push(eq(placements.positionPeriodId, periodId));
  return db
    .select({
      id: placements.id,
      startDate: placements.startDate,
      endDate: placements.endDate,
      status: placements.status,
      endedAt: placements.endedAt,
    })
    .from(placements)
    .where(and(...conds))
    .all();
}
