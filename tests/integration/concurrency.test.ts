/**
 * The rules hold when several PCs write at once (docs/storage.md, "Concurrency"). Every request here is fired at the
 * same moment through the dispatcher, as the HTTP server would receive them. On PostgreSQL they really run side by
 * side (serialisable units of work, the loser of a race retried); on SQLite units of work take turns, so the same
 * assertions hold trivially — they run on both engines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app';
import { testEngine } from '../helpers/databases';
import {
  createInput,
  insertParticipant,
  insertPosition,
  insertProposal,
  insertSubsidyType,
  insertWorkplace,
  readyToPlace,
} from '../unit/placements/fixtures';
import { referral } from './participants-helpers';
import { TUESDAY_EVEN } from '../unit/review/fixtures';
import type { RpcError } from '../../src/shared/errors';

let t: TestApp;
let admin: string;
let coord: string;

beforeEach(async () => {
  t = await createTestApp(); // 2026-11-23
  admin = await t.setupAdmin();
  coord = await t.userWithRoles('kim', ['coordinator']);
});
afterEach(() => t.close());

type Outcome = { ok: true; value: unknown } | { ok: false; error: RpcError };
const tally = (results: Outcome[]) => ({
  ok: results.filter((r) => r.ok).length,
  codes: results.flatMap((r) => (r.ok ? [] : [r.error.code])),
});

/** A subsidised employment without union review (an approved proposal is enough to place). */
async function position(slots: number) {
  const db = t.app.database;
  const typeId = (await insertSubsidyType(db, { maxMonths: 24 })).id;
  const workplaceId = (await insertWorkplace(db)).id;
  return insertPosition(db, { workplaceId, subsidyTypeId: typeId, slots, unionReviewRequired: false });
}

describe(`concurrent writers on ${testEngine()}`, () => {
  it('20 placements at once at a position with 3 free slots: exactly 3 are made', async () => {
    const pos = await position(3);
    const ready = [];
    for (let i = 0; i < 20; i++) ready.push(await readyToPlace(t.app.database, pos.id));
    const results = await Promise.all(
      ready.map(({ proposal }) => t.callRaw('placements.create', createInput(proposal.id), coord)),
    );
    const { ok, codes } = tally(results);
    expect(ok).toBe(3);
    expect(codes).toHaveLength(17);
    expect(new Set(codes)).toEqual(new Set(['RULE']));
    const [row] = await t.app.database.rows<{ n: number }>(
      sql`SELECT count(*) AS n FROM placements WHERE position_id = ${pos.id} AND status = 'active'`,
    );
    expect(Number(row!.n)).toBe(3);
    // Those refused are still approved and unplaced: nothing half-done remains.
    const placed = await t.app.database.rows<{ n: number }>(
      sql`SELECT count(*) AS n FROM participants WHERE stage = 'placed'`,
    );
    expect(Number(placed[0]!.n)).toBe(3);
  });

  it('one active placement per person: five placements of the same person at once, one is made', async () => {
    const db = t.app.database;
    const person = await insertParticipant(db);
    const proposals = [];
    for (let i = 0; i < 5; i++) {
      const pos = await position(2);
      proposals.push(await insertProposal(db, { participantId: person.id, positionId: pos.id }));
    }
    const results = await Promise.all(proposals.map((p) => t.callRaw('placements.create', createInput(p.id), coord)));
    const { ok, codes } = tally(results);
    expect(ok).toBe(1);
    expect(codes.every((c) => c === 'RULE')).toBe(true);
    const [row] = await db.rows<{ n: number }>(
      sql`SELECT count(*) AS n FROM placements WHERE participant_id = ${person.id} AND status = 'active'`,
    );
    expect(Number(row!.n)).toBe(1);
  });

  it('20 bookings at once on a meeting with 3 free places get 3; on a full meeting none', async () => {
    const create = (capacity: number) =>
      t.call(
        'meetings.create',
        {
          startsAt: '2026-12-03T09:00',
          endsAt: '2026-12-03T11:00',
          place: 'Sandwalls plats 4',
          capacity,
          interpreterLanguages: [],
        },
        coord,
      );
    const people: number[] = [];
    for (let i = 0; i < 40; i++) people.push((await t.call('participants.create', referral(), coord)).id);
    const meeting = await create(3);
    const first = tally(
      await Promise.all(
        people
          .slice(0, 20)
          .map((id) => t.callRaw('meetings.book', { meetingId: meeting.id, participantIds: [id] }, coord)),
      ),
    );
    expect(first.ok).toBe(3);
    expect(new Set(first.codes)).toEqual(new Set(['RULE']));
    expect((await t.call('meetings.get', { id: meeting.id }, coord)).booked).toBe(3);

    const full = await create(1);
    await t.call('meetings.book', { meetingId: full.id, participantIds: [people[20]!] }, coord);
    const second = tally(
      await Promise.all(
        people.slice(21).map((id) => t.callRaw('meetings.book', { meetingId: full.id, participantIds: [id] }, coord)),
      ),
    );
    expect(second.ok).toBe(0);
    expect(new Set(second.codes)).toEqual(new Set(['RULE']));
    expect((await t.call('meetings.get', { id: full.id }, coord)).booked).toBe(1);
  });

  it('the same personnummer registered from ten PCs at once: one person, nine told who it is', async () => {
    const input = referral();
    const results = await Promise.all(Array.from({ length: 10 }, () => t.callRaw('participants.create', input, coord)));
    const { ok, codes } = tally(results);
    expect(ok).toBe(1);
    expect(new Set(codes)).toEqual(new Set(['CONFLICT']));
    const [row] = await t.app.database.rows<{ n: number }>(
      sql`SELECT count(*) AS n FROM participants WHERE personnummer = ${input.personnummer.replace(/\D/g, '')}`,
    );
    expect(Number(row!.n)).toBe(1);
    // every refusal names the existing person (the duplicate check, not a raw constraint message)
    for (const r of results) if (!r.ok) expect(r.error.message).toMatch(/Det finns redan en deltagare/);
  });

  it('the agenda cutoff: proposals submitted at once all land on the one meeting the cutoff gives, created once', async () => {
    await t.call('review.setSchedule', TUESDAY_EVEN, admin);
    // Remove the generated meetings, so the submissions themselves have to create them (ensureMeetingsAhead).
    await t.app.database.exec('DELETE FROM review_meetings');
    const db = t.app.database;
    const typeId = (await insertSubsidyType(db)).id;
    const workplaceId = (await insertWorkplace(db)).id;
    const pos = await insertPosition(db, { workplaceId, subsidyTypeId: typeId, slots: 20, unionReviewRequired: true });
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      const p = await insertParticipant(db, { stage: 'matching' });
      ids.push((await insertProposal(db, { participantId: p.id, positionId: pos.id, status: 'draft' })).id);
    }
    const results = await Promise.all(ids.map((id) => t.callRaw('proposals.submit', { id }, coord)));
    expect(tally(results).ok).toBe(8);
    const meetings = results.map((r) => (r.ok ? (r.value as { meeting: { id: number; date: string } }).meeting : null));
    expect(new Set(meetings.map((m) => m!.id)).size).toBe(1);
    // Submitted Monday 2026-11-23: Tuesday 2026-11-24's meeting (even week 48) closed its agenda on 2026-11-20,
    // two working days before; the next even-week meeting, 2026-12-08, takes them.
    expect(meetings[0]!.date).toBe('2026-12-08');
    const dup = await db.rows<{ date: string; n: number }>(
      sql`SELECT date, count(*) AS n FROM review_meetings GROUP BY date HAVING count(*) > 1`,
    );
    expect(dup).toEqual([]);
    const [items] = await db.rows<{ n: number }>(sql`SELECT count(*) AS n FROM review_agenda_items`);
    expect(Number(items!.n)).toBe(8);
  });
});
