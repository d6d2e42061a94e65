/**
 * Occupancy and free slots of positions (docs/product.md §3: "free slots are computed, never stored").
 *
 * For a position without periods the window is what is left of its period: [max(today, periodStart), periodEnd]
 * (periodEnd null = open-ended). For a summer-job period it is the period itself. A window that has already ended
 * falls back to the whole period, so an old position still shows how it was filled.
 *
 *   placed   = placements with status 'active' on the position (for a period: on that period, or without a period
 *              but with dates overlapping it) whose dates overlap the window. Counting every overlapping placement,
 *              not just those running today, is deliberately conservative: a new placement starting today would
 *              overlap them all (docs/product.md §4 rule 5).
 *   reserved = proposals for the position (for a period: recorded for that period) in a slot-holding status —
 *              submitted, deferred or approved — that have not yet become a placement.
 *   drafts   = draft proposals not yet submitted (they hold no slot).
 *   free     = max(0, slots − placed − reserved).
 *
 * A position with periods sums the periods that have not ended (all of them if every period has ended).
 */
import type { Reader } from '../../store';
import { activePlacementsOfPositions } from '../../store/placements';
import { openProposalsOfPositions, periodsOf, positionSlots } from '../../store/positions';
import type { Occupancy } from '../../../shared/domain/position';
import { OPEN_PROPOSAL_STATUSES, SLOT_HOLDING_PROPOSAL_STATUSES } from '../../../shared/domain/proposal';

export interface PositionOccupancy {
  /** For a position with periods: the sum over its periods that have not ended. */
  position: Occupancy;
  periods: Map<number, Occupancy>;
}

interface Window {
  start: string;
  end: string | null;
}

const overlaps = (aStart: string, aEnd: string, w: Window) => aStart <= (w.end ?? '9999-12-31') && aEnd >= w.start;

function windowOf(start: string, end: string | null, today: string): Window {
  if (end !== null && end < today) return { start, end };
  return { start: start > today ? start : today, end };
}

const emptyOcc = (slots: number): Occupancy => ({ slots, placed: 0, reserved: 0, drafts: 0, free: slots });
const finish = (o: Occupancy): Occupancy => ({ ...o, free: Math.max(0, o.slots - o.placed - o.reserved) });

/** Position ids above this count are filtered in memory instead of in an IN (...) list. */
const IN_LIST_LIMIT = 500;

/**
 * Occupancy of the given positions (all positions if `positionIds` is omitted), as of `today`.
 * Runs four small queries whatever the number of positions.
 */
export async function computeOccupancy(
  r: Reader,
  today: string,
  positionIds?: readonly number[],
): Promise<Map<number, PositionOccupancy>> {
  const filterIds = positionIds !== undefined && positionIds.length <= IN_LIST_LIMIT ? [...positionIds] : undefined;
  const wanted = positionIds ? new Set(positionIds) : null;
  if (filterIds && filterIds.length === 0) return new Map();

  const posRows = (await positionSlots(r, filterIds)).filter((p) => !wanted || wanted.has(p.id));
  const perRows = (await periodsOf(r, filterIds)).filter((p) => !wanted || wanted.has(p.positionId));
  const placementRows = await activePlacementsOfPositions(r, filterIds);
  const proposalRows = await openProposalsOfPositions(r, OPEN_PROPOSAL_STATUSES, filterIds);

  const periodsByPosition = new Map<number, typeof perRows>();
  for (const p of perRows) {
    const list = periodsByPosition.get(p.positionId) ?? [];
    list.push(p);
    periodsByPosition.set(p.positionId, list);
  }
  const placementsByPosition = groupBy(placementRows, (r) => r.positionId);
  const proposalsByPosition = groupBy(proposalRows, (r) => r.positionId);

  const out = new Map<number, PositionOccupancy>();
  for (const pos of posRows) {
    const pls = placementsByPosition.get(pos.id) ?? [];
    const props = proposalsByPosition.get(pos.id) ?? [];
    const periods = (periodsByPosition.get(pos.id) ?? []).sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    if (periods.length === 0) {
      const w = windowOf(pos.periodStart, pos.periodEnd, today);
      const occ = emptyOcc(pos.slots);
      for (const pl of pls) if (overlaps(pl.startDate, pl.endDate, w)) occ.placed++;
      countProposals(occ, props);
      out.set(pos.id, { position: finish(occ), periods: new Map() });
      continue;
    }
    const perOcc = new Map<number, Occupancy>();
    for (const per of periods) {
      const w = windowOf(per.startDate, per.endDate, today);
      const occ = emptyOcc(per.slots);
      for (const pl of pls) {
        if (pl.periodId === per.id || (pl.periodId === null && overlaps(pl.startDate, pl.endDate, w))) occ.placed++;
      }
      countProposals(
        occ,
        props.filter((p) => Number(p.periodId) === per.id),
      );
      perOcc.set(per.id, finish(occ));
    }
    const current = periods.filter((p) => p.endDate >= today);
    const counted = current.length > 0 ? current : periods;
    const sum = emptyOcc(0);
    for (const per of counted) {
      const o = perOcc.get(per.id)!;
      sum.slots += o.slots;
      sum.placed += o.placed;
      sum.reserved += o.reserved;
      sum.drafts += o.drafts;
      sum.free += o.free;
    }
    out.set(pos.id, { position: sum, periods: perOcc });
  }
  return out;
}

function countProposals(occ: Occupancy, props: ReadonlyArray<{ status: string }>): void {
  for (const p of props) {
    if (p.status === 'draft') occ.drafts++;
    else if ((SLOT_HOLDING_PROPOSAL_STATUSES as readonly string[]).includes(p.status)) occ.reserved++;
  }
}

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Occupancy of one position (throws nothing; an unknown id gives undefined). */
export async function occupancyOfPosition(
  r: Reader,
  positionId: number,
  today: string,
): Promise<PositionOccupancy | undefined> {
  return (await computeOccupancy(r, today, [positionId])).get(positionId);
}
