/**
 * The participant list stays fast with 50,000 people: searches scan the narrow covering indexes, the page is read
 * by id after sorting, and the counts per stage are one GROUP BY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngine } from '../helpers/databases';
import { Rng, skatteverketTestNumbers, type DemoContext } from '../../src/main/demo/context';
import { seedParticipants } from '../../src/main/demo/participants';
import { createWorld, type World } from './participants-helpers';
import type { ParticipantListInput } from '../../src/shared/domain/participant';

let w: World;
const TOTAL = 50_000;

beforeAll(async () => {
  w = await createWorld();
  const me = await w.t.call('auth.me', {}, w.coord);
  const numbers = skatteverketTestNumbers().filter(
    (n) => Number(n.slice(0, 4)) >= 1962 && Number(n.slice(0, 4)) <= 2007,
  );
  let next = 0;
  const d: DemoContext = {
    database: w.t.app.database,
    clock: w.t.clock,
    today: '2026-11-23',
    rng: new Rng(7),
    users: { admin: 1, coordinator: me.id, union: 1, hr: 1 },
    testPersonnummer: () => {
      const n = numbers[next++];
      if (!n) throw new Error('slut');
      return n;
    },
  };
  await seedParticipants(d, 5_000);
  // Nine copies of each person with the check digit changed (numbers that can belong to no one) make 50,000.
  await w.t.app.database.exec(`
    WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 9)
    INSERT INTO participants (ref, personnummer, first_name, last_name, district, languages, swedish_level, licence_classes, skills, interests,
      wished_kinds, available_percent, children_in_household, long_term_recipient, monthly_assistance, caseworker_name, referral_date, stage,
      stage_since, coordinator_id, search_text, sort_name, created_at, updated_at)
    SELECT ref || '-' || n, substr(personnummer, 1, 11) || ((cast(substr(personnummer, 12, 1) AS INTEGER) + n) % 10), first_name, last_name,
      district, languages, swedish_level, licence_classes, skills, interests, wished_kinds, available_percent, children_in_household,
      long_term_recipient, monthly_assistance, caseworker_name, referral_date, stage, stage_since, coordinator_id,
      replace(search_text, personnummer, substr(personnummer, 1, 11) || ((cast(substr(personnummer, 12, 1) AS INTEGER) + n) % 10)),
      sort_name, created_at, updated_at
    FROM participants, k;
    ANALYZE;
  `);
}, 60_000);
afterAll(() => w.t.close());

// No timed assertions here (speed belongs in `npm run bench`): these check that every filter and sort answers with
// one correct page over 50,000 people, and the plan test below checks the indexes that keep it fast.
async function list(input: ParticipantListInput) {
  return { result: await w.t.call('participants.list', input, w.coord) };
}

describe('the list with 50,000 participants', () => {
  it('has them all', async () => {
    const { result } = await list({});
    expect(result.total).toBe(TOTAL);
    expect(Object.values(result.stageCounts).reduce((a, b) => a + b, 0)).toBe(TOTAL);
  });

  it.each<[string, ParticipantListInput]>([
    ['first page by name', {}],
    ['a deep page', { offset: 30_000 }],
    ['search a common name', { search: 'ahmed' }],
    ['search a number', { search: '19850101' }],
    ['search that finds nobody', { search: 'qqqxyz' }],
    ['search and stage filter', { search: 'hass', stages: ['matching', 'mapped'] }],
    ['sort by stage, deep page', { sort: 'stage', offset: 20_000 }],
    ['sort by district, descending', { sort: 'district', direction: 'desc', offset: 10_000 }],
    ['district and referral date', { district: 'Norrby', sort: 'referralDate', direction: 'desc' }],
    ['wished kind and children', { wishedKind: 'cleaning', hasChildren: true }],
    ['coordinator and long-term', { coordinatorId: null, longTermRecipient: true, sort: 'stageSince' }],
  ])('%s answers with one page', async (_label, input) => {
    const { result } = await list(input);
    expect(result.rows.length).toBeLessThanOrEqual(50);
    expect(result.rows.length).toBe(Math.max(0, Math.min(50, result.total - (input.offset ?? 0))));
  });

  it.runIf(testEngine() === 'sqlite')('counts and searches through the narrow covering indexes', async () => {
    const plan = async (sqlText: string) =>
      (await w.t.app.database.rows<{ detail: string }>(sql.raw(`EXPLAIN QUERY PLAN ${sqlText}`)))
        .map((r) => r.detail)
        .join(' | ');
    expect(
      await plan("SELECT stage, count(*) FROM participants WHERE search_text LIKE '%a%' ESCAPE '\\' GROUP BY +stage"),
    ).toMatch(/COVERING INDEX participants_stage_search_idx/);
    expect(
      await plan(
        "SELECT id FROM participants WHERE search_text LIKE '%a%' ESCAPE '\\' ORDER BY sort_name, id LIMIT 50",
      ),
    ).toMatch(/COVERING INDEX participants_sort_search_idx/);
  });
});
