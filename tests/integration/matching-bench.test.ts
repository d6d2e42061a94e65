import { describe, expect, it } from 'vitest';
import { benchMatching } from '../../src/main/bench/matching';
import { postgresTarget, sqliteTarget } from '../../src/main/bench/targets';
import { testEngine } from '../helpers/databases';

// The benchmark runs on the engine of the test project (on PostgreSQL in databases of its own on the test server).
const target = () => (testEngine() === 'postgres' ? postgresTarget(process.env.VAXLA_TEST_PG_URL!) : sqliteTarget);

describe('matching benchmark (small sizes)', () => {
  it('builds its own data and reports the figures of both screens end to end', async () => {
    const r = await benchMatching(target(), {
      participants: 150,
      positions: 40,
      candidatePool: 1_500,
      candidateRuns: 2,
      solver: false,
      seed: 7,
    });
    expect(r.globalSuggestion).toMatchObject({ participants: 150, positions: 40 });
    expect(r.globalSuggestion.slots).toBeGreaterThanOrEqual(40); // 1–5 slots each
    expect(r.globalSuggestion.slots).toBeLessThanOrEqual(200);
    expect(r.globalSuggestion.assigned).toBeGreaterThan(0);
    expect(r.globalSuggestion.assigned).toBeLessThanOrEqual(Math.min(150, r.globalSuggestion.slots));
    expect(r.globalSuggestion.edges).toBeGreaterThan(r.globalSuggestion.assigned);
    expect(r.globalSuggestion.ms).toBeGreaterThanOrEqual(r.globalSuggestion.serviceMs);
    expect(r.globalSuggestion.serviceMs).toBeGreaterThanOrEqual(r.globalSuggestion.solverMs);
    expect(r.candidates).toMatchObject({ participants: 1_500, runs: 2, returned: 50 });
    expect(r.candidates.considered).toBeLessThan(1_500); // the SQL prefilter removed some
    expect(r.candidates.eligible).toBeLessThanOrEqual(r.candidates.considered);
    expect(r).not.toHaveProperty('solverOnly');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
