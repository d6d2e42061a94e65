import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { Rng } from '../../src/main/demo/context';
import { seedBenchParticipants, seedBenchPositions } from '../../src/main/bench/matching';

let t: TestApp;
let coord: string;
let other: string;

beforeEach(async () => {
  t = await createTestApp();
  coord = await t.userWithRoles('kim', ['coordinator']);
  other = await t.userWithRoles('lo', ['coordinator']);
  const rng = new Rng(7);
  await seedBenchPositions(t.app, rng, 60);
  await seedBenchParticipants(t.app, rng, 600);
});
afterEach(() => t.close());

describe('progress of long calls (system.progress)', () => {
  it('is answered while the global suggestion runs, belongs to its caller, and ends at 1', async () => {
    const key = 'suggest-0123456789';
    expect(await t.call('system.progress', { key }, coord)).toEqual({ fraction: null, label: null, finished: false });

    const running = t.call('matching.suggest', { progressKey: key }, coord);
    const seen: Array<number | null> = [];
    let done = false;
    void running.finally(() => (done = true));
    // Polls between the service's steps: it yields to the event loop as it scores, so they are answered meanwhile.
    while (!done) {
      seen.push((await t.call('system.progress', { key }, coord)).fraction);
      expect((await t.call('system.progress', { key }, other)).fraction).toBeNull(); // not someone else's
      await new Promise((r) => setImmediate(r));
    }
    const result = await running;
    expect(result.stats.assigned).toBeGreaterThan(0);
    const during = seen.filter((f): f is number => f !== null && f < 1);
    expect(during.length).toBeGreaterThan(0);
    expect([...during].sort((a, b) => a - b)).toEqual(during); // never goes backwards
    expect(await t.call('system.progress', { key }, coord)).toMatchObject({ fraction: 1, finished: true });
  });

  it('refuses a malformed key, naming the field', async () => {
    expect(await t.callRaw('system.progress', { key: 'x' }, coord)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'key' },
    });
  });
});
