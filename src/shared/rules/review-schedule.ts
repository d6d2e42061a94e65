/**
 * Review-meeting calendar (facklig prövning, docs/product.md §4 rule 2).
 *
 * Meetings are held every other week: on the configured weekday of every ISO week whose week
 * number has the configured parity (even: weeks 2, 4, …, 52; odd: weeks 1, 3, …, 53). Parity
 * is the plain ISO week number, so around a year with 53 ISO weeks the rhythm breaks once:
 * odd parity meets in both week 53 and the next week 1 (one week apart), even parity skips
 * from week 52 to week 2 (three weeks apart). That is the rule as configured; an office that
 * wants a strict fortnight across such a New Year adjusts the meetings by hand.
 *
 * A regular slot that is not a working day (public holiday, non-working eve) moves to the next
 * working day. Which days are working days is decided by the caller-supplied predicate (in the
 * main process: `isWorkingDay` from the Swedish holiday calendar), keeping this module pure.
 *
 * Agenda cutoff convention: the cutoff date of a meeting is the N-th working day before the
 * meeting's actual date (N = `cutoffWorkingDays`, default 2; N = 0 makes the meeting day itself
 * the cutoff). A proposal submitted ON or BEFORE the cutoff date (any time that day) is on that
 * meeting's agenda; one submitted after it goes to the next meeting whose cutoff it meets.
 * Example, N = 2: a Thursday meeting has Tuesday as cutoff — submitted Tuesday: this meeting;
 * submitted Wednesday: the next one. If the Monday before is a holiday the cutoff of a Tuesday
 * meeting is the Thursday before.
 */
import { z } from 'zod';
import { addDays, compare, isoWeek, weekday, type IsoDate } from './dates';

export type ReviewScheduleSettings = {
  /** ISO weekday of the regular slot: 1 = Monday … 5 = Friday. */
  weekday: 1 | 2 | 3 | 4 | 5;
  /** Parity of the ISO week number the meetings are held in. */
  parity: 'even' | 'odd';
  /** Start time 'HH:MM' (24-hour clock, Europe/Stockholm). */
  time: string;
  /** Working days between the cutoff and the meeting; see the module comment. */
  cutoffWorkingDays: number;
};

export type ReviewMeetingDate = {
  /** The regular slot: the configured weekday in a week of the configured parity. */
  plannedDate: IsoDate;
  /** When the meeting is held: `plannedDate`, or the next working day if that is not one. */
  date: IsoDate;
  /** Swedish explanation, present only when `date` differs from `plannedDate`. */
  movedReason?: string;
};

/** Default agenda cutoff (docs/product.md §4 rule 2). */
export const DEFAULT_CUTOFF_WORKING_DAYS = 2;

/** Longest stretch of consecutive non-working days we accept before assuming a broken predicate. */
const MAX_NON_WORKING_RUN = 31;

const SWEDISH_WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'] as const;

/** Validation of the settings as stored by the administrator (Swedish messages). */
export const reviewScheduleSettingsSchema = z.object({
  weekday: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
    error: 'Veckodag ska vara en vardag, 1 (måndag) till 5 (fredag).',
  }),
  parity: z.enum(['even', 'odd'], { error: 'Veckoparitet ska vara jämna eller udda veckor.' }),
  time: z
    .string({ error: 'Tid ska anges som TT:MM.' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Tid ska anges som TT:MM, t.ex. 13:00.' }),
  cutoffWorkingDays: z
    .number({ error: 'Sista dag för ärenden ska vara ett antal arbetsdagar.' })
    .int({ error: 'Sista dag för ärenden ska vara ett helt antal arbetsdagar.' })
    .min(0, { error: 'Sista dag för ärenden kan inte vara negativ.' })
    .max(10, { error: 'Sista dag för ärenden kan vara högst 10 arbetsdagar före mötet.' }),
}) satisfies z.ZodType<ReviewScheduleSettings>;

function swedishDay(date: IsoDate): string {
  return `${SWEDISH_WEEKDAYS[weekday(date) - 1]} ${date}`;
}

function assertCutoff(cutoffWorkingDays: number): void {
  if (!Number.isInteger(cutoffWorkingDays) || cutoffWorkingDays < 0) {
    throw new RangeError(`cutoffWorkingDays must be a non-negative integer, got ${cutoffWorkingDays}`);
  }
}

/** The first working day on or after `date`. */
export function nextWorkingDayOnOrAfter(date: IsoDate, isWorkingDay: (d: IsoDate) => boolean): IsoDate {
  let day = date;
  for (let i = 0; i <= MAX_NON_WORKING_RUN; i++) {
    if (isWorkingDay(day)) return day;
    day = addDays(day, 1);
  }
  throw new Error(`No working day within ${MAX_NON_WORKING_RUN} days after ${date}`);
}

/**
 * Review meetings whose regular slot (`plannedDate`) lies in [fromDate, toDate], both
 * inclusive, in date order. A moved meeting can be held after `toDate` when its slot is the
 * last one in range.
 *
 * @param describeNonWorkingDay optional: names why a day is not a working day (e.g.
 *   'Kristi himmelsfärdsdag'); used in `movedReason`
 */
export function generateReviewMeetingDates(
  settings: ReviewScheduleSettings,
  fromDate: IsoDate,
  toDate: IsoDate,
  isWorkingDay: (d: IsoDate) => boolean,
  describeNonWorkingDay?: (d: IsoDate) => string | undefined,
): ReviewMeetingDate[] {
  const { weekday: slotDay, parity } = settings;
  if (!Number.isInteger(slotDay) || slotDay < 1 || slotDay > 5) {
    throw new RangeError(`weekday must be 1–5, got ${slotDay}`);
  }
  if (parity !== 'even' && parity !== 'odd') throw new RangeError(`Invalid parity: ${String(parity)}`);
  const wantedRemainder = parity === 'even' ? 0 : 1;

  const meetings: ReviewMeetingDate[] = [];
  if (compare(fromDate, toDate) > 0) return meetings;

  // The slot day in fromDate's ISO week; step a week at a time so 53-week years need no special case.
  let planned = addDays(fromDate, slotDay - weekday(fromDate));
  if (compare(planned, fromDate) < 0) planned = addDays(planned, 7);
  for (; compare(planned, toDate) <= 0; planned = addDays(planned, 7)) {
    if (isoWeek(planned).week % 2 !== wantedRemainder) continue;
    const date = nextWorkingDayOnOrAfter(planned, isWorkingDay);
    if (date === planned) {
      meetings.push({ plannedDate: planned, date });
    } else {
      const why = describeNonWorkingDay?.(planned);
      meetings.push({
        plannedDate: planned,
        date,
        movedReason:
          `Ordinarie mötesdag ${swedishDay(planned)}${why ? ` (${why})` : ''} är inte en arbetsdag; ` +
          `mötet flyttas till ${swedishDay(date)}.`,
      });
    }
  }
  return meetings;
}

/**
 * The agenda cutoff of a meeting held on `meetingDate`: the `cutoffWorkingDays`-th working day
 * before it (the meeting day itself when 0). A proposal submitted on or before this date is on
 * the meeting's agenda.
 */
export function cutoffDate(
  meetingDate: IsoDate,
  cutoffWorkingDays: number,
  isWorkingDay: (d: IsoDate) => boolean,
): IsoDate {
  assertCutoff(cutoffWorkingDays);
  let day = meetingDate;
  let counted = 0;
  let nonWorkingRun = 0;
  while (counted < cutoffWorkingDays) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) {
      counted++;
      nonWorkingRun = 0;
    } else if (++nonWorkingRun > MAX_NON_WORKING_RUN) {
      throw new Error(`No working day within ${MAX_NON_WORKING_RUN} days before ${day}`);
    }
  }
  return day;
}

/**
 * The meeting whose agenda a proposal submitted on `submittedDate` belongs to: among
 * `meetings` (any order; their actual `date` counts), the earliest whose cutoff date is on or
 * after `submittedDate`. Undefined when the submission is too late for every meeting given,
 * i.e. the caller must generate further meetings.
 */
export function agendaMeetingFor<M extends { date: IsoDate }>(
  submittedDate: IsoDate,
  meetings: readonly M[],
  cutoffWorkingDays: number,
  isWorkingDay: (d: IsoDate) => boolean,
): M | undefined {
  assertCutoff(cutoffWorkingDays);
  const ordered = [...meetings].sort((a, b) => compare(a.date, b.date));
  return ordered.find((m) => compare(submittedDate, cutoffDate(m.date, cutoffWorkingDays, isWorkingDay)) <= 0);
}
