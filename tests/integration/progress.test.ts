import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { Rng } from '../../src/main/demo/context';
import { seedBenchParticipants, seedBenchPositions } from '../../src/main/bench/matching';
import { readProgress } from '../../src/main/services/progress';

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

    const me = await t.call('auth.me', {}, coord);
    const running = t.call('matching.suggest', { progressKey: key }, coord);
    const seen: number[] = [];
    let done = false;
    let answeredMeanwhile = 0;
    void running.finally(() => (done = true));
    // The service yields to the event loop as it scores: what it has reported is read between its steps (directly,
    // so the check does not depend on how fast an engine answers), and calls through the dispatcher are answered
    // meanwhile — someone else's poll never sees the caller's progress.
    const poll = (async () => {
      while (!done) {
        const other_ = await t.call('system.progress', { key }, other);
        expect(other_.fraction).toBeNull();
        if (!done) answeredMeanwhile++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (!done) {
      const f = readProgress(me.id, key)?.fraction;
      if (f !== undefined) seen.push(f);
      await new Promise((r) => setImmediate(r));
    }
    await poll;
    const result = await running;
    expect(result.stats.assigned).toBeGreaterThan(0);
    const during = seen.filter((f) => f < 1);
    expect(during.length).toBeGreaterThan(0);
    expect([...during].sort((a, b) => a - b)).toEqual(during); // never goes backwards
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(await t.call('system.progress', { key }, coord)).toMatchObject({ fraction: 1, finished: true });
  });

  it('refuses a malformed key, naming the field', async () => {
    expect(await t.callRaw('system.progress', { key: 'x' }, coord)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'key' },
    });
  });
});
