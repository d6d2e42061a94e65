import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedColumns,
  explainPair,
  hardColumns,
  isExcluded,
  maxScore,
  prepareParticipant,
  prepareSlot,
  scorePair,
  type ParticipantFacts,
  type SlotFacts,
} from '../../../src/main/matching/scoring';
import { MATCH_CRITERIA, type MatchWeights } from '../../../src/shared/domain/proposal';
import { LICENCE_CLASSES, POSITION_KINDS, SWEDISH_LEVELS } from '../../../src/shared/domain/position';

const TAGS = [
  'kassa',
  'sortering',
  'städning',
  'cykelreparation',
  'snickeri',
  'kundbemötande',
  'disk',
  'Trädgårdsarbete',
];
const LANGS = ['arabiska', 'somaliska', 'tigrinja', 'dari', 'bosniska'];
const DISTRICTS = ['Centrum', 'Norrby', 'hulta', 'Fristad', 'Viskafors', 'Okänd ort', null];
const STAGES = ['mapped', 'matching', 'proposed', 'paused'];
const date = fc
  .integer({ min: 0, max: 900 })
  .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

const participantArb: fc.Arbitrary<ParticipantFacts> = fc.record({
  id: fc.integer({ min: 1, max: 1000 }),
  stage: fc.constantFrom(...STAGES),
  swedishLevel: fc.constantFrom(...SWEDISH_LEVELS, null),
  licenceClasses: fc.subarray([...LICENCE_CLASSES]),
  skills: fc.subarray(TAGS),
  interests: fc.subarray(['cyklar', 'trädgård', 'matlagning', 'kassa']),
  languages: fc.subarray(LANGS),
  experienceText: fc.constantFrom(
    null,
    'Cykelmekaniker i Kabul',
    'Städade på hotell i två år',
    'Butik, kassa och lager',
    'Inget',
  ),
  wishedKinds: fc.subarray([...POSITION_KINDS, 'workshop_bicycle']),
  availablePercent: fc.constantFrom(null, 25, 50, 75, 100),
  earliestStart: fc.option(date, { nil: null }),
  district: fc.constantFrom(...DISTRICTS),
  referralDate: date.map((d) => (d > '2026-11-23' ? '2026-11-23' : d)),
  longTermRecipient: fc.boolean(),
  childrenInHousehold: fc.integer({ min: 0, max: 5 }),
  activePlacementForms: fc.subarray(['summer_job', 'subsidised_employment']),
  vetoedPositionIds: fc.subarray([1, 2, 3]),
});

const slotArb: fc.Arbitrary<SlotFacts> = fc
  .record({
    positionId: fc.constantFrom(1, 2, 3, 4),
    periodId: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    kind: fc.constantFrom(...POSITION_KINDS),
    active: fc.boolean(),
    district: fc.constantFrom(...DISTRICTS),
    skills: fc.subarray(TAGS),
    languages: fc.subarray(LANGS),
    minSwedishLevel: fc.constantFrom(...SWEDISH_LEVELS, null),
    requiredLicence: fc.constantFrom('B', 'C', null),
    hoursPercent: fc.constantFrom(25, 50, 75, 100),
    startDate: date,
    length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    free: fc.integer({ min: 0, max: 3 }),
  })
  .map((r) => ({
    positionId: r.positionId,
    periodId: r.periodId,
    periodName: r.periodId === null ? null : `Period ${r.periodId}`,
    title: 'Plats',
    kind: r.kind,
    employmentForm: r.kind === 'summer_job' ? 'summer_job' : 'subsidised_employment',
    active: r.active,
    district: r.district,
    tasks: 'Uppgifter',
    skills: r.skills,
    languages: r.languages,
    minSwedishLevel: r.minSwedishLevel,
    requiredLicence: r.requiredLicence,
    hoursPercent: r.hoursPercent,
    startDate: r.startDate,
    endDate:
      r.length === null && r.periodId === null
        ? null
        : new Date(Date.parse(`${r.startDate}T00:00:00Z`) + (r.length ?? 20) * 86_400_000).toISOString().slice(0, 10),
    free: r.free,
    slots: 3,
  }));

const weightsArb: fc.Arbitrary<MatchWeights> = fc
  .tuple(...MATCH_CRITERIA.map(() => fc.integer({ min: 0, max: 100 })))
  .map((ws) => Object.fromEntries(MATCH_CRITERIA.map((k, i) => [k, ws[i]!])) as MatchWeights);

const todayArb = fc.constantFrom('2026-11-23', '2027-06-01', '2026-01-15');

describe('scoring engine properties', () => {
  it('the batched hard-constraint filter of the global suggestion allows exactly the pairs isExcluded allows', () => {
    fc.assert(
      fc.property(participantArb, fc.array(slotArb, { maxLength: 12 }), todayArb, (p, slots, today) => {
        const ctx = { today, weights: Object.fromEntries(MATCH_CRITERIA.map((k) => [k, 10])) as MatchWeights };
        const pp = prepareParticipant(p, ctx);
        const cols = slots.map(prepareSlot);
        const out = new Int32Array(cols.length);
        const n = allowedColumns(pp, hardColumns(cols), out);
        expect(Array.from(out.subarray(0, n))).toEqual(cols.flatMap((c, j) => (isExcluded(pp, c) ? [] : [j])));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('the fast path and the explanation always agree; points stay within their weights', () => {
    fc.assert(
      fc.property(participantArb, slotArb, weightsArb, todayArb, (p, s, weights, today) => {
        const ctx = { today, weights };
        const pp = prepareParticipant(p, ctx);
        const ps = prepareSlot(s);
        const e = explainPair(pp, ps, ctx);
        const fast = scorePair(pp, ps, ctx);
        expect(fast).toBe(e.eligible ? e.score : -1);
        expect(e.eligible).toBe(e.excluded.length === 0);
        expect(e.max).toBe(maxScore(weights));
        expect(e.score).toBe(e.criteria.reduce((sum, c) => sum + c.points, 0));
        expect(e.criteria.map((c) => c.criterion)).toEqual([...MATCH_CRITERIA]);
        for (const c of e.criteria) {
          expect(Number.isInteger(c.points)).toBe(true);
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(c.max);
          expect(c.max).toBe(weights[c.criterion]);
          expect(c.detail.length).toBeGreaterThan(5);
        }
        if (e.eligible) expect(e.startDate).not.toBeNull();
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });

  it('is deterministic and does not depend on the order of tags', () => {
    fc.assert(
      fc.property(participantArb, slotArb, weightsArb, (p, s, weights) => {
        const ctx = { today: '2026-11-23', weights };
        const a = explainPair(prepareParticipant(p, ctx), prepareSlot(s), ctx);
        const shuffled = {
          ...p,
          skills: [...p.skills].reverse(),
          languages: [...p.languages].reverse(),
          licenceClasses: [...p.licenceClasses].reverse(),
        };
        const b = explainPair(prepareParticipant(shuffled, ctx), prepareSlot({ ...s, skills: [...s.skills] }), ctx);
        expect(b.score).toBe(a.score);
        expect(b.excluded).toEqual(a.excluded);
        expect(explainPair(prepareParticipant(p, ctx), prepareSlot(s), ctx)).toEqual(a);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
