import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SUBSIDY_WARNING_THRESHOLDS,
  endingSoon,
  extensionStartDate,
  subsidyEndDate,
  validateExtension,
} from '../../../src/shared/rules/subsidy';
import { addDays, diffDays, isoDateParts } from '../../../src/shared/rules/dates';

describe('subsidyEndDate: start + N months − 1 day with month-end clamping', () => {
  it.each([
    // start, months, last day
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-01-01', 1, '2026-01-31'],
    ['2026-01-15', 1, '2026-02-14'],
    ['2026-02-01', 1, '2026-02-28'],
    ['2024-02-01', 1, '2024-02-29'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2026-04-30', 1, '2026-05-29'],
    ['2026-12-01', 1, '2026-12-31'],
    ['2026-12-15', 1, '2027-01-14'],
    ['2026-08-17', 6, '2027-02-16'],
  ])('%s + %i months ends %s', (start, months, end) => {
    expect(subsidyEndDate(start, months)).toBe(end);
  });

  it.each([
    // 31 January + 1 month ends on the last day of February, whatever its length
    ['2024-01-31', '2024-02-29'],
    ['2028-01-31', '2028-02-29'],
    ['2025-01-31', '2025-02-28'],
    ['2026-01-31', '2026-02-28'],
    ['2100-01-31', '2100-02-28'], // 2100 is not a leap year
    ['2000-01-31', '2000-02-29'], // 2000 is
  ])('31 January %s + 1 month ends %s', (start, end) => {
    expect(subsidyEndDate(start, 1)).toBe(end);
  });

  it('treats 29 and 30 January by whether the day exists in February', () => {
    expect(subsidyEndDate('2024-01-29', 1)).toBe('2024-02-28'); // 29 Feb 2024 exists → day before
    expect(subsidyEndDate('2025-01-29', 1)).toBe('2025-02-28'); // no 29 Feb → month end
    expect(subsidyEndDate('2028-01-30', 1)).toBe('2028-02-29');
    expect(subsidyEndDate('2026-01-30', 1)).toBe('2026-02-28');
    expect(subsidyEndDate('2026-01-28', 1)).toBe('2026-02-27');
  });

  it('clamps at other short months too', () => {
    expect(subsidyEndDate('2026-03-31', 1)).toBe('2026-04-30');
    expect(subsidyEndDate('2026-05-31', 1)).toBe('2026-06-30');
    expect(subsidyEndDate('2026-08-31', 3)).toBe('2026-11-30');
    expect(subsidyEndDate('2026-10-31', 4)).toBe('2027-02-28');
    expect(subsidyEndDate('2027-10-31', 4)).toBe('2028-02-29');
  });

  it('handles 24-month decisions across leap years', () => {
    expect(subsidyEndDate('2026-03-01', 24)).toBe('2028-02-29');
    expect(subsidyEndDate('2025-03-01', 24)).toBe('2027-02-28');
    expect(subsidyEndDate('2024-02-29', 24)).toBe('2026-02-28'); // no 29 Feb 2026 → month end
    expect(subsidyEndDate('2026-02-28', 24)).toBe('2028-02-27'); // 28 Feb 2028 exists
    expect(subsidyEndDate('2024-01-31', 24)).toBe('2026-01-30');
    expect(subsidyEndDate('2026-01-01', 24)).toBe('2027-12-31');
    expect(subsidyEndDate('2099-02-01', 12)).toBe('2100-01-31');
    expect(subsidyEndDate('2098-03-01', 24)).toBe('2100-02-28');
    expect(subsidyEndDate('2026-03-01', 12)).toBe('2027-02-28');
    expect(subsidyEndDate('2027-03-01', 12)).toBe('2028-02-29');
  });

  it('rejects a non-positive or fractional number of months and an invalid start', () => {
    expect(() => subsidyEndDate('2026-01-01', 0)).toThrow(RangeError);
    expect(() => subsidyEndDate('2026-01-01', -3)).toThrow(RangeError);
    expect(() => subsidyEndDate('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => subsidyEndDate('2026-02-30', 1)).toThrow(RangeError);
  });

  it('always ends in the right month, one month lasting 28–31 days and a year 365–366 days', () => {
    const startArb = fc.integer({ min: 0, max: 365 * 120 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const end = subsidyEndDate(start, months);
        const s = isoDateParts(start);
        const e = isoDateParts(end);
        // The end lies in the N-th month after the start, or the month before it when the start is the 1st.
        const monthOffset = e.year * 12 + e.month - (s.year * 12 + s.month);
        expect(monthOffset).toBe(s.day === 1 ? months - 1 : months);
        expect(diffDays(start, end)).toBeGreaterThan(0);
        const oneMonth = diffDays(start, subsidyEndDate(start, 1)) + 1;
        expect(oneMonth).toBeGreaterThanOrEqual(28);
        expect(oneMonth).toBeLessThanOrEqual(31);
        expect([365, 366]).toContain(diffDays(start, subsidyEndDate(start, 12)) + 1);
      }),
    );
  });
});

describe('extensionStartDate', () => {
  it('continues on the day after the previous end', () => {
    expect(extensionStartDate('2026-02-28')).toBe('2026-03-01');
    expect(extensionStartDate('2028-02-28')).toBe('2028-02-29');
    expect(extensionStartDate('2026-12-31')).toBe('2027-01-01');
    // 31 Jan + 1 month, then a 1-month extension: the extension covers March exactly.
    expect(subsidyEndDate(extensionStartDate(subsidyEndDate('2026-01-31', 1)), 1)).toBe('2026-03-31');
  });
});

describe('validateExtension', () => {
  it('allows an extension up to the maximum exactly', () => {
    expect(validateExtension({ maxMonths: 24, periods: [{ months: 12 }], addMonths: 12 })).toEqual({
      ok: true,
      totalMonths: 24,
      remainingMonths: 0,
    });
    expect(validateExtension({ maxMonths: 24, periods: [{ months: 6 }, { months: 6 }], addMonths: 6 })).toEqual({
      ok: true,
      totalMonths: 18,
      remainingMonths: 6,
    });
  });

  it('refuses an extension that would exceed the maximum, saying how much room is left', () => {
    const result = validateExtension({ maxMonths: 24, periods: [{ months: 12 }, { months: 6 }], addMonths: 12 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(
      'Förlängningen med 12 månader ger totalt 30 månader, men stödformen tillåter högst 24 månader ' +
        '(18 månader är redan beviljade). Som mest kan stödet förlängas med 6 månader.',
    );
  });

  it('uses the singular for one month', () => {
    const result = validateExtension({ maxMonths: 12, periods: [{ months: 11 }], addMonths: 2 });
    expect(result).toEqual({
      ok: false,
      reason:
        'Förlängningen med 2 månader ger totalt 13 månader, men stödformen tillåter högst 12 månader ' +
        '(11 månader är redan beviljade). Som mest kan stödet förlängas med 1 månad.',
    });
  });

  it('says when the maximum is already reached', () => {
    const result = validateExtension({ maxMonths: 12, periods: [{ months: 12 }], addMonths: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/redan nått sin längsta tid och kan inte förlängas/);
  });

  it('checks a first decision when there are no earlier periods', () => {
    expect(validateExtension({ maxMonths: 24, periods: [], addMonths: 24 })).toEqual({
      ok: true,
      totalMonths: 24,
      remainingMonths: 0,
    });
    expect(validateExtension({ maxMonths: 24, periods: [], addMonths: 25 })).toEqual({
      ok: false,
      reason: 'Stödperioden på 25 månader är längre än stödformens längsta tid, 24 månader.',
    });
  });

  it('rejects nonsensical numbers with Swedish reasons', () => {
    const reasonFor = (input: Parameters<typeof validateExtension>[0]) => {
      const r = validateExtension(input);
      return r.ok ? null : r.reason;
    };
    expect(reasonFor({ maxMonths: 24, periods: [{ months: 12 }], addMonths: 0 })).toMatch(/^Förlängningen måste vara/);
    expect(reasonFor({ maxMonths: 24, periods: [{ months: 12 }], addMonths: 1.5 })).toMatch(
      /^Förlängningen måste vara/,
    );
    expect(reasonFor({ maxMonths: 0, periods: [{ months: 12 }], addMonths: 1 })).toMatch(/^Stödformens längsta tid/);
    expect(reasonFor({ maxMonths: 24, periods: [{ months: 0 }], addMonths: 1 })).toMatch(/ogiltig längd/);
  });

  it('never accepts a total above the maximum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 48 }),
        fc.array(fc.integer({ min: 1, max: 24 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 24 }),
        (maxMonths, periodMonths, addMonths) => {
          const result = validateExtension({
            maxMonths,
            periods: periodMonths.map((months) => ({ months })),
            addMonths,
          });
          const total = periodMonths.reduce((a, b) => a + b, 0) + addMonths;
          expect(result.ok).toBe(total <= maxMonths);
          if (result.ok) expect(result.totalMonths + result.remainingMonths).toBe(maxMonths);
        },
      ),
    );
  });
});

describe('endingSoon', () => {
  const end = '2027-06-30';
  const on = (daysLeft: number) => endingSoon(end, addDays(end, -daysLeft));

  it('reports no warning more than 90 days before the end', () => {
    expect(on(200)).toEqual({ daysLeft: 200, threshold: null, ended: false });
    expect(on(91)).toEqual({ daysLeft: 91, threshold: null, ended: false });
  });

  it('reports the tightest threshold reached', () => {
    expect(on(90)).toEqual({ daysLeft: 90, threshold: 90, ended: false });
    expect(on(61)).toEqual({ daysLeft: 61, threshold: 90, ended: false });
    expect(on(60)).toEqual({ daysLeft: 60, threshold: 60, ended: false });
    expect(on(31)).toEqual({ daysLeft: 31, threshold: 60, ended: false });
    expect(on(30)).toEqual({ daysLeft: 30, threshold: 30, ended: false });
    expect(on(1)).toEqual({ daysLeft: 1, threshold: 30, ended: false });
  });

  it('still warns on the last day and reports ended the day after', () => {
    expect(endingSoon(end, end)).toEqual({ daysLeft: 0, threshold: 30, ended: false });
    expect(endingSoon(end, '2027-07-01')).toEqual({ daysLeft: -1, threshold: null, ended: true });
  });

  it('counts calendar days across February in leap and common years', () => {
    expect(endingSoon('2028-03-01', '2027-12-02')).toEqual({ daysLeft: 90, threshold: 90, ended: false });
    expect(endingSoon('2027-03-01', '2026-12-02')).toEqual({ daysLeft: 89, threshold: 90, ended: false });
    expect(endingSoon('2026-03-01', '2025-12-01').daysLeft).toBe(90);
    expect(endingSoon('2025-03-01', '2024-12-01').threshold).toBe(90);
    expect(endingSoon('2025-03-01', '2024-11-30').threshold).toBeNull(); // 91 days left
  });

  it('exposes the thresholds loosest first', () => {
    expect([...SUBSIDY_WARNING_THRESHOLDS]).toEqual([90, 60, 30]);
  });
});
