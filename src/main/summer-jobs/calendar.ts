/**
 * Season calendar helpers (docs/summer-jobs.md, "Season calendar"): default periods by ISO week, the working days of
 * a period with its days off computed (never typed), and the answer deadline of an offer in working days.
 *
 * Days off are Saturdays, Sundays, Swedish public holidays and the eves that are de-facto days off (midsommarafton,
 * julafton, nyårsafton), as src/main/calendar/holidays.ts computes them for any year.
 */
import { isWorkingDay, nonWorkingDayName } from '../calendar/holidays';
import { addDays, dateOfIsoWeek, isoWeeksInYear, weekday, type IsoDate } from '../../shared/rules/dates';

export type SeasonPeriod = {
  /** 'P1', 'P2', … */
  id: string;
  /** 'Period 1 (v. 25–27)' */
  name: string;
  firstWeek: number;
  lastWeek: number;
  /** Monday of the first week. */
  start: IsoDate;
  /** Friday of the last week. */
  end: IsoDate;
};

export type DefaultPeriodOptions = { firstWeek?: number; weeksPerPeriod?: number; count?: number };

/**
 * Consecutive periods of whole ISO weeks in `year`: by default three periods of three weeks from week 25 (weeks
 * 25–27, 28–30, 31–33), each from the Monday of its first week to the Friday of its last.
 */
export function defaultPeriods(year: number, options: DefaultPeriodOptions = {}): SeasonPeriod[] {
  const firstWeek = options.firstWeek ?? 25;
  const weeks = options.weeksPerPeriod ?? 3;
  const count = options.count ?? 3;
  if (firstWeek < 1 || weeks < 1 || count < 1 || firstWeek + weeks * count - 1 > isoWeeksInYear(year)) {
    throw new RangeError(`Periods do not fit in ISO year ${year}`);
  }
  return Array.from({ length: count }, (_, i) => {
    const from = firstWeek + i * weeks;
    const to = from + weeks - 1;
    return {
      id: `P${i + 1}`,
      name: `Period ${i + 1} (v. ${from}–${to})`,
      firstWeek: from,
      lastWeek: to,
      start: dateOfIsoWeek(year, from, 1),
      end: dateOfIsoWeek(year, to, 5),
    };
  });
}

export type PeriodDays = {
  /** Every working day from start to end, inclusive. */
  workingDays: IsoDate[];
  /** Weekdays (Monday–Friday) in the period that are days off, with their Swedish name. */
  daysOff: Array<{ date: IsoDate; name: string }>;
};

/** The working days of the period `start`…`end` (inclusive) and the weekdays off in it. */
export function periodWorkingDays(start: IsoDate, end: IsoDate): PeriodDays {
  if (end < start) throw new RangeError(`Period ends before it starts: ${start}–${end}`);
  const workingDays: IsoDate[] = [];
  const daysOff: Array<{ date: IsoDate; name: string }> = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    if (isWorkingDay(d)) workingDays.push(d);
    else if (weekday(d) <= 5) daysOff.push({ date: d, name: nonWorkingDayName(d) ?? 'Ledig dag' });
  }
  return { workingDays, daysOff };
}

/**
 * The last day to answer an offer made on `offerDate`: the `workingDays`-th working day after it (the offer's own
 * day not counted; default 3). An offer sent on Thursday 2027-06-24, the day before Midsummer Eve, must be answered
 * by Wednesday 2027-06-30.
 */
export function answerDeadline(offerDate: IsoDate, workingDays = 3): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 1)
    throw new RangeError(`workingDays must be ≥ 1: ${workingDays}`);
  let d = offerDate;
  let left = workingDays;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
