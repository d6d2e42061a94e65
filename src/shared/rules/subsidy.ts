/**
 * Wage-subsidy periods (docs/product.md §4 rule 4).
 *
 * A subsidy decision runs for N whole months from its start date. The last day is
 * "start + N months − 1 day", read the way Swedish period reckoning reads it: the period ends
 * the day before the date with the same day-of-month N months later; when that target month
 * has no such day (31 January + 1 month → "31 February"), the period ends on the last day of
 * the target month instead. So
 *   2026-01-01 + 12 months → 2026-12-31
 *   2026-01-15 +  1 month  → 2026-02-14
 *   2026-01-31 +  1 month  → 2026-02-28   (2028-01-31 → 2028-02-29)
 *   2026-01-30 +  1 month  → 2026-02-28
 * An extension starts the day after the previous period ends (`extensionStartDate`).
 *
 * The maximum number of months belongs to the subsidy type (configurable data), so it is a
 * parameter here, never a constant.
 */
import { addDays, daysInMonth, diffDays, formatIsoDate, isoDateParts, type IsoDate } from './dates';

/** Warning thresholds, in days before the subsidy ends, loosest first. */
export const SUBSIDY_WARNING_THRESHOLDS = [90, 60, 30] as const;
export type SubsidyWarningThreshold = (typeof SUBSIDY_WARNING_THRESHOLDS)[number];

function assertPositiveMonths(months: number, what: string): void {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`${what} must be a positive whole number of months, got ${months}`);
  }
}

/**
 * Last day (inclusive) of a subsidy period of `months` whole months starting on `start`.
 * See the module comment for the month-end rule.
 */
export function subsidyEndDate(start: IsoDate, months: number): IsoDate {
  assertPositiveMonths(months, 'months');
  const { year, month, day } = isoDateParts(start);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = daysInMonth(targetYear, targetMonth);
  if (day > lastDay) return formatIsoDate(targetYear, targetMonth, lastDay);
  return addDays(formatIsoDate(targetYear, targetMonth, day), -1);
}

/** First day of an extension that continues a period ending on `previousEnd`. */
export function extensionStartDate(previousEnd: IsoDate): IsoDate {
  return addDays(previousEnd, 1);
}

/** Swedish plural-aware "N månad/månader". */
function monthsText(n: number): string {
  return `${n} ${n === 1 ? 'månad' : 'månader'}`;
}

export type ExtensionCheck =
  | {
      ok: true;
      /** months used including the extension */ totalMonths: number;
      /** still available after it */ remainingMonths: number;
    }
  | { ok: false; /** Swedish, shown to the user */ reason: string };

/**
 * Checks that extending a subsidy by `addMonths` keeps the total (the original period plus
 * every earlier extension, listed in `periods`, plus the new one) within the subsidy type's
 * `maxMonths`. Reaching the maximum exactly is allowed. With no earlier `periods` it checks a
 * first decision of `addMonths` months.
 */
export function validateExtension(input: {
  maxMonths: number;
  periods: ReadonlyArray<{ months: number }>;
  addMonths: number;
}): ExtensionCheck {
  const { maxMonths, periods, addMonths } = input;
  if (!Number.isInteger(maxMonths) || maxMonths < 1) {
    return { ok: false, reason: 'Stödformens längsta tid måste vara ett helt antal månader (minst 1).' };
  }
  if (!Number.isInteger(addMonths) || addMonths < 1) {
    return { ok: false, reason: 'Förlängningen måste vara ett helt antal månader (minst 1).' };
  }
  if (periods.some((p) => !Number.isInteger(p.months) || p.months < 1)) {
    return { ok: false, reason: 'Ett tidigare stödbeslut har ogiltig längd; rätta det först.' };
  }
  const used = periods.reduce((sum, p) => sum + p.months, 0);
  const total = used + addMonths;
  if (total > maxMonths && periods.length === 0) {
    return {
      ok: false,
      reason: `Stödperioden på ${monthsText(addMonths)} är längre än stödformens längsta tid, ${monthsText(maxMonths)}.`,
    };
  }
  if (total > maxMonths) {
    const remaining = Math.max(0, maxMonths - used);
    const room =
      remaining === 0
        ? 'Stödet har redan nått sin längsta tid och kan inte förlängas.'
        : `Som mest kan stödet förlängas med ${monthsText(remaining)}.`;
    return {
      ok: false,
      reason:
        `Förlängningen med ${monthsText(addMonths)} ger totalt ${monthsText(total)}, men stödformen ` +
        `tillåter högst ${monthsText(maxMonths)} (${monthsText(used)} är redan beviljade). ${room}`,
    };
  }
  return { ok: true, totalMonths: total, remainingMonths: maxMonths - total };
}

export type EndingSoon = {
  /** Calendar days from `today` to the last subsidy day: 0 on the last day, negative after it. */
  daysLeft: number;
  /** The tightest warning threshold reached (30 before 60 before 90), or null when none applies. */
  threshold: SubsidyWarningThreshold | null;
  /** True when the last subsidy day has passed (daysLeft < 0); no threshold is reported then. */
  ended: boolean;
};

/**
 * Which end-of-subsidy warning applies on `today` for a subsidy whose last day is `endDate`.
 * A threshold T is reached when at most T days remain (daysLeft ≤ T), i.e. from the date
 * `endDate − T days` onwards; the last day itself counts as 0 days left and is still inside
 * the 30-day warning.
 */
export function endingSoon(endDate: IsoDate, today: IsoDate): EndingSoon {
  const daysLeft = diffDays(today, endDate);
  if (daysLeft < 0) return { daysLeft, threshold: null, ended: true };
  let threshold: SubsidyWarningThreshold | null = null;
  for (const t of SUBSIDY_WARNING_THRESHOLDS) {
    if (daysLeft <= t) threshold = t;
  }
  return { daysLeft, threshold, ended: false };
}
