/**
 * Calendar-date helpers on plain ISO date strings ('YYYY-MM-DD').
 *
 * A date here is a civil calendar day with no time and no time zone: '2026-05-14' means the
 * 14th of May 2026 wherever the code runs. Internally every date is turned into a day number
 * (days since 1970-01-01 in the proleptic Gregorian calendar) with pure integer arithmetic,
 * which is the same as UTC-midnight arithmetic but cannot be disturbed by the host time zone,
 * daylight saving time or `Date`'s two-digit-year quirk.
 *
 * All functions throw a RangeError when given a string that is not a valid ISO date: callers
 * are expected to validate user input first (see `isValidIsoDate`), so an invalid date
 * reaching these helpers is a programming error that must not pass silently.
 */

/** A calendar date formatted 'YYYY-MM-DD' (years 0001–9999). */
export type IsoDate = string;

/** ISO 8601 week-numbering year and week (1–53). */
export type IsoWeek = { year: number; week: number };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

type Ymd = { y: number; m: number; d: number };

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** True when `year` is a Gregorian leap year (2024, 2000: yes; 2025, 2100: no). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid month: ${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseParts(value: string): Ymd | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** True when `value` is exactly 'YYYY-MM-DD' and names a real calendar day (e.g. not '2025-02-29'). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseParts(value) !== null;
}

function parse(value: IsoDate): Ymd {
  const parts = parseParts(value);
  if (!parts) throw new RangeError(`Invalid ISO date: '${value}'`);
  return parts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats year, month (1–12) and day as 'YYYY-MM-DD'. Throws if that day does not exist. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || !parseParts(text)) {
    throw new RangeError(`Invalid calendar date: ${year}-${month}-${day}`);
  }
  return text;
}

/** Splits a valid ISO date into numeric parts (month 1–12). */
export function isoDateParts(date: IsoDate): { year: number; month: number; day: number } {
  const { y, m, d } = parse(date);
  return { year: y, month: m, day: d };
}

// Day number <-> civil date (Howard Hinnant's algorithms, proleptic Gregorian calendar).
function toDayNumber({ y, m, d }: Ymd): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const monthFromMarch = m > 2 ? m - 3 : m + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

function format({ y, m, d }: Ymd): IsoDate {
  if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`Date out of supported range (year ${y})`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return format(fromDayNumber(toDayNumber(parse(date)) + days));
}

/**
 * The date `months` calendar months after `date` (negative: before), keeping the day of the
 * month and clamping it to the last day of the target month when that month is shorter:
 * 2025-01-31 + 1 → 2025-02-28, 2024-01-31 + 1 → 2024-02-29, 2024-03-31 − 1 → 2024-02-29.
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`Date out of supported range (year ${year})`);
  return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

/**
 * Number of calendar days from `from` to `to` (`to` − `from`): positive when `to` is later,
 * 0 for the same day. diffDays('2026-01-01', '2026-01-31') = 30.
 */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(parse(to)) - toDayNumber(parse(from));
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): IsoWeekday {
  // Day number 0 (1970-01-01) was a Thursday (weekday 4).
  const n = toDayNumber(parse(date));
  return (((((n + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/**
 * ISO 8601 week of `date`. Weeks start on Monday and week 1 is the week holding the year's
 * first Thursday, so the week-numbering year can differ from the calendar year around New Year:
 * 2027-01-01 (a Friday) is in week 53 of 2026, 2024-12-30 is in week 1 of 2025.
 */
export function isoWeek(date: IsoDate): IsoWeek {
  const thursday = fromDayNumber(toDayNumber(parse(date)) + 4 - weekday(date));
  const dayOfYear = toDayNumber(thursday) - toDayNumber({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: Math.floor(dayOfYear / 7) + 1 };
}

/** Number of ISO weeks (52 or 53) in ISO week-numbering `year`. */
export function isoWeeksInYear(year: number): 52 | 53 {
  assertInteger(year, 'year');
  // 28 December is always in the last ISO week of its year.
  return isoWeek(formatIsoDate(year, 12, 28)).week as 52 | 53;
}

/** The date of ISO `weekday` (1 = Monday) in ISO week `week` of week-numbering `year`. */
export function dateOfIsoWeek(year: number, week: number, day: IsoWeekday): IsoDate {
  assertInteger(week, 'week');
  if (week < 1 || week > isoWeeksInYear(year)) throw new RangeError(`ISO year ${year} has no week ${week}`);
  if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`Invalid ISO weekday: ${day}`);
  const jan4 = formatIsoDate(year, 1, 4); // always in week 1
  const mondayOfWeek1 = addDays(jan4, 1 - weekday(jan4));
  return addDays(mondayOfWeek1, (week - 1) * 7 + (day - 1));
}

/** Compares two ISO dates: negative if a < b, 0 if equal, positive if a > b (usable with Array.sort). */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parse(a);
  parse(b);
  // Zero-padded ISO strings sort chronologically.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two ISO dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compare(a, b) <= 0 ? a : b;
}

/** The later of two ISO dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compare(a, b) >= 0 ? a : b;
}
