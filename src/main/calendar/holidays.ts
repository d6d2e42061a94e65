/**
 * Swedish public holidays and working days, computed for any year by the `date-holidays`
 * package (country 'SE'; Easter-based and "Saturday between …" rules included), never from a
 * hard-coded list.
 *
 * Two sets are distinguished:
 *
 * - Public holidays (allmänna helgdagar, lag 1989:253): the days date-holidays marks with type
 *   'public' — nyårsdagen, trettondedag jul, långfredagen, påskdagen, annandag påsk, första
 *   maj, Kristi himmelsfärdsdag, nationaldagen, pingstdagen, midsommardagen, alla helgons dag,
 *   juldagen, annandag jul. (Ordinary Sundays are holidays by law as well but are weekend days
 *   anyway.)
 *
 * - Non-working eves: midsommarafton, julafton and nyårsafton are not public holidays by law
 *   and date-holidays types them 'bank', but they are treated as full days off in Swedish
 *   collective agreements and the municipality's offices are closed, so no meeting can be held
 *   on them. We select them by their date-holidays rule ('friday after 06-19', '12-24',
 *   '12-31'), not by the 'bank' type, so a future data update that adds another bank day does
 *   not silently close the office. Half days such as trettondagsafton, valborgsmässoafton and
 *   allhelgonaafton (type 'optional') and observances such as skärtorsdagen stay working days.
 *
 * `isWorkingDay` = Monday–Friday and in neither set.
 *
 * date-holidays reports each holiday's `date` as a local date string in Sweden's time zone,
 * so the results do not depend on the time zone of the computer running the app.
 */
import Holidays from 'date-holidays';
import { isValidIsoDate, isoDateParts, weekday, type IsoDate } from '../../shared/rules/dates';

export type SwedishHolidayKind =
  /** allmän helgdag */
  | 'public'
  /** midsommarafton, julafton, nyårsafton: not a public holiday, but a day off */
  | 'non-working-eve';

export type SwedishHoliday = {
  date: IsoDate;
  /** Swedish name, e.g. 'Kristi himmelsfärdsdag' (capitalised first letter). */
  name: string;
  kind: SwedishHolidayKind;
};

/** date-holidays rule keys of the eves on which Swedish offices are closed. */
const NON_WORKING_EVE_RULES: ReadonlySet<string> = new Set(['friday after 06-19', '12-24', '12-31']);

let calendar: Holidays | undefined;
const cache = new Map<number, readonly SwedishHoliday[]>();

function getCalendar(): Holidays {
  calendar ??= new Holidays('SE', { languages: ['sv'] });
  return calendar;
}

function capitalise(name: string): string {
  return name.charAt(0).toLocaleUpperCase('sv-SE') + name.slice(1);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
}

/** All public holidays and non-working eves of `year`, sorted by date. */
export function nonWorkingHolidays(year: number): readonly SwedishHoliday[] {
  assertYear(year);
  const cached = cache.get(year);
  if (cached) return cached;
  const days: SwedishHoliday[] = [];
  for (const holiday of getCalendar().getHolidays(year)) {
    const kind: SwedishHolidayKind | null =
      holiday.type === 'public' ? 'public' : NON_WORKING_EVE_RULES.has(holiday.rule) ? 'non-working-eve' : null;
    if (kind === null) continue;
    const date = holiday.date.slice(0, 10);
    if (!isValidIsoDate(date)) throw new Error(`date-holidays returned an unexpected date: '${holiday.date}'`);
    // One entry per day; a public holiday wins over an eve should both ever fall on one day.
    const existing = days.findIndex((d) => d.date === date);
    const entry = { date, name: capitalise(holiday.name), kind };
    if (existing === -1) days.push(entry);
    else if (kind === 'public' && days[existing]?.kind !== 'public') days[existing] = entry;
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(days.map((d) => Object.freeze(d)));
  cache.set(year, frozen);
  return frozen;
}

/** The Swedish public holidays (allmänna helgdagar) of `year`, sorted by date. */
export function publicHolidays(year: number): SwedishHoliday[] {
  return nonWorkingHolidays(year).filter((d) => d.kind === 'public');
}

function holidayOn(date: IsoDate): SwedishHoliday | undefined {
  const { year } = isoDateParts(date);
  return nonWorkingHolidays(year).find((d) => d.date === date);
}

/** True when `date` ('YYYY-MM-DD') is a Swedish public holiday (not counting ordinary Sundays). */
export function isSwedishPublicHoliday(date: IsoDate): boolean {
  return holidayOn(date)?.kind === 'public';
}

/** True on Monday–Friday unless the day is a public holiday or a non-working eve. */
export function isWorkingDay(date: IsoDate): boolean {
  return weekday(date) <= 5 && holidayOn(date) === undefined;
}

/**
 * Why `date` is not a working day, in Swedish ('Kristi himmelsfärdsdag', 'Lördag', …), or
 * undefined on a working day. Suitable for messages such as a moved review meeting.
 */
export function nonWorkingDayName(date: IsoDate): string | undefined {
  const holiday = holidayOn(date);
  if (holiday) return holiday.name;
  const day = weekday(date);
  if (day === 6) return 'Lördag';
  if (day === 7) return 'Söndag';
  return undefined;
}
