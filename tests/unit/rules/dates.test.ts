import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonthsClamped,
  compare,
  dateOfIsoWeek,
  daysInMonth,
  diffDays,
  formatIsoDate,
  isLeapYear,
  isValidIsoDate,
  isoDateParts,
  isoWeek,
  isoWeeksInYear,
  maxDate,
  minDate,
  weekday,
} from '../../../src/shared/rules/dates';

/** Independent oracle: the built-in Date in UTC (valid for years ≥ 1000 used here). */
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const dateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => fromUtc(d));

describe('isValidIsoDate', () => {
  it('accepts real days only', () => {
    expect(isValidIsoDate('2026-11-23')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-01-00')).toBe(false);
    expect(isValidIsoDate('0000-01-01')).toBe(false);
  });

  it('accepts the exact format only', () => {
    for (const bad of ['2026-1-05', '26-01-05', '2026/01/05', ' 2026-01-05', '2026-01-05T00:00', '20260105', '', 'x']) {
      expect(isValidIsoDate(bad), bad).toBe(false);
    }
    expect(isValidIsoDate(20260105)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect([2024, 2028, 2000, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2025, 2026, 2100, 1900].map(isLeapYear)).toEqual([false, false, false, false]);
  });

  it('knows the month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(() => daysInMonth(2026, 13)).toThrow(RangeError);
  });
});

describe('addDays and diffDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29'); // DST change in Sweden does not matter
    expect(diffDays('2026-01-01', '2026-12-31')).toBe(364);
    expect(diffDays('2024-01-01', '2024-12-31')).toBe(365);
    expect(diffDays('2026-03-28', '2026-03-30')).toBe(2);
    expect(diffDays('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('rejects invalid input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => diffDays('2026-01-01', 'tomorrow')).toThrow(RangeError);
  });

  it('agrees with UTC Date arithmetic', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40000, max: 40000 }), (date, n) => {
        const expected = fromUtc(new Date(utcDate(date).getTime() + n * 86_400_000));
        expect(addDays(date, n)).toBe(expected);
        expect(diffDays(date, expected)).toBe(n);
      }),
    );
  });
});

describe('addMonthsClamped', () => {
  it('keeps the day of the month when it exists', () => {
    expect(addMonthsClamped('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonthsClamped('2026-11-30', 2)).toBe('2027-01-30');
    expect(addMonthsClamped('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonthsClamped('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonthsClamped('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonthsClamped('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('always lands in the right month on a day no later than the original', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -240, max: 240 }), (date, n) => {
        const result = addMonthsClamped(date, n);
        const from = isoDateParts(date);
        const to = isoDateParts(result);
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(n);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });
});

describe('weekday and ISO weeks', () => {
  it('numbers weekdays from Monday = 1', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-11-29')).toBe(7);
    expect(weekday('2026-05-14')).toBe(4);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-31')).toBe(3);
  });

  it('agrees with Date.getUTCDay', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(weekday(date) % 7).toBe(utcDate(date).getUTCDay());
      }),
    );
  });

  it('puts days around New Year in the right ISO year', () => {
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }); // Thursday
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2026-11-23')).toEqual({ year: 2026, week: 48 });
  });

  it('counts 52 or 53 weeks per ISO year', () => {
    expect([2020, 2026, 2032, 2037].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2024, 2025, 2027, 2028].map(isoWeeksInYear)).toEqual([52, 52, 52, 52, 52]);
  });

  it('maps (ISO year, week, weekday) back to a date', () => {
    expect(dateOfIsoWeek(2026, 1, 1)).toBe('2025-12-29');
    expect(dateOfIsoWeek(2026, 53, 5)).toBe('2027-01-01');
    expect(dateOfIsoWeek(2026, 20, 4)).toBe('2026-05-14');
    expect(() => dateOfIsoWeek(2025, 53, 1)).toThrow(RangeError);
    expect(() => dateOfIsoWeek(2025, 0, 1)).toThrow(RangeError);
  });

  it('round-trips every date through isoWeek and dateOfIsoWeek, and weeks are 7 days apart', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const { year, week } = isoWeek(date);
        expect(dateOfIsoWeek(year, week, weekday(date))).toBe(date);
        const next = isoWeek(addDays(date, 7));
        const expectedNext = week === isoWeeksInYear(year) ? { year: year + 1, week: 1 } : { year, week: week + 1 };
        expect(next).toEqual(expectedNext);
      }),
    );
  });
});

describe('compare, min, max, format', () => {
  it('orders dates chronologically', () => {
    expect(compare('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compare('2026-01-10', '2026-01-10')).toBe(0);
    expect(compare('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compare)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ]);
    expect(minDate('2026-03-01', '2026-02-28')).toBe('2026-02-28');
    expect(maxDate('2026-03-01', '2026-02-28')).toBe('2026-03-01');
    expect(() => compare('2026-01-01', '2026-1-1')).toThrow(RangeError);
  });

  it('formats and splits dates', () => {
    expect(formatIsoDate(2026, 5, 4)).toBe('2026-05-04');
    expect(() => formatIsoDate(2026, 2, 29)).toThrow(RangeError);
    expect(isoDateParts('2026-05-04')).toEqual({ year: 2026, month: 5, day: 4 });
  });
});
