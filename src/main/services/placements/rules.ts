/**
 * Pure placement rules (docs/product.md §4 rules 4 and 5), free of database access so they are unit-tested directly.
 *
 * - Capacity: for a new or changed placement covering [from, to], at every date in that period the number of
 *   placements of the position (or summer-job period) that cover the date, plus the new one, stays within the slots.
 * - One active placement per participant, summer jobs apart.
 * - Where a placement stands on a day (phase), its end warning and whether a follow-up is due.
 */
import { addDays, compare, diffDays, maxDate, minDate, type IsoDate } from '../../../shared/rules/dates';
import { endingSoon } from '../../../shared/rules/subsidy';
import type { PlacementPhase } from '../../../shared/domain/placement';

/** A closed date interval: both days included. */
export interface DateInterval {
  from: IsoDate;
  to: IsoDate;
}

export interface OccupancySegment extends DateInterval {
  occupied: number;
}

/**
 * The days a placement actually holds its slot: from the start to the last day, or to the day it ended if it
 * ended early. A placement ended before it started holds nothing (null).
 */
export function heldInterval(p: {
  startDate: IsoDate;
  endDate: IsoDate;
  status: string;
  endedAt: IsoDate | null;
}): DateInterval | null {
  const to = p.status === 'ended' && p.endedAt !== null ? minDate(p.endedAt, p.endDate) : p.endDate;
  return compare(to, p.startDate) < 0 ? null : { from: p.startDate, to };
}

/**
 * How many of `intervals` cover each day of `window`, as consecutive segments of constant occupancy (covering the
 * whole window, including segments with 0).
 */
export function occupancyTimeline(intervals: readonly DateInterval[], window: DateInterval): OccupancySegment[] {
  if (compare(window.to, window.from) < 0) return [];
  const delta = new Map<IsoDate, number>();
  const bump = (d: IsoDate, n: number) => delta.set(d, (delta.get(d) ?? 0) + n);
  let atStart = 0;
  for (const iv of intervals) {
    if (compare(iv.to, window.from) < 0 || compare(iv.from, window.to) > 0) continue;
    const from = maxDate(iv.from, window.from);
    const to = minDate(iv.to, window.to);
    if (from === window.from) atStart++;
    else bump(from, 1);
    const after = addDays(to, 1);
    if (compare(after, window.to) <= 0) bump(after, -1);
  }
  const boundaries = [...delta.keys()].sort();
  const out: OccupancySegment[] = [];
  let current = atStart;
  let segStart = window.from;
  for (const b of boundaries) {
    const next = current + (delta.get(b) ?? 0);
    if (next === current) continue;
    out.push({ from: segStart, to: addDays(b, -1), occupied: current });
    segStart = b;
    current = next;
  }
  out.push({ from: segStart, to: window.to, occupied: current });
  return out;
}

/**
 * The periods within `candidate` where the existing placements already use every slot, so one more would exceed
 * the capacity. Adjacent full segments are merged; `occupied` is the highest count in the merged period.
 * Empty when the candidate fits.
 */
export function fullPeriods(
  slots: number,
  existing: readonly DateInterval[],
  candidate: DateInterval,
): OccupancySegment[] {
  const out: OccupancySegment[] = [];
  for (const seg of occupancyTimeline(existing, candidate)) {
    if (seg.occupied + 1 <= slots) continue;
    const last = out.at(-1);
    if (last && addDays(last.to, 1) === seg.from) {
      last.to = seg.to;
      last.occupied = Math.max(last.occupied, seg.occupied);
    } else {
      out.push({ ...seg });
    }
  }
  return out;
}

/** Swedish reason why a placement over `candidate` does not fit, or null when it does. */
export function capacityProblem(input: {
  slots: number;
  existing: readonly DateInterval[];
  candidate: DateInterval;
  /** e.g. 'Platsen' or 'Perioden Period 1'. */
  what: string;
}): string | null {
  const full = fullPeriods(input.slots, input.existing, input.candidate);
  const first = full[0];
  if (!first) return null;
  const slotsText = input.slots === 1 ? '1 plats' : `${input.slots} platser`;
  const when = first.from === first.to ? `den ${first.from}` : `${first.from}–${first.to}`;
  const taken = first.occupied === 1 ? '1 placering' : `${first.occupied} placeringar`;
  return (
    `${input.what} har ${slotsText} och de är redan upptagna ${when} (${taken}). ` +
    'Välj ett annat startdatum, en kortare period eller en annan plats.'
  );
}

export interface PlacementOfParticipant {
  id: number;
  status: string;
  employmentForm: string;
  startDate: IsoDate;
  endDate: IsoDate;
  positionTitle: string;
}

/**
 * docs/product.md §4 rule 5: a participant has at most one active placement, summer jobs apart. Returns the active
 * placement that blocks a new one (of `newForm`), or null. A summer job never blocks and is never blocked.
 */
export function blockingActivePlacement(
  newForm: string,
  others: readonly PlacementOfParticipant[],
  excludeId?: number,
): PlacementOfParticipant | null {
  if (newForm === 'summer_job') return null;
  return others.find((p) => p.id !== excludeId && p.status === 'active' && p.employmentForm !== 'summer_job') ?? null;
}

export function oneActiveProblem(blocking: PlacementOfParticipant | null): string | null {
  if (!blocking) return null;
  return (
    `Deltagaren har redan en pågående placering (${blocking.positionTitle}, ${blocking.startDate}–${blocking.endDate}). ` +
    'En deltagare kan bara ha en placering åt gången; avsluta den först.'
  );
}

/** Where an unended placement stands on `today`. */
export function placementPhase(
  p: { status: string; startDate: IsoDate; endDate: IsoDate },
  today: IsoDate,
): PlacementPhase {
  if (p.status === 'ended') return 'ended';
  if (compare(today, p.startDate) < 0) return 'upcoming';
  if (compare(today, p.endDate) > 0) return 'overdue';
  return 'running';
}

/** The end warning (90/60/30 days before the last day) of an active placement on `today`. */
export function endWarning(
  p: { status: string; endDate: IsoDate },
  today: IsoDate,
): { daysLeft: number; threshold: 30 | 60 | 90 | null } {
  const e = endingSoon(p.endDate, today);
  return { daysLeft: e.daysLeft, threshold: p.status === 'ended' ? null : e.threshold };
}

/** True when a follow-up is planned on or before `today + horizonDays`. */
export function followUpDue(nextFollowUpDate: IsoDate | null, today: IsoDate, horizonDays: number): boolean {
  return nextFollowUpDate !== null && diffDays(today, nextFollowUpDate) <= horizonDays;
}
