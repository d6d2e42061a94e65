/**
 * The review schedule (docs/product.md §4 rule 2): settings, generation of meetings a year ahead, and the .ics export.
 *
 * Generation rules:
 * - Meetings are planned on the configured weekday of every ISO week of the configured parity; a slot that is not
 *   a working day (Swedish public holiday or non-working eve, from `date-holidays`) moves to the next working day.
 *   Each meeting stores its cutoff: the `cutoffWorkingDays`-th working day before it.
 * - 'review.setSchedule' regenerates from today up to a year ahead: a planned meeting on a date of the new plan is
 *   updated (time, place, cutoff); a planned meeting that is not in the new plan is removed if its agenda is empty
 *   and kept (and counted as `kept`) if it has items. Open, closed and cancelled meetings and all past meetings are
 *   never touched.
 * - Whenever a meeting is needed (submitting, closing, cancelling), `ensureMeetingsAhead` tops the calendar up to a
 *   year ahead with the meetings of the current schedule that do not exist yet, so the horizon rolls forward.
 */
import type { Reader, Tx } from '../../store';
import {
  agendaItemsOf,
  deleteMeeting,
  insertMeeting,
  meetingDatesFrom,
  meetingOnDate,
  queryMeetings,
  updateMeeting,
  type MeetingInsert,
} from '../../store/review';
import { getSetting, putSetting } from '../../store/settings';
import { isWorkingDay, nonWorkingDayName } from '../../calendar/holidays';
import { toICalendar, type IcsEvent } from '../../documents/ics';
import type { Clock } from '../../util/clock';
import { localToday } from '../../util/clock';
import { addMonthsClamped } from '../../../shared/rules/dates';
import { cutoffDate, generateReviewMeetingDates } from '../../../shared/rules/review-schedule';
import {
  DEFAULT_REVIEW_CUTOFF_WORKING_DAYS,
  DEFAULT_REVIEW_DURATION_MINUTES,
  REVIEW_GENERATION_MONTHS,
  REVIEW_SCHEDULE_SETTING_KEY,
  reviewScheduleSchema,
  type ReviewSchedule,
} from '../../../shared/domain/review';
import { conflict, ruleError } from '../../../shared/errors';
import type { AuthedContext } from '../context';
import { dayText, type MeetingRow } from './common';

export async function loadSchedule(r: Reader): Promise<ReviewSchedule | null> {
  const row = await getSetting(r, REVIEW_SCHEDULE_SETTING_KEY);
  if (!row) return null;
  const parsed = reviewScheduleSchema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

export interface PlannedMeeting {
  plannedDate: string;
  date: string;
  movedReason: string | null;
  cutoffDate: string;
}

/** The meetings of `schedule` whose regular slot lies in [from, to]. Pure apart from the holiday calendar. */
export function planMeetings(schedule: ReviewSchedule, from: string, to: string): PlannedMeeting[] {
  return generateReviewMeetingDates(schedule, from, to, isWorkingDay, nonWorkingDayName).map((m) => ({
    plannedDate: m.plannedDate,
    date: m.date,
    movedReason: m.movedReason ?? null,
    cutoffDate: cutoffDate(m.date, schedule.cutoffWorkingDays, isWorkingDay),
  }));
}

export function generationHorizon(today: string): string {
  return addMonthsClamped(today, REVIEW_GENERATION_MONTHS);
}

export { lastMeetingDate } from '../../store/review';

/** A planned meeting of the schedule, as stored. */
function plannedMeetingRow(p: PlannedMeeting, schedule: ReviewSchedule, nowIso: string): MeetingInsert {
  return {
    date: p.date,
    plannedDate: p.plannedDate,
    movedReason: p.movedReason,
    time: schedule.time,
    durationMinutes: schedule.durationMinutes,
    place: schedule.place,
    cutoffDate: p.cutoffDate,
    status: 'planned',
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}

export interface RegenerationResult {
  created: number;
  updated: number;
  removed: number;
  kept: number;
}

/**
 * Applies `schedule` to the meetings from `from` (today) up to a year ahead, in the caller's unit of work.
 * See the module comment for what is kept.
 */
export async function regenerateMeetings(
  t: Tx,
  schedule: ReviewSchedule,
  from: string,
  nowIso: string,
): Promise<RegenerationResult> {
  const to = generationHorizon(from);
  const plan = planMeetings(schedule, from, to);
  const existing = await queryMeetings(t, { from });
  const byDate = new Map(existing.map((m) => [m.date, m]));
  const planDates = new Set(plan.map((p) => p.date));
  const result: RegenerationResult = { created: 0, updated: 0, removed: 0, kept: 0 };

  for (const p of plan) {
    const m = byDate.get(p.date);
    if (!m) {
      await insertMeeting(t, plannedMeetingRow(p, schedule, nowIso));
      result.created++;
      continue;
    }
    if (m.status !== 'planned') continue;
    const calendarChanged =
      m.time !== schedule.time || m.place !== schedule.place || m.durationMinutes !== schedule.durationMinutes;
    const anyChanged =
      calendarChanged ||
      m.cutoffDate !== p.cutoffDate ||
      m.plannedDate !== p.plannedDate ||
      m.movedReason !== p.movedReason;
    if (!anyChanged) continue;
    const { date: _d, status: _s, createdAt: _c, ...planned } = plannedMeetingRow(p, schedule, nowIso);
    await updateMeeting(t, m.id, { ...planned, sequence: calendarChanged ? m.sequence + 1 : m.sequence });
    result.updated++;
  }

  for (const m of existing) {
    if (m.status !== 'planned' || planDates.has(m.date)) continue;
    const rows = await agendaItemsOf(t, m.id, { activeOnly: false });
    if (rows.some((x) => x.removedAt === null)) {
      result.kept++;
    } else if (rows.length > 0) {
      // Only withdrawn items: the rows are history and keep the meeting; it no longer takes place.
      await updateMeeting(t, m.id, {
        status: 'cancelled',
        cancelledReason: 'Utgår efter ändrat mötesschema.',
        sequence: m.sequence + 1,
        updatedAt: nowIso,
      });
      result.removed++;
    } else {
      await deleteMeeting(t, m.id);
      result.removed++;
    }
  }
  return result;
}

/**
 * Tops the calendar up to a year ahead with meetings of the current schedule that do not exist yet (neither on
 * the same date nor for the same regular slot). Returns how many were created. In the caller's unit of work.
 */
export async function ensureMeetingsAhead(t: Tx, clock: Clock): Promise<number> {
  const schedule = await loadSchedule(t);
  if (!schedule) return 0;
  const today = localToday(clock);
  const plan = planMeetings(schedule, today, generationHorizon(today));
  if (plan.length === 0) return 0;
  const existing = await meetingDatesFrom(t, today);
  const dates = new Set(existing.map((e) => e.date));
  const slots = new Set(existing.map((e) => e.plannedDate));
  const nowIso = clock.now().toISOString();
  let created = 0;
  for (const p of plan) {
    if (dates.has(p.date) || slots.has(p.plannedDate)) continue;
    await insertMeeting(t, plannedMeetingRow(p, schedule, nowIso));
    created++;
  }
  return created;
}

/** Saves the schedule and regenerates the year ahead; records one audit change for the schedule. */
export async function saveSchedule(ctx: AuthedContext, t: Tx, schedule: ReviewSchedule): Promise<RegenerationResult> {
  const nowIso = ctx.clock.now().toISOString();
  const before = await loadSchedule(t);
  await putSetting(t, REVIEW_SCHEDULE_SETTING_KEY, schedule, nowIso, ctx.user.id);
  const result = await regenerateMeetings(t, schedule, localToday(ctx.clock), nowIso);
  await ctx.audit.change(
    t,
    'setting',
    REVIEW_SCHEDULE_SETTING_KEY,
    before as Record<string, unknown> | null,
    schedule as unknown as Record<string, unknown>,
    `Prövningsmöten: ${result.created} skapade, ${result.updated} ändrade, ${result.removed} borttagna, ${result.kept} behållna med ärenden`,
  );
  return result;
}

/** An extra meeting on a working day, outside the regular schedule. */
export async function addExtraMeeting(
  ctx: AuthedContext,
  t: Tx,
  input: { date: string; time?: string | undefined; place?: string | undefined },
): Promise<MeetingRow> {
  const today = localToday(ctx.clock);
  if (input.date < today) throw ruleError('Ett möte kan inte läggas in bakåt i tiden.', 'date');
  if (!isWorkingDay(input.date)) {
    throw ruleError(
      `${dayText(input.date)} är inte en arbetsdag (${nonWorkingDayName(input.date) ?? 'helgdag'}).`,
      'date',
    );
  }
  const schedule = await loadSchedule(t);
  const time = input.time ?? schedule?.time;
  const place = input.place ?? schedule?.place;
  if (!time) throw ruleError('Tid måste anges (det finns inget mötesschema att ta den från).', 'time');
  if (!place) throw ruleError('Plats måste anges (det finns inget mötesschema att ta den från).', 'place');
  if (await meetingOnDate(t, input.date)) {
    throw conflict(`Det finns redan ett prövningsmöte ${input.date}.`, 'date');
  }
  const nowIso = ctx.clock.now().toISOString();
  const row = await insertMeeting(t, {
    date: input.date,
    plannedDate: input.date,
    movedReason: null,
    time,
    durationMinutes: schedule?.durationMinutes ?? DEFAULT_REVIEW_DURATION_MINUTES,
    place,
    cutoffDate: cutoffDate(input.date, schedule?.cutoffWorkingDays ?? DEFAULT_REVIEW_CUTOFF_WORKING_DAYS, isWorkingDay),
    status: 'planned',
    createdAt: nowIso,
    updatedAt: nowIso,
  });
  await ctx.audit.change(
    t,
    'review_meeting',
    row.id,
    null,
    { date: row.date, time: row.time, place: row.place, cutoffDate: row.cutoffDate },
    'Extra prövningsmöte',
  );
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// iCalendar

function addMinutes(localDateTime: string, minutes: number): string {
  // Naive wall-clock arithmetic (the .ics carries TZID=Europe/Stockholm), via UTC to avoid the host's zone.
  const d = new Date(`${localDateTime}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 16);
}

export const ICS_UID_DOMAIN = 'vaxla.jobbboras';

/** The meetings in [from, to] (default: today to a year ahead) as an iCalendar file; cancelled ones as CANCELLED. */
export async function meetingsIcs(
  r: Reader,
  clock: Clock,
  range: { from?: string | undefined; to?: string | undefined },
) {
  const today = localToday(clock);
  const from = range.from ?? today;
  const to = range.to ?? generationHorizon(today);
  if (to < from) throw ruleError('Till-datum kan inte vara före från-datum.', 'to');
  const rows = await queryMeetings(r, { from, to, statuses: ['planned', 'open', 'closed', 'cancelled'] });
  const events: IcsEvent[] = rows.map((m) => {
    const start = `${m.date}T${m.time}`;
    const lines = [
      `Facklig prövning av föreslagna placeringar (Jobb Borås och Kommunal).`,
      `Sista dag för ärenden: ${m.cutoffDate}.`,
    ];
    if (m.movedReason) lines.push(m.movedReason);
    if (m.status === 'cancelled' && m.cancelledReason) lines.push(`Inställt: ${m.cancelledReason}`);
    return {
      uid: `review-meeting-${m.id}@${ICS_UID_DOMAIN}`,
      start,
      end: addMinutes(start, m.durationMinutes),
      summary: m.status === 'cancelled' ? 'INSTÄLLT: Facklig prövning' : 'Facklig prövning',
      location: m.place,
      description: lines.join('\n'),
      sequence: m.sequence,
      status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    };
  });
  const content = toICalendar(events, { dtstamp: clock.now().toISOString(), calendarName: 'Facklig prövning – Jobb Borås' });
  // One file shape across the RPC boundary (docs/product.md §7): base64, as meetings.exportIcs and every export.
  return {
    fileName: `facklig-provning-${from}-${to}.ics`,
    mimeType: 'text/calendar; charset=utf-8',
    contentBase64: Buffer.from(content, 'utf8').toString('base64'),
  };
}
