/**
 * Review schedule and agenda through the services (docs/product.md §4 rule 2): generation a year ahead, holiday moves,
 * regeneration keeping meetings with items, .ics export, agenda placement with the cutoff on both sides.
 * Clock pinned at Monday 2026-11-23 10:00 Stockholm (ISO week 48).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { isoWeek, weekday } from '../../src/shared/rules/dates';
import {
  addDraft,
  addParticipant,
  seedWorld,
  stageOf,
  timelineOf,
  TUESDAY_EVEN,
  type World,
} from '../unit/review/fixtures';
import { sessions, type Sessions } from '../unit/review/session';

let t: TestApp;
let s: Sessions;
let w: World;

beforeEach(async () => {
  t = await createTestApp();
  s = await sessions(t);
  w = await seedWorld(t.app.database);
});
afterEach(() => t.close());

const meetings = async (token: string) => t.call('review.listMeetings', {}, token);

describe('schedule', () => {
  it('is empty until the admin sets it; only the admin may set it', async () => {
    expect(await t.call('review.getSchedule', {}, s.union)).toEqual({
      schedule: null,
      description: null,
      generatedUntil: null,
    });
    expect(await t.callRaw('review.setSchedule', TUESDAY_EVEN, s.coord)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.callRaw('review.setSchedule', TUESDAY_EVEN, s.union)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const bad = await t.callRaw('review.setSchedule', { ...TUESDAY_EVEN, weekday: 6 }, s.admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'weekday' } });
    const badTime = await t.callRaw('review.setSchedule', { ...TUESDAY_EVEN, time: '25:00' }, s.admin);
    expect(badTime).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'time' } });
    expect(!badTime.ok && badTime.error.message).toMatch(/^Tid: /);
  });

  it('generates the meetings of one year: the weekday of every week of the parity, with the cutoff 2 working days before', async () => {
    const { parity, time, place } = TUESDAY_EVEN;
    const r = await t.call('review.setSchedule', { weekday: 2, parity, time, place }, s.admin);
    expect(r.schedule.cutoffWorkingDays).toBe(2); // the default
    expect(r.schedule.durationMinutes).toBe(60);
    expect(r.created).toBe(26);
    expect(r.description).toBe(
      'Tisdagar, jämna veckor, kl. 09:00, Jobb Borås, Sandwalls plats 4, rum Ågården. Sista dag för ärenden: 2 arbetsdagar före mötet.',
    );
    const list = await meetings(s.union);
    expect(list).toHaveLength(26);
    expect(list[0]).toMatchObject({
      date: '2026-11-24',
      plannedDate: '2026-11-24',
      cutoffDate: '2026-11-20',
      status: 'planned',
      time: '09:00',
    });
    expect(list[1]).toMatchObject({ date: '2026-12-08', cutoffDate: '2026-12-04' });
    expect(list[2]).toMatchObject({ date: '2026-12-22', cutoffDate: '2026-12-18' });
    // 2026 has 53 ISO weeks: after week 52 the next even week is week 2 of 2027.
    expect(list[3]).toMatchObject({ date: '2027-01-12' });
    expect(list.at(-1)!.date).toBe('2027-11-16');
    expect(r.generatedUntil).toBe('2027-11-16');
    for (const m of list) {
      expect(weekday(m.plannedDate)).toBe(2);
      expect(isoWeek(m.plannedDate).week % 2).toBe(0);
      expect(m.cutoffDate < m.date).toBe(true);
    }
  });

  it('moves a meeting on a public holiday to the next working day and says why', async () => {
    // Fridays in even weeks: Good Friday 2027-03-26 (week 12) → Easter Monday is a holiday too → Tuesday 2027-03-30.
    await t.call('review.setSchedule', { ...TUESDAY_EVEN, weekday: 5 }, s.admin);
    const list = await meetings(s.admin);
    const easter = list.find((m) => m.plannedDate === '2027-03-26')!;
    expect(easter).toMatchObject({ date: '2027-03-30' });
    expect(easter.movedReason).toMatch(/Långfredagen/);
    expect(easter.movedReason).toMatch(/tisdag 2027-03-30/);
    // Its cutoff counts working days before the actual date: Thu 25 March (Mon 29 and Fri 26 are holidays).
    expect(easter.cutoffDate).toBe('2027-03-24');
    // Midsummer Eve 2027-06-25 is in week 25 (odd): not a meeting slot; Friday 2027-06-18 (week 24) is held as usual.
    expect(list.find((m) => m.plannedDate === '2027-06-18')).toMatchObject({ date: '2027-06-18', movedReason: null });

    // Thursdays in even weeks: Christmas Eve (Thu 2026-12-24, week 52) and Christmas Day → Monday 2026-12-28.
    await t.call('review.setSchedule', { ...TUESDAY_EVEN, weekday: 4 }, s.admin);
    const thursdays = await meetings(s.admin);
    const christmas = thursdays.find((m) => m.plannedDate === '2026-12-24')!;
    expect(christmas.date).toBe('2026-12-28');
    expect(christmas.movedReason).toMatch(/Julafton/);
    // Ascension Day 2027-05-06 is in week 18 (even) → Friday 2027-05-07.
    expect(thursdays.find((m) => m.plannedDate === '2027-05-06')).toMatchObject({ date: '2027-05-07' });
    // The Tuesday meetings of the first schedule are gone (they had no items).
    expect(thursdays.every((m) => weekday(m.plannedDate) === 4)).toBe(true);
  });

  it('regenerating keeps meetings that have items or are closed and removes empty ones', async () => {
    await t.call('review.setSchedule', TUESDAY_EVEN, s.admin);
    const p = await addParticipant(t.app.database, {
      ref: '2026-0001',
      firstName: 'Amina',
      lastName: 'Hassan',
      personnummer: '198001012384',
    });
    const proposalId = await addDraft(t.app.database, p.id, w.positionId);
    const sub = await t.call('proposals.submit', { id: proposalId }, s.coord);
    expect(sub.meeting?.date).toBe('2026-12-08');

    const r = await t.call('review.setSchedule', { ...TUESDAY_EVEN, weekday: 3, time: '13:00' }, s.admin);
    expect(r.kept).toBe(1);
    expect(r.removed).toBe(25);
    const list = await meetings(s.admin);
    const kept = list.find((m) => m.date === '2026-12-08')!;
    expect(kept).toMatchObject({ itemCount: 1, status: 'planned', time: '09:00' });
    expect(list.filter((m) => weekday(m.date) === 3)).toHaveLength(26);

    // Same dates again: the planned meeting with items now takes the new time (and its calendar sequence rises).
    await t.call('review.setSchedule', { ...TUESDAY_EVEN, time: '10:30' }, s.admin);
    const again = (await meetings(s.admin)).find((m) => m.date === '2026-12-08')!;
    expect(again).toMatchObject({ itemCount: 1, time: '10:30' });
  });

  it('tops the calendar up as time goes by so there is always a year of meetings', async () => {
    await t.call('review.setSchedule', TUESDAY_EVEN, s.admin);
    t.clock.set('2027-02-01T09:00:00Z');
    await s.refresh();
    const p = await addParticipant(t.app.database, {
      ref: '2027-0002',
      firstName: 'Bo',
      lastName: 'Ek',
      personnummer: '198001022383',
    });
    await t.call('proposals.submit', { id: await addDraft(t.app.database, p.id, w.positionId) }, s.coord);
    const list = await meetings(s.admin);
    expect(list.at(-1)!.date >= '2028-01-01').toBe(true);
    expect((await t.call('review.getSchedule', {}, s.coord)).generatedUntil).toBe(list.at(-1)!.date);
  });

  it('previews the dates of a schedule before it is saved', async () => {
    const preview = await t.call(
      'review.previewSchedule',
      { schedule: { ...TUESDAY_EVEN, weekday: 5 }, count: 60 },
      s.admin,
    );
    expect(preview).toHaveLength(60);
    expect(preview.find((m) => m.plannedDate === '2027-03-26')).toMatchObject({ date: '2027-03-30' });
    expect(await meetings(s.admin)).toHaveLength(0);
  });

  it('adds an extra meeting on a working day only', async () => {
    await t.call('review.setSchedule', TUESDAY_EVEN, s.admin);
    const extra = await t.call('review.addMeeting', { date: '2026-12-15' }, s.admin);
    expect(extra).toMatchObject({ date: '2026-12-15', time: '09:00', cutoffDate: '2026-12-11', status: 'planned' });
    expect(await t.callRaw('review.addMeeting', { date: '2026-12-25' }, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'RULE', field: 'date' },
    });
    expect(await t.callRaw('review.addMeeting', { date: '2026-12-15' }, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('exports the meetings as iCalendar for Outlook', async () => {
    await t.call('review.setSchedule', TUESDAY_EVEN, s.admin);
    const ics = await t.call('review.exportIcs', {}, s.union);
    expect(ics.mimeType).toMatch(/^text\/calendar/);
    expect(ics.fileName).toMatch(/\.ics$/);
    const text = Buffer.from(ics.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(26);
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20261124T090000');
    expect(text).toContain('DTEND;TZID=Europe/Stockholm:20261124T100000');
    expect(text.replace(/\r\n /g, '')).toContain('LOCATION:Jobb Borås\\, Sandwalls plats 4\\, rum Ågården');
    expect(text).toContain('SUMMARY:Facklig prövning');

    const cancelled = (await meetings(s.admin))[1]!;
    await t.call('review.cancelMeeting', { id: cancelled.id, reason: 'Kommunal har kongress' }, s.coord);
    const afterFile = await t.call('review.exportIcs', { from: '2026-12-01', to: '2026-12-31' }, s.coord);
    const after = Buffer.from(afterFile.contentBase64, 'base64').toString('utf8').replace(/\r\n /g, '');
    expect(after.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(after).toContain('STATUS:CANCELLED');
    expect(after).toContain('SEQUENCE:1');
  });
});

describe('agenda placement (cutoff)', () => {
  beforeEach(async () => {
    await t.call('review.setSchedule', TUESDAY_EVEN, s.admin);
  });

  it('puts a proposal on the first meeting whose cutoff it met, and the coordinator sees which', async () => {
    const p = await addParticipant(t.app.database, {
      ref: '2026-0147',
      firstName: 'Amina',
      lastName: 'Hassan',
      personnummer: '198001012384',
    });
    const id = await addDraft(t.app.database, p.id, w.positionId);
    // Monday 23 November: the cutoff of Tuesday 24 November (Friday 20th) has passed → 8 December.
    const r = await t.call('proposals.submit', { id, note: 'Stark kandidat' }, s.coord);
    expect(r.meeting).toMatchObject({ date: '2026-12-08', cutoffDate: '2026-12-04', time: '09:00' });
    expect(r.message).toContain('tisdag 2026-12-08 kl. 09:00');
    expect(r.review).toMatchObject({ status: 'submitted', meeting: { date: '2026-12-08' }, placeable: false });
    expect(r.review.notPlaceableReason).toMatch(/väntar på facklig prövning \(mötet 2026-12-08\)/);
    expect(await stageOf(t.app.database, p.id)).toBe('proposed');
    expect(
      (await timelineOf(t.app.database, p.id)).some(
        (e) => e.toStage === 'proposed' && /Facklig prövning 2026-12-08/.test(e.note ?? ''),
      ),
    ).toBe(true);
    const review = await t.call('review.forProposal', { proposalId: id }, s.coord);
    expect(review.meeting?.date).toBe('2026-12-08');
    // Only drafts can be submitted.
    expect(await t.callRaw('proposals.submit', { id }, s.coord)).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });

  it('on the cutoff day the proposal makes the meeting; the day after it goes to the next', async () => {
    const a = await addParticipant(t.app.database, {
      ref: '2026-0201',
      firstName: 'Erik',
      lastName: 'Lund',
      personnummer: '198001032382',
    });
    const b = await addParticipant(t.app.database, {
      ref: '2026-0202',
      firstName: 'Sara',
      lastName: 'Berg',
      personnummer: '198001042381',
    });
    const c = await addParticipant(t.app.database, {
      ref: '2026-0203',
      firstName: 'Omar',
      lastName: 'Ali',
      personnummer: '198001052380',
    });
    // Friday 4 December 23:30 local (22:30Z): still the cutoff day of 8 December.
    t.clock.set('2026-12-04T22:30:00Z');
    await s.refresh();
    expect(
      (await t.call('proposals.submit', { id: await addDraft(t.app.database, a.id, w.positionId) }, s.coord)).meeting
        ?.date,
    ).toBe('2026-12-08');
    // Saturday 5 December 00:30 local (4 December 23:30Z): too late → 22 December.
    t.clock.set('2026-12-04T23:30:00Z');
    await s.refresh();
    expect(
      (await t.call('proposals.submit', { id: await addDraft(t.app.database, b.id, w.positionId) }, s.coord)).meeting
        ?.date,
    ).toBe('2026-12-22');
    // Monday 7 December (between cutoff and meeting) → 22 December as well.
    t.clock.set('2026-12-07T09:00:00Z');
    await s.refresh();
    expect(
      (await t.call('proposals.submit', { id: await addDraft(t.app.database, c.id, w.position2Id) }, s.coord)).meeting
        ?.date,
    ).toBe('2026-12-22');
    const list = await meetings(s.coord);
    expect(list.find((m) => m.date === '2026-12-08')!.itemCount).toBe(1);
    expect(list.find((m) => m.date === '2026-12-22')!.itemCount).toBe(2);
  });

  it('a position without union review goes on no agenda and can become a placement at once', async () => {
    const p = await addParticipant(t.app.database, {
      ref: '2026-0300',
      firstName: 'Lina',
      lastName: 'Nord',
      personnummer: '198001062389',
    });
    const id = await addDraft(t.app.database, p.id, w.trainingPositionId);
    const r = await t.call('proposals.submit', { id }, s.coord);
    expect(r.meeting).toBeNull();
    expect(r.review).toMatchObject({ status: 'approved', unionReviewRequired: false, placeable: true });
    // Ready to place: the participant is approved, the proposal is in the queue of approved proposals and not
    // among those waiting for the union (docs/product.md §4 rule 1).
    expect(await stageOf(t.app.database, p.id)).toBe('approved');
    const approved = await t.call('proposals.list', { statuses: ['approved'], offset: 0, limit: 500 }, s.coord);
    expect(approved.rows.map((x) => x.id)).toContain(id);
    const waiting = await t.call(
      'proposals.list',
      { statuses: ['submitted', 'deferred'], offset: 0, limit: 500 },
      s.coord,
    );
    expect(waiting.rows.map((x) => x.id)).not.toContain(id);
  });

  it('refuses to submit when no meeting is planned', async () => {
    // A fresh installation without a schedule.
    const t2 = await createTestApp();
    try {
      const s2 = await sessions(t2);
      const w2 = await seedWorld(t2.app.database);
      const p = await addParticipant(t2.app.database, {
        ref: '2026-0400',
        firstName: 'Ida',
        lastName: 'Ström',
        personnummer: '198001072388',
      });
      const res = await t2.callRaw(
        'proposals.submit',
        { id: await addDraft(t2.app.database, p.id, w2.positionId) },
        s2.coord,
      );
      expect(res).toMatchObject({ ok: false, error: { code: 'RULE' } });
      expect(!res.ok && res.error.message).toMatch(/schemat för facklig prövning/);
      expect(await stageOf(t2.app.database, p.id)).toBe('matching');
    } finally {
      await t2.close();
    }
  });

  it('refuses a second live proposal for the same pair and a participant who is not in matching', async () => {
    const p = await addParticipant(t.app.database, {
      ref: '2026-0500',
      firstName: 'Nils',
      lastName: 'Holm',
      personnummer: '198001082387',
    });
    await t.call('proposals.submit', { id: await addDraft(t.app.database, p.id, w.positionId) }, s.coord);
    expect(
      await t.callRaw('proposals.submit', { id: await addDraft(t.app.database, p.id, w.positionId) }, s.coord),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const q = await addParticipant(t.app.database, {
      ref: '2026-0501',
      firstName: 'Ulla',
      lastName: 'Sten',
      personnummer: '198001092386',
      stage: 'mapped',
    });
    const res = await t.callRaw(
      'proposals.submit',
      { id: await addDraft(t.app.database, q.id, w.positionId) },
      s.coord,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!res.ok && res.error.message).toMatch(/Kartlagd/);
  });

  it('withdrawing removes the proposal from an open agenda and returns the participant to matching', async () => {
    const p = await addParticipant(t.app.database, {
      ref: '2026-0600',
      firstName: 'Maja',
      lastName: 'Lind',
      personnummer: '198001102384',
    });
    const id = await addDraft(t.app.database, p.id, w.positionId);
    await t.call('proposals.submit', { id }, s.coord);
    expect((await meetings(s.coord)).find((m) => m.date === '2026-12-08')!.itemCount).toBe(1);
    expect(await t.callRaw('proposals.withdraw', { id, reason: 'x' }, s.union)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.callRaw('proposals.withdraw', { id, reason: '' }, s.coord)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'reason' },
    });
    const r = await t.call('proposals.withdraw', { id, reason: 'Deltagaren har fått ett annat jobb' }, s.coord);
    expect(r.removedFromMeeting?.date).toBe('2026-12-08');
    expect(r.review).toMatchObject({ status: 'withdrawn', placeable: false });
    expect((await meetings(s.coord)).find((m) => m.date === '2026-12-08')!.itemCount).toBe(0);
    const detail = await t.call('review.getMeeting', { id: r.removedFromMeeting!.id }, s.union);
    expect(detail.items).toHaveLength(0);
    expect(await stageOf(t.app.database, p.id)).toBe('matching');
    expect(await t.callRaw('proposals.withdraw', { id, reason: 'igen' }, s.coord)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
  });

  it('cancelling a meeting moves its items to the next meeting', async () => {
    const p = await addParticipant(t.app.database, {
      ref: '2026-0700',
      firstName: 'Karl',
      lastName: 'Dahl',
      personnummer: '198001112383',
    });
    const id = await addDraft(t.app.database, p.id, w.positionId);
    const { meeting } = await t.call('proposals.submit', { id }, s.coord);
    expect(await t.callRaw('review.cancelMeeting', { id: meeting!.id, reason: 'Sjukdom' }, s.union)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const r = await t.call('review.cancelMeeting', { id: meeting!.id, reason: 'Sjukdom' }, s.coord);
    expect(r).toMatchObject({
      movedItems: 1,
      nextMeeting: { date: '2026-12-22' },
      meeting: { status: 'cancelled', cancelledReason: 'Sjukdom' },
    });
    const next = await t.call('review.getMeeting', { id: r.nextMeeting!.id }, s.union);
    expect(next.items[0]).toMatchObject({ proposalId: id, origin: 'moved', fromMeeting: { date: '2026-12-08' } });
    expect((await t.call('review.forProposal', { proposalId: id }, s.coord)).meeting?.date).toBe('2026-12-22');
  });
});
