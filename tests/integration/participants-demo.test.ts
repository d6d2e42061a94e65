/** The demo people: every stage, consistent timelines, meetings, deviations and due follow-ups. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Rng, testPersonnummerSource, type DemoContext } from '../../src/main/demo/context';
import { seedParticipants, stagePlan } from '../../src/main/demo/participants';
import { STAGES, type Stage } from '../../src/shared/domain/participant';
import { parsePersonnummer } from '../../src/shared/rules/personnummer';
import { isMappingComplete, requiresCompleteMapping } from '../../src/shared/rules/journey';
import { createWorld, type World } from './participants-helpers';

let w: World;
const TODAY = '2026-11-23';

async function demoContext(world: World, seed: number): Promise<DemoContext> {
  const me = await world.t.call('auth.me', {}, world.coord);
  const rng = new Rng(seed);
  return {
    database: world.t.app.database,
    clock: world.t.clock,
    today: TODAY,
    rng,
    users: { admin: 1, coordinator: me.id, union: 1, hr: 1 },
    testPersonnummer: testPersonnummerSource(rng, TODAY),
  };
}

beforeAll(async () => {
  w = await createWorld();
  await seedParticipants(await demoContext(w, 20261123), 200);
}, 60_000);
afterAll(() => w.t.close());

type Row = Record<string, unknown> & { id: number; stage: Stage };
const rows = async () => w.t.app.database.rows<Row>(sql`SELECT * FROM participants ORDER BY id`);

describe('demo participants', () => {
  it('cover every stage', async () => {
    const list = await w.t.call('participants.list', { limit: 1 }, w.coord);
    expect(list.total).toBe(200);
    for (const s of STAGES) expect(list.stageCounts[s], s).toBeGreaterThan(0);
    expect(stagePlan(11, true).sort()).toEqual([...STAGES].sort());
    expect(stagePlan(30, false)).not.toContain('placed');
  });

  it('use valid test personnummer only, each once', async () => {
    const all = await rows();
    expect(new Set(all.map((r) => r.personnummer)).size).toBe(all.length);
    for (const r of all) expect(parsePersonnummer(String(r.personnummer), TODAY).ok, String(r.personnummer)).toBe(true);
  });

  it('have timelines that lead to the current stage, in order', async () => await checkTimelines(w));

  it('stay consistent for other seeds and sizes', async () => {
    for (const [seed, n] of [
      [1, 300],
      [2, 50],
      [3, 11],
    ] as const) {
      const other = await createWorld();
      try {
        await seedParticipants(await demoContext(other, seed), n);
        await checkTimelines(other);
        const counts = (await other.t.call('participants.list', { limit: 1 }, other.coord)).stageCounts;
        for (const s of STAGES) expect(counts[s], `seed ${seed}: ${s}`).toBeGreaterThan(0);
      } finally {
        await other.t.close();
      }
    }
  });

  async function checkTimelines(world: World): Promise<void> {
    const all = await world.t.app.database.rows<Row>(sql`SELECT * FROM participants ORDER BY id`);
    const events = await world.t.app.database.rows<{
      pid: number;
      at: string;
      fromStage: string | null;
      toStage: string;
    }>(
      sql`SELECT participant_id AS pid, at, from_stage AS "fromStage", to_stage AS "toStage" FROM participant_events WHERE to_stage IS NOT NULL ORDER BY participant_id, at, id`,
    );
    const byPerson = new Map<number, typeof events>();
    for (const e of events) byPerson.set(e.pid, [...(byPerson.get(e.pid) ?? []), e]);
    for (const r of all) {
      const chain = byPerson.get(r.id) ?? [];
      expect(chain[0]?.toStage, `${r.id}`).toBe('referred');
      for (let k = 1; k < chain.length; k++)
        expect(chain[k]!.fromStage, `${r.id} step ${k}`).toBe(chain[k - 1]!.toStage);
      expect(chain[chain.length - 1]!.toStage, `${r.id}`).toBe(r.stage);
      expect(String(chain[chain.length - 1]!.at) <= `${TODAY}T23:59`, `${r.id}`).toBe(true);
      expect(String(r.referral_date) <= String(r.stage_since), `${r.id}`).toBe(true);
    }
  }

  it('are mapped when their stage needs it', async () => {
    for (const r of await rows()) {
      const parse = (v: unknown) => (Array.isArray(v) ? v : JSON.parse(String(v))) as string[]; // text on SQLite, jsonb on PostgreSQL
      const mapping = {
        languages: parse(r.languages),
        swedishLevel: r.swedish_level as string | null,
        educationLevel: r.education_level as string | null,
        experienceText: r.experience_text as string | null,
        skills: parse(r.skills),
        interests: parse(r.interests),
        wishedKinds: parse(r.wished_kinds),
        availablePercent: r.available_percent as number | null,
        earliestStart: r.earliest_start as string | null,
      };
      if (requiresCompleteMapping(r.stage, (r.paused_from_stage as Stage | null) ?? null))
        expect(isMappingComplete(mapping), `${r.id}`).toBe(true);
    }
  });

  it('every person opens without contract errors, with a consistent detail', async () => {
    for (const r of await rows()) {
      const p = await w.t.call('participants.get', { id: r.id }, w.coord);
      expect(p.stage).toBe(r.stage);
      if (p.stage === 'paused') expect(p.pause).not.toBeNull();
      if (p.stage === 'closed') expect(p.closeReason).not.toBeNull();
      if (p.stage === 'exited') expect(p.followUps).toHaveLength(2);
      if (p.stage === 'meeting_booked') expect(p.bookings.filter((b) => b.status === 'booked')).toHaveLength(1);
      if (['attended', 'mapped', 'matching', 'placed'].includes(p.stage))
        expect(p.bookings.some((b) => b.status === 'attended')).toBe(true);
      expect(p.noShowCount).toBe(p.bookings.filter((b) => b.status === 'no_show').length);
    }
  });

  it('have meetings held (with attendance and no-shows), one waiting for attendance, and upcoming ones with bookings', async () => {
    const past = await w.t.call('meetings.list', { scope: 'past', limit: 500 }, w.coord);
    expect(past.rows.some((m) => m.attended > 0)).toBe(true);
    expect(past.rows.some((m) => m.noShows > 0)).toBe(true);
    expect(past.rows.some((m) => m.unrecorded > 0)).toBe(true);
    for (const m of past.rows) expect(m.booked).toBeLessThanOrEqual(m.capacity);
    const upcoming = await w.t.call('meetings.list', {}, w.coord);
    expect(upcoming.total).toBeGreaterThanOrEqual(3);
    expect(upcoming.rows.some((m) => m.booked > 0)).toBe(true);
  });

  it('give the start page due follow-ups, deviations to work through and pauses', async () => {
    const dash = await w.t.call('participants.dashboard', {}, w.coord);
    expect(dash.dueFollowUps.total).toBeGreaterThanOrEqual(3);
    expect(dash.openDeviations.total).toBeGreaterThanOrEqual(3);
    const deviations = await w.t.call('deviations.list', { status: 'all' }, w.coord);
    expect(deviations.counts.open).toBeGreaterThan(0);
    expect(deviations.counts.sent).toBeGreaterThan(0);
    const recorded = await w.t.call('participants.followUps', { status: 'recorded' }, w.coord);
    expect(recorded.total).toBeGreaterThan(0);
  });

  it('are the same for the same seed', async () => {
    const other = await createWorld();
    try {
      await seedParticipants(await demoContext(other, 20261123), 200);
      const names = (world: World) =>
        world.t.app.database.rows(
          sql`SELECT first_name || last_name || personnummer || stage AS k FROM participants ORDER BY id`,
        );
      expect(await names(other)).toEqual(await names(w));
    } finally {
      await other.t.close();
    }
  });
});
