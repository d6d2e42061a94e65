/** `npm run demo -- --participants N` beyond Skatteverket's list (about 41,500 numbers) still seeds every part. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app';
import { engineTables } from '../helpers/db';
import { seedDemo } from '../../src/main/demo';
import { skatteverketTestNumbers } from '../../src/main/demo/context';

const { contracts, participants, placements } = engineTables();

let t: TestApp;
const PEOPLE = skatteverketTestNumbers().length + 500;

beforeAll(async () => {
  t = await createTestApp('2026-11-23T09:00:00Z');
  await seedDemo(t.app, { participants: PEOPLE, seed: 2026 });
}, 180_000);
afterAll(() => t.close());

it('seeds more people than the test list holds, and still the reviews, placements and contracts after them', async () => {
  const n = async (table: typeof participants | typeof placements | typeof contracts) =>
    (await t.app.database.db.select({ n: count() }).from(table).limit(1))[0]!.n;
  expect(await n(participants)).toBeGreaterThanOrEqual(PEOPLE);
  expect(await n(placements)).toBeGreaterThan(5);
  expect(await n(contracts)).toBeGreaterThan(3);
  // The placement cohort got real numbers from the list (set aside before the bulk used it up).
  const listed = new Set(skatteverketTestNumbers());
  const cohort = (
    await t.app.database.rows<{ personnummer: string }>(
      sql`SELECT p.personnummer FROM participants p JOIN placements pl ON pl.participant_id = p.id`,
    )
  ).map((r) => r.personnummer);
  expect(cohort.length).toBeGreaterThan(0);
  expect(cohort.every((pnr) => listed.has(pnr))).toBe(true);
});
