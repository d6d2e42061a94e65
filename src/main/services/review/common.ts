/**
 * What the review services share: loading meetings and agenda items through the review store, finding the meeting a
 * proposal goes to, correction chains, and small formatting helpers.
 */
import type { Reader, Tx } from '../../store';
import {
  AGENDA_TAKING_STATUSES,
  agendaItemsOf,
  activeItemsOfProposals,
  findMeeting,
  insertAgendaItem as insertAgendaItemRow,
  queryMeetings,
  type AgendaItemRow,
  type DecisionRow,
  type MeetingRow,
} from '../../store/review';
import { notFound } from '../../../shared/errors';
import type { AgendaOrigin } from '../../../shared/domain/review';
import type { Role } from '../../../shared/domain/roles';

export { decisionsForProposals } from '../../store/review';
export { userNames } from '../../store/users';
export { AGENDA_TAKING_STATUSES, type AgendaItemRow, type DecisionRow, type MeetingRow };

/**
 * Whether a caller sees participants only pseudonymously. True when every role the user holds is 'union': such a
 * caller's outputs never carry a name, and the services do not even load one.
 */
export function isPseudonymous(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => r === 'union');
}

export async function loadMeeting(r: Reader, id: number): Promise<MeetingRow> {
  const row = await findMeeting(r, id);
  if (!row) throw notFound('Prövningsmötet');
  return row;
}

/** Agenda items of a meeting that are still on it, in agenda order: returning items first, then by submission. */
export async function activeItems(r: Reader, meetingId: number): Promise<AgendaItemRow[]> {
  return sortAgenda(await agendaItemsOf(r, meetingId, { activeOnly: true }));
}

const ORIGIN_ORDER: Record<AgendaOrigin, number> = { deferred: 0, carried_over: 0, moved: 0, submitted: 1 };

export function sortAgenda<T extends { origin: string; addedAt: string; id: number }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (ORIGIN_ORDER[a.origin as AgendaOrigin] ?? 1) - (ORIGIN_ORDER[b.origin as AgendaOrigin] ?? 1) ||
      (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0) ||
      a.id - b.id,
  );
}

/** The item of `proposalId` still on the agenda of a meeting that is planned or open, if any. */
export async function openAgendaItemOf(
  r: Reader,
  proposalId: number,
): Promise<{ item: AgendaItemRow; meeting: MeetingRow } | undefined> {
  return (await activeItemsOfProposals(r, [proposalId], AGENDA_TAKING_STATUSES))[0];
}

/**
 * The meeting a proposal submitted on `submittedDate` goes to (docs/product.md §4 rule 2): the earliest planned or open
 * meeting whose cutoff date is on or after the submission date. The cutoff is the one stored on the meeting (the
 * one shown to everybody), computed when the meeting was generated as the N-th working day before it.
 */
export async function agendaMeetingForSubmission(r: Reader, submittedDate: string): Promise<MeetingRow | undefined> {
  const candidates = await queryMeetings(r, { from: submittedDate, statuses: AGENDA_TAKING_STATUSES });
  return candidates.find((m) => m.cutoffDate >= submittedDate);
}

/**
 * Where items go when a meeting closes or is cancelled: the first planned or open meeting after `afterDate` that is
 * not in the past.
 */
export async function nextMeetingAfter(r: Reader, afterDate: string, today: string): Promise<MeetingRow | undefined> {
  const from = afterDate >= today ? afterDate : today;
  const [m] = await queryMeetings(r, { after: afterDate, from, statuses: AGENDA_TAKING_STATUSES, limit: 1 });
  return m;
}

export async function previousMeetingBefore(r: Reader, date: string): Promise<MeetingRow | undefined> {
  const [m] = await queryMeetings(r, {
    before: date,
    statuses: ['planned', 'open', 'closed'],
    order: 'desc',
    limit: 1,
  });
  return m;
}

export function meetingRef(m: MeetingRow) {
  return {
    id: m.id,
    date: m.date,
    time: m.time,
    place: m.place,
    cutoffDate: m.cutoffDate,
    status: m.status as 'planned' | 'open' | 'closed' | 'cancelled',
  };
}

/** Adds an item to a meeting's agenda. */
export function insertAgendaItem(
  t: Tx,
  v: { meetingId: number; proposalId: number; origin: AgendaOrigin; fromMeetingId: number | null; addedAt: string },
): Promise<AgendaItemRow> {
  return insertAgendaItemRow(t, {
    meetingId: v.meetingId,
    proposalId: v.proposalId,
    origin: v.origin,
    fromMeetingId: v.fromMeetingId,
    addedAt: v.addedAt,
  });
}

/** Follows the correction chain from `start` to the decision now in force. */
export function chainHead(start: DecisionRow, all: readonly DecisionRow[]): DecisionRow {
  const byCorrected = new Map(all.filter((d) => d.correctsDecisionId !== null).map((d) => [d.correctsDecisionId!, d]));
  let cur = start;
  for (let i = 0; i < 1000; i++) {
    const next = byCorrected.get(cur.id);
    if (!next) return cur;
    cur = next;
  }
  return cur;
}

/** The corrections of `start`, in order (each correcting the previous). */
export function correctionChain(start: DecisionRow, all: readonly DecisionRow[]): DecisionRow[] {
  const byCorrected = new Map(all.filter((d) => d.correctsDecisionId !== null).map((d) => [d.correctsDecisionId!, d]));
  const out: DecisionRow[] = [];
  let cur = start;
  for (let i = 0; i < 1000; i++) {
    const next = byCorrected.get(cur.id);
    if (!next) break;
    out.push(next);
    cur = next;
  }
  return out;
}

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A UTC ISO instant as local 'YYYY-MM-DD HH:MM' in Europe/Stockholm. */
export function localDateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return stockholm.format(d).replace(',', '');
}

/** A UTC ISO instant as the local date 'YYYY-MM-DD' in Europe/Stockholm. */
export function localDateOf(iso: string): string {
  return localDateTimeText(iso).slice(0, 10);
}

const SWEDISH_WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

/** 'tisdag 2026-12-08'. */
export function dayText(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const idx = (d.getUTCDay() + 6) % 7;
  return `${SWEDISH_WEEKDAYS[idx]} ${date}`;
}
