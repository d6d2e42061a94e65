import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CUTOFF_WORKING_DAYS,
  agendaMeetingFor,
  cutoffDate,
  generateReviewMeetingDates,
  nextWorkingDayOnOrAfter,
  reviewScheduleSettingsSchema,
  type ReviewScheduleSettings,
} from '../../../src/shared/rules/review-schedule';
import { isWorkingDay, nonWorkingDayName, publicHolidays } from '../../../src/main/calendar/holidays';
import { addDays, diffDays, isoWeek, isoWeeksInYear, weekday } from '../../../src/shared/rules/dates';

const settings = (overrides: Partial<ReviewScheduleSettings> = {}): ReviewScheduleSettings => ({
  weekday: 4,
  parity: 'even',
  time: '13:00',
  cutoffWorkingDays: DEFAULT_CUTOFF_WORKING_DAYS,
  ...overrides,
});

/** Plain Monday–Friday calendar without holidays, for checks independent of the Swedish calendar. */
const weekdaysOnly = (d: string) => weekday(d) <= 5;

function holidayDate(year: number, name: string): string {
  const found = publicHolidays(year).find((h) => h.name === name);
  if (!found) throw new Error(`${name} ${year} not found`);
  return found.date;
}

describe('generateReviewMeetingDates: regular slots', () => {
  it('meets on the configured weekday of every week with the configured parity', () => {
    const meetings = generateReviewMeetingDates(settings(), '2026-03-01', '2026-04-30', weekdaysOnly);
    expect(meetings).toEqual([
      { plannedDate: '2026-03-05', date: '2026-03-05' }, // week 10
      { plannedDate: '2026-03-19', date: '2026-03-19' }, // week 12
      { plannedDate: '2026-04-02', date: '2026-04-02' }, // week 14
      { plannedDate: '2026-04-16', date: '2026-04-16' }, // week 16
      { plannedDate: '2026-04-30', date: '2026-04-30' }, // week 18
    ]);
    const odd = generateReviewMeetingDates(
      settings({ parity: 'odd', weekday: 2 }),
      '2026-03-01',
      '2026-03-31',
      weekdaysOnly,
    );
    expect(odd.map((m) => m.plannedDate)).toEqual(['2026-03-10', '2026-03-24']); // weeks 11 and 13
  });

  it('includes slots on both range bounds and none outside', () => {
    const meetings = generateReviewMeetingDates(settings(), '2026-03-05', '2026-03-19', weekdaysOnly);
    expect(meetings.map((m) => m.plannedDate)).toEqual(['2026-03-05', '2026-03-19']);
    expect(generateReviewMeetingDates(settings(), '2026-03-06', '2026-03-18', weekdaysOnly)).toEqual([]);
    expect(generateReviewMeetingDates(settings(), '2026-03-20', '2026-03-01', weekdaysOnly)).toEqual([]);
  });

  it('matches a brute-force scan of every day over 2025–2035, for every weekday and parity', () => {
    for (const parity of ['even', 'odd'] as const) {
      for (const day of [1, 2, 3, 4, 5] as const) {
        const meetings = generateReviewMeetingDates(
          settings({ weekday: day, parity }),
          '2025-01-01',
          '2035-12-31',
          isWorkingDay,
        );
        const expected: string[] = [];
        for (let d = '2025-01-01'; d <= '2035-12-31'; d = addDays(d, 1)) {
          if (weekday(d) === day && isoWeek(d).week % 2 === (parity === 'even' ? 0 : 1)) expected.push(d);
        }
        expect(meetings.map((m) => m.plannedDate)).toEqual(expected);
        for (const m of meetings) {
          expect(isWorkingDay(m.date)).toBe(true);
          expect(m.date >= m.plannedDate).toBe(true);
          // Every day skipped over is a non-working day.
          for (let d = m.plannedDate; d < m.date; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
          expect(m.movedReason === undefined).toBe(m.date === m.plannedDate);
        }
      }
    }
  });
});

describe('generateReviewMeetingDates: ISO week parity around 53-week years', () => {
  it('2026 has 53 ISO weeks: odd parity meets in week 53 and again in week 1', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    const odd = generateReviewMeetingDates(
      settings({ weekday: 2, parity: 'odd' }),
      '2026-12-01',
      '2027-01-31',
      isWorkingDay,
    );
    expect(odd.map((m) => m.plannedDate)).toEqual([
      '2026-12-01',
      '2026-12-15',
      '2026-12-29',
      '2027-01-05',
      '2027-01-19',
    ]);
    expect(isoWeek('2026-12-29').week).toBe(53);
    expect(isoWeek('2027-01-05').week).toBe(1);
  });

  it('even parity skips from week 52 to week 2 over a 53-week year', () => {
    const even = generateReviewMeetingDates(
      settings({ weekday: 2, parity: 'even' }),
      '2026-12-01',
      '2027-01-31',
      isWorkingDay,
    );
    expect(even.map((m) => m.plannedDate)).toEqual(['2026-12-08', '2026-12-22', '2027-01-12', '2027-01-26']);
  });

  it('keeps a strict fortnight across a 52-week year end', () => {
    const meetings = generateReviewMeetingDates(
      settings({ weekday: 2, parity: 'even' }),
      '2025-12-01',
      '2026-01-31',
      weekdaysOnly,
    );
    const planned = meetings.map((m) => m.plannedDate);
    for (let i = 1; i < planned.length; i++) expect(diffDays(planned[i - 1]!, planned[i]!)).toBe(14);
  });

  it('has gaps of 14 days except 7 (odd) or 21 (even) days after week 53', () => {
    for (const parity of ['even', 'odd'] as const) {
      const planned = generateReviewMeetingDates(settings({ parity }), '2019-01-01', '2034-12-31', weekdaysOnly).map(
        (m) => m.plannedDate,
      );
      for (let i = 1; i < planned.length; i++) {
        const previous = planned[i - 1]!;
        const gap = diffDays(previous, planned[i]!);
        const afterWeek53 =
          isoWeek(previous).week === 53 ||
          (parity === 'even' && isoWeek(previous).week === 52 && isoWeeksInYear(isoWeek(previous).year) === 53);
        if (!afterWeek53) expect(gap, previous).toBe(14);
        else expect(gap, previous).toBe(parity === 'odd' ? 7 : 21);
      }
    }
  });
});

describe('generateReviewMeetingDates: holiday moves', () => {
  it('moves a Thursday meeting on Ascension Day to the Friday, for 2025–2030', () => {
    for (let year = 2025; year <= 2030; year++) {
      const ascension = holidayDate(year, 'Kristi himmelsfärdsdag');
      const parity = isoWeek(ascension).week % 2 === 0 ? 'even' : 'odd';
      const [meeting] = generateReviewMeetingDates(
        settings({ parity }),
        ascension,
        ascension,
        isWorkingDay,
        nonWorkingDayName,
      );
      expect(meeting).toEqual({
        plannedDate: ascension,
        date: addDays(ascension, 1),
        movedReason: expect.stringContaining('(Kristi himmelsfärdsdag)'),
      });
    }
  });

  it('explains the move in Swedish', () => {
    const [meeting] = generateReviewMeetingDates(
      settings(),
      '2026-05-14',
      '2026-05-14',
      isWorkingDay,
      nonWorkingDayName,
    );
    expect(meeting?.movedReason).toBe(
      'Ordinarie mötesdag torsdag 2026-05-14 (Kristi himmelsfärdsdag) är inte en arbetsdag; mötet flyttas till fredag 2026-05-15.',
    );
    const [plain] = generateReviewMeetingDates(settings(), '2026-05-14', '2026-05-14', isWorkingDay);
    expect(plain?.movedReason).toBe(
      'Ordinarie mötesdag torsdag 2026-05-14 är inte en arbetsdag; mötet flyttas till fredag 2026-05-15.',
    );
  });

  it('moves a Friday meeting on Good Friday to the Tuesday after Easter Monday, for 2025–2030', () => {
    for (let year = 2025; year <= 2030; year++) {
      const goodFriday = holidayDate(year, 'Långfredagen');
      const parity = isoWeek(goodFriday).week % 2 === 0 ? 'even' : 'odd';
      const [meeting] = generateReviewMeetingDates(
        settings({ weekday: 5, parity }),
        goodFriday,
        goodFriday,
        isWorkingDay,
        nonWorkingDayName,
      );
      expect(meeting?.date).toBe(addDays(goodFriday, 4));
      expect(weekday(meeting!.date)).toBe(2);
      expect(meeting?.movedReason).toContain('(Långfredagen)');
    }
  });

  it('moves a Thursday Christmas Eve meeting past Christmas to Monday', () => {
    const [meeting] = generateReviewMeetingDates(
      settings(),
      '2026-12-24',
      '2026-12-24',
      isWorkingDay,
      nonWorkingDayName,
    );
    expect(meeting).toMatchObject({ plannedDate: '2026-12-24', date: '2026-12-28' });
    expect(meeting?.movedReason).toContain('(Julafton)');
  });

  it('moves a Midsummer Eve meeting to Monday and a National Day meeting to the next day', () => {
    // Midsummer Eve 2026-06-19 is a Friday in week 25; National Day 2029-06-06 is a Wednesday in week 23.
    expect(
      generateReviewMeetingDates(settings({ weekday: 5, parity: 'odd' }), '2026-06-19', '2026-06-19', isWorkingDay)[0]
        ?.date,
    ).toBe('2026-06-22');
    expect(
      generateReviewMeetingDates(settings({ weekday: 3, parity: 'odd' }), '2029-06-06', '2029-06-06', isWorkingDay)[0]
        ?.date,
    ).toBe('2029-06-07');
  });

  it('lists a slot in range even when the moved date falls after the range', () => {
    const meetings = generateReviewMeetingDates(settings(), '2026-12-01', '2026-12-24', isWorkingDay);
    expect(meetings.at(-1)).toMatchObject({ plannedDate: '2026-12-24', date: '2026-12-28' });
  });

  it('uses only the given predicate (pure)', () => {
    const closed = new Set(['2026-03-05', '2026-03-06']);
    const predicate = (d: string) => weekdaysOnly(d) && !closed.has(d);
    const [meeting] = generateReviewMeetingDates(settings(), '2026-03-05', '2026-03-05', predicate);
    expect(meeting).toMatchObject({ plannedDate: '2026-03-05', date: '2026-03-09' });
  });

  it('refuses a predicate that never yields a working day, and invalid settings', () => {
    expect(() => generateReviewMeetingDates(settings(), '2026-03-01', '2026-03-31', () => false)).toThrow(
      /No working day/,
    );
    expect(() =>
      generateReviewMeetingDates(
        { ...settings(), weekday: 6 as unknown as 1 },
        '2026-03-01',
        '2026-03-31',
        weekdaysOnly,
      ),
    ).toThrow(RangeError);
    expect(() => generateReviewMeetingDates(settings(), '2026-03-01', '2026-02-30', weekdaysOnly)).toThrow(RangeError);
  });
});

describe('cutoffDate', () => {
  it('is the N-th working day before the meeting', () => {
    expect(cutoffDate('2026-03-12', 2, isWorkingDay)).toBe('2026-03-10'); // Thursday → Tuesday
    expect(cutoffDate('2026-03-12', 1, isWorkingDay)).toBe('2026-03-11');
    expect(cutoffDate('2026-03-12', 0, isWorkingDay)).toBe('2026-03-12'); // the meeting day itself
    expect(cutoffDate('2026-11-24', 2, isWorkingDay)).toBe('2026-11-20'); // Tuesday → Friday before
    expect(cutoffDate('2026-11-24', 5, isWorkingDay)).toBe('2026-11-17');
  });

  it('skips holidays when counting back', () => {
    // Meeting Tuesday after Easter 2026: Easter Monday and Good Friday do not count.
    expect(cutoffDate('2026-04-07', 2, isWorkingDay)).toBe('2026-04-01');
    // Meeting Monday 28 December 2026: 26, 25 (holidays), 24 (eve) do not count.
    expect(cutoffDate('2026-12-28', 2, isWorkingDay)).toBe('2026-12-22');
    // Meeting Friday after Ascension Day 2026.
    expect(cutoffDate('2026-05-15', 2, isWorkingDay)).toBe('2026-05-12');
  });

  it('rejects a negative or fractional cutoff', () => {
    expect(() => cutoffDate('2026-03-12', -1, isWorkingDay)).toThrow(RangeError);
    expect(() => cutoffDate('2026-03-12', 1.5, isWorkingDay)).toThrow(RangeError);
    expect(() => cutoffDate('2026-03-12', 1, () => false)).toThrow(/No working day/);
  });
});

describe('agendaMeetingFor', () => {
  // Thursday, odd weeks: 2026-03-12 (w11), 2026-03-26 (w13), 2026-04-09 (w15), ...
  const meetings = generateReviewMeetingDates(settings({ parity: 'odd' }), '2026-03-01', '2026-06-30', isWorkingDay);

  it('puts a proposal submitted exactly on the cutoff on that meeting', () => {
    expect(agendaMeetingFor('2026-03-10', meetings, 2, isWorkingDay)?.date).toBe('2026-03-12');
  });

  it('puts a proposal submitted one day after the cutoff on the next meeting', () => {
    expect(agendaMeetingFor('2026-03-11', meetings, 2, isWorkingDay)?.date).toBe('2026-03-26');
    expect(agendaMeetingFor('2026-03-12', meetings, 2, isWorkingDay)?.date).toBe('2026-03-26');
  });

  it('accepts early and weekend submissions for the next meeting', () => {
    expect(agendaMeetingFor('2026-01-15', meetings, 2, isWorkingDay)?.date).toBe('2026-03-12');
    expect(agendaMeetingFor('2026-03-21', meetings, 2, isWorkingDay)?.date).toBe('2026-03-26'); // Saturday
  });

  it('counts the cutoff from the actual (moved) meeting date', () => {
    // Even Thursdays: 2026-05-14 (Ascension Day) is held on Friday 2026-05-15, then 2026-05-28.
    const even = generateReviewMeetingDates(settings(), '2026-05-01', '2026-06-30', isWorkingDay);
    const moved = even.find((m) => m.plannedDate === '2026-05-14');
    expect(moved?.date).toBe('2026-05-15');
    expect(agendaMeetingFor('2026-05-12', even, 2, isWorkingDay)).toBe(moved);
    expect(agendaMeetingFor('2026-05-13', even, 2, isWorkingDay)?.date).toBe('2026-05-28');
  });

  it('respects the configured number of cutoff days', () => {
    expect(agendaMeetingFor('2026-03-12', meetings, 0, isWorkingDay)?.date).toBe('2026-03-12');
    // Five working days before Thursday 2026-03-12 is Thursday 2026-03-05.
    expect(agendaMeetingFor('2026-03-05', meetings, 5, isWorkingDay)?.date).toBe('2026-03-12');
    expect(agendaMeetingFor('2026-03-06', meetings, 5, isWorkingDay)?.date).toBe('2026-03-26');
  });

  it('does not depend on the order of the meetings and returns undefined when too late for all', () => {
    const shuffled = [...meetings].reverse();
    expect(agendaMeetingFor('2026-03-11', shuffled, 2, isWorkingDay)?.date).toBe('2026-03-26');
    expect(agendaMeetingFor('2026-07-01', meetings, 2, isWorkingDay)).toBeUndefined();
    expect(agendaMeetingFor('2026-03-11', [], 2, isWorkingDay)).toBeUndefined();
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it('returns the day itself when it is a working day', () => {
    expect(nextWorkingDayOnOrAfter('2026-11-23', isWorkingDay)).toBe('2026-11-23');
    expect(nextWorkingDayOnOrAfter('2026-11-21', isWorkingDay)).toBe('2026-11-23');
    expect(nextWorkingDayOnOrAfter('2026-12-24', isWorkingDay)).toBe('2026-12-28');
  });
});

describe('reviewScheduleSettingsSchema', () => {
  it('accepts valid settings', () => {
    expect(reviewScheduleSettingsSchema.parse(settings())).toEqual(settings());
    expect(reviewScheduleSettingsSchema.safeParse({ ...settings(), time: '08:05', cutoffWorkingDays: 0 }).success).toBe(
      true,
    );
  });

  it('rejects invalid settings with Swedish messages naming the problem', () => {
    const messageFor = (value: unknown) => {
      const result = reviewScheduleSettingsSchema.safeParse(value);
      return result.success ? null : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messageFor({ ...settings(), weekday: 6 })).toEqual([
      'weekday: Veckodag ska vara en vardag, 1 (måndag) till 5 (fredag).',
    ]);
    expect(messageFor({ ...settings(), parity: 'jämn' })).toEqual([
      'parity: Veckoparitet ska vara jämna eller udda veckor.',
    ]);
    expect(messageFor({ ...settings(), time: '24:00' })).toEqual(['time: Tid ska anges som TT:MM, t.ex. 13:00.']);
    expect(messageFor({ ...settings(), time: '9:00' })).toEqual(['time: Tid ska anges som TT:MM, t.ex. 13:00.']);
    expect(messageFor({ ...settings(), cutoffWorkingDays: -1 })).toEqual([
      'cutoffWorkingDays: Sista dag för ärenden kan inte vara negativ.',
    ]);
    expect(messageFor({ ...settings(), cutoffWorkingDays: 1.5 })).toEqual([
      'cutoffWorkingDays: Sista dag för ärenden ska vara ett helt antal arbetsdagar.',
    ]);
  });
});
