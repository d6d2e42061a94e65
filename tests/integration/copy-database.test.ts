/**
 * Moving house: a unit that started on one PC (SQLite, with demo content) moves to PostgreSQL and back without losing
 * a line — same rows, same ids, same checksums, the audit log intact — and the moved database works. A non-empty
 * target is refused. Runs in the 'postgres' project (it needs both engines).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startApp, type RunningApp } from '../../src/main/app';
import { seedDemo } from '../../src/main/demo';
import { DEMO_USERS } from '../../src/main/demo/users';
import { copyDatabaseCli } from '../../src/main/cli/copy-database';
import { copyOrder, tableChecksum } from '../../src/main/db/copy';
import { openDatabase } from '../../src/main/db/open';
import { dispatch } from '../../src/main/rpc/dispatch';
import { fixedClock } from '../../src/main/util/clock';
import { TEST_SCRYPT_N } from '../helpers/app';
import { createEmptyPgDatabase, dropPgDatabase, testEngine } from '../helpers/databases';

const NOW = '2026-11-23T09:00:00.000Z';
const dirs: string[] = [];
const urls: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'vaxla-copy-'));
  dirs.push(d);
  return d;
};
const output = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
};

async function checksums(target: string | { url: string }) {
  const opened = await openDatabase(
    typeof target === 'string' ? target : { engine: 'postgres', url: target.url },
    new Date(NOW),
    { asIs: true },
  );
  try {
    const out: Record<string, { rows: number; checksum: string }> = {};
    for (const key of copyOrder()) out[key] = await tableChecksum(opened.database, key);
    return out;
  } finally {
    await opened.close();
  }
}

describe.runIf(testEngine() === 'postgres')('copy-database', () => {
  let source: string;
  let pgUrl: string;
  let before: Awaited<ReturnType<typeof checksums>>;

  beforeAll(async () => {
    source = tempDir();
    const app = await startApp({ dataDir: source, clock: fixedClock(NOW), scryptN: TEST_SCRYPT_N });
    await seedDemo(app, { participants: 80, seed: 7 });
    await app.close();
    before = await checksums(source);
    pgUrl = await createEmptyPgDatabase();
    urls.push(pgUrl);
  }, 120_000);
  afterAll(async () => {
    for (const u of urls) await dropPgDatabase(u);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('moves a SQLite database to an empty PostgreSQL database: every table, every id, checksums equal', async () => {
    const o = output();
    expect(await copyDatabaseCli(['--from', source, '--to', pgUrl], o.io)).toBe(0);
    const report = o.out.join('');
    expect(report).toMatch(/^tabell\s+rader\s+kontrollsumma\s+ok/);
    expect(report).toMatch(/audit_events\s+\d+\s+[0-9a-f]{16}\s+ja/);
    expect(report).not.toMatch(/NEJ/);
    const after = await checksums({ url: pgUrl });
    expect(after).toEqual(before);
    // not an empty comparison: the demo filled the tables
    expect(before.participants!.rows).toBeGreaterThanOrEqual(80);
    expect(before.auditEvents!.rows).toBeGreaterThan(100);
    expect(before.contracts!.rows).toBeGreaterThan(0);
  });

  it('the moved database works on PostgreSQL: logins, lists, and new rows continue after the copied ids', async () => {
    const app: RunningApp = await startApp({
      dataDir: tempDir(),
      database: pgUrl,
      clock: fixedClock(NOW),
      scryptN: TEST_SCRYPT_N,
    });
    try {
      const coordinator = DEMO_USERS.find((u) => u.username === 'koordinator')!;
      const login = await dispatch(
        app,
        'auth.login',
        { username: coordinator.username, password: coordinator.password },
        { token: null, transport: 'test' },
      );
      expect(login.ok).toBe(true);
      const token = (login as { value: { token: string } }).value.token;
      const list = await dispatch(app, 'participants.list', { limit: 5 }, { token, transport: 'test' });
      expect(list.ok && (list.value as { total: number }).total).toBe(before.participants!.rows);
      const [max] = await app.database.rows<{ m: number }>(sql`SELECT max(id) AS m FROM audit_events`);
      const note = await dispatch(
        app,
        'participants.addNote',
        { id: 1, note: 'Efter flytten' },
        { token, transport: 'test' },
      );
      expect(note.ok).toBe(true);
      const [after] = await app.database.rows<{ m: number }>(sql`SELECT max(id) AS m FROM audit_events`);
      expect(Number(after!.m)).toBeGreaterThan(Number(max!.m));
    } finally {
      await app.close();
    }
  });

  it('refuses a target that is not empty, and writes nothing to it', async () => {
    const o = output();
    const beforeRefusal = await checksums({ url: pgUrl });
    expect(await copyDatabaseCli(['--from', source, '--to', pgUrl], o.io)).toBe(1);
    expect(o.err.join('')).toMatch(/Måldatabasen .* är inte tom/);
    expect(await checksums({ url: pgUrl })).toEqual(beforeRefusal);
    const o2 = output();
    expect(await copyDatabaseCli(['--from', pgUrl, '--to', source], o2.io)).toBe(1);
    expect(o2.err.join('')).toMatch(/inte tom/);
  });

  it('moves back from PostgreSQL to a new SQLite folder, identical to what the PostgreSQL database holds', async () => {
    const pgNow = await checksums({ url: pgUrl });
    const back = tempDir();
    const o = output();
    expect(await copyDatabaseCli(['--from', pgUrl, '--to', back], o.io)).toBe(0);
    expect(await checksums(back)).toEqual(pgNow);
  });

  it('says how to use it, and refuses a source that does not exist', async () => {
    const o = output();
    expect(await copyDatabaseCli(['--from', source], o.io)).toBe(1);
    expect(o.err.join('')).toMatch(/Ange både --from och --to/);
    const o2 = output();
    expect(await copyDatabaseCli(['--from', join(tempDir(), 'saknas'), '--to', tempDir()], o2.io)).toBe(1);
    expect(o2.err.join('')).toMatch(/Det finns ingen databas/);
  });
});
