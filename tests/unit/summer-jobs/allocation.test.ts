import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  allocate,
  reserveRound,
  toAllocationJson,
  type ApplicantExplanation,
} from '../../../src/main/summer-jobs/allocate';
import { renderExplanation } from '../../../src/main/summer-jobs/explain';
import { instanceHash, lotteryNumber, verifyLotteryNumber } from '../../../src/main/summer-jobs/lottery';
import { applicant, instance, position } from './fixtures';

const explanationOf = (list: ApplicantExplanation[], id: string | number) => list.find((e) => e.applicant === id)!;

describe('the lottery', () => {
  it('is the first 12 hex digits of HMAC-SHA256(seed, application id), checkable outside Växla', () => {
    const hex = createHmac('sha256', 'frö-2027').update('A-1042').digest('hex');
    expect(lotteryNumber('frö-2027', 'A-1042')).toBe(parseInt(hex.slice(0, 12), 16));
    expect(verifyLotteryNumber('frö-2027', 'A-1042', parseInt(hex.slice(0, 12), 16))).toBe(true);
    expect(verifyLotteryNumber('frö-2027', 'A-1042', 1)).toBe(false);
    // A numeric application number and its text form draw the same number.
    expect(lotteryNumber('s', 1042)).toBe(lotteryNumber('s', '1042'));
    expect(lotteryNumber('s', 1042)).not.toBe(lotteryNumber('t', 1042));
  });

  it('orders by tier first, then lower lottery number', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `A${i}`);
    const inst = instance(
      [position('p', { slots: { P1: 0 } })],
      ids.map((id, i) => applicant(id, { tier: i % 3 })),
    );
    const result = allocate(inst);
    const tierOf = (id: string) => Number(id.slice(1)) % 3;
    const order = result.order as string[];
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      expect(
        tierOf(a) < tierOf(b) || (tierOf(a) === tierOf(b) && lotteryNumber(inst.seed, a) < lotteryNumber(inst.seed, b)),
      ).toBe(true);
    }
    expect(result.lottery.map((l) => l.applicant)).toEqual(order);
  });
});

describe('allocation rules', () => {
  it('gives the best-ranked wished area with a free place, in allocation order', () => {
    const inst = instance(
      [position('lib', { area: 'library' }), position('park', { area: 'park' })],
      [
        applicant('x', { tier: 0, wishes: ['library', 'park'] }),
        applicant('y', { tier: 1, wishes: ['library', 'park'] }),
      ],
    );
    const r = allocate(inst);
    expect(r.assignment).toEqual([
      { applicant: 'x', position: 'lib', period: 'P1' },
      { applicant: 'y', position: 'park', period: 'P1' },
    ]);
    const y = explanationOf(r.explanations, 'y');
    expect(y.steps[0]).toEqual({
      kind: 'wish',
      rank: 1,
      area: 'library',
      given: false,
      reasons: [{ code: 'full', periods: ['P1'] }],
    });
    expect(y.placement).toMatchObject({ position: 'park', wishRank: 2 });
  });

  it('respects capacity per position and period and gives one job per youth', () => {
    const inst = instance(
      [position('p', { slots: { P1: 2, P2: 1 } })],
      ['a', 'b', 'c', 'd', 'e'].map((id) => applicant(id)),
    );
    const r = allocate(inst);
    expect(r.assignment).toHaveLength(3);
    expect(r.assignment.filter((a) => a.period === 'P1')).toHaveLength(2);
    expect(new Set(r.assignment.map((a) => a.applicant)).size).toBe(3);
    expect(r.unassigned).toHaveLength(2);
    expect([...r.assignment.map((a) => a.applicant), ...r.unassigned].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('checks the minimum age on the first day of each period', () => {
    // Turns 16 on 2027-07-01: 15 at P1 (2027-06-21), 16 at P2 (2027-07-12).
    const inst = instance(
      [position('p', { minAge: 16, slots: { P1: 5, P2: 1 } })],
      [applicant('young', { birthDate: '2011-07-01' })],
    );
    expect(ageOn('2011-07-01', '2027-06-21')).toBe(15);
    expect(ageOn('2011-07-01', '2027-07-01')).toBe(16);
    const r = allocate(inst);
    expect(r.assignment).toEqual([{ applicant: 'young', position: 'p', period: 'P2' }]);
    const only = allocate({ ...inst, applicants: [applicant('young', { birthDate: '2011-07-01', periods: ['P1'] })] });
    expect(only.unassigned).toEqual(['young']);
    expect(only.explanations[0]!.steps[0]!.reasons).toEqual([
      { code: 'too_young', minAge: 16, age: 15 },
      { code: 'not_available', periods: ['P2'] },
    ]);
  });

  it('keeps the hours rules for minors: under 16 at most 7 h a day, 16–17 at most 8 h a day and 40 a week', () => {
    const positions = [
      position('seven', { area: 'a7', hoursPerDay: 7, minAge: 13, slots: { P1: 9 } }),
      position('sevenhalf', { area: 'a7h', hoursPerDay: 7.5, minAge: 13, slots: { P1: 9 } }),
      position('eight', { area: 'a8', hoursPerDay: 8, minAge: 13, slots: { P1: 9 } }),
      position('eight-long-week', { area: 'a8w', hoursPerDay: 8, hoursPerWeek: 42, minAge: 13, slots: { P1: 9 } }),
      position('nine', { area: 'a9', hoursPerDay: 9, minAge: 13, slots: { P1: 9 } }),
    ];
    const areas = ['a7', 'a7h', 'a8', 'a8w', 'a9'];
    const given = (birthDate: string) => {
      const r = allocate(
        instance(
          positions,
          areas.map((area) => applicant(`${birthDate}-${area}`, { birthDate, wishes: [area] })),
        ),
      );
      return areas.filter((area) => r.assignment.some((a) => a.applicant === `${birthDate}-${area}`));
    };
    expect(given('2012-01-01')).toEqual(['a7']); // 15
    expect(given('2011-06-21')).toEqual(['a7', 'a7h', 'a8']); // 16 on the period's first day
    expect(given('2010-01-01')).toEqual(['a7', 'a7h', 'a8']); // 17
    expect(given('2009-06-21')).toEqual(areas); // 18

    const r = allocate(instance(positions, [applicant('u16', { birthDate: '2012-01-01', wishes: ['a8'] })]));
    expect(r.explanations[0]!.steps[0]!.reasons).toEqual([
      { code: 'hours', age: 15, hoursPerDay: 8, maxPerDay: 7, hoursPerWeek: 40, maxPerWeek: null },
    ]);
  });

  it('takes the hours rules as season data', () => {
    const inst = instance(
      [position('p', { hoursPerDay: 7, hoursPerWeek: 35, minAge: 13 })],
      [applicant('x', { birthDate: '2012-01-01' })],
    );
    expect(allocate(inst).assignment).toHaveLength(1);
    const strict = allocate(inst, { minorHoursRules: [{ belowAge: 16, maxPerDay: 7, maxPerWeek: 30 }] });
    expect(strict.unassigned).toEqual(['x']);
  });

  it('gives work with children only to a youth who has shown a criminal-record extract', () => {
    const inst = instance(
      [position('pre', { area: 'preschool', childFacing: true, slots: { P1: 2 } })],
      [applicant('shown', { wishes: ['preschool'], recordShown: true }), applicant('not', { wishes: ['preschool'] })],
    );
    const r = allocate(inst);
    expect(r.assignment.map((a) => a.applicant)).toEqual(['shown']);
    expect(explanationOf(r.explanations, 'not').steps[0]!.reasons).toEqual([{ code: 'record_extract' }]);
  });

  it('uses any other area only when the applicant said any area is fine', () => {
    const inst = instance(
      [position('p', { area: 'park', slots: { P1: 0 } }), position('k', { area: 'kitchen' })],
      [applicant('any', { wishes: ['park'], anyArea: true }), applicant('strict', { wishes: ['park'], tier: 2 })],
    );
    const r = allocate(inst);
    expect(r.assignment).toEqual([{ applicant: 'any', position: 'k', period: 'P1' }]);
    expect(explanationOf(r.explanations, 'any').steps).toEqual([
      { kind: 'wish', rank: 1, area: 'park', given: false, reasons: [{ code: 'no_places' }] },
      { kind: 'any_area', given: true, reasons: [] },
    ]);
    expect(explanationOf(r.explanations, 'strict').steps).toHaveLength(1);
    expect(r.unassigned).toEqual(['strict']);
  });

  it('breaks ties inside an area: most free places, then the earlier period, then the lower position id', () => {
    const most = allocate(
      instance([position('b', { slots: { P1: 1, P2: 3 } }), position('a', { slots: { P1: 2 } })], [applicant('x')]),
    );
    expect(most.assignment).toEqual([{ applicant: 'x', position: 'b', period: 'P2' }]);
    const earlier = allocate(
      instance([position('b', { slots: { P2: 2 } }), position('c', { slots: { P1: 2 } })], [applicant('x')]),
    );
    expect(earlier.assignment).toEqual([{ applicant: 'x', position: 'c', period: 'P1' }]);
    const lowerId = allocate(
      instance([position('b', { slots: { P1: 2 } }), position('a', { slots: { P1: 2 } })], [applicant('x')]),
    );
    expect(lowerId.assignment).toEqual([{ applicant: 'x', position: 'a', period: 'P1' }]);
  });

  it('records the seed and a hash of the inputs that ignores the order of rows but not their content', () => {
    const inst = instance(
      [position('a'), position('b', { area: 'library' })],
      [applicant('x', { periods: ['P2', 'P1'] }), applicant('y')],
    );
    const shuffled = {
      ...inst,
      positions: [...inst.positions].reverse(),
      applicants: [applicant('y'), applicant('x', { periods: ['P1', 'P2'] })],
    };
    const r = allocate(inst);
    expect(r.seed).toBe('feriearbete-2027');
    expect(r.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(instanceHash(shuffled)).toBe(r.inputHash);
    expect(instanceHash({ ...inst, applicants: [applicant('x', { tier: 0 }), applicant('y')] })).not.toBe(r.inputHash);
    expect(allocate({ ...inst, seed: 'another' }).inputHash).toBe(r.inputHash);
  });

  it('prints the automation shape: lottery, order, assignment, unassigned', () => {
    const r = toAllocationJson(allocate(instance([position('p')], [applicant(7), applicant('b')])));
    expect(Object.keys(r)).toEqual(['lottery', 'order', 'assignment', 'unassigned']);
    expect(Object.keys(r.lottery).sort()).toEqual(['7', 'b']);
    expect(r.assignment).toHaveLength(1);
    expect([...r.assignment.map((a) => a.applicant), ...r.unassigned]).toEqual(r.order);
  });
});

describe('explanation in Swedish', () => {
  it('names tier, lottery number, each wish tried and the result', () => {
    const inst = instance(
      [
        position('pre', { area: 'preschool', childFacing: true, slots: { P1: 1 } }),
        position('lib', { area: 'library', slots: { P2: 1 } }),
        position('park', { area: 'park', slots: { P3: 1 } }),
      ],
      [applicant('x', { wishes: ['preschool', 'library', 'park'], periods: ['P1', 'P3'] })],
    );
    const r = allocate(inst);
    const lines = renderExplanation(r.explanations[0]!, {
      period: (id) =>
        ({ P1: 'period 1 (v. 25–27)', P2: 'period 2 (v. 28–30)', P3: 'period 3 (v. 31–33)' })[String(id)]!,
      position: (id) => (id === 'park' ? 'Ramnaparken' : String(id)),
      area: (a) => ({ preschool: 'Förskola', library: 'Bibliotek', park: 'Park' })[a]!,
    });
    expect(lines).toEqual([
      'Turordningsgrupp: 1 (grupp 0 fördelas först, därefter grupp 1 och så vidare).',
      `Lottnummer: ${lotteryNumber(inst.seed, 'x')} (lägre nummer går före inom gruppen); plats 1 i turordningen.`,
      'Önskemål 1, Förskola: inte tilldelat – arbetet är med barn och utdrag ur belastningsregistret har inte visats.',
      'Önskemål 2, Bibliotek: inte tilldelat – områdets platser finns bara under period 2 (v. 28–30), som inte angavs som möjliga.',
      'Önskemål 3, Park: tilldelat.',
      'Resultat: Ramnaparken (Park), period 3 (v. 31–33), enligt önskemål 3.',
    ]);
  });

  it('says why nobody was placed, and that other areas were not tried', () => {
    const r = allocate(
      instance([position('p', { hoursPerDay: 8, minAge: 13 })], [applicant('x', { birthDate: '2012-02-02' })]),
    );
    const lines = renderExplanation(r.explanations[0]!);
    expect(lines.slice(2)).toEqual([
      'Önskemål 1, park: inte tilldelat – arbetstiden är för lång för en 15-åring: 8 timmar om dagen, högst 7 timmar tillåts.',
      'Andra områden prövades inte eftersom ”vilket område som helst” inte valdes.',
      'Resultat: ingen plats i denna omgång. Den sökande står på reservlistan i turordning.',
    ]);
  });
});

describe('reserve rounds', () => {
  it('fills freed places from the unplaced in lottery order and never moves anyone who holds a place', () => {
    const inst = instance(
      [position('p', { slots: { P1: 2 } }), position('q', { area: 'library', slots: { P1: 1 } })],
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => applicant(id, { wishes: ['park', 'library'] })),
    );
    const first = allocate(inst);
    expect(first.assignment).toHaveLength(3);
    const [accepted, declined, pending] = first.assignment;
    const answers = { [String(accepted!.applicant)]: 'accepted', [String(declined!.applicant)]: 'declined' } as const;
    const second = reserveRound(inst, first.assignment, answers);
    expect(second.kept).toEqual([accepted, pending]);
    expect(second.released).toEqual([declined]);
    expect(second.added).toEqual([
      { applicant: first.unassigned[0], position: declined!.position, period: declined!.period },
    ]);
    expect(second.assignment).toEqual(expect.arrayContaining([accepted, pending, ...second.added]));
    expect(second.assignment).toHaveLength(3);
    expect(second.unassigned).toEqual(first.unassigned.slice(1));
    expect(second.explanations.every((e) => e.round === 1)).toBe(true);
    // The one who declined is not offered a place again.
    expect(second.assignment.some((a) => a.applicant === declined!.applicant)).toBe(false);
  });

  it('lets a late application take part in the reserve round by its lottery number', () => {
    const inst = instance([position('p', { slots: { P1: 1 } })], [applicant('a')]);
    const first = allocate(inst);
    const later = { ...inst, applicants: [...inst.applicants, applicant('late')] };
    const r = reserveRound(later, first.assignment, { a: 'expired' });
    expect(r.added).toEqual([{ applicant: 'late', position: 'p', period: 'P1' }]);
  });
});
