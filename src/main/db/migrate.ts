/**
 * The migration runner of both engines (docs/storage.md, "Migrations"). drizzle-kit generates the migrations of each
 * engine into its own folder (migrations/sqlite, migrations/pg); this runner applies them with the same guarantees on
 * both: all pending migrations in one transaction, a database that holds migrations this app does not know is refused
 * and left untouched, and a ledger table (`_vaxla_migrations`: idx, tag, hash, applied_at) records what ran.
 * SQLite also keeps `user_version` (the number of migrations) and checks foreign keys before committing; PostgreSQL
 * takes an advisory lock first, so two servers starting at once never migrate the same database twice.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type pg from 'pg';

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

export const LEDGER = '_vaxla_migrations';
const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS ${LEDGER} (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`;

type LedgerRow = { idx: number; tag: string; hash: string };

/** The ledger rows this app does not know: a newer app wrote them. */
function unknownEntries(applied: ReadonlyArray<{ idx: number; tag: string }>, migrations: Migration[]) {
  const known = new Map(migrations.map((m) => [m.idx, m.tag]));
  return applied.filter((a) => known.get(a.idx) !== a.tag);
}

// ---------------------------------------------------------------------------------------------------------------
// SQLite

export function appliedMigrations(sqlite: Database.Database): LedgerRow[] {
  sqlite.exec(LEDGER_DDL);
  return sqlite.prepare(`SELECT idx, tag, hash FROM ${LEDGER} ORDER BY idx`).all() as LedgerRow[];
}

/** Throws DatabaseTooNewError when the database holds migrations this app does not know. Changes nothing. */
export function assertNotNewer(sqlite: Database.Database, migrations: Migration[]): void {
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const hasLedger = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(LEDGER);
  const applied = hasLedger
    ? (sqlite.prepare(`SELECT idx, tag FROM ${LEDGER} ORDER BY idx`).all() as Array<{ idx: number; tag: string }>)
    : [];
  if (unknownEntries(applied, migrations).length > 0 || userVersion > migrations.length) {
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

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

/** The advisory lock key migrations hold (any fixed 64-bit number; this one spells "vaxla" in ASCII). */
export const PG_MIGRATION_LOCK = 0x7661786c61;

async function pgLedger(client: pg.PoolClient | pg.Client): Promise<LedgerRow[] | null> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('${LEDGER}')::text AS t`);
  if (!exists.rows[0]?.t) return null;
  const r = await client.query<LedgerRow>(`SELECT idx, tag, hash FROM ${LEDGER} ORDER BY idx`);
  return r.rows;
}

/** Pending migrations of a PostgreSQL database; throws DatabaseTooNewError for a newer one. Changes nothing. */
export async function pendingPgMigrations(
  client: pg.PoolClient | pg.Client,
  migrations: Migration[],
): Promise<Migration[]> {
  const applied = (await pgLedger(client)) ?? [];
  if (unknownEntries(applied, migrations).length > 0) throw new DatabaseTooNewError(applied.length, migrations.length);
  const done = new Set(applied.map((a) => a.idx));
  return migrations.filter((m) => !done.has(m.idx));
}

/**
 * Migrates a PostgreSQL database: under a session advisory lock (a second server waits, then finds nothing to do),
 * the pending migrations and their ledger rows in one transaction (PostgreSQL's DDL is transactional). Returns how
 * many ran.
 */
export async function migratePostgres(
  client: pg.PoolClient | pg.Client,
  migrations: Migration[],
  nowIso: string,
): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [PG_MIGRATION_LOCK]);
  try {
    const pending = await pendingPgMigrations(client, migrations);
    if (pending.length === 0) return 0;
    await client.query('BEGIN');
    try {
      await client.query(LEDGER_DDL);
      for (const m of pending) {
        for (const stmt of m.statements) await client.query(stmt);
        await client.query(`INSERT INTO ${LEDGER} (idx, tag, hash, applied_at) VALUES ($1, $2, $3, $4)`, [
          m.idx,
          m.tag,
          m.hash,
          nowIso,
        ]);
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    }
    return pending.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PG_MIGRATION_LOCK]);
  }
}
