import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, openPostgresDatabase, DB_FILE_NAME } from '../../src/main/db/open';
import pg from 'pg';
import {
  applyMigrations,
  DatabaseTooNewError,
  loadMigrations,
  migratePostgres,
  pendingMigrations,
  type Migration,
} from '../../src/main/db/migrate';
import { backupDatabase, listBackups, restoreBackup, BACKUP_RETENTION } from '../../src/main/db/backup';
import { migrationsDir } from '../../src/main/util/paths';
import type { SqliteDatabase } from '../../src/main/db/sqlite-engine';
import { createEmptyPgDatabase, dropPgDatabase, testEngine } from '../helpers/databases';

const sqliteOf = (o: { database: unknown }) => (o.database as SqliteDatabase).sqlite.writer;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vaxla-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(testEngine() === 'sqlite')('SQLite database at start', () => {
  it('creates the schema with WAL, foreign keys on and synchronous FULL (an acknowledged save survives a power cut)', async () => {
    const db = await openDatabase(dir, new Date('2026-11-23T09:00:00Z'));
    const c = sqliteOf(db);
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(c.pragma('user_version', { simple: true })).toBe(loadMigrations(migrationsDir('sqlite')).length);
    await db.close();
  });

  it('refuses a database made by a newer version and leaves it untouched', async () => {
    const first = await openDatabase(dir);
    sqliteOf(first)
      .prepare(
        "INSERT INTO _vaxla_migrations (idx, tag, hash, applied_at) VALUES (999, '0999_from_the_future', 'x', 'now')",
      )
      .run();
    sqliteOf(first).pragma('user_version = 999');
    await first.close();
    await expect(openDatabase(dir)).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(openDatabase(dir)).rejects.toThrow(/nyare version av Växla/);
    const check = new Database(join(dir, DB_FILE_NAME));
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('backs up with the backup API before migrating an existing database', async () => {
    const first = await openDatabase(dir, new Date('2026-11-20T09:00:00Z'));
    sqliteOf(first).exec('DELETE FROM _vaxla_migrations WHERE idx = (SELECT MAX(idx) FROM _vaxla_migrations)');
    sqliteOf(first).pragma('user_version = 0');
    // drop what the last migration created so it can run again
    const triggers = sqliteOf(first)
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all() as string[];
    for (const t of triggers) sqliteOf(first).exec(`DROP TRIGGER IF EXISTS ${t}`);
    await first.close();
    const again = await openDatabase(dir, new Date('2026-11-23T09:00:00Z'));
    const backups = listBackups(dir);
    expect(backups.some((b) => b.reason === 'premigration')).toBe(true);
    const b = new Database(backups.find((x) => x.reason === 'premigration')!.file, { readonly: true });
    expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
    b.close();
    await again.close();
  });

  it('a table-rebuild migration under foreign keys does not cascade-delete child rows', async () => {
    const sqlite = new Database(join(dir, 'fk.db'));
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)');
    sqlite.exec(
      'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE)',
    );
    sqlite.exec("INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1, 1), (2, 1);");
    // what drizzle-kit generates to change a column: new table, copy, drop old, rename
    const rebuild: Migration = {
      idx: 0,
      tag: '0000_rebuild',
      hash: 'h',
      statements: [
        "CREATE TABLE __new_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '')",
        'INSERT INTO __new_parent (id, name) SELECT id, name FROM parent',
        'DROP TABLE parent',
        'ALTER TABLE __new_parent RENAME TO parent',
      ],
    };
    applyMigrations(sqlite, pendingMigrations(sqlite, [rebuild]), '2026-11-23T09:00:00Z');
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM child').get() as { n: number }).n).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });

  it('rolls back a migration that would leave broken references', () => {
    const sqlite = new Database(join(dir, 'fk2.db'));
    sqlite.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    sqlite.exec('CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))');
    sqlite.exec('INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1, 1);');
    const bad: Migration = { idx: 0, tag: '0000_bad', hash: 'h', statements: ['DELETE FROM parent'] };
    expect(() => applyMigrations(sqlite, pendingMigrations(sqlite, [bad]), 'now')).toThrow(/referenser/);
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM parent').get() as { n: number }).n).toBe(1);
    sqlite.close();
  });
});

describe.runIf(testEngine() === 'sqlite')('SQLite backups', () => {
  it('rotates daily backups and restores one after an integrity check', async () => {
    const db = await openDatabase(dir, new Date('2026-11-01T09:00:00Z'));
    sqliteOf(db).prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', '\"före\"', 'now')").run();
    const first = await backupDatabase(sqliteOf(db), dir, 'manual', new Date('2026-11-01T10:00:00Z'));
    sqliteOf(db).prepare("UPDATE settings SET value = '\"efter\"' WHERE key = 'x'").run();
    for (let d = 0; d < BACKUP_RETENTION.daily + 3; d++) {
      await backupDatabase(sqliteOf(db), dir, 'daily', new Date(Date.UTC(2026, 10, 2 + d, 3)));
    }
    expect(listBackups(dir).filter((b) => b.reason === 'daily')).toHaveLength(BACKUP_RETENTION.daily);
    await db.close();
    await restoreBackup(dir, join(dir, DB_FILE_NAME), first.file, new Date('2026-11-30T09:00:00Z'));
    const restored = new Database(join(dir, DB_FILE_NAME), { readonly: true });
    expect((restored.prepare("SELECT value FROM settings WHERE key='x'").get() as { value: string }).value).toBe(
      '"före"',
    );
    restored.close();
    expect(listBackups(dir).some((b) => b.reason === 'prerestore')).toBe(true);
    expect(existsSync(join(dir, 'backups'))).toBe(true);
    expect(readdirSync(join(dir, 'backups')).every((f) => f.endsWith('.db'))).toBe(true);
  });
});

describe.runIf(testEngine() === 'postgres')('PostgreSQL database at start', () => {
  let url: string;
  beforeEach(async () => {
    url = await createEmptyPgDatabase();
  });
  afterEach(async () => dropPgDatabase(url));

  const ledger = async (u: string) => {
    const c = new pg.Client(u);
    await c.connect();
    try {
      return (await c.query<{ idx: number; tag: string }>('SELECT idx, tag FROM _vaxla_migrations ORDER BY idx')).rows;
    } finally {
      await c.end();
    }
  };

  it('migrates an empty database in one go and records every migration in the ledger', async () => {
    const db = await openPostgresDatabase(url, new Date('2026-11-23T09:00:00Z'));
    await db.close();
    const expected = loadMigrations(migrationsDir('postgres')).map((m) => ({ idx: m.idx, tag: m.tag }));
    expect(await ledger(url)).toEqual(expected);
    // opening again finds nothing to do
    await (await openPostgresDatabase(url)).close();
    expect(await ledger(url)).toEqual(expected);
  });

  it('two servers starting at once migrate the database exactly once (advisory lock)', async () => {
    const [a, b] = await Promise.all([openPostgresDatabase(url), openPostgresDatabase(url)]);
    await Promise.all([a.close(), b.close()]);
    expect(await ledger(url)).toHaveLength(loadMigrations(migrationsDir('postgres')).length);
  });

  it('refuses a database made by a newer version and leaves it untouched', async () => {
    await (await openPostgresDatabase(url)).close();
    const c = new pg.Client(url);
    await c.connect();
    await c.query(
      "INSERT INTO _vaxla_migrations (idx, tag, hash, applied_at) VALUES (999, '0999_from_the_future', 'x', 'now')",
    );
    await c.end();
    await expect(openPostgresDatabase(url)).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(openPostgresDatabase(url)).rejects.toThrow(/nyare version av Växla/);
    expect((await ledger(url)).at(-1)).toEqual({ idx: 999, tag: '0999_from_the_future' });
  });

  it('a failing migration changes nothing (one transaction, DDL included)', async () => {
    const c = new pg.Client(url);
    await c.connect();
    try {
      const bad: Migration[] = [
        { idx: 0, tag: '0000_ok', hash: 'h', statements: ['CREATE TABLE first_table (id integer)'] },
        { idx: 1, tag: '0001_bad', hash: 'h', statements: ['CREATE TABLE second_table (id integer)', 'SELECT 1/0'] },
      ];
      await expect(migratePostgres(c, bad, 'now')).rejects.toThrow(/division by zero/);
      const tables = await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows).toEqual([]);
    } finally {
      await c.end();
    }
  });

  it('tells how to reach the server when it cannot connect', async () => {
    const wrong = new URL(url);
    wrong.port = '1';
    await expect(openPostgresDatabase(wrong.toString())).rejects.toThrow(/Kan inte ansluta till PostgreSQL/);
  });
});
