import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blockingActivePlacement,
  capacityProblem,
  endWarning,
  followUpDue,
  fullPeriods,
  heldInterval,
  occupancyTimeline,
  oneActiveProblem,
  placementPhase,
  type DateInterval,
} from '../../../src/main/services/placements/rules';
import { addDays, compare, diffDays } from '../../../src/shared/rules/dates';

const iv = (from: string, to: string): DateInterval => ({ from, to });

describe('occupancy and capacity (docs/product.md §4 rule 5)', () => {
  it('counts overlapping placements day by day', () => {
    const timeline = occupancyTimeline(
      [iv('2027-01-01', '2027-03-31'), iv('2027-03-01', '2027-06-30'), iv('2026-01-01', '2026-12-31')],
      iv('2027-01-01', '2027-12-31'),
    );
    expect(timeline).toEqual([
      { from: '2027-01-01', to: '2027-02-28', occupied: 1 },
      { from: '2027-03-01', to: '2027-03-31', occupied: 2 },
      { from: '2027-04-01', to: '2027-06-30', occupied: 1 },
      { from: '2027-07-01', to: '2027-12-31', occupied: 0 },
    ]);
  });

  it('a placement fits when it only touches a full period at its edges', () => {
    const existing = [iv('2027-01-01', '2027-06-30')];
    expect(
      capacityProblem({ slots: 1, existing, candidate: iv('2027-07-01', '2028-06-30'), what: 'Platsen' }),
    ).toBeNull();
    expect(
      capacityProblem({ slots: 1, existing, candidate: iv('2026-07-01', '2026-12-31'), what: 'Platsen' }),
    ).toBeNull();
  });

  it('refuses when one shared day would exceed the slots, and names the period in Swedish', () => {
    const existing = [iv('2027-01-01', '2027-06-30')];
    const msg = capacityProblem({ slots: 1, existing, candidate: iv('2026-07-01', '2027-01-01'), what: 'Platsen' });
    expect(msg).toBe(
      'Platsen har 1 plats och de är redan upptagna den 2027-01-01 (1 placering). Välj ett annat startdatum, en kortare period eller en annan plats.',
    );
  });

  it('allows as many overlapping placements as there are slots, in any overlapping period', () => {
    const existing = [iv('2027-01-01', '2027-12-31'), iv('2027-06-01', '2028-05-31')];
    expect(
      capacityProblem({ slots: 3, existing, candidate: iv('2027-03-01', '2028-02-29'), what: 'Platsen' }),
    ).toBeNull();
    expect(fullPeriods(2, existing, iv('2027-03-01', '2028-02-29'))).toEqual([
      { from: '2027-06-01', to: '2027-12-31', occupied: 2 },
    ]);
    // Non-overlapping existing placements never add up: 2 slots, three placements one after another, plus a new one.
    const sequential = [iv('2027-01-01', '2027-04-30'), iv('2027-05-01', '2027-08-31'), iv('2027-09-01', '2027-12-31')];
    expect(
      capacityProblem({ slots: 2, existing: sequential, candidate: iv('2027-01-01', '2027-12-31'), what: 'Platsen' }),
    ).toBeNull();
  });

  it('a placement ended early frees its slot from the day after it ended', () => {
    const held = heldInterval({
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      status: 'ended',
      endedAt: '2027-03-15',
    });
    expect(held).toEqual(iv('2027-01-01', '2027-03-15'));
    expect(
      capacityProblem({ slots: 1, existing: [held!], candidate: iv('2027-03-16', '2028-03-15'), what: 'Platsen' }),
    ).toBeNull();
    expect(
      capacityProblem({ slots: 1, existing: [held!], candidate: iv('2027-03-15', '2028-03-14'), what: 'Platsen' }),
    ).not.toBeNull();
    expect(heldInterval({ startDate: '2027-01-01', endDate: '2027-12-31', status: 'active', endedAt: null })).toEqual(
      iv('2027-01-01', '2027-12-31'),
    );
  });

  it('never lets the count exceed the slots on any day when accepted one by one (property)', () => {
    const start = '2027-01-01';
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 120 }))
      .map(([offset, length]) => iv(addDays(start, offset), addDays(start, offset + length)));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(interval, { maxLength: 25 }), (slots, candidates) => {
        const accepted: DateInterval[] = [];
        for (const c of candidates) {
          if (capacityProblem({ slots, existing: accepted, candidate: c, what: 'Platsen' }) === null) accepted.push(c);
        }
        for (let d = 0; d <= 330; d++) {
          const day = addDays(start, d);
          const n = accepted.filter((a) => compare(a.from, day) <= 0 && compare(day, a.to) <= 0).length;
          expect(n).toBeLessThanOrEqual(slots);
        }
        // …and a refused candidate really would have exceeded it somewhere.
        for (const c of candidates) {
          if (accepted.includes(c)) continue;
          const exceeds = Array.from({ length: diffDays(c.from, c.to) + 1 }, (_, i) => addDays(c.from, i)).some(
            (day) => accepted.filter((a) => compare(a.from, day) <= 0 && compare(day, a.to) <= 0).length >= slots,
          );
          expect(exceeds).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('one active placement per participant, summer jobs apart (docs/product.md §4 rule 5)', () => {
  const active = {
    id: 1,
    status: 'active',
    employmentForm: 'subsidised_employment',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    positionTitle: 'Cykelmekaniker',
  };
  const summer = {
    id: 2,
    status: 'active',
    employmentForm: 'summer_job',
    startDate: '2027-06-14',
    endDate: '2027-07-02',
    positionTitle: 'Parkarbete',
  };
  const ended = { ...active, id: 3, status: 'ended' };

  it('blocks a second active placement with a Swedish reason', () => {
    const blocking = blockingActivePlacement('work_training', [active]);
    expect(blocking?.id).toBe(1);
    expect(oneActiveProblem(blocking)).toBe(
      'Deltagaren har redan en pågående placering (Cykelmekaniker, 2027-01-01–2027-12-31). En deltagare kan bara ha en placering åt gången; avsluta den först.',
    );
  });

  it('does not count ended placements, the placement itself, or summer jobs', () => {
    expect(blockingActivePlacement('subsidised_employment', [ended, summer])).toBeNull();
    expect(blockingActivePlacement('subsidised_employment', [active], 1)).toBeNull();
    expect(blockingActivePlacement('summer_job', [active, summer])).toBeNull();
    expect(oneActiveProblem(null)).toBeNull();
  });
});

describe('phase, end warnings and follow-ups', () => {
  const p = { status: 'active', startDate: '2026-12-01', endDate: '2027-11-30' };
  it('knows upcoming, running, overdue and ended', () => {
    expect(placementPhase(p, '2026-11-30')).toBe('upcoming');
    expect(placementPhase(p, '2026-12-01')).toBe('running');
    expect(placementPhase(p, '2027-11-30')).toBe('running');
    expect(placementPhase(p, '2027-12-01')).toBe('overdue');
    expect(placementPhase({ ...p, status: 'ended' }, '2027-01-01')).toBe('ended');
  });
  it('warns 90, 60 and 30 days before the last day', () => {
    expect(endWarning(p, '2027-08-31')).toEqual({ daysLeft: 91, threshold: null });
    expect(endWarning(p, '2027-09-01')).toEqual({ daysLeft: 90, threshold: 90 });
    expect(endWarning(p, '2027-10-01')).toEqual({ daysLeft: 60, threshold: 60 });
    expect(endWarning(p, '2027-10-31')).toEqual({ daysLeft: 30, threshold: 30 });
    expect(endWarning(p, '2027-11-30')).toEqual({ daysLeft: 0, threshold: 30 });
    expect(endWarning({ ...p, status: 'ended' }, '2027-11-01').threshold).toBeNull();
  });
  it('lists a follow-up as due within the horizon or when overdue', () => {
    expect(followUpDue('2026-11-30', '2026-11-23', 7)).toBe(true);
    expect(followUpDue('2026-12-01', '2026-11-23', 7)).toBe(false);
    expect(followUpDue('2026-10-01', '2026-11-23', 0)).toBe(true);
    expect(followUpDue(null, '2026-11-23', 7)).toBe(false);
  });
});
