/**
 * Property-based tests of the allocation engine (issue 14 point 10) over random small seasons, with a fixed
 * fast-check seed so a failure reproduces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  allocate,
  hoursRuleFor,
  reserveRound,
  toAllocationJson,
  type OfferAnswer,
} from '../../../src/main/summer-jobs/allocate';
import {
  DEFAULT_MINOR_HOURS_RULES,
  type AllocationApplicant,
  type AllocationInstance,
  type AllocationPosition,
} from '../../../src/main/summer-jobs/model';
import { PERIODS } from './fixtures';

const FC_SEED = 20270614;
const AREAS = ['park', 'library', 'preschool', 'kitchen'];
const PERIOD_IDS = PERIODS.map((p) => p.id);

const positionArb = (id: string) =>
  fc
    .record({
      id: fc.constant(id),
      area: fc.constantFrom(...AREAS),
      minAge: fc.integer({ min: 13, max: 18 }),
      hoursPerDay: fc.constantFrom(4, 6, 7, 7.5, 8, 9),
      childFacing: fc.boolean(),
      slots: fc.record({ P1: fc.nat(3), P2: fc.nat(3), P3: fc.nat(3) }, { requiredKeys: [] }),
    })
    .chain((p) =>
      fc
        .option(fc.constantFrom(30, 35, 40, 42), { nil: undefined })
        .map((w): AllocationPosition => (w === undefined ? p : { ...p, hoursPerWeek: w })),
    );

const applicantArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    birthDate: fc
      .tuple(fc.integer({ min: 2008, max: 2013 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    tier: fc.nat(2),
    wishes: fc.shuffledSubarray(AREAS),
    anyArea: fc.boolean(),
    periods: fc.shuffledSubarray(PERIOD_IDS, { minLength: 1 }),
    recordShown: fc.boolean(),
  }) satisfies fc.Arbitrary<AllocationApplicant>;

const instanceArb: fc.Arbitrary<AllocationInstance> = fc
  .record({ positions: fc.nat(10), applicants: fc.nat(30), seed: fc.string({ minLength: 1, maxLength: 12 }) })
  .chain(({ positions, applicants, seed }) =>
    fc.record({
      seed: fc.constant(seed),
      referenceDate: fc.constant('2027-03-15'),
      periods: fc.constant(PERIODS),
      positions: fc.tuple(...Array.from({ length: positions }, (_, i) => positionArb(`pos${i}`))),
      applicants: fc.tuple(...Array.from({ length: applicants }, (_, i) => applicantArb(`app${i}`))),
    }),
  );

const start = (periodId: string | number) => PERIODS.find((p) => p.id === periodId)!.start;

/** May `a` take a place at `pos` in `period` (ignoring whether it is free)? */
function allowed(a: AllocationApplicant, pos: AllocationPosition, period: string): boolean {
  if (!a.periods.includes(period) || (pos.slots[period] ?? 0) <= 0) return false;
  const age = ageOn(a.birthDate, start(period));
  if (age < pos.minAge) return false;
  const rule = hoursRuleFor(age, DEFAULT_MINOR_HOURS_RULES);
  const week = pos.hoursPerWeek ?? pos.hoursPerDay * 5;
  if (rule && (pos.hoursPerDay > rule.maxPerDay || (rule.maxPerWeek !== null && week > rule.maxPerWeek))) return false;
  return !(pos.childFacing && !a.recordShown);
}

/** Preference rank of an area for `a`: its wish index, wishes.length for "any area", Infinity if not acceptable. */
function rankOf(a: AllocationApplicant, area: string): number {
  const i = a.wishes.indexOf(area);
  return i >= 0 ? i : a.anyArea ? a.wishes.length : Infinity;
}

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('allocation properties', () => {
  it('never exceeds capacity, places nobody twice and breaks no rule', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const r = allocate(inst);
        const used = new Map<string, number>();
        const placed = new Set<string>();
        for (const a of r.assignment) {
          const key = `${a.position}|${a.period}`;
          used.set(key, (used.get(key) ?? 0) + 1);
          expect(placed.has(String(a.applicant))).toBe(false);
          placed.add(String(a.applicant));
          const app = inst.applicants.find((x) => x.id === a.applicant)!;
          const pos = inst.positions.find((x) => x.id === a.position)!;
          expect(allowed(app, pos, String(a.period))).toBe(true);
          expect(rankOf(app, pos.area)).toBeLessThan(Infinity);
        }
        for (const [key, n] of used) {
          const [posId, period] = key.split('|') as [string, string];
          expect(n).toBeLessThanOrEqual(inst.positions.find((p) => p.id === posId)!.slots[period] ?? 0);
        }
        expect(placed.size + r.unassigned.length).toBe(inst.applicants.length);
      }),
      { seed: FC_SEED, numRuns: 400 },
    );
  });

  it('leaves no envy: nobody earlier in the order wants a place given to someone later or left free', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const r = allocate(inst);
        const orderIndex = new Map(r.order.map((id, i) => [String(id), i]));
        const byApplicant = new Map(r.assignment.map((a) => [String(a.applicant), a]));
        for (const app of inst.applicants) {
          const mine = byApplicant.get(String(app.id));
          const myRank = mine ? rankOf(app, inst.positions.find((p) => p.id === mine.position)!.area) : Infinity;
          const me = orderIndex.get(String(app.id))!;
          for (const pos of inst.positions) {
            if (rankOf(app, pos.area) >= myRank) continue;
            for (const period of PERIOD_IDS) {
              if (!allowed(app, pos, period)) continue;
              const takenBefore = r.assignment.filter(
                (a) => a.position === pos.id && a.period === period && orderIndex.get(String(a.applicant))! < me,
              ).length;
              // The place was free at this applicant's turn: they would have taken it.
              expect(takenBefore).toBe(pos.slots[period]);
            }
          }
        }
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });

  it('gives the same lottery, order and result whatever the order of rows, and on every rerun', () => {
    fc.assert(
      fc.property(instanceArb, fc.integer(), (inst, shuffleSeed) => {
        let s = shuffleSeed >>> 0 || 1;
        const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) % 1_000_000) / 1_000_000;
        const shuffled: AllocationInstance = {
          ...inst,
          periods: shuffle(inst.periods, rnd),
          positions: shuffle(inst.positions, rnd),
          applicants: shuffle(inst.applicants, rnd).map((a) => ({ ...a, periods: shuffle(a.periods, rnd) })),
        };
        const a = allocate(inst);
        const b = allocate(shuffled);
        expect(toAllocationJson(b)).toEqual(toAllocationJson(a));
        expect(b.inputHash).toBe(a.inputHash);
        expect(allocate(inst)).toEqual(a);
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });

  it('a reserve round never moves anyone who accepted or still holds an offer, and keeps every rule', () => {
    const answerArb = fc.constantFrom<OfferAnswer>('accepted', 'pending', 'declined', 'expired', 'withdrawn');
    fc.assert(
      fc.property(instanceArb, fc.array(answerArb, { maxLength: 30 }), (inst, answerList) => {
        const first = allocate(inst);
        const answers: Record<string, OfferAnswer> = {};
        first.assignment.forEach((a, i) => (answers[String(a.applicant)] = answerList[i] ?? 'pending'));
        const r = reserveRound(inst, first.assignment, answers);
        for (const a of first.assignment) {
          const answer = answers[String(a.applicant)]!;
          const now = r.assignment.filter((x) => x.applicant === a.applicant);
          if (answer === 'accepted' || answer === 'pending') expect(now).toEqual([a]);
          else expect(now).toEqual([]);
        }
        const used = new Map<string, number>();
        for (const a of r.assignment)
          used.set(`${a.position}|${a.period}`, (used.get(`${a.position}|${a.period}`) ?? 0) + 1);
        for (const [key, n] of used) {
          const [posId, period] = key.split('|') as [string, string];
          expect(n).toBeLessThanOrEqual(inst.positions.find((p) => p.id === posId)!.slots[period] ?? 0);
        }
        for (const a of r.added) {
          expect(first.unassigned).toContain(a.applicant);
          const app = inst.applicants.find((x) => x.id === a.applicant)!;
          expect(
            allowed(
              app,
              inst.positions.find((p) => p.id === a.position)!,
              String(a.period),
            ),
          ).toBe(true);
        }
        // Places are offered in lottery order: the unplaced keep their relative order.
        const idx = new Map(first.order.map((id, i) => [id, i]));
        const added = r.added.map((a) => idx.get(a.applicant)!);
        expect([...added].sort((x, y) => x - y)).toEqual(added);
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });
});
