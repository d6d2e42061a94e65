import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extensionStartDate, subsidyEndDate, validateExtension } from '../../../src/shared/rules/subsidy';
import { addDays, addMonthsClamped, diffDays } from '../../../src/shared/rules/dates';

/** docs/product.md §4 rule 4: end = start + N months − 1 day, month-end clamping; extensions never past the type's maximum. */
describe('placement duration', () => {
  it('ends the day before the same day-of-month N months later', () => {
    expect(subsidyEndDate('2026-12-01', 12)).toBe('2027-11-30');
    expect(subsidyEndDate('2026-01-15', 1)).toBe('2026-02-14');
    expect(subsidyEndDate('2026-03-10', 12)).toBe('2027-03-09');
  });

  it('clamps 31 January + 1 month to the end of February in common and leap years', () => {
    expect(subsidyEndDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(subsidyEndDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(subsidyEndDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(subsidyEndDate('2100-01-31', 1)).toBe('2100-02-28'); // 2100 is not a leap year
    expect(subsidyEndDate('2000-01-31', 1)).toBe('2000-02-29');
  });

  it('handles a start on 29 February in a leap year', () => {
    expect(subsidyEndDate('2028-02-29', 12)).toBe('2029-02-28');
    expect(subsidyEndDate('2028-02-29', 24)).toBe('2030-02-28');
    expect(subsidyEndDate('2024-02-29', 48)).toBe('2028-02-28');
    expect(subsidyEndDate('2028-02-29', 1)).toBe('2028-03-28');
  });

  it('runs 24 months to the day before the two-year anniversary', () => {
    expect(subsidyEndDate('2026-12-01', 24)).toBe('2028-11-30');
    expect(subsidyEndDate('2027-01-31', 24)).toBe('2029-01-30');
    expect(subsidyEndDate('2026-08-31', 24)).toBe('2028-08-30');
  });

  it('an extension continues the day after and 12 + 12 months equals 24 months from the start', () => {
    const first = subsidyEndDate('2026-12-01', 12);
    const ext = subsidyEndDate(extensionStartDate(first), 12);
    expect(extensionStartDate(first)).toBe('2027-12-01');
    expect(ext).toBe(subsidyEndDate('2026-12-01', 24));
  });

  it('never ends before the start and always lasts between 28·N and 31·N days (property)', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = fc
      .record({
        y: fc.integer({ min: 2000, max: 2099 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const end = subsidyEndDate(start, months);
        const days = diffDays(start, end) + 1;
        expect(days).toBeGreaterThanOrEqual(28 * months);
        expect(days).toBeLessThanOrEqual(31 * months + 1);
        // The day after the end is the same day-of-month N months later (no clamping for days ≤ 28).
        expect(addDays(end, 1)).toBe(addMonthsClamped(start, months));
      }),
    );
  });

  it('refuses an extension past the subsidy type maximum and allows reaching it exactly', () => {
    expect(validateExtension({ maxMonths: 24, periods: [{ months: 12 }], addMonths: 12 })).toEqual({
      ok: true,
      totalMonths: 24,
      remainingMonths: 0,
    });
    const over = validateExtension({ maxMonths: 24, periods: [{ months: 12 }, { months: 6 }], addMonths: 12 });
    expect(over.ok).toBe(false);
    expect(!over.ok && over.reason).toMatch(/högst 24 månader.*förlängas med 6 månader/);
    const full = validateExtension({ maxMonths: 12, periods: [{ months: 12 }], addMonths: 1 });
    expect(!full.ok && full.reason).toMatch(/redan nått sin längsta tid/);
    expect(validateExtension({ maxMonths: 12, periods: [], addMonths: 24 }).ok).toBe(false);
  });
});
