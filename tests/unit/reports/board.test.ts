import { describe, expect, it } from 'vitest';
import {
  computeBoard,
  nearestRank,
  sameMonthLastYear,
  suppressBoard,
  suppressCount,
  type BoardInput,
  type BoardStageEvent,
} from '../../../src/shared/rules/board';
import { monthRange } from '../../../src/shared/rules/ledger';

let seq = 0;
const ev = (
  participantId: string,
  date: string,
  toStage: BoardStageEvent['toStage'],
  outcome?: BoardStageEvent['outcome'],
): BoardStageEvent => ({
  participantId,
  date,
  seq: ++seq,
  toStage,
  outcome: outcome ?? null,
});

const base = (over: Partial<BoardInput> = {}): BoardInput => ({
  months: monthRange('2026-01', '2026-04'),
  participants: [
    { id: 'a', longTerm: true, childrenInHousehold: true },
    { id: 'b', longTerm: true, childrenInHousehold: false },
    { id: 'c', longTerm: false, childrenInHousehold: false },
  ],
  events: [
    ev('a', '2025-12-10', 'referred'),
    ev('a', '2026-01-12', 'meeting_booked'),
    ev('a', '2026-01-20', 'attended'),
    ev('a', '2026-01-31', 'mapped'),
    ev('b', '2026-02-03', 'referred'),
    ev('b', '2026-02-27', 'closed'),
    ev('c', '2026-01-05', 'referred'),
    ev('c', '2026-03-02', 'meeting_booked'),
  ],
  placements: [],
  followUps: [],
  ...over,
});

const month = (board: ReturnType<typeof computeBoard>, m: string) => board.find((b) => b.month === m)!;

describe('target board: month-end stages from timeline events', () => {
  it('takes the last event on or before month end, for a person who moved several times in one month', () => {
    const board = computeBoard(base());
    const jan = month(board, '2026-01');
    expect(jan.stagesAtMonthEnd).toMatchObject({ mapped: 1, referred: 1, meeting_booked: 0, attended: 0 });
    expect(jan.openAtMonthEnd).toBe(2);
    // a moved referred → meeting_booked → attended → mapped in January: two stays ended there.
    expect(jan.timeInStage.referred).toEqual({ count: 1, medianDays: 33, p90Days: 33 });
    expect(jan.timeInStage.meeting_booked).toEqual({ count: 1, medianDays: 8, p90Days: 8 });
    expect(jan.timeInStage.attended).toEqual({ count: 1, medianDays: 11, p90Days: 11 });
    expect(jan.entered).toBe(1); // c; a entered in December
    const feb = month(board, '2026-02');
    expect(feb.entered).toBe(1);
    expect(feb.left).toBe(1);
    expect(feb.stagesAtMonthEnd.closed).toBe(1);
    expect(feb.longTerm).toEqual({
      openAtMonthEnd: 1,
      openWithChildren: 1,
      closedDuringMonth: 1,
      closedWithChildren: 0,
      target: null,
    });
    expect(month(board, '2026-03').stagesAtMonthEnd.meeting_booked).toBe(1);
  });

  it('orders events of the same day by their sequence, and counts a person once per month', () => {
    const board = computeBoard(
      base({
        events: [
          ev('a', '2026-03-10', 'referred'),
          ev('a', '2026-03-10', 'closed'),
          ev('a', '2026-03-20', 'referred'),
          ev('a', '2026-03-25', 'closed'),
        ],
      }),
    );
    const mar = month(board, '2026-03');
    expect(mar.entered).toBe(1);
    expect(mar.left).toBe(1);
    expect(mar.longTerm.closedDuringMonth).toBe(1);
    expect(mar.stagesAtMonthEnd.closed).toBe(1);
    expect(mar.timeInStage.referred).toEqual({ count: 2, medianDays: 0, p90Days: 5 });
    expect(month(board, '2026-02').stagesAtMonthEnd.referred).toBe(0);
  });

  it('counts exits by outcome and keeps a past month unchanged when later events are added', () => {
    const input = base({
      events: [...base().events, ev('c', '2026-03-30', 'exited', 'ordinary_job')],
      placements: [{ id: 1, kind: 'cleaning', start: '2026-02-15', end: '2026-03-29' }],
      followUps: [
        { participantId: 'x', monthsAfter: 6, dueDate: '2026-03-05', recordedOn: '2026-03-04', selfSupporting: 'yes' },
        { participantId: 'y', monthsAfter: 6, dueDate: '2026-03-28', recordedOn: null, selfSupporting: null },
      ],
      targets: { '2026-03': 4 },
    });
    const before = computeBoard(input);
    expect(month(before, '2026-03').exitsByOutcome).toMatchObject({ ordinary_job: 1, studies: 0 });
    expect(month(before, '2026-03').longTerm.target).toBe(4);
    const later = computeBoard({
      ...input,
      events: [
        ...input.events,
        ev('a', '2026-04-02', 'matching'),
        ev('b', '2026-04-03', 'referred'),
        ev('c', '2026-04-15', 'referred'),
        ev('d', '2026-04-16', 'referred'),
      ],
      placements: [...input.placements, { id: 2, kind: 'second_hand', start: '2026-04-01', end: null }],
      // The follow-up due in March is answered in April.
      followUps: [
        input.followUps[0]!,
        { participantId: 'y', monthsAfter: 6, dueDate: '2026-03-28', recordedOn: '2026-04-10', selfSupporting: 'no' },
      ],
    });
    for (const m of ['2026-01', '2026-02', '2026-03']) expect(month(later, m)).toEqual(month(before, m));
    expect(month(later, '2026-04')).not.toEqual(month(before, '2026-04'));
    expect(month(later, '2026-04').followUps.sixMonths).toEqual({
      due: 2,
      yes: 1,
      no: 1,
      unknown: 0,
      shareSelfSupporting: 0.5,
    });
    expect(month(later, '2026-03').followUps.sixMonths).toEqual({
      due: 2,
      yes: 1,
      no: 0,
      unknown: 1,
      shareSelfSupporting: 1,
    });
  });

  it('gives the same board whatever the order of the event rows', () => {
    const input = base();
    const reversed = { ...input, events: [...input.events].reverse() };
    const interleaved = { ...input, events: [...input.events].sort((x, y) => (x.date < y.date ? -1 : 1)) };
    expect(computeBoard(reversed)).toEqual(computeBoard(input));
    expect(computeBoard(interleaved)).toEqual(computeBoard(input));
  });

  it('counts placements started and active per kind', () => {
    const board = computeBoard(
      base({
        placements: [
          { id: 1, kind: 'cleaning', start: '2026-01-15', end: '2026-02-01' },
          { id: 2, kind: 'cleaning', start: '2025-11-01', end: null },
          { id: 3, kind: 'summer_job', start: '2026-03-02', end: '2026-03-20' },
        ],
      }),
    );
    expect(month(board, '2026-01').placements).toEqual({ started: { cleaning: 1 }, active: { cleaning: 2 } });
    expect(month(board, '2026-02').placements).toEqual({ started: {}, active: { cleaning: 2 } });
    expect(month(board, '2026-03').placements).toEqual({
      started: { summer_job: 1 },
      active: { cleaning: 1, summer_job: 1 },
    });
  });

  it('computes the median and 90th percentile by nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(sorted, 50)).toBe(5);
    expect(nearestRank(sorted, 90)).toBe(9);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([1, 2, 3, 4, 100], 50)).toBe(3);
    expect(nearestRank([1, 2, 3, 4, 100], 90)).toBe(100);
    expect(sameMonthLastYear('2026-03')).toBe('2025-03');
  });

  it('counts follow-ups in a rolling window, unknown until recorded', () => {
    const fu = (
      dueDate: string,
      recordedOn: string | null,
      selfSupporting: 'yes' | 'no' | 'unknown' | null,
      monthsAfter: 6 | 12 = 12,
    ) => ({
      participantId: 'p',
      monthsAfter,
      dueDate,
      recordedOn,
      selfSupporting,
    });
    const board = computeBoard(
      base({
        months: ['2026-04'],
        followUps: [
          fu('2025-04-30', '2025-05-01', 'yes'), // outside the 12-month window (May 2025 – April 2026)
          fu('2025-05-01', '2025-05-01', 'yes'),
          fu('2026-01-10', '2026-01-10', 'no'),
          fu('2026-02-10', null, null),
          fu('2026-03-10', '2026-03-10', 'unknown'),
          fu('2026-04-30', '2026-04-30', 'yes', 6),
        ],
      }),
    );
    expect(board[0]!.followUps.twelveMonths).toEqual({ due: 4, yes: 1, no: 1, unknown: 2, shareSelfSupporting: 0.5 });
    expect(board[0]!.followUps.sixMonths).toEqual({ due: 1, yes: 1, no: 0, unknown: 0, shareSelfSupporting: 1 });
  });
});

describe('small-cell suppression', () => {
  it('shows 1–4 people as "<5", keeps 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppressCount(n))).toEqual([0, '<5', '<5', 5, 12]);
    expect(suppressCount(2, 3)).toBe('<3');
  });

  it('suppresses every count of the board, withholds durations and shares of small groups', () => {
    const [jan] = suppressBoard(computeBoard(base({ months: ['2026-01'] })));
    expect(jan!.openAtMonthEnd).toBe('<5');
    expect(jan!.stagesAtMonthEnd.mapped).toBe('<5');
    expect(jan!.stagesAtMonthEnd.placed).toBe(0);
    expect(jan!.timeInStage.referred).toEqual({ count: '<5', medianDays: null, p90Days: null });
    const many = Array.from({ length: 6 }, (_, i) => [
      ev(`p${i}`, '2026-01-02', 'referred'),
      ev(`p${i}`, `2026-01-${10 + i}`, 'meeting_booked'),
    ]).flat();
    const [big] = suppressBoard(computeBoard(base({ months: ['2026-01'], participants: [], events: many })));
    expect(big!.timeInStage.referred).toEqual({ count: 6, medianDays: 10, p90Days: 13 });
    expect(big!.entered).toBe(6);
  });
});
