/**
 * Follow-ups after exit (6 and 12 months: still self-supporting?) and the coordinator's start page.
 */
import type { Reader } from '../../store';
import { bookedCount, upcomingInfoMeetings } from '../../store/meetings';
import {
  exitFollowUpRecord,
  findParticipant,
  pausesDue,
  queryFollowUps,
  type ExitFollowUpRow,
  type ParticipantRow,
} from '../../store/participants';
import { changeRecord, loadRecord } from '../../store/record';
import type { AuthedContext } from '../context';
import { localNow, localToday } from '../../util/clock';
import { ruleError } from '../../../shared/errors';
import {
  FOLLOW_UP_EARLY_DAYS,
  type ExitOutcome,
  type SelfSupporting,
  type Stage,
} from '../../../shared/domain/participant';
import type { FollowUpRow } from '../../../shared/contract/participants';
import { addDays, compare, diffDays } from '../../../shared/rules/dates';
import { formatPersonnummer } from '../../../shared/rules/personnummer';
import { listDeviations } from '../meetings/deviations';
import { stageCounts } from './list';
import { fullName, userRefs } from './views';
import { addTimelineEvent } from './transitions';

export type FollowUpStatus = 'due' | 'upcoming' | 'recorded' | 'all';

type JoinedFollowUp = { f: ExitFollowUpRow; p: ParticipantRow };

async function toFollowUpRows(r: Reader, rows: JoinedFollowUp[], today: string): Promise<FollowUpRow[]> {
  const names = await userRefs(
    r,
    rows.flatMap(({ f, p }) => [f.recordedBy, p.coordinatorId]),
  );
  return rows.map(({ f, p }) => ({
    id: f.id,
    participantId: p.id,
    ref: p.ref,
    name: fullName(p),
    personnummerFormatted: /^\d{12}$/.test(p.personnummer) ? formatPersonnummer(p.personnummer) : p.personnummer,
    coordinator: p.coordinatorId === null ? null : (names.get(p.coordinatorId) ?? null),
    exitDate: f.exitDate,
    exitOutcome: p.exitDate === f.exitDate ? ((p.exitOutcome as ExitOutcome | null) ?? null) : null,
    months: f.months,
    dueDate: f.dueDate,
    daysOverdue: diffDays(f.dueDate, today),
    selfSupporting: (f.selfSupporting as SelfSupporting | null) ?? null,
    note: f.note,
    recordedAt: f.recordedAt,
    recordedBy: f.recordedBy === null ? null : (names.get(f.recordedBy) ?? null),
  }));
}

export async function listFollowUps(
  ctx: AuthedContext,
  q: { status: FollowUpStatus; offset: number; limit: number; coordinatorId?: number },
): Promise<{ total: number; rows: FollowUpRow[] }> {
  const today = localToday(ctx.clock);
  const { total, rows } = await queryFollowUps(ctx.db, { ...q, today });
  return { total, rows: await toFollowUpRows(ctx.db, rows, today) };
}

/** Records (or corrects) a follow-up. It can be recorded from FOLLOW_UP_EARLY_DAYS days before it is due. */
export async function recordFollowUp(
  ctx: AuthedContext,
  input: { id: number; selfSupporting: SelfSupporting; note?: string | null },
): Promise<FollowUpRow> {
  const today = localToday(ctx.clock);
  return ctx.tx(async (t) => {
    const before = await loadRecord(t, exitFollowUpRecord, input.id);
    const earliest = addDays(before.dueDate, -FOLLOW_UP_EARLY_DAYS);
    if (compare(today, earliest) < 0) {
      throw ruleError(
        `Uppföljningen efter ${before.months} månader kan registreras från ${earliest} (den ska göras ${before.dueDate}).`,
      );
    }
    const { after } = await changeRecord(
      t,
      ctx.audit,
      exitFollowUpRecord,
      input.id,
      {
        selfSupporting: input.selfSupporting,
        note: input.note ?? null,
        recordedAt: ctx.clock.now().toISOString(),
        recordedBy: ctx.user.id,
      },
      { before },
    );
    await addTimelineEvent(ctx, t, before.participantId, {
      kind: 'follow_up',
      note: input.note ?? null,
      data: {
        followUpId: before.id,
        months: before.months,
        selfSupporting: input.selfSupporting,
        corrected: before.recordedAt !== null,
      },
    });
    const p = (await findParticipant(t, before.participantId))!;
    return (await toFollowUpRows(t, [{ f: after, p }], today))[0]!;
  });
}

const DASHBOARD_ROWS = 10;

/** The coordinator's start page. With `mine`, only participants the caller coordinates. */
export async function dashboard(ctx: AuthedContext, input: { mine: boolean }) {
  const today = localToday(ctx.clock);
  const mineId = input.mine ? ctx.user.id : undefined;
  const counts = await stageCounts(ctx.db, mineId === undefined ? {} : { coordinatorId: mineId });

  const due = await pausesDue(ctx.db, { today, coordinatorId: mineId, limit: DASHBOARD_ROWS });
  const pauses = due.rows.map((p) => ({
    id: p.id,
    ref: p.ref,
    name: fullName(p),
    stage: p.stage as Stage,
    date: p.pauseExpectedReturn ?? '',
    detail: `Förväntad åter ${p.pauseExpectedReturn ?? '–'}`,
  }));

  const now = localNow(ctx.clock);
  const upcomingMeetings = [];
  for (const m of await upcomingInfoMeetings(ctx.db, now, 5)) {
    upcomingMeetings.push({
      id: m.id,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      capacity: m.capacity,
      booked: await bookedCount(ctx.db, m.id),
      interpreterLanguages: m.interpreterLanguages,
    });
  }

  return {
    today,
    stageCounts: counts,
    waitingForMeeting: counts.referred,
    dueFollowUps: await listFollowUps(ctx, { status: 'due', offset: 0, limit: DASHBOARD_ROWS, coordinatorId: mineId }),
    openDeviations: await listDeviations(ctx, {
      status: 'active',
      offset: 0,
      limit: DASHBOARD_ROWS,
      coordinatorId: mineId,
    }),
    pausesDue: { total: due.total, rows: pauses },
    upcomingMeetings,
  };
}
