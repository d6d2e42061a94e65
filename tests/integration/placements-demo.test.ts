import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app';
import { engineTables } from '../helpers/db';
import { Rng, testPersonnummerSource, type DemoContext } from '../../src/main/demo/context';
import { seedUsers } from '../../src/main/demo/users';
import { seedCatalogue } from '../../src/main/demo/catalogue';
import { seedPlacements } from '../../src/main/demo/placements';
import { contractQueue } from '../../src/main/services/contracts';
import { loadSummaries } from '../../src/main/services/placements/queries';
import { heldInterval, occupancyTimeline } from '../../src/main/services/placements/rules';
import { contractSnapshotSchema } from '../../src/shared/domain/contract-doc';

const { contracts, exitFollowUps, participants, placementExtensions, placementFollowUps, placements, positions } =
  engineTables();

let t: TestApp;
let d: DemoContext;

beforeAll(async () => {
  t = await createTestApp('2026-11-23T09:00:00Z');
  const u = await seedUsers(t.app.database, t.clock, 1024);
  const rng = new Rng(20261123);
  d = {
    database: t.app.database,
    clock: t.clock,
    today: '2026-11-23',
    rng,
    users: { admin: u.admin, coordinator: u.coordinator, union: u.union, hr: u.hr },
    testPersonnummer: testPersonnummerSource(rng, '2026-11-23'),
  };
  await seedCatalogue(d);
  await seedPlacements(d);
});
afterAll(() => t.close());

describe('placement demo data', () => {
  it('shows placements ending within 30, 60 and 90 days, an extension, follow-ups and ended placements', async () => {
    const all = await loadSummaries(d.database, d.today);
    const active = all.filter((p) => p.status === 'active');
    expect(active.filter((p) => p.endWarning === 30).length).toBeGreaterThan(0);
    expect(active.filter((p) => p.endWarning === 60).length).toBeGreaterThan(0);
    expect(active.filter((p) => p.endWarning === 90).length).toBeGreaterThan(0);
    expect(active.some((p) => p.nextFollowUpDate !== null && p.nextFollowUpDate < d.today)).toBe(true);
    expect(await d.database.db.select().from(placementExtensions)).toHaveLength(1);
    expect((await d.database.db.select().from(placementFollowUps)).length).toBeGreaterThanOrEqual(5);
    // Two ended placements (a job, studies): each person exited with the outcome and has the 6- and 12-month follow-ups.
    const ended = all.filter((p) => p.status === 'ended');
    expect(ended.map((p) => p.endOutcome).sort()).toEqual(['ordinary_job', 'studies']);
    for (const e of ended) {
      const person = (
        await d.database.db.select().from(participants).where(eq(participants.id, e.participantId)).limit(1)
      )[0];
      expect(person).toMatchObject({ stage: 'exited', exitOutcome: e.endOutcome });
      expect(
        await d.database.db.select().from(exitFollowUps).where(eq(exitFollowUps.participantId, person!.id)),
      ).toHaveLength(2);
    }
    for (const p of active) {
      expect(
        (await d.database.db.select().from(participants).where(eq(participants.id, p.participantId)).limit(1))[0]
          ?.stage,
      ).toBe('placed');
    }
  });

  it('has contracts in every status, valid snapshots, and a queue for HR', async () => {
    const rows = await d.database.db.select().from(contracts);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['generated', 'sent', 'signed', 'registered', 'superseded']),
    );
    for (const r of rows) expect(contractSnapshotSchema.safeParse(r.snapshot).success).toBe(true);
    expect(rows.some((r) => r.version === 2)).toBe(true);
    expect((await contractQueue(d.database)).some((q) => q.reason === 'new')).toBe(true);
  });

  it('never holds more placements than a position has slots, on any day', async () => {
    for (const pos of await d.database.db.select().from(positions)) {
      const held = (await d.database.db.select().from(placements).where(eq(placements.positionId, pos.id)))
        .map(heldInterval)
        .filter((iv): iv is NonNullable<typeof iv> => iv !== null);
      if (held.length === 0) continue;
      const max = Math.max(...occupancyTimeline(held, { from: '2024-01-01', to: '2030-12-31' }).map((s) => s.occupied));
      expect(max, pos.title).toBeLessThanOrEqual(pos.slots);
    }
  });
});
