/** `npm run demo -- --participants N` beyond Skatteverket's list (about 41,500 numbers) still seeds every part. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app';
import { contracts, participants, placements } from '../../src/main/db/schema';
import { seedDemo } from '../../src/main/demo';
import { skatteverketTestNumbers } from '../../src/main/demo/context';

let t: TestApp;
const PEOPLE = skatteverketTestNumbers().length + 500;

beforeAll(async () => {
  t = await createTestApp('2026-11-23T09:00:00Z');
  await seedDemo(t.app, { participants: PEOPLE, seed: 2026 });
}, 180_000);
afterAll(() => t.close());

it('seeds more people than the test list holds, and still the reviews, placements and contracts after them', () => {
  const n = (table: typeof participants | typeof placements | typeof contracts) =>
    t.app.db.select({ n: count() }).from(table).get()!.n;
  expect(n(participants)).toBeGreaterThanOrEqual(PEOPLE);
  expect(n(placements)).toBeGreaterThan(5);
  expect(n(contracts)).toBeGreaterThan(3);
  // The placement cohort got real numbers from the list (set aside before the bulk used it up).
  const listed = new Set(skatteverketTestNumbers());
  const cohort = t.app.db.$client
    .prepare('SELECT p.personnummer FROM participants p JOIN placements pl ON pl.participant_id = p.id')
    .pluck()
    .all() as string[];
  expect(cohort.length).toBeGreaterThan(0);
  expect(cohort.every((pnr) => listed.has(pnr))).toBe(true);
});
