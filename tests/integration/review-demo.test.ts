/**
 * The review's demo data: the schedule, past meetings held and closed with decisions and protocols, and an
 * upcoming agenda with several submitted proposals — all consistent with proposals and participants.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app';
import { engineTables } from '../helpers/db';
import { DEMO_USERS } from '../../src/main/demo/users';
import { proposalPlaceability } from '../../src/main/services/review/guards';
import { demoApp } from '../unit/review/demo';

const { participants, proposals } = engineTables();

let t: TestApp;
let coord: string;
beforeAll(async () => {
  t = await demoApp();
  const pw = DEMO_USERS.find((u) => u.username === 'koordinator')!.password;
  coord = (await t.call('auth.login', { username: 'koordinator', password: pw })).token;
}, 60_000);
afterAll(() => t?.close());

describe('review demo data', () => {
  it('has the schedule, closed past meetings with decisions and protocols, and an upcoming agenda', async () => {
    const schedule = await t.call('review.getSchedule', {}, coord);
    expect(schedule.schedule).toMatchObject({
      weekday: 2,
      parity: 'even',
      time: '09:00',
      place: 'Jobb Borås, Sandwalls plats 4, rum Ågården',
    });

    const meetings = await t.call('review.listMeetings', {}, coord);
    const closed = meetings.filter((m) => m.status === 'closed');
    expect(closed.length).toBe(3);
    expect(closed.every((m) => m.hasProtocol && m.date < '2026-11-23')).toBe(true);
    expect(closed.reduce((n, m) => n + m.decidedCount, 0)).toBeGreaterThanOrEqual(6);
    expect(meetings.at(-1)!.date >= '2027-11-01').toBe(true);

    const kinds = new Set<string>();
    for (const m of closed) {
      const detail = await t.call('review.getMeeting', { id: m.id }, coord);
      expect(detail.protocol?.attendees.map((a) => a.party).sort()).toEqual(['employer', 'employer', 'union']);
      for (const item of detail.protocol!.items) kinds.add(item.decision ?? 'none');
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['approve', 'defer', 'veto']));

    const overview = await t.call('review.overview', {}, coord);
    expect(overview.nextMeeting).not.toBeNull();
    expect(overview.nextMeeting!.itemCount).toBeGreaterThanOrEqual(3);
    expect(overview.recentClosed).toHaveLength(3);
    const upcoming = await t.call('review.getMeeting', { id: overview.nextMeeting!.id }, coord);
    expect(upcoming.items.some((i) => i.origin === 'submitted')).toBe(true);
    expect(upcoming.items.every((i) => i.participant !== null)).toBe(true);
  });

  it('keeps proposals and participants consistent with the decisions', async () => {
    const db = t.app.database;
    const rows = await db.db
      .select({ p: proposals, stage: participants.stage })
      .from(proposals)
      .innerJoin(participants, eq(participants.id, proposals.participantId));
    const approved = rows.filter((r) => r.p.status === 'approved');
    const vetoed = rows.filter((r) => r.p.status === 'vetoed');
    expect(approved.length).toBeGreaterThan(0);
    expect(vetoed.length).toBeGreaterThan(0);
    for (const r of approved) {
      expect(r.stage === 'approved' || r.stage === 'placed').toBe(true);
      expect((await proposalPlaceability(db, r.p.id)).placeable || r.stage === 'placed').toBe(true);
    }
    for (const r of vetoed) expect((await proposalPlaceability(db, r.p.id)).placeable).toBe(false);
    for (const r of rows.filter((x) => x.p.status === 'submitted' || x.p.status === 'deferred'))
      expect(r.stage).toBe('proposed');
  });
});
