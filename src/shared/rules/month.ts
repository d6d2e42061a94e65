/**
 * Calendar months ('YYYY-MM') and a fast day count for the report engines, which handle hundreds of thousands of
 * dates per report. Dates reaching `dayIndex` come from validated records; it does not validate them again.
 */
import { daysInMonth, formatIsoDate, type IsoDate } from './dates';

/** 'YYYY-MM'. */
export type YearMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthParts(month: YearMonth): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Invalid month: '${month}' (expected YYYY-MM)`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

function monthOfIndex(i: number): YearMonth {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const a = monthParts(from);
  const b = monthParts(to);
  const out: YearMonth[] = [];
  for (let i = a.year * 12 + a.month - 1; i <= b.year * 12 + b.month - 1; i++) out.push(monthOfIndex(i));
  return out;
}

/** The month `n` months after `month` (negative: before). */
export function addMonthsTo(month: YearMonth, n: number): YearMonth {
  const { year, month: m } = monthParts(month);
  return monthOfIndex(year * 12 + m - 1 + n);
}

export function firstDayOf(month: YearMonth): IsoDate {
  const { year, month: m } = monthParts(month);
  return formatIsoDate(year, m, 1);
}

export function lastDayOf(month: YearMonth): IsoDate {
  const { year, month: m } = monthParts(month);
  return formatIsoDate(year, m, daysInMonth(year, m));
}

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD' (Howard Hinnant's algorithm), without re-validating it. */
export function dayIndex(iso: IsoDate): number {
  let y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  const d = +iso.slice(8, 10);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
