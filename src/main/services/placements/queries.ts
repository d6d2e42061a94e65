import { placementActions } from '../../../shared/rules/record-actions';
import type { Reader } from '../../store';
import { contractHeads, contractVersions } from '../../store/contracts';
import {
  extensionMonths,
  extensionsOf,
  findPlacement,
  followUpsOf,
  placementSummaryRows,
  type PlacementFilter,
  type PlacementRow,
} from '../../store/placements';
import { userNames } from '../../store/users';
import { notFound } from '../../../shared/errors';
import type { Placement, PlacementSummary } from '../../../shared/domain/placement';
import type { EmploymentForm } from '../../../shared/domain/position';
import { diffContractTerms } from '../../../shared/domain/contract-doc';
import { addDays, compare } from '../../../shared/rules/dates';
import { subsidyEndDate } from '../../../shared/rules/subsidy';
import { currentTerms, readSnapshot } from '../contracts/terms';
import { endWarning, placementPhase } from './rules';

export type { PlacementRow };
export { placementsHoldingSlots, placementsOfParticipant } from '../../store/placements';

export async function loadPlacementRow(r: Reader, id: number): Promise<PlacementRow> {
  const row = await findPlacement(r, id);
  if (!row) throw notFound('Placeringen');
  return row;
}

/** Newest contract version per placement (status and version only). */
async function latestContracts(
  r: Reader,
  ids: number[] | null,
): Promise<Map<number, { id: number; version: number; status: string }>> {
  const out = new Map<number, { id: number; version: number; status: string }>();
  for (const c of await contractHeads(r, ids)) {
    const cur = out.get(c.placementId);
    if (!cur || c.version > cur.version) out.set(c.placementId, { id: c.id, version: c.version, status: c.status });
  }
  return out;
}

/**
 * Placement summaries matching `where` (on the joined placements/participants/positions/workplaces), computed for
 * `today`. `idsHint` narrows the auxiliary queries when the caller knows the result is small.
 */
export async function loadSummaries(
  r: Reader,
  today: string,
  filter: PlacementFilter = {},
): Promise<PlacementSummary[]> {
  const rows = await placementSummaryRows(r, filter);
  const ids = filter.ids ? [...filter.ids] : rows.length <= 500 ? rows.map((x) => x.p.id) : null;
  const extMonths = await extensionMonths(r, ids);
  const latest = await latestContracts(r, ids);
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
export async function contractOutdated(r: Reader, placementId: number): Promise<boolean> {
  const [latest] = await contractVersions(r, placementId);
  if (!latest) return false;
  return diffContractTerms(readSnapshot(latest.snapshot).terms, (await currentTerms(r, placementId)).terms).length > 0;
}

export async function loadPlacement(r: Reader, id: number, today: string): Promise<Placement> {
  const summary = (await loadSummaries(r, today, { ids: [id] }))[0];
  if (!summary) throw notFound('Placeringen');
  const p = await loadPlacementRow(r, id);
  const extensions = await extensionsOf(r, id);
  const followUps = await followUpsOf(r, id);
  const contractRows = (await contractHeads(r, [id])).map(({ placementId: _p, ...c }) => c);
  const names = await userNames(r, [
    ...extensions.map((e) => e.createdBy),
    ...followUps.map((f) => f.createdBy),
    p.createdBy,
  ]);
  const userName = (uid: number | null) => (uid === null ? null : names.get(uid) || null);
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
      createdByName: userName(e.createdBy),
      createdAt: e.createdAt,
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      date: f.date,
      note: f.note,
      nextStep: f.nextStep,
      nextDate: f.nextDate,
      createdBy: f.createdBy,
      createdByName: userName(f.createdBy),
      createdAt: f.createdAt,
    })),
    endNote: p.endNote,
    contracts: contractRows,
    contractNeedsNewVersion: await contractOutdated(r, id),
    createdBy: p.createdBy,
    createdByName: userName(p.createdBy),
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
