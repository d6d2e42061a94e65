/**
 * Information meetings (docs/product.md §3): create, book participants (never over capacity), record attendance (a no-show
 * returns the person to booking, the second creates a deviation report), export to Outlook as iCalendar.
 */
import type { Reader } from '../../store';
import {
  bookingTallies,
  bookingsInStatus,
  bookingsOfMeeting,
  earlierNoShowCounts,
  findBooking,
  infoMeetingRecord,
  infoMeetingsForExport,
  insertBooking,
  queryInfoMeetings,
  placesTaken,
  updateBookings,
  type InfoMeetingRow,
} from '../../store/meetings';
import { changeRecord, createRecord, loadRecord } from '../../store/record';
import type { AuthedContext, ServiceContext } from '../context';
import type { HandlerMap } from '../handlers';
import { localNow, localToday } from '../../util/clock';
import { ruleError, validation } from '../../../shared/errors';
import type { Stage } from '../../../shared/domain/participant';
import type { MeetingDetail, MeetingRow } from '../../../shared/contract/meetings';
import { formatPersonnummer } from '../../../shared/rules/personnummer';
import { toICalendar, type IcsEvent } from '../../documents/ics';
import { formatLocalTime, fullName, loadParticipant } from '../participants/views';
import { addTimelineEvent, applyTransition, withPersonInMessage } from '../participants/transitions';
import {
  createDeviationIfDue,
  deviationCounts,
  deviationLetter,
  listDeviations,
  setDeviationStatus,
} from './deviations';

type MeetingRecord = InfoMeetingRow;
type BookingStatus = 'booked' | 'attended' | 'no_show' | 'cancelled';

interface Tally {
  booked: number;
  attended: number;
  noShows: number;
}

async function tallies(r: Reader, meetingIds: number[]): Promise<Map<number, Tally>> {
  const map = new Map<number, Tally>();
  for (const x of await bookingTallies(r, meetingIds)) {
    const t = map.get(x.meetingId) ?? { booked: 0, attended: 0, noShows: 0 };
    if (x.status === 'booked') t.booked += x.n;
    if (x.status === 'attended') t.attended += x.n;
    if (x.status === 'no_show') t.noShows += x.n;
    map.set(x.meetingId, t);
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

const loadMeeting = (r: Reader, id: number): Promise<MeetingRecord> => loadRecord(r, infoMeetingRecord, id);

async function meetingDetail(ctx: ServiceContext, r: Reader, id: number): Promise<MeetingDetail> {
  const m = await loadMeeting(r, id);
  const now = localNow(ctx.clock);
  const row = toRow(m, (await tallies(r, [m.id])).get(m.id), now);
  const booked = await bookingsOfMeeting(r, id);
  // "Tidigare uteblivna": no-shows at earlier meetings only, never this meeting's own.
  const earlier = await earlierNoShowCounts(
    r,
    booked.map(({ p }) => p.id),
    m.startsAt,
  );
  const bookings = booked.map(({ b, p }) => ({
    bookingId: b.id,
    participantId: p.id,
    ref: p.ref,
    name: fullName(p),
    personnummerFormatted: /^\d{12}$/.test(p.personnummer) ? formatPersonnummer(p.personnummer) : p.personnummer,
    phone: p.phone,
    languages: p.languages,
    stage: p.stage as Stage,
    status: b.status as BookingStatus,
    noShowCount: earlier.get(p.id) ?? 0,
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

/**
 * Books participants on a meeting, never over its capacity (docs/product.md §3). The free places are counted in
 * the unit of work that books: two coordinators booking the last place at once cannot both get it (one unit of
 * work waits for, or on PostgreSQL is retried after, the other, and then finds the meeting full).
 */
async function bookParticipants(
  ctx: AuthedContext,
  meetingId: number,
  participantIds: number[],
): Promise<MeetingDetail> {
  const ids = [...new Set(participantIds)];
  return ctx.tx(async (t) => {
    const m = await loadMeeting(t, meetingId);
    const now = localNow(ctx.clock);
    if (m.cancelled) throw ruleError('Mötet är inställt och kan inte bokas.');
    if (now >= m.endsAt) throw ruleError('Mötet är redan över och kan inte bokas.');
    const free = m.capacity - (await placesTaken(t, m.id));
    if (ids.length > free) {
      throw ruleError(
        free <= 0
          ? `Mötet är fullbokat (${m.capacity} platser).`
          : `Mötet har bara ${free} ${free === 1 ? 'ledig plats' : 'lediga platser'}; du försökte boka ${ids.length}.`,
      );
    }
    const nowIso = ctx.clock.now().toISOString();
    for (const pid of ids) {
      const p = await loadParticipant(t, pid);
      await withPersonInMessage(p, async () => {
        const existing = await findBooking(t, m.id, pid);
        if (existing && existing.status !== 'cancelled')
          throw ruleError('Deltagaren har redan en bokning på det här mötet.');
        await applyTransition(ctx, t, pid, 'meeting_booked', {
          command: 'book_meeting',
          via: ['meetings.book'],
          kind: 'meeting',
          data: meetingData(m),
        });
        if (existing) {
          await updateBookings(t, [existing.id], {
            status: 'booked',
            bookedAt: nowIso,
            bookedBy: ctx.user.id,
            recordedAt: null,
            recordedBy: null,
          });
        } else {
          await insertBooking(t, {
            meetingId: m.id,
            participantId: pid,
            status: 'booked',
            bookedAt: nowIso,
            bookedBy: ctx.user.id,
          });
        }
      });
    }
    // Belt and braces: the count is checked again after writing, inside the same unit of work.
    if ((await placesTaken(t, m.id)) > m.capacity) throw ruleError(`Mötet har bara ${m.capacity} platser.`);
    return meetingDetail(ctx, t, m.id);
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
    const { total, rows } = await queryInfoMeetings(ctx.db, {
      scope: input.scope,
      includeCancelled: input.includeCancelled,
      now,
      offset: input.offset,
      limit: input.limit,
    });
    const t = await tallies(
      ctx.db,
      rows.map((x) => x.id),
    );
    return { total, rows: rows.map((m) => toRow(m, t.get(m.id), now)) };
  },

  'meetings.get': async (ctx, input) => {
    const detail = await meetingDetail(ctx, ctx.db, input.id);
    ctx.audit.read('info_meeting', input.id);
    return detail;
  },

  'meetings.create': async (ctx, input) => {
    assertTimes(input.startsAt, input.endsAt);
    if (input.startsAt <= localNow(ctx.clock))
      throw validation('Starttid: Mötet kan inte börja i det förflutna.', 'startsAt');
    return ctx.tx(async (t) => {
      const nowIso = ctx.clock.now().toISOString();
      const m = await createRecord(
        t,
        ctx.audit,
        infoMeetingRecord,
        {
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          place: input.place,
          capacity: input.capacity,
          interpreterLanguages: input.interpreterLanguages,
          notes: input.notes ?? null,
          createdBy: ctx.user.id,
          createdAt: nowIso,
          updatedAt: nowIso,
        },
        'Informationsmöte skapat',
      );
      return meetingDetail(ctx, t, m.id);
    });
  },

  'meetings.update': async (ctx, input) => {
    assertTimes(input.startsAt, input.endsAt);
    return ctx.tx(async (t) => {
      const before = await loadMeeting(t, input.id);
      const now = localNow(ctx.clock);
      if (before.cancelled) throw ruleError('Mötet är inställt och kan inte ändras.');
      if (now >= before.startsAt) throw ruleError('Mötet har redan börjat och kan inte ändras.');
      if (input.startsAt <= now) throw validation('Starttid: Mötet kan inte flyttas till det förflutna.', 'startsAt');
      const booked = await placesTaken(t, before.id);
      if (input.capacity < booked) {
        throw validation(
          `Antal platser: ${booked} är redan bokade; antalet platser kan inte bli färre än så.`,
          'capacity',
        );
      }
      const { after } = await changeRecord(
        t,
        ctx.audit,
        infoMeetingRecord,
        before.id,
        {
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          place: input.place,
          capacity: input.capacity,
          interpreterLanguages: input.interpreterLanguages,
          notes: input.notes ?? null,
          sequence: before.sequence + 1,
          updatedAt: ctx.clock.now().toISOString(),
        },
        { before },
      );
      if (after.startsAt !== before.startsAt || after.place !== before.place) {
        for (const b of await bookingsInStatus(t, before.id, 'booked')) {
          await addTimelineEvent(ctx, t, b.participantId, {
            kind: 'meeting',
            data: {
              ...meetingData(after),
              summary: `Informationsmötet flyttades från ${formatLocalTime(before.startsAt)}, ${before.place} till ${formatLocalTime(after.startsAt)}, ${after.place}`,
            },
          });
        }
      }
      return meetingDetail(ctx, t, before.id);
    });
  },

  'meetings.cancel': async (ctx, input) =>
    ctx.tx(async (t) => {
      const before = await loadMeeting(t, input.id);
      if (before.cancelled) throw ruleError('Mötet är redan inställt.');
      if (localNow(ctx.clock) >= before.startsAt) throw ruleError('Mötet har redan börjat och kan inte ställas in.');
      const nowIso = ctx.clock.now().toISOString();
      await changeRecord(
        t,
        ctx.audit,
        infoMeetingRecord,
        before.id,
        {
          cancelled: true,
          cancelledAt: nowIso,
          cancelReason: input.reason,
          sequence: before.sequence + 1,
          updatedAt: nowIso,
        },
        { before, detail: 'Informationsmöte inställt' },
      );
      for (const b of await bookingsInStatus(t, before.id, 'booked')) {
        await updateBookings(t, [b.id], { status: 'cancelled', recordedAt: nowIso, recordedBy: ctx.user.id });
        await applyTransition(ctx, t, b.participantId, 'referred', {
          command: 'cancel_booking',
          via: ['meetings.unbook'],
          kind: 'meeting',
          note: input.reason,
          system: true,
          data: { ...meetingData(before), meetingCancelled: true },
        });
      }
      return meetingDetail(ctx, t, before.id);
    }),

  'meetings.book': async (ctx, input) => bookParticipants(ctx, input.meetingId, input.participantIds),

  'meetings.unbook': async (ctx, input) =>
    ctx.tx(async (t) => {
      const m = await loadMeeting(t, input.meetingId);
      const p = await loadParticipant(t, input.participantId);
      const booking = await findBooking(t, m.id, p.id);
      if (!booking || booking.status === 'cancelled') throw ruleError(`${fullName(p)} är inte bokad till mötet.`);
      if (booking.status !== 'booked')
        throw ruleError(`Närvaron för ${fullName(p)} är redan registrerad; bokningen kan inte avbokas.`);
      await updateBookings(t, [booking.id], {
        status: 'cancelled',
        recordedAt: ctx.clock.now().toISOString(),
        recordedBy: ctx.user.id,
      });
      await applyTransition(ctx, t, p.id, 'referred', {
        command: 'cancel_booking',
        via: ['meetings.unbook'],
        kind: 'meeting',
        note: input.note ?? null,
        data: meetingData(m),
      });
      return meetingDetail(ctx, t, m.id);
    }),

  'meetings.recordAttendance': async (ctx, input) => {
    const seen = new Set<number>();
    for (const [i, e] of input.entries.entries()) {
      if (seen.has(e.participantId))
        throw validation('Närvaro: Samma deltagare finns med två gånger.', `entries.${i}.participantId`);
      seen.add(e.participantId);
    }
    return ctx.tx(async (t) => {
      const m = await loadMeeting(t, input.meetingId);
      if (m.cancelled) throw ruleError('Mötet är inställt.');
      if (localNow(ctx.clock) < m.startsAt) {
        throw ruleError(`Närvaro kan registreras först när mötet har börjat (${formatLocalTime(m.startsAt)}).`);
      }
      const nowIso = ctx.clock.now().toISOString();
      const deviationsCreated: Array<{ deviationId: number; participantId: number; name: string }> = [];
      for (const entry of input.entries) {
        const p = await loadParticipant(t, entry.participantId);
        await withPersonInMessage(p, async () => {
          const booking = await findBooking(t, m.id, p.id);
          if (!booking || booking.status === 'cancelled') throw ruleError('Deltagaren är inte bokad till mötet.');
          if (booking.status !== 'booked') {
            throw ruleError(`Närvaron är redan registrerad (${booking.status === 'attended' ? 'deltog' : 'uteblev'}).`);
          }
          await updateBookings(t, [booking.id], {
            status: entry.attended ? 'attended' : 'no_show',
            recordedAt: nowIso,
            recordedBy: ctx.user.id,
          });
          if (entry.attended) {
            await applyTransition(ctx, t, p.id, 'attended', {
              command: 'record_attended',
              via: ['meetings.recordAttendance'],
              kind: 'meeting',
              data: meetingData(m),
            });
          } else {
            const noShowCount = p.noShowCount + 1;
            await applyTransition(ctx, t, p.id, 'referred', {
              command: 'record_no_show',
              via: ['meetings.recordAttendance'],
              kind: 'meeting',
              data: { ...meetingData(m), noShowNumber: noShowCount },
              patch: { noShowCount },
            });
            const deviationId = await createDeviationIfDue(ctx, t, p.id, noShowCount);
            if (deviationId !== null) deviationsCreated.push({ deviationId, participantId: p.id, name: fullName(p) });
          }
        });
      }
      return { meeting: await meetingDetail(ctx, t, m.id), deviationsCreated };
    });
  },

  'meetings.exportIcs': async (ctx, input) => {
    const now = localNow(ctx.clock);
    const meetings = await infoMeetingsForExport(
      ctx.db,
      input.meetingIds && input.meetingIds.length > 0
        ? { ids: input.meetingIds }
        : input.scope === 'upcoming'
          ? { endsAfter: now }
          : {},
    );
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

  'deviations.list': async (ctx, input) => ({
    ...(await listDeviations(ctx, input)),
    counts: await deviationCounts(ctx),
  }),

  'deviations.letter': async (ctx, input) => deviationLetter(ctx, input.id),

  'deviations.setStatus': async (ctx, input) => setDeviationStatus(ctx, input),
};
