/**
 * The method's intensity (docs/intensity.md; docs/product.md §10): caseload caps, a contact with every participant
 * every calendar month, limits on visits per day and weekday, monthly activity of long-term participants, and the
 * measure of an improvement board. Pure: dates, settings and records are inputs; reasons are Swedish.
 */
import type { Stage } from '../domain/participant';
import { weekday, type IsoDate, type IsoWeekday } from './dates';
import { addMonthsTo, firstDayOf, lastDayOf, type YearMonth } from './month';

// ---------------------------------------------------------------------------------------------------------------
// Caseload

export type IntensitySettings = {
  /** Most active participants per coordinator (default 45). */
  caseloadCap: number;
  /** Most visits per coordinator and day (default 4). */
  maxVisitsPerDay: number;
  /** Weekdays on which visits are booked, 1 = Monday (default Monday–Thursday; Friday is for internal meetings). */
  visitWeekdays: readonly IsoWeekday[];
  /** What happens to a visit past the limits: refused, or booked with a warning (default refuse). */
  visitLimitMode: 'refuse' | 'warn';
};

export const DEFAULT_INTENSITY_SETTINGS: IntensitySettings = Object.freeze({
  caseloadCap: 45,
  maxVisitsPerDay: 4,
  visitWeekdays: Object.freeze([1, 2, 3, 4] as IsoWeekday[]),
  visitLimitMode: 'refuse',
});

/** A written reason for an override has at least this many characters (after trimming). */
export const MIN_OVERRIDE_REASON_LENGTH = 10;

export type CaseloadCheck =
  | { ok: true; newCount: number; overCap: boolean; overridden: boolean }
  | { ok: false; code: 'CASELOAD_CAP' | 'OVERRIDE_NOT_ALLOWED' | 'OVERRIDE_REASON'; reason: string };

/**
 * May `adding` participants (default 1) be assigned to a coordinator who has `currentCount` active ones? Up to the
 * cap, yes. Past it only when the administrator overrides with a written reason (the service audits it).
 */
export function checkCaseloadAssignment(input: {
  currentCount: number;
  adding?: number;
  cap: number;
  coordinatorName?: string;
  override?: { reason: string } | null;
  actorIsAdmin: boolean;
}): CaseloadCheck {
  const adding = input.adding ?? 1;
  const newCount = input.currentCount + adding;
  if (newCount <= input.cap) return { ok: true, newCount, overCap: false, overridden: false };
  const who = input.coordinatorName ?? 'Koordinatorn';
  if (!input.override) {
    return {
      ok: false,
      code: 'CASELOAD_CAP',
      reason: `${who} har ${input.currentCount} aktiva deltagare och taket är ${input.cap}; ${adding === 1 ? 'en till' : `${adding} till`} ger ${newCount}. Välj en annan koordinator eller be enhetschefen göra ett undantag med en skriftlig motivering.`,
    };
  }
  if (!input.actorIsAdmin) {
    return {
      ok: false,
      code: 'OVERRIDE_NOT_ALLOWED',
      reason: 'Bara enhetschefen kan göra undantag från taket för antal deltagare.',
    };
  }
  if (input.override.reason.trim().length < MIN_OVERRIDE_REASON_LENGTH) {
    return {
      ok: false,
      code: 'OVERRIDE_REASON',
      reason: `Skriv en motivering till undantaget (minst ${MIN_OVERRIDE_REASON_LENGTH} tecken).`,
    };
  }
  return { ok: true, newCount, overCap: true, overridden: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Contacts every calendar month

/**
 * Stages in which a participant must have a contact every calendar month: from the information meeting until the
 * placement ends. Not yet met (referred, meeting booked), paused (sick or parental leave) and ended journeys are
 * not counted.
 */
export const CONTACT_STAGES: readonly Stage[] = Object.freeze([
  'attended',
  'mapped',
  'matching',
  'proposed',
  'approved',
  'placed',
] as Stage[]);

export type ContactParticipant = {
  id: string | number;
  coordinatorId: string | number | null;
  stage: Stage;
  /** First day of the participant's current uninterrupted time in contact stages. */
  inContactStagesSince: IsoDate;
};

export type ContactRecord = { participantId: string | number; date: IsoDate };

export type ContactStatus = {
  participantId: string | number;
  coordinatorId: string | number | null;
  lastContact: IsoDate | null;
  contactedThisMonth: boolean;
  /** The first contact booked from today to the month's end, if any. */
  nextBookedThisMonth: IsoDate | null;
  /** The previous month, in which the participant was in contact stages from its first day, passed without a contact, and none has been held this month. */
  overdue: boolean;
  /** No contact held this month and none booked for the rest of it. */
  noneBookedThisMonth: boolean;
};

/**
 * Contact status on `today` of every participant in a contact stage (`stages`, default CONTACT_STAGES). `held` are
 * contacts that took place (dated on or before today; later ones are ignored), `booked` are planned contacts and
 * visits. A calendar month counts against a participant when they were in contact stages on its first day, so the
 * month someone starts is not held against them.
 */
export function contactStatuses(input: {
  today: IsoDate;
  participants: readonly ContactParticipant[];
  held: readonly ContactRecord[];
  booked: readonly ContactRecord[];
  stages?: readonly Stage[];
}): ContactStatus[] {
  const stages = new Set(input.stages ?? CONTACT_STAGES);
  const month = input.today.slice(0, 7);
  const monthStart = firstDayOf(month);
  const monthEnd = lastDayOf(month);
  const prevStart = firstDayOf(addMonthsTo(month, -1));
  const last = new Map<string, IsoDate>();
  const heldPrevMonth = new Set<string>();
  for (const c of input.held) {
    if (c.date > input.today) continue;
    const key = String(c.participantId);
    const seen = last.get(key);
    if (seen === undefined || c.date > seen) last.set(key, c.date);
    if (c.date >= prevStart && c.date < monthStart) heldPrevMonth.add(key);
  }
  const next = new Map<string, IsoDate>();
  for (const b of input.booked) {
    if (b.date < input.today || b.date > monthEnd) continue;
    const key = String(b.participantId);
    const seen = next.get(key);
    if (seen === undefined || b.date < seen) next.set(key, b.date);
  }
  const out: ContactStatus[] = [];
  for (const p of input.participants) {
    if (!stages.has(p.stage) || p.inContactStagesSince > input.today) continue;
    const key = String(p.id);
    const lastContact = last.get(key) ?? null;
    const contactedThisMonth = lastContact !== null && lastContact >= monthStart;
    const nextBooked = next.get(key) ?? null;
    out.push({
      participantId: p.id,
      coordinatorId: p.coordinatorId,
      lastContact,
      contactedThisMonth,
      nextBookedThisMonth: nextBooked,
      overdue: !contactedThisMonth && p.inContactStagesSince <= prevStart && !heldPrevMonth.has(key),
      noneBookedThisMonth: !contactedThisMonth && nextBooked === null,
    });
  }
  return out;
}

export type CaseloadParticipant = {
  id: string | number;
  coordinatorId: string | number | null;
  stage: Stage;
  longTerm: boolean;
  childrenInHousehold: boolean;
};

export type CaseloadRow = {
  coordinatorId: string | number | null;
  active: number;
  longTerm: number;
  withChildren: number;
  overdue: number;
  overCap: boolean;
};

/** Stages that count in a caseload: every stage but exited and closed (paused people still have a coordinator). */
const ENDED: ReadonlySet<Stage> = new Set(['exited', 'closed']);

/** Each coordinator's caseload (participants without a coordinator under `null`), ordered by coordinator id. */
export function caseloads(
  participants: readonly CaseloadParticipant[],
  statuses: readonly ContactStatus[],
  cap: number,
): CaseloadRow[] {
  const overdue = new Set(statuses.filter((s) => s.overdue).map((s) => String(s.participantId)));
  const rows = new Map<string, CaseloadRow>();
  for (const p of participants) {
    if (ENDED.has(p.stage)) continue;
    const key = p.coordinatorId === null ? '' : String(p.coordinatorId);
    let row = rows.get(key);
    if (!row) {
      row = { coordinatorId: p.coordinatorId, active: 0, longTerm: 0, withChildren: 0, overdue: 0, overCap: false };
      rows.set(key, row);
    }
    row.active += 1;
    if (p.longTerm) row.longTerm += 1;
    if (p.childrenInHousehold) row.withChildren += 1;
    if (overdue.has(String(p.id))) row.overdue += 1;
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => ({ ...r, overCap: r.coordinatorId !== null && r.active > cap }));
}

// ---------------------------------------------------------------------------------------------------------------
// Visits

const WEEKDAY_NAMES = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'] as const;

function weekdaysText(days: readonly IsoWeekday[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (sorted.length >= 3 && contiguous)
    return `${WEEKDAY_NAMES[sorted[0]! - 1]}–${WEEKDAY_NAMES[sorted[sorted.length - 1]! - 1]}`;
  const names = sorted.map((d) => WEEKDAY_NAMES[d - 1]!);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
}

export type VisitCheck = { ok: true; warnings: string[] } | { ok: false; reasons: string[] };

/**
 * May a coordinator book one more visit on `date`, with `visitsThatDay` already booked? A day off
 * (`nonWorkingDayName`, from the calendar, e.g. 'Midsommarafton') is always refused; a weekday outside the visit
 * days or a visit past the daily limit is refused or warned, as the settings say.
 */
export function checkVisit(input: {
  date: IsoDate;
  visitsThatDay: number;
  settings: Pick<IntensitySettings, 'maxVisitsPerDay' | 'visitWeekdays' | 'visitLimitMode'>;
  nonWorkingDayName?: string | null;
}): VisitCheck {
  const { date, visitsThatDay, settings } = input;
  const day = weekday(date);
  if (input.nonWorkingDayName && day <= 5) {
    return { ok: false, reasons: [`${date} är ${input.nonWorkingDayName.toLocaleLowerCase('sv-SE')}, en ledig dag.`] };
  }
  const problems: string[] = [];
  if (!settings.visitWeekdays.includes(day)) {
    problems.push(
      `Besök bokas ${weekdaysText(settings.visitWeekdays)}; ${date} är en ${WEEKDAY_NAMES[day - 1]}${day === 5 ? ' (fredag är för interna möten)' : ''}.`,
    );
  }
  if (visitsThatDay + 1 > settings.maxVisitsPerDay) {
    problems.push(
      `Högst ${settings.maxVisitsPerDay} besök per dag: det finns redan ${visitsThatDay} bokade den ${date}.`,
    );
  }
  if (problems.length === 0) return { ok: true, warnings: [] };
  return settings.visitLimitMode === 'refuse' ? { ok: false, reasons: problems } : { ok: true, warnings: problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Activity of long-term participants

export type ActivityRecord = { participantId: string | number; month: YearMonth; jobsApplied: number; visits: number };

export type ActivityMonth = { month: YearMonth; jobsApplied: number | null; visits: number | null };

export type ActivityReport = {
  /** Per participant, every month of `months`; null where nothing was entered. */
  perParticipant: Map<string, ActivityMonth[]>;
  /** The group: sums per month, and how many participants have figures that month. */
  group: Array<{ month: YearMonth; jobsApplied: number; visits: number; participantsReported: number }>;
};

/** Monthly activity ("Sökta arbeten", "Antal besök") per participant and summed for the group. */
export function aggregateActivity(records: readonly ActivityRecord[], months: readonly YearMonth[]): ActivityReport {
  const index = new Map(months.map((m, i) => [m, i]));
  const perParticipant = new Map<string, ActivityMonth[]>();
  for (const r of records) {
    if (!Number.isInteger(r.jobsApplied) || r.jobsApplied < 0 || !Number.isInteger(r.visits) || r.visits < 0) {
      throw new RangeError(
        `Activity figures must be whole numbers ≥ 0 (participant ${String(r.participantId)}, ${r.month})`,
      );
    }
    const i = index.get(r.month);
    if (i === undefined) continue;
    const key = String(r.participantId);
    let series = perParticipant.get(key);
    if (!series) {
      series = months.map((month) => ({ month, jobsApplied: null, visits: null }));
      perParticipant.set(key, series);
    }
    const cell = series[i]!;
    cell.jobsApplied = (cell.jobsApplied ?? 0) + r.jobsApplied;
    cell.visits = (cell.visits ?? 0) + r.visits;
  }
  const group = months.map((month, i) => {
    let jobsApplied = 0;
    let visits = 0;
    let participantsReported = 0;
    for (const series of perParticipant.values()) {
      const cell = series[i]!;
      if (cell.jobsApplied === null) continue;
      participantsReported += 1;
      jobsApplied += cell.jobsApplied;
      visits += cell.visits ?? 0;
    }
    return { month, jobsApplied, visits, participantsReported };
  });
  return { perParticipant, group };
}

// ---------------------------------------------------------------------------------------------------------------
// Improvement boards

export type ClosureEvent = {
  participantId: string | number;
  date: IsoDate;
  /** true: left assistance (closed); false: back on assistance (reopened). */
  closed: boolean;
};

export type ImprovementPoint = { month: YearMonth; groupSize: number; closed: number; share: number };

/**
 * The measure of an improvement board: of the original group (fixed when the board was made; people are never
 * added or removed from it), how many are closed — left assistance — at each month's end, as a count and a share.
 * A participant's latest closure event on or before month end decides; a return to assistance reopens.
 */
export function improvementMeasure(input: {
  group: readonly (string | number)[];
  events: readonly ClosureEvent[];
  months: readonly YearMonth[];
}): ImprovementPoint[] {
  const members = new Set(input.group.map(String));
  const byPerson = new Map<string, ClosureEvent[]>();
  for (const e of input.events) {
    const key = String(e.participantId);
    if (!members.has(key)) continue;
    const list = byPerson.get(key);
    if (list) list.push(e);
    else byPerson.set(key, [e]);
  }
  for (const list of byPerson.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return input.months.map((month) => {
    const end = lastDayOf(month);
    let closed = 0;
    for (const list of byPerson.values()) {
      let state = false;
      for (const e of list) {
        if (e.date > end) break;
        state = e.closed;
      }
      if (state) closed += 1;
    }
    const groupSize = members.size;
    return { month, groupSize, closed, share: groupSize === 0 ? 0 : closed / groupSize };
  });
}
