/**
 * Benchmark of the summer-job allocation (issue 14 point 10): 2,500 applicants × 700 positions × 3 periods, in
 * process, on a synthetic season from a seeded generator (no database). Goal: under 200 ms. Times are milliseconds;
 * `allocation.ms` is the median of the timed runs, after one warm-up run.
 */
import { performance } from 'node:perf_hooks';
import { allocate } from '../summer-jobs/allocate';
import { defaultPeriods } from '../summer-jobs/calendar';
import { seededRandom } from './random';
import type { AllocationApplicant, AllocationInstance, AllocationPosition } from '../summer-jobs/model';

const AREAS = [
  'park',
  'library',
  'elderly_care',
  'preschool',
  'kitchen',
  'youth_centre',
  'cleaning',
  'second_hand',
  'sports',
  'office',
];
const CHILD_FACING = new Set(['preschool', 'youth_centre', 'sports']);

export function generateSeason(applicants = 2500, positions = 700, seed = 2027): AllocationInstance {
  const rnd = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const periods = defaultPeriods(2027).map((p) => ({ id: p.id, start: p.start }));
  const pos: AllocationPosition[] = Array.from({ length: positions }, (_, i) => {
    const area = pick(AREAS);
    const slots: Record<string, number> = {};
    for (const p of periods) if (rnd() < 0.8) slots[p.id] = 1 + Math.floor(rnd() * 2);
    return {
      id: `W${String(i).padStart(4, '0')}`,
      area,
      minAge: pick([15, 15, 16, 16, 17]),
      hoursPerDay: pick([5, 6, 6, 7, 8]),
      childFacing: CHILD_FACING.has(area),
      slots,
    };
  });
  const apps: AllocationApplicant[] = Array.from({ length: applicants }, (_, i) => {
    const wishes = [...AREAS].sort(() => rnd() - 0.5).slice(0, 1 + Math.floor(rnd() * 5));
    const offered = periods.filter(() => rnd() < 0.6).map((p) => p.id);
    const year = pick([2010, 2011, 2012]);
    return {
      id: `2027-${String(i + 1).padStart(5, '0')}`,
      birthDate: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      tier: rnd() < 0.08 ? 0 : 1,
      wishes,
      anyArea: rnd() < 0.5,
      periods: offered.length > 0 ? offered : [pick(periods).id],
      recordShown: rnd() < 0.4,
    };
  });
  return { seed: 'bench-2027', referenceDate: '2027-04-15', periods, positions: pos, applicants: apps };
}

export async function benchSummerJobs(): Promise<unknown> {
  const instance = generateSeason();
  const slots = instance.positions.reduce((n, p) => n + Object.values(p.slots).reduce((a, b) => a + b, 0), 0);
  allocate(instance); // warm-up
  const times: number[] = [];
  let placed = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const result = allocate(instance);
    times.push(performance.now() - t0);
    placed = result.assignment.length;
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    allocation: {
      ms: round(times[Math.floor(times.length / 2)]!),
      minMs: round(times[0]!),
      maxMs: round(times[times.length - 1]!),
      applicants: instance.applicants.length,
      positions: instance.positions.length,
      periods: instance.periods.length,
      slots,
      placed,
    },
  };
}
