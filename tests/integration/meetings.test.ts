import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attend, createMeeting, createParticipant, createWorld, localIn, type World } from './participants-helpers';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.t.close());

const reasonOf = (r: { ok: boolean; error?: { message: string } } | { ok: true; value: unknown }) =>
  'error' in r && r.error ? r.error.message : '';

const decode = (b64: string) => Buffer.from(b64, 'base64');

describe('information meetings', () => {
  it('creates a meeting with time, place, capacity and interpreter languages, validating the times', async () => {
    const m = await w.t.call(
      'meetings.create',
      {
        startsAt: '2026-12-02T13:00',
        endsAt: '2026-12-02T15:00',
        place: 'Stadsbiblioteket, sal 2',
        capacity: 12,
        interpreterLanguages: ['arabiska', 'tigrinja', 'Arabiska'],
      },
      w.coord,
    );
    expect(m).toMatchObject({
      status: 'upcoming',
      capacity: 12,
      free: 12,
      booked: 0,
      interpreterLanguages: ['arabiska', 'tigrinja'],
      canBook: true,
      canEdit: true,
      canRecordAttendance: false,
    });
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ endsAt: '2026-12-02T12:00' }, 'endsAt', /^Sluttid: Mötet måste sluta efter/],
      [{ endsAt: '2026-12-03T10:00' }, 'endsAt', /samma dag/],
      [{ startsAt: '2026-11-20T09:00', endsAt: '2026-11-20T10:00' }, 'startsAt', /^Starttid: .*förflutna/],
      [{ startsAt: '2026-12-02T25:00' }, 'startsAt', /^Starttid: /],
      [{ capacity: 0 }, 'capacity', /^Antal platser: Minst 1/],
      [{ place: '' }, 'place', /^Plats: /],
    ];
    for (const [patch, field, message] of cases) {
      const r = await w.t.callRaw(
        'meetings.create',
        { startsAt: '2026-12-02T13:00', endsAt: '2026-12-02T15:00', place: 'X', capacity: 5, ...patch },
        w.coord,
      );
      expect(r, field).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
      expect(reasonOf(r), field).toMatch(message);
    }
  });

  it('never books over capacity, and a refused batch books no one', async () => {
    const mid = await createMeeting(w, { capacity: 2 });
    const [a, b, c] = [
      await createParticipant(w, { firstName: 'Ali' }),
      await createParticipant(w, { firstName: 'Bo' }),
      await createParticipant(w, { firstName: 'Cem' }),
    ];
    const tooMany = await w.t.callRaw('meetings.book', { meetingId: mid, participantIds: [a, b, c] }, w.coord);
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(reasonOf(tooMany)).toBe('Mötet har bara 2 lediga platser; du försökte boka 3.');
    expect((await w.t.call('meetings.get', { id: mid }, w.coord)).booked).toBe(0);

    const m = await w.t.call('meetings.book', { meetingId: mid, participantIds: [a, b, b] }, w.coord);
    expect(m).toMatchObject({ booked: 2, free: 0, canBook: false });
    expect(m.bookings.map((x) => [x.name.split(' ')[0], x.status, x.stage])).toEqual([
      ['Ali', 'booked', 'meeting_booked'],
      ['Bo', 'booked', 'meeting_booked'],
    ]);
    const full = await w.t.callRaw('meetings.book', { meetingId: mid, participantIds: [c] }, w.coord);
    expect(reasonOf(full)).toBe('Mötet är fullbokat (2 platser).');

    // someone already booked elsewhere makes the whole batch fail, naming the person
    const other = await createMeeting(w, { capacity: 5 });
    const batch = await w.t.callRaw('meetings.book', { meetingId: other, participantIds: [c, a] }, w.coord);
    expect(reasonOf(batch)).toMatch(/^Ali Yusuf \(2026-\d{4}\): .*bokad/);
    expect((await w.t.call('participants.get', { id: c }, w.coord)).stage).toBe('referred');
    expect((await w.t.call('meetings.get', { id: other }, w.coord)).booked).toBe(0);

    // unbooking frees the place and returns the person to booking
    const after = await w.t.call(
      'meetings.unbook',
      { meetingId: mid, participantId: a, note: 'Har fått förhinder' },
      w.coord,
    );
    expect(after).toMatchObject({ booked: 1, free: 1 });
    const ali = await w.t.call('participants.get', { id: a }, w.coord);
    expect(ali.stage).toBe('referred');
    expect(ali.timeline[0]).toMatchObject({ note: 'Har fått förhinder', data: { command: 'cancel_booking' } });
    // and the same person can be booked to the same meeting again
    expect((await w.t.call('meetings.book', { meetingId: mid, participantIds: [a] }, w.coord)).booked).toBe(2);
  });

  it('refuses to lower capacity below the bookings and moves booked people when the time changes', async () => {
    const mid = await createMeeting(w, { capacity: 3 });
    const a = await createParticipant(w);
    const b = await createParticipant(w);
    await w.t.call('meetings.book', { meetingId: mid, participantIds: [a, b] }, w.coord);
    const base = {
      id: mid,
      startsAt: '2026-11-30T09:00',
      endsAt: '2026-11-30T11:00',
      place: 'Jobb Borås, Västerbrogatan 4',
      interpreterLanguages: [],
    };
    const low = await w.t.callRaw('meetings.update', { ...base, capacity: 1 }, w.coord);
    expect(low).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'capacity' } });
    expect(reasonOf(low)).toMatch(/2 är redan bokade/);
    const moved = await w.t.call(
      'meetings.update',
      { ...base, capacity: 2, startsAt: '2026-12-01T13:00', endsAt: '2026-12-01T14:30' },
      w.coord,
    );
    expect(moved).toMatchObject({ capacity: 2, startsAt: '2026-12-01T13:00' });
    const p = await w.t.call('participants.get', { id: a }, w.coord);
    expect(p.timeline[0]!.summary).toBe(
      'Informationsmötet flyttades från 2026-11-30 kl. 09:00, Jobb Borås, Västerbrogatan 4 till 2026-12-01 kl. 13:00, Jobb Borås, Västerbrogatan 4',
    );
  });

  it('records attendance only once the meeting has started; attended people move on', async () => {
    const a = await createParticipant(w, { firstName: 'Ali' });
    const b = await createParticipant(w, { firstName: 'Bo' });
    const mid = await createMeeting(w, { startsAt: localIn(w, 30), endsAt: localIn(w, 90) });
    await w.t.call('meetings.book', { meetingId: mid, participantIds: [a, b] }, w.coord);
    const early = await w.t.callRaw(
      'meetings.recordAttendance',
      { meetingId: mid, entries: [{ participantId: a, attended: true }] },
      w.coord,
    );
    expect(reasonOf(early)).toMatch(/^Närvaro kan registreras först när mötet har börjat \(2026-11-23 kl\. 10:30\)/);

    w.t.clock.advance(20 * 60_000);
    const cancelStarted = await w.t.callRaw('meetings.cancel', { id: mid, reason: 'Sjuk' }, w.coord);
    expect(cancelStarted).toMatchObject({ ok: true }); // not started yet (10:20)
    const again = await w.t.callRaw('meetings.book', { meetingId: mid, participantIds: [a] }, w.coord);
    expect(reasonOf(again)).toBe('Mötet är inställt och kan inte bokas.');
    const pa = await w.t.call('participants.get', { id: a }, w.coord);
    expect(pa.stage).toBe('referred');
    expect(pa.timeline[0]).toMatchObject({
      note: 'Sjuk',
      summary: 'Informationsmötet 2026-11-23 kl. 10:30, Jobb Borås, Västerbrogatan 4 ställdes in',
    });

    const mid2 = await attend(w, [a, b]);
    const m = await w.t.call('meetings.get', { id: mid2 }, w.coord);
    expect(m).toMatchObject({
      status: 'ongoing',
      attended: 2,
      noShows: 0,
      unrecorded: 0,
      canRecordAttendance: true,
      canEdit: false,
    });
    expect((await w.t.call('participants.get', { id: b }, w.coord)).stage).toBe('attended');
    const twice = await w.t.callRaw(
      'meetings.recordAttendance',
      { meetingId: mid2, entries: [{ participantId: b, attended: false }] },
      w.coord,
    );
    expect(reasonOf(twice)).toMatch(/^Bo Yusuf .*: Närvaron är redan registrerad \(deltog\)/);
    const dup = await w.t.callRaw(
      'meetings.recordAttendance',
      {
        meetingId: mid2,
        entries: [
          { participantId: b, attended: true },
          { participantId: b, attended: true },
        ],
      },
      w.coord,
    );
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'entries.1.participantId' } });
  });

  it('returns a no-show to booking, and the second no-show creates a deviation report the coordinator works through', async () => {
    const id = await createParticipant(w, {
      firstName: 'Hodan',
      lastName: 'Warsame',
      caseworkerName: 'Eva Ek',
      caseworkerUnit: 'Försörjningsstöd Norr',
    });
    await attend(w, id, false);
    const first = await w.t.call('participants.get', { id }, w.coord);
    expect(first).toMatchObject({ stage: 'referred', noShowCount: 1, deviations: [] });
    expect(first.timeline[0]).toMatchObject({
      fromStage: 'meeting_booked',
      toStage: 'referred',
      summary: expect.stringMatching(/^Uteblev från informationsmöte .*\(1:a gången\)$/),
    });
    expect(first.nextSteps.find((s) => s.command === 'book_meeting')?.enabled).toBe(true);

    const mid2 = await createMeeting(w, { startsAt: localIn(w, 5), endsAt: localIn(w, 60) });
    await w.t.call('meetings.book', { meetingId: mid2, participantIds: [id] }, w.coord);
    w.t.clock.advance(10 * 60_000);
    const r = await w.t.call(
      'meetings.recordAttendance',
      { meetingId: mid2, entries: [{ participantId: id, attended: false }] },
      w.coord,
    );
    expect(r.deviationsCreated).toEqual([
      { deviationId: expect.any(Number), participantId: id, name: 'Hodan Warsame' },
    ]);
    expect(r.meeting).toMatchObject({ noShows: 1, booked: 1 });
    // "Tidigare uteblivna" on the meeting counts the earlier meeting only, not this meeting's own no-show.
    expect(r.meeting.bookings.find((b) => b.participantId === id)).toMatchObject({ status: 'no_show', noShowCount: 1 });

    const second = await w.t.call('participants.get', { id }, w.coord);
    expect(second).toMatchObject({ stage: 'referred', noShowCount: 2 });
    expect(second.deviations).toEqual([
      expect.objectContaining({
        status: 'open',
        reason: expect.stringMatching(/^Uteblev från bokat informationsmöte 2 gånger \(2026-11-23, 2026-11-23\)/),
      }),
    ]);

    const list = await w.t.call('deviations.list', {}, w.coord);
    expect(list.counts).toEqual({ open: 1, sent: 0, done: 0 });
    expect(list.rows[0]).toMatchObject({
      participantId: id,
      name: 'Hodan Warsame',
      caseworker: { name: 'Eva Ek', unit: 'Försörjningsstöd Norr' },
      status: 'open',
    });
    expect(list.rows[0]!.noShows).toHaveLength(2);
    const dash = await w.t.call('participants.dashboard', {}, w.coord);
    expect(dash.openDeviations.total).toBe(1);

    const letter = await w.t.call('deviations.letter', { id: list.rows[0]!.id }, w.coord);
    expect(letter.mimeType).toBe('application/pdf');
    expect(letter.fileName).toBe(`avvikelse-${second.ref}.pdf`);
    const pdf = decode(letter.contentBase64);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
    expect(pdf.toString('latin1')).toContain(`Avvikelserapport ${second.ref}`);

    const sent = await w.t.call(
      'deviations.setStatus',
      { id: list.rows[0]!.id, status: 'sent', note: 'Mejlat till Eva' },
      w.coord,
    );
    expect(sent).toMatchObject({ status: 'sent', note: 'Mejlat till Eva', sentAt: expect.any(String) });
    const same = await w.t.callRaw('deviations.setStatus', { id: sent.id, status: 'sent' }, w.coord);
    expect(same).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const done = await w.t.call('deviations.setStatus', { id: sent.id, status: 'done' }, w.coord);
    expect(done).toMatchObject({ status: 'done', handledBy: { name: 'kim' } });
    expect((await w.t.call('deviations.list', {}, w.coord)).total).toBe(0);
    expect((await w.t.call('deviations.list', { status: 'all' }, w.coord)).total).toBe(1);

    // a third no-show after the report was handled opens a new one
    await attend(w, id, false);
    expect((await w.t.call('deviations.list', { status: 'open' }, w.coord)).total).toBe(1);
  });

  it('exports meetings as iCalendar for Outlook, without participant data', async () => {
    const mid = await createMeeting(w, {
      interpreterLanguages: ['somaliska', 'dari'],
      place: 'Jobb Borås; sal 1, plan 2',
    });
    const other = await createMeeting(w, { startsAt: '2026-12-07T09:00', endsAt: '2026-12-07T10:00' });
    const id = await createParticipant(w, { firstName: 'Hemligt', lastName: 'Namn' });
    await w.t.call('meetings.book', { meetingId: mid, participantIds: [id] }, w.coord);
    await w.t.call('meetings.cancel', { id: other, reason: 'Personalbrist' }, w.coord);

    const file = await w.t.call('meetings.exportIcs', {}, w.coord);
    expect(file).toMatchObject({
      fileName: 'informationsmoten-2026-11-23.ics',
      mimeType: 'text/calendar; charset=utf-8',
    });
    const text = decode(file.contentBase64).toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(`UID:infomote-${mid}@vaxla.jobbboras.se`);
    expect(unfolded).toContain('DTSTART;TZID=Europe/Stockholm:20261130T090000');
    expect(unfolded).toContain('LOCATION:Jobb Borås\\; sal 1\\, plan 2');
    expect(unfolded).toContain('Tolk: somaliska\\, dari.');
    expect(unfolded).toMatch(
      new RegExp(`UID:infomote-${other}@vaxla.jobbboras.se[\\s\\S]*?SEQUENCE:1\\r\\nSTATUS:CANCELLED`),
    );
    expect(unfolded).not.toContain('Hemligt');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);

    const one = decode((await w.t.call('meetings.exportIcs', { meetingIds: [mid] }, w.coord)).contentBase64).toString(
      'utf8',
    );
    expect(one.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const none = await w.t.callRaw('meetings.exportIcs', { meetingIds: [9999] }, w.coord);
    expect(none).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });

  it('lists upcoming and past meetings with their counts', async () => {
    const soon = await createMeeting(w, { startsAt: localIn(w, 5), endsAt: localIn(w, 20) });
    const later = await createMeeting(w, { startsAt: '2026-12-10T09:00', endsAt: '2026-12-10T10:00', capacity: 4 });
    const p = await createParticipant(w);
    await w.t.call('meetings.book', { meetingId: later, participantIds: [p] }, w.coord);
    w.t.clock.advance(25 * 60_000);
    const upcoming = await w.t.call('meetings.list', {}, w.coord);
    expect(upcoming.rows.map((r) => [r.id, r.status, r.booked, r.free])).toEqual([[later, 'upcoming', 1, 3]]);
    const past = await w.t.call('meetings.list', { scope: 'past' }, w.coord);
    expect(past.rows.map((r) => [r.id, r.status])).toEqual([[soon, 'held']]);
    expect((await w.t.call('meetings.list', { scope: 'all' }, w.coord)).total).toBe(2);
    const dash = await w.t.call('participants.dashboard', {}, w.coord);
    expect(dash.upcomingMeetings.map((m) => [m.id, m.booked])).toEqual([[later, 1]]);
    expect(dash.waitingForMeeting).toBe(0);
  });
});
