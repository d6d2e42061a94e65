import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  idx: number;
  tag: string;
  statements: string[];
  hash: string;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly dbMigrations: number,
    readonly appMigrations: number,
  ) {
    super(
      `Databasen har skapats av en nyare version av Växla (${dbMigrations} databasändringar, den här versionen känner till ${appMigrations}). ` +
        'Uppdatera programmet eller återställ en säkerhetskopia. Databasen har inte ändrats.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads drizzle-kit's journal and SQL files (statements separated by `--> statement-breakpoint`). */
export function loadMigrations(dir: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ idx: number; tag: string }>;
  };
  return journal.entries
    .slice()
    .sort((a, b) => a.idx - b.idx)
    .map((e) => {
      const sqlText = readFileSync(join(dir, `${e.tag}.sql`), 'utf8');
      return {
        idx: e.idx,
        tag: e.tag,
        statements: sqlText
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
        hash: createHash('sha256').update(sqlText).digest('hex'),
      };
    });
}

const LEDGER = '_vaxla_migrations';

export function appliedMigrations(sqlite: Database.Database): Array<{ idx: number; tag: string; hash: string }> {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${LEDGER} (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  return sqlite.prepare(`SELECT idx, tag, hash FROM ${LEDGER} ORDER BY idx`).all() as Array<{
    idx: number;
    tag: string;
    hash: string;
  }>;
}

/** Throws DatabaseTooNewError when the database holds migrations this app does not know. Changes nothing. */
export function assertNotNewer(sqlite: Database.Database, migrations: Migration[]): void {
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const hasLedger = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`)
    .get(LEDGER);
  const applied = hasLedger
    ? (sqlite.prepare(`SELECT idx, tag FROM ${LEDGER} ORDER BY idx`).all() as Array<{ idx: number; tag: string }>)
    : [];
  const known = new Map(migrations.map((m) => [m.idx, m.tag]));
  const unknown = applied.filter((a) => known.get(a.idx) !== a.tag);
  if (unknown.length > 0 || userVersion > migrations.length) {
    throw new DatabaseTooNewError(Math.max(applied.length, userVersion), migrations.length);
  }
}

export function pendingMigrations(sqlite: Database.Database, migrations: Migration[]): Migration[] {
  assertNotNewer(sqlite, migrations);
  const applied = new Set(appliedMigrations(sqlite).map((a) => a.idx));
  return migrations.filter((m) => !applied.has(m.idx));
}

/**
 * Applies pending migrations in one transaction with foreign keys OFF (set outside the transaction, where SQLite
 * honours it), so drizzle-kit's table-rebuild migrations (create new, copy, drop old, rename) cannot cascade-delete
 * child rows. Before committing, PRAGMA foreign_key_check must come back empty; otherwise everything is rolled back.
 */
export function applyMigrations(sqlite: Database.Database, pending: Migration[], nowIso: string): void {
  if (pending.length === 0) return;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const record = sqlite.prepare(`INSERT INTO ${LEDGER} (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)`);
      for (const m of pending) {
        for (const stmt of m.statements) sqlite.exec(stmt);
        record.run(m.idx, m.tag, m.hash, nowIso);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new MigrationError(
          `Databasändringen skulle bryta ${violations.length} referenser mellan tabeller och har inte genomförts.`,
        );
      }
      const total = (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${LEDGER}`).get() as { n: number }).n;
      sqlite.pragma(`user_version = ${total}`);
      sqlite.exec('COMMIT');
    } catch (e) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw e;
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
