import { describe, expect, it } from 'vitest';
import { PendingRows, WATCH_LIMIT } from '../../../src/main/db/engine';

const watcher = () =>
  new PendingRows(
    async () => {},
    () => {},
  );

describe('a row watcher', () => {
  it('answers everything first, then the ids added since the previous answer', async () => {
    const w = watcher();
    w.add(1);
    expect(await w.next()).toEqual({ all: true });
    w.add(2);
    w.add(3);
    w.add(2);
    const answer = await w.next();
    expect(answer.all).toBe(false);
    expect(answer.all ? [] : [...answer.ids]).toEqual([2, 3]);
    expect(await w.next()).toEqual({ all: false, ids: new Set() });
  });

  it('answers everything once it holds more ids than its limit, or after a reset', async () => {
    const w = watcher();
    await w.next();
    for (let id = 1; id <= WATCH_LIMIT; id++) w.add(id);
    expect((await w.next()).all).toBe(false);
    for (let id = 1; id <= WATCH_LIMIT + 1; id++) w.add(id);
    expect(await w.next()).toEqual({ all: true });
    w.add(7);
    w.reset();
    expect(await w.next()).toEqual({ all: true });
  });
});
