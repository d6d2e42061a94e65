/**
 * Following a table's row changes (Database.watchRows, docs/storage.md "Following changes"): what caches of
 * derived data rely on to stay exact. Committed changes are reported by id, rolled-back ones never; a change by
 * another connection (another program on the SQLite file, another PC on PostgreSQL) is reported too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app';
import { testEngine } from '../helpers/databases';
import { insertParticipant, testPnr } from '../unit/placements/fixtures';
import { insertParticipant as insertParticipantRow } from '../../src/main/store/participants';
import { openDatabase } from '../../src/main/db/open';
import type { Database, RowChanges } from '../../src/main/db/engine';

let t: TestApp;
let db: Database;
beforeEach(async () => {
  t = await createTestApp();
  db = t.app.database;
});
afterEach(() => t.close());

const ids = (c: RowChanges) => (c.all ? 'all' : [...c.ids].sort((a, b) => a - b));

async function rename(on: Database, id: number, firstName: string) {
  await on.tx(async (x) => {
    const { participants } = x.tables;
    await x.db.update(participants).set({ firstName }).where(eq(participants.id, id));
  });
}

describe(`row changes on ${testEngine()}`, () => {
  it('starts with everything, then reports the ids of committed inserts and updates once', async () => {
    const w = db.watchRows('participants');
    expect(ids(await w.next())).toBe('all');
    expect(ids(await w.next())).toEqual([]);
    const a = await insertParticipant(db);
    const b = await insertParticipant(db);
    expect(ids(await w.next())).toEqual([a.id, b.id].sort((x, y) => x - y));
    expect(ids(await w.next())).toEqual([]);
    await rename(db, a.id, 'Berit');
    expect(ids(await w.next())).toEqual([a.id]);
    w.close();
  });

  it('never reports a unit of work that rolled back', async () => {
    const a = await insertParticipant(db);
    const w = db.watchRows('participants');
    await w.next();
    await expect(
      db.tx(async (x) => {
        const { participants } = x.tables;
        await x.db.update(participants).set({ firstName: 'Ingen' }).where(eq(participants.id, a.id));
        throw new Error('ångrat');
      }),
    ).rejects.toThrow('ångrat');
    expect(ids(await w.next())).toEqual([]);
    w.close();
  });

  it('reports deletions, and each watcher gets its own answers', async () => {
    const a = await insertParticipant(db);
    const w1 = db.watchRows('participants');
    const w2 = db.watchRows('participants');
    await w1.next();
    await w2.next();
    await db.tx(async (x) => {
      const { participants } = x.tables;
      await x.db.delete(participants).where(eq(participants.id, a.id));
    });
    expect(ids(await w1.next())).toEqual([a.id]);
    expect(ids(await w1.next())).toEqual([]);
    expect(ids(await w2.next())).toEqual([a.id]);
    w1.close();
    w2.close();
  });

  it('sees what another connection commits', async () => {
    const a = await insertParticipant(db);
    const w = db.watchRows('participants');
    await w.next();
    const other = await openDatabase(
      t.databaseUrl ? { engine: 'postgres', url: t.databaseUrl } : { engine: 'sqlite', dataDir: t.dataDir },
    );
    try {
      await rename(other.database, a.id, 'Cecilia');
    } finally {
      await other.close();
    }
    const changed = await w.next();
    // PostgreSQL names the row; SQLite only knows that another program wrote the file, so everything is reloaded.
    if (testEngine() === 'postgres') expect(ids(changed)).toEqual([a.id]);
    else expect(ids(changed)).toBe('all');
    expect(ids(await w.next())).toEqual([]);
    w.close();
  });

  it('names the rows of a bulk change, or answers everything when one statement changed very many', async () => {
    const w = db.watchRows('participants');
    await w.next();
    const made = await db.tx(async (x) => {
      const out: number[] = [];
      for (let i = 0; i < 600; i++) out.push((await insertParticipantRow(x, participantRow(i))).id);
      return out;
    });
    expect(ids(await w.next())).toEqual(made);
    await db.tx(async (x) => {
      await x.db.update(x.tables.participants).set({ firstName: 'Alla' }); // one statement, 600 rows
    });
    // PostgreSQL names at most 500 rows per statement in its notification; SQLite keeps up to 5,000 per call.
    if (testEngine() === 'postgres') expect(ids(await w.next())).toBe('all');
    else expect(ids(await w.next())).toEqual(made);
    w.close();
  });
});

function participantRow(i: number) {
  const now = '2026-11-23T09:00:00.000Z';
  return {
    ref: `2026-${String(20000 + i)}`,
    personnummer: testPnr(),
    firstName: 'Åsa',
    lastName: `Öberg${i}`,
    referralDate: '2026-01-15',
    stage: 'mapped',
    stageSince: '2026-11-01',
    createdAt: now,
    updatedAt: now,
  };
}
