import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INTENSITY_SETTINGS,
  aggregateActivity,
  caseloads,
  checkCaseloadAssignment,
  checkVisit,
  contactStatuses,
  improvementMeasure,
  type ContactParticipant,
} from '../../../src/shared/rules/intensity';

describe('caseload cap', () => {
  const base = { cap: 45, actorIsAdmin: false, coordinatorName: 'Amira' };

  it('allows assignments up to the cap', () => {
    expect(checkCaseloadAssignment({ ...base, currentCount: 44 })).toEqual({
      ok: true,
      newCount: 45,
      overCap: false,
      overridden: false,
    });
  });

  it('refuses past the cap with a Swedish reason', () => {
    const r = checkCaseloadAssignment({ ...base, currentCount: 45 });
    expect(r).toEqual({
      ok: false,
      code: 'CASELOAD_CAP',
      reason:
        'Amira har 45 aktiva deltagare och taket är 45; en till ger 46. Välj en annan koordinator eller be enhetschefen göra ett undantag med en skriftlig motivering.',
    });
    expect(checkCaseloadAssignment({ ...base, currentCount: 40, adding: 6 }).ok).toBe(false);
  });

  it('lets only the administrator override, and only with a written reason', () => {
    const override = { reason: 'Tillfälligt under semestern, Johan är tillbaka 1 augusti' };
    expect(checkCaseloadAssignment({ ...base, currentCount: 45, override })).toMatchObject({
      ok: false,
      code: 'OVERRIDE_NOT_ALLOWED',
    });
    expect(
      checkCaseloadAssignment({ ...base, actorIsAdmin: true, currentCount: 45, override: { reason: '  kort  ' } }),
    ).toMatchObject({
      ok: false,
      code: 'OVERRIDE_REASON',
    });
    expect(checkCaseloadAssignment({ ...base, actorIsAdmin: true, currentCount: 45, override })).toEqual({
      ok: true,
      newCount: 46,
      overCap: true,
      overridden: true,
    });
  });
});

describe('a contact every calendar month', () => {
  const p = (id: string, over: Partial<ContactParticipant> = {}): ContactParticipant => ({
    id,
    coordinatorId: 'k1',
    stage: 'matching',
    inContactStagesSince: '2026-01-10',
    ...over,
  });
  const today = '2026-04-14';

  it('flags who is overdue and who has none booked this month', () => {
    const statuses = contactStatuses({
      today,
      participants: [
        p('met-in-april'),
        p('met-in-march'),
        p('missed-march'),
        p('booked'),
        p('new-in-march', { inContactStagesSince: '2026-03-05' }),
        p('paused', { stage: 'paused' }),
        p('referred', { stage: 'referred' }),
      ],
      held: [
        { participantId: 'met-in-april', date: '2026-04-02' },
        { participantId: 'met-in-march', date: '2026-03-30' },
        { participantId: 'missed-march', date: '2026-02-11' },
        { participantId: 'booked', date: '2026-03-03' },
        { participantId: 'met-in-april', date: '2026-04-20' }, // after today: not held yet
      ],
      booked: [
        { participantId: 'booked', date: '2026-04-22' },
        { participantId: 'met-in-march', date: '2026-05-04' }, // next month
        { participantId: 'missed-march', date: '2026-04-10' }, // in the past, not held
      ],
    });
    const by = Object.fromEntries(statuses.map((s) => [s.participantId, s]));
    expect(Object.keys(by).sort()).toEqual(['booked', 'met-in-april', 'met-in-march', 'missed-march', 'new-in-march']);
    expect(by['met-in-april']).toMatchObject({
      contactedThisMonth: true,
      overdue: false,
      noneBookedThisMonth: false,
      lastContact: '2026-04-02',
    });
    expect(by['met-in-march']).toMatchObject({ contactedThisMonth: false, overdue: false, noneBookedThisMonth: true });
    expect(by['missed-march']).toMatchObject({ overdue: true, noneBookedThisMonth: true, lastContact: '2026-02-11' });
    expect(by['booked']).toMatchObject({
      overdue: false,
      noneBookedThisMonth: false,
      nextBookedThisMonth: '2026-04-22',
    });
    // March was the month this person started: not held against them.
    expect(by['new-in-march']).toMatchObject({ overdue: false, noneBookedThisMonth: true });
  });

  it('clears the overdue flag as soon as a contact is held this month', () => {
    const [s] = contactStatuses({
      today,
      participants: [p('x')],
      held: [{ participantId: 'x', date: '2026-04-14' }],
      booked: [],
    });
    expect(s).toMatchObject({ overdue: false, contactedThisMonth: true });
  });

  it('sums caseloads per coordinator with long-term, children and overdue', () => {
    const people = [
      { id: 'a', coordinatorId: 'k1', stage: 'matching' as const, longTerm: true, childrenInHousehold: true },
      { id: 'b', coordinatorId: 'k1', stage: 'paused' as const, longTerm: false, childrenInHousehold: false },
      { id: 'c', coordinatorId: 'k1', stage: 'exited' as const, longTerm: true, childrenInHousehold: false },
      { id: 'd', coordinatorId: 'k2', stage: 'placed' as const, longTerm: true, childrenInHousehold: false },
      { id: 'e', coordinatorId: null, stage: 'referred' as const, longTerm: false, childrenInHousehold: false },
    ];
    const statuses = contactStatuses({
      today,
      participants: people.map((x) => ({ ...x, inContactStagesSince: '2026-01-01' })),
      held: [{ participantId: 'd', date: '2026-03-03' }],
      booked: [],
    });
    expect(caseloads(people, statuses, 1)).toEqual([
      { coordinatorId: null, active: 1, longTerm: 0, withChildren: 0, overdue: 0, overCap: false },
      { coordinatorId: 'k1', active: 2, longTerm: 1, withChildren: 1, overdue: 1, overCap: true },
      { coordinatorId: 'k2', active: 1, longTerm: 1, withChildren: 0, overdue: 0, overCap: false },
    ]);
  });
});

describe('visit planning', () => {
  const settings = DEFAULT_INTENSITY_SETTINGS;

  it('allows up to four visits a day, Monday to Thursday', () => {
    expect(checkVisit({ date: '2026-03-12', visitsThatDay: 3, settings })).toEqual({ ok: true, warnings: [] });
  });

  it('refuses a fifth visit and a Friday visit with Swedish reasons', () => {
    expect(checkVisit({ date: '2026-03-12', visitsThatDay: 4, settings })).toEqual({
      ok: false,
      reasons: ['Högst 4 besök per dag: det finns redan 4 bokade den 2026-03-12.'],
    });
    expect(checkVisit({ date: '2026-03-13', visitsThatDay: 0, settings })).toEqual({
      ok: false,
      reasons: ['Besök bokas måndag–torsdag; 2026-03-13 är en fredag (fredag är för interna möten).'],
    });
  });

  it('only warns when the setting says so, but never books on a day off', () => {
    const warn = { ...settings, visitLimitMode: 'warn' as const };
    const r = checkVisit({ date: '2026-03-13', visitsThatDay: 4, settings: warn });
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings).toHaveLength(2);
    expect(
      checkVisit({ date: '2026-06-19', visitsThatDay: 0, settings: warn, nonWorkingDayName: 'Midsommarafton' }),
    ).toEqual({
      ok: false,
      reasons: ['2026-06-19 är midsommarafton, en ledig dag.'],
    });
    expect(
      checkVisit({ date: '2026-03-13', visitsThatDay: 0, settings: { ...settings, visitWeekdays: [1, 3] } }),
    ).toMatchObject({
      ok: false,
      reasons: ['Besök bokas måndag och onsdag; 2026-03-13 är en fredag (fredag är för interna möten).'],
    });
  });
});

describe('activity and improvement boards', () => {
  it('aggregates jobs applied for and visits per month, per person and for the group', () => {
    const r = aggregateActivity(
      [
        { participantId: 'a', month: '2026-01', jobsApplied: 4, visits: 2 },
        { participantId: 'a', month: '2026-02', jobsApplied: 6, visits: 1 },
        { participantId: 'b', month: '2026-02', jobsApplied: 1, visits: 3 },
        { participantId: 'b', month: '2026-02', jobsApplied: 2, visits: 0 },
        { participantId: 'b', month: '2025-12', jobsApplied: 9, visits: 9 },
      ],
      ['2026-01', '2026-02', '2026-03'],
    );
    expect(r.perParticipant.get('b')).toEqual([
      { month: '2026-01', jobsApplied: null, visits: null },
      { month: '2026-02', jobsApplied: 3, visits: 3 },
      { month: '2026-03', jobsApplied: null, visits: null },
    ]);
    expect(r.group).toEqual([
      { month: '2026-01', jobsApplied: 4, visits: 2, participantsReported: 1 },
      { month: '2026-02', jobsApplied: 9, visits: 4, participantsReported: 2 },
      { month: '2026-03', jobsApplied: 0, visits: 0, participantsReported: 0 },
    ]);
    expect(() => aggregateActivity([{ participantId: 'a', month: '2026-01', jobsApplied: -1, visits: 0 }], [])).toThrow(
      RangeError,
    );
  });

  it('measures the share of the original group closed at each month end, reopening on a return', () => {
    const group = Array.from({ length: 22 }, (_, i) => `p${i}`);
    const points = improvementMeasure({
      group,
      events: [
        { participantId: 'p0', date: '2026-01-15', closed: true },
        { participantId: 'p1', date: '2026-02-01', closed: true },
        { participantId: 'p1', date: '2026-03-10', closed: false },
        { participantId: 'p2', date: '2026-03-31', closed: true },
        { participantId: 'outsider', date: '2026-01-02', closed: true },
      ],
      months: ['2026-01', '2026-02', '2026-03'],
    });
    expect(points.map((x) => [x.month, x.closed, x.groupSize])).toEqual([
      ['2026-01', 1, 22],
      ['2026-02', 2, 22],
      ['2026-03', 2, 22],
    ]);
    expect(points[1]!.share).toBeCloseTo(2 / 22);
  });
});
