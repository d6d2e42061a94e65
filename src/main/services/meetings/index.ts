/**
 * Information meetings (docs/product.md §3): create, book participants (never over capacity), record attendance (a no-show
 * returns the person to booking, the second creates a deviation report), export to Outlook as iCalendar.
 */
import { and, asc, count, desc, eq, gt, inArray, lte, type SQL } from 'drizzle-orm';
import { tx } from '../../db/connection';
import { infoMeetingBookings, infoMeetings, participants } from '../../db/schema';
import type { AuthedContext, ServiceContext } from '../context';
import type { HandlerMap } from '../handlers';
import { localNow, localToday } from '../../util/clock';
import { notFound, ruleError, validation } from '../../../shared/errors';
import type { Stage } from '../../../shared/domain/participant';
import type { MeetingDetail, MeetingRow } from '../../../shared/contract/meetings';
import { formatPersonnummer } from '../../../shared/rules/personnummer';
import { toICalendar, type IcsEvent } from '../../documents/ics';
import { formatLocalTime, fullName, loadParticipant } from '../participants/store';
import { addTimelineEvent, applyTransition, withPersonInMessage } from '../participants/transitions';
import {
  createDeviationIfDue,
  deviationCounts,
  deviationLetter,
  listDeviations,
  setDeviationStatus,
} from './deviations';

type MeetingRecord = typeof infoMeetings.$inferSelect;
type BookingStatus = 'booked' | 'attended' | 'no_show' | 'cancelled';

interface Tally {
  booked: number;
  attended: number;
  noShows: number;
}

function tallies(ctx: ServiceContext, meetingIds: number[]): Map<number, Tally> {
  const map = new Map<number, Tally>();
  if (meetingIds.length === 0) return map;
  const rows = ctx.legacyDb
    .select({ meetingId: infoMeetingBookings.meetingId, status: infoMeetingBookings.status, n: count() })
    .from(infoMeetingBookings)
    .where(inArray(infoMeetingBookings.meetingId, meetingIds))
    .groupBy(infoMeetingBookings.meetingId, infoMeetingBookings.status)
    .all();
  for (const r of rows) {
    const t = map.get(r.meetingId) ?? { booked: 0, attended: 0, noShows: 0 };
    if (r.status === 'booked') t.booked += r.n;
    if (r.status === 'attended') t.attended += r.n;
    if (r.status === 'no_show') t.noShows += r.n;
    map.set(r.meetingId, t);
  }
  return map;
}

function statusOf(m: MeetingRecord, now: string): MeetingRow['status'] {
  if (m.cancelled) return 'cancelled';
  if (now < m.startsAt) return 'upcoming';
  if (now < m.endsAt) return 'ongoing';
  return 'held';
}

function toRow(m: MeetingRecord, t: Tally | undefined, now: string): MeetingRow {
  const tally = t ?? { booked: 0, attended: 0, noShows: 0 };
  const status = statusOf(m, now);
  const active = tally.booked + tally.attended + tally.noShows;
  return {
    id: m.id,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    capacity: m.capacity,
    interpreterLanguages: m.interpreterLanguages,
    notes: m.notes,
    status,
    cancelReason: m.cancelReason,
    booked: active,
    free: Math.max(0, m.capacity - active),
    attended: tally.attended,
    noShows: tally.noShows,
    unrecorded: status === 'ongoing' || status === 'held' ? tally.booked : 0,
  };
}

function loadMeeting(ctx: ServiceContext, id: number): MeetingRecord {
  const m = ctx.legacyDb.select().from(infoMeetings).where(eq(infoMeetings.id, id)).get();
  if (!m) throw notFound('Informationsmötet');
  return m;
}

function meetingDetail(ctx: ServiceContext, id: number): MeetingDetail {
  const m = loadMeeting(ctx, id);
  const now = localNow(ctx.clock);
  const row = toRow(m, tallies(ctx, [m.id]).get(m.id), now);
  const bookings = ctx.legacyDb
    .select({ b: infoMeetingBookings, p: participants })
    .from(infoMeetingBookings)
    .innerJoin(participants, eq(participants.id, infoMeetingBookings.participantId))
    .where(eq(infoMeetingBookings.meetingId, id))
    .orderBy(asc(participants.sortName))
    .all()
    .map(({ b, p }) => ({
      bookingId: b.id,
      participantId: p.id,
      ref: p.ref,
      name: fullName(p),
      personnummerFormatted: /^\d{12}$/.test(p.personnummer) ? formatPersonnummer(p.personnummer) : p.personnummer,
      phone: p.phone,
      languages: p.languages,
      stage: p.stage as Stage,
      status: b.status as BookingStatus,
      noShowCount: p.noShowCount,
      bookedAt: b.bookedAt,
      recordedAt: b.recordedAt,
    }));
  return {
    ...row,
    bookings,
    canBook: !m.cancelled && now < m.endsAt && row.free > 0,
    canRecordAttendance: !m.cancelled && now >= m.startsAt,
    canEdit: !m.cancelled && now < m.startsAt,
  };
}

function meetingData(m: MeetingRecord) {
  return { meetingId: m.id, startsAt: m.startsAt, place: m.place };
}

/** Start and end of a meeting: a real time, end after start on the same day. */
function assertTimes(startsAt: string, endsAt: string): void {
  if (endsAt <= startsAt) throw validation('Sluttid: Mötet måste sluta efter att det börjar.', 'endsAt');
  if (endsAt.slice(0, 10) !== startsAt.slice(0, 10))
    throw validation('Sluttid: Mötet måste sluta samma dag som det börjar.', 'endsAt');
}

const auditOf = (m: MeetingRecord) => ({
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  place: m.place,
  capacity: m.capacity,
  interpreterLanguages: m.interpreterLanguages,
  notes: m.notes,
  cancelled: m.cancelled,
  cancelReason: m.cancelReason,
});

/** Active bookings (booked, attended, no-show) of a meeting. */
function activeBookings(ctx: ServiceContext, meetingId: number): number {
  return (
    ctx.legacyDb
      .select({ n: count() })
      .from(infoMeetingBookings)
      .where(
        and(
          eq(infoMeetingBookings.meetingId, meetingId),
          inArray(infoMeetingBookings.status, ['booked', 'attended', 'no_show']),
        ),
      )
      .get()?.n ?? 0
  );
}

function bookParticipants(ctx: AuthedContext, meetingId: number, participantIds: number[]): MeetingDetail {
  const ids = [...new Set(participantIds)];
  return tx(ctx.legacyDb, () => {
    const m = loadMeeting(ctx, meetingId);
    const now = localNow(ctx.clock);
    if (m.cancelled) throw ruleError('Mötet är inställt och kan inte bokas.');
    if (now >= m.endsAt) throw ruleError('Mötet är redan över och kan inte bokas.');
    const free = m.capacity - activeBookings(ctx, m.id);
    if (ids.length > free) {
      throw ruleError(
        free <= 0
          ? `Mötet är fullbokat (${m.capacity} platser).`
          : `Mötet har bara ${free} ${free === 1 ? 'ledig plats' : 'lediga platser'}; du försökte boka ${ids.length}.`,
      );
    }
    const nowIso = ctx.clock.now().toISOString();
    for (const pid of ids) {
      const p = loadParticipant(ctx.legacyDb, pid);
      withPersonInMessage(p, () => {
        const existing = ctx.legacyDb
          .select()
          .from(infoMeetingBookings)
          .where(and(eq(infoMeetingBookings.meetingId, m.id), eq(infoMeetingBookings.participantId, pid)))
          .get();
        if (existing && existing.status !== 'cancelled')
          throw ruleError('Deltagaren har redan en bokning på det här mötet.');
        applyTransition(ctx, pid, 'meeting_booked', {
          command: 'book_meeting',
          via: ['meetings.book'],
          kind: 'meeting',
          data: meetingData(m),
        });
        if (existing) {
          ctx.legacyDb
            .update(infoMeetingBookings)
            .set({ status: 'booked', bookedAt: nowIso, bookedBy: ctx.user.id, recordedAt: null, recordedBy: null })
            .where(eq(infoMeetingBookings.id, existing.id))
            .run();
        } else {
          ctx.legacyDb
            .insert(infoMeetingBookings)
            .values({ meetingId: m.id, participantId: pid, status: 'booked', bookedAt: nowIso, bookedBy: ctx.user.id })
            .run();
        }
      });
    }
    // Belt and braces: the count is checked again after writing, inside the same transaction.
    if (activeBookings(ctx, m.id) > m.capacity) throw ruleError(`Mötet har bara ${m.capacity} platser.`);
    return meetingDetail(ctx, m.id);
  });
}

function icsEvent(m: MeetingRecord): IcsEvent {
  const description = [
    'Informationsmöte om arbete och placering via Jobb Borås.',
    `Antal platser: ${m.capacity}.`,
    m.interpreterLanguages.length ? `Tolk: ${m.interpreterLanguages.join(', ')}.` : '',
    m.cancelled && m.cancelReason ? `Inställt: ${m.cancelReason}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    uid: `infomote-${m.id}@vaxla.jobbboras.se`,
    start: m.startsAt,
    end: m.endsAt,
    summary: `${m.cancelled ? 'INSTÄLLT: ' : ''}Informationsmöte Jobb Borås`,
    location: m.place,
    description,
    sequence: m.sequence,
    status: m.cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}

type Names =
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.create'
  | 'meetings.update'
  | 'meetings.cancel'
  | 'meetings.book'
  | 'meetings.unbook'
  | 'meetings.recordAttendance'
  | 'meetings.exportIcs'
  | 'deviations.list'
  | 'deviations.letter'
  | 'deviations.setStatus';

export const meetingHandlers: HandlerMap<Names> = {
  'meetings.list': async (ctx, input) => {
    const now = localNow(ctx.clock);
    const conds: SQL[] = [];
    if (!input.includeCancelled) conds.push(eq(infoMeetings.cancelled, false));
    if (input.scope === 'upcoming') conds.push(gt(infoMeetings.endsAt, now));
    if (input.scope === 'past') conds.push(lte(infoMeetings.endsAt, now));
    const where = conds.length ? and(...conds) : undefined;
    const total = ctx.legacyDb.select({ n: count() }).from(infoMeetings).where(where).get()?.n ?? 0;
    const rows = ctx.legacyDb
      .select()
      .from(infoMeetings)
      .where(where)
      .orderBy(
        input.scope === 'upcoming' ? asc(infoMeetings.startsAt) : desc(infoMeetings.startsAt),
        asc(infoMeetings.id),
      )
      .limit(input.limit)
      .offset(input.offset)
      .all();
    const t = tallies(
      ctx,
      rows.map((r) => r.id),
    );
    return { total, rows: rows.map((m) => toRow(m, t.get(m.id), now)) };
  },

  'meetings.get': async (ctx, input) => {
    const detail = meetingDetail(ctx, input.id);
    ctx.audit.read('info_meeting', input.id);
    return detail;
  },

  'meetings.create': async (ctx, input) => {
    assertTimes(input.startsAt, input.endsAt);
    if (input.startsAt <= localNow(ctx.clock))
      throw validation('Starttid: Mötet kan inte börja i det förflutna.', 'startsAt');
    return tx(ctx.legacyDb, () => {
      const nowIso = ctx.clock.now().toISOString();
      const m = ctx.legacyDb
        .insert(infoMeetings)
        .values({
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          place: input.place,
          capacity: input.capacity,
          interpreterLanguages: input.interpreterLanguages,
          notes: input.notes ?? null,
          createdBy: ctx.user.id,
          createdAt: nowIso,
          updatedAt: nowIso,
        })
        .returning()
        .get();
      ctx.audit.change('info_meeting', m.id, null, auditOf(m), 'Informationsmöte skapat');
      return meetingDetail(ctx, m.id);
    });
  },

  'meetings.update': async (ctx, input) => {
    assertTimes(input.startsAt, input.endsAt);
    return tx(ctx.legacyDb, () => {
      const before = loadMeeting(ctx, input.id);
      const now = localNow(ctx.clock);
      if (before.cancelled) throw ruleError('Mötet är inställt och kan inte ändras.');
      if (now >= before.startsAt) throw ruleError('Mötet har redan börjat och kan inte ändras.');
      if (input.startsAt <= now) throw validation('Starttid: Mötet kan inte flyttas till det förflutna.', 'startsAt');
      const booked = activeBookings(ctx, before.id);
      if (input.capacity < booked) {
        throw validation(
          `Antal platser: ${booked} är redan bokade; antalet platser kan inte bli färre än så.`,
          'capacity',
        );
      }
      const after = ctx.legacyDb
        .update(infoMeetings)
        .set({
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          place: input.place,
          capacity: input.capacity,
          interpreterLanguages: input.interpreterLanguages,
          notes: input.notes ?? null,
          sequence: before.sequence + 1,
          updatedAt: ctx.clock.now().toISOString(),
        })
        .where(eq(infoMeetings.id, before.id))
        .returning()
        .get();
      if (after.startsAt !== before.startsAt || after.place !== before.place) {
        const bookedIds = ctx.legacyDb
          .select({ pid: infoMeetingBookings.participantId })
          .from(infoMeetingBookings)
          .where(and(eq(infoMeetingBookings.meetingId, before.id), eq(infoMeetingBookings.status, 'booked')))
          .all();
        for (const { pid } of bookedIds) {
          addTimelineEvent(ctx, pid, {
            kind: 'meeting',
            data: {
              ...meetingData(after),
              summary: `Informationsmötet flyttades från ${formatLocalTime(before.startsAt)}, ${before.place} till ${formatLocalTime(after.startsAt)}, ${after.place}`,
            },
          });
        }
      }
      ctx.audit.change('info_meeting', before.id, auditOf(before), auditOf(after));
      return meetingDetail(ctx, before.id);
    });
  },

  'meetings.cancel': async (ctx, input) =>
    tx(ctx.legacyDb, () => {
      const before = loadMeeting(ctx, input.id);
      if (before.cancelled) throw ruleError('Mötet är redan inställt.');
      if (localNow(ctx.clock) >= before.startsAt) throw ruleError('Mötet har redan börjat och kan inte ställas in.');
      const after = ctx.legacyDb
        .update(infoMeetings)
        .set({
          cancelled: true,
          cancelledAt: ctx.clock.now().toISOString(),
          cancelReason: input.reason,
          sequence: before.sequence + 1,
          updatedAt: ctx.clock.now().toISOString(),
        })
        .where(eq(infoMeetings.id, before.id))
        .returning()
        .get();
      const booked = ctx.legacyDb
        .select()
        .from(infoMeetingBookings)
        .where(and(eq(infoMeetingBookings.meetingId, before.id), eq(infoMeetingBookings.status, 'booked')))
        .all();
      for (const b of booked) {
        ctx.legacyDb
          .update(infoMeetingBookings)
          .set({ status: 'cancelled', recordedAt: ctx.clock.now().toISOString(), recordedBy: ctx.user.id })
          .where(eq(infoMeetingBookings.id, b.id))
          .run();
        applyTransition(ctx, b.participantId, 'referred', {
          command: 'cancel_booking',
          via: ['meetings.unbook'],
          kind: 'meeting',
          note: input.reason,
          system: true,
          data: { ...meetingData(before), meetingCancelled: true },
        });
      }
      ctx.audit.change('info_meeting', before.id, auditOf(before), auditOf(after), 'Informationsmöte inställt');
      return meetingDetail(ctx, before.id);
    }),

  'meetings.book': async (ctx, input) => bookParticipants(ctx, input.meetingId, input.participantIds),

  'meetings.unbook': async (ctx, input) =>
    tx(ctx.legacyDb, () => {
      const m = loadMeeting(ctx, input.meetingId);
      const p = loadParticipant(ctx.legacyDb, input.participantId);
      const booking = ctx.legacyDb
        .select()
        .from(infoMeetingBookings)
        .where(and(eq(infoMeetingBookings.meetingId, m.id), eq(infoMeetingBookings.participantId, p.id)))
        .get();
      if (!booking || booking.status === 'cancelled') throw ruleError(`${fullName(p)} är inte bokad till mötet.`);
      if (booking.status !== 'booked')
        throw ruleError(`Närvaron för ${fullName(p)} är redan registrerad; bokningen kan inte avbokas.`);
      ctx.legacyDb
        .update(infoMeetingBookings)
        .set({ status: 'cancelled', recordedAt: ctx.clock.now().toISOString(), recordedBy: ctx.user.id })
        .where(eq(infoMeetingBookings.id, booking.id))
        .run();
      applyTransition(ctx, p.id, 'referred', {
        command: 'cancel_booking',
        via: ['meetings.unbook'],
        kind: 'meeting',
        note: input.note ?? null,
        data: meetingData(m),
      });
      return meetingDetail(ctx, m.id);
    }),

  'meetings.recordAttendance': async (ctx, input) => {
    const seen = new Set<number>();
    for (const [i, e] of input.entries.entries()) {
      if (seen.has(e.participantId))
        throw validation('Närvaro: Samma deltagare finns med två gånger.', `entries.${i}.participantId`);
      seen.add(e.participantId);
    }
    return tx(ctx.legacyDb, () => {
      const m = loadMeeting(ctx, input.meetingId);
      if (m.cancelled) throw ruleError('Mötet är inställt.');
      if (localNow(ctx.clock) < m.startsAt) {
        throw ruleError(`Närvaro kan registreras först när mötet har börjat (${formatLocalTime(m.startsAt)}).`);
      }
      const nowIso = ctx.clock.now().toISOString();
      const deviationsCreated: Array<{ deviationId: number; participantId: number; name: string }> = [];
      for (const entry of input.entries) {
        const p = loadParticipant(ctx.legacyDb, entry.participantId);
        withPersonInMessage(p, () => {
          const booking = ctx.legacyDb
            .select()
            .from(infoMeetingBookings)
            .where(and(eq(infoMeetingBookings.meetingId, m.id), eq(infoMeetingBookings.participantId, p.id)))
            .get();
          if (!booking || booking.status === 'cancelled') throw ruleError('Deltagaren är inte bokad till mötet.');
          if (booking.status !== 'booked') {
            throw ruleError(`Närvaron är redan registrerad (${booking.status === 'attended' ? 'deltog' : 'uteblev'}).`);
          }
          ctx.legacyDb
            .update(infoMeetingBookings)
            .set({ status: entry.attended ? 'attended' : 'no_show', recordedAt: nowIso, recordedBy: ctx.user.id })
            .where(eq(infoMeetingBookings.id, booking.id))
            .run();
          if (entry.attended) {
            applyTransition(ctx, p.id, 'attended', {
              command: 'record_attended',
              via: ['meetings.recordAttendance'],
              kind: 'meeting',
              data: meetingData(m),
            });
          } else {
            const noShowCount = p.noShowCount + 1;
            applyTransition(ctx, p.id, 'referred', {
              command: 'record_no_show',
              via: ['meetings.recordAttendance'],
              kind: 'meeting',
              data: { ...meetingData(m), noShowNumber: noShowCount },
              patch: { noShowCount },
            });
            const deviationId = createDeviationIfDue(ctx, p.id, noShowCount);
            if (deviationId !== null) deviationsCreated.push({ deviationId, participantId: p.id, name: fullName(p) });
          }
        });
      }
      return { meeting: meetingDetail(ctx, m.id), deviationsCreated };
    });
  },

  'meetings.exportIcs': async (ctx, input) => {
    const now = localNow(ctx.clock);
    const where =
      input.meetingIds && input.meetingIds.length > 0
        ? inArray(infoMeetings.id, input.meetingIds)
        : input.scope === 'upcoming'
          ? gt(infoMeetings.endsAt, now)
          : undefined;
    const meetings = ctx.legacyDb.select().from(infoMeetings).where(where).orderBy(asc(infoMeetings.startsAt)).all();
    if (meetings.length === 0) throw ruleError('Det finns inga informationsmöten att exportera.');
    const text = toICalendar(meetings.map(icsEvent), {
      dtstamp: ctx.clock.now().toISOString(),
      calendarName: 'Jobb Borås – informationsmöten',
    });
    return {
      fileName: `informationsmoten-${localToday(ctx.clock)}.ics`,
      mimeType: 'text/calendar; charset=utf-8',
      contentBase64: Buffer.from(text, 'utf8').toString('base64'),
    };
  },

  'deviations.list': async (ctx, input) => ({ ...listDeviations(ctx, input), counts: deviationCounts(ctx) }),

  'deviations.letter': async (ctx, input) => deviationLetter(ctx, input.id),

  'deviations.setStatus': async (ctx, input) => setDeviationStatus(ctx, input),
};
