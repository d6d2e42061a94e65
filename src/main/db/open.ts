/**
 * Opening the database at start, on either engine (docs/storage.md):
 *
 * - SQLite (the default, one file in the data folder): integrity check, refuse a database made by a newer Växla,
 *   back up with SQLite's online backup API before migrating, migrate safely, take the daily backup when due.
 * - PostgreSQL (`--database postgres://…` or VAXLA_DATABASE_URL): connection and server check (PostgreSQL 15 or
 *   later, C collation so text sorts as on SQLite), refuse a newer database, migrate under an advisory lock. Backups
 *   are the database server's (pg_dump and its own routines).
 */
import { existsSync, statSync } from 'node:fs';
import { createPrivateFile, ensurePrivateDir } from '../util/file-modes';
import { join } from 'node:path';
import pg from 'pg';
import { migrationsDir } from '../util/paths';
import { backupDatabase, dailyBackupDue } from './backup';
import { applyMigrations, loadMigrations, migratePostgres, pendingMigrations, pendingPgMigrations } from './migrate';
import { openSqlite } from './connection';
import type { Database, EngineKind } from './engine';
import { sqliteDatabase, type SqliteDatabase } from './sqlite-engine';
import { describeUrl, postgresDatabase, type PostgresDatabase } from './postgres-engine';

export const DB_FILE_NAME = 'vaxla.db';

/** Where the data is: the SQLite file in a data folder, or a PostgreSQL database. */
export type DatabaseTarget = { engine: 'sqlite'; dataDir: string } | { engine: 'postgres'; url: string };

export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/**
 * The target from `--database` (or VAXLA_DATABASE_URL): a postgres:// URL, else the SQLite file in `dataDir`.
 * Nothing changes for one PC: without either, the SQLite file in the data folder.
 */
export function databaseTarget(dataDir: string, databaseFlag?: string): DatabaseTarget {
  const url = databaseFlag ?? process.env.VAXLA_DATABASE_URL;
  if (url === undefined || url === '') return { engine: 'sqlite', dataDir };
  if (!isPostgresUrl(url)) {
    throw new Error(`--database ska vara en adress som börjar med postgres:// (fick "${url.slice(0, 40)}").`);
  }
  return { engine: 'postgres', url };
}

export interface OpenedDatabase {
  database: Database;
  engine: EngineKind;
  /** The SQLite file (SQLite only). */
  file: string | null;
  /** The data folder (backups live here on SQLite). */
  dataDir: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Open an existing database as it is, to read it (the source of copy-database): it must exist and be at this
   * version of Växla (no pending migrations, refused otherwise), and nothing is written — no migration, no backup.
   */
  asIs?: boolean;
  /** PostgreSQL pool size. */
  max?: number;
}

export class DatabaseNotCurrentError extends Error {
  constructor(where: string, pending: number) {
    super(
      `${where} har ${pending} databasändringar som den här versionen av Växla ännu inte har gjort. Öppna den med Växla en gång först (då uppgraderas den), och försök sedan igen.`,
    );
    this.name = 'DatabaseNotCurrentError';
  }
}

/** Opens (or creates) the database: see the module comment. */
export async function openDatabase(
  target: DatabaseTarget | string,
  now: Date = new Date(),
  opts: OpenOptions = {},
): Promise<OpenedDatabase> {
  const t: DatabaseTarget = typeof target === 'string' ? { engine: 'sqlite', dataDir: target } : target;
  return t.engine === 'sqlite' ? openSqliteDatabase(t.dataDir, now, opts) : openPostgresDatabase(t.url, now, opts);
}

async function openSqliteDatabase(dataDir: string, now: Date, opts: OpenOptions = {}): Promise<OpenedDatabase> {
  const file = join(dataDir, DB_FILE_NAME);
  if (opts.asIs && !(existsSync(file) && statSync(file).size > 0)) {
    throw new Error(`Det finns ingen databas i ${dataDir} (${DB_FILE_NAME} saknas).`);
  }
  ensurePrivateDir(dataDir);
  const existed = existsSync(file) && statSync(file).size > 0;
  createPrivateFile(file); // 0600 before SQLite writes it; -wal and -shm take its mode
  const writer = openSqlite(file);
  try {
    if (existed) {
      const integrity = writer.pragma('quick_check', { simple: true });
      if (integrity !== 'ok') {
        throw new Error(
          `Databasen ${file} är skadad (${String(integrity)}). Återställ en säkerhetskopia med "npm run restore".`,
        );
      }
    }
    const migrations = loadMigrations(migrationsDir('sqlite'));
    const pending = pendingMigrations(writer, migrations);
    if (opts.asIs && pending.length > 0) throw new DatabaseNotCurrentError(file, pending.length);
    if (pending.length > 0 && existed) await backupDatabase(writer, dataDir, 'premigration', now);
    applyMigrations(writer, pending, now.toISOString());
    if (existed && !opts.asIs && dailyBackupDue(dataDir, now)) await backupDatabase(writer, dataDir, 'daily', now);
  } catch (e) {
    writer.close();
    throw e;
  }
  const reader = openSqlite(file, { readonly: true });
  const database: SqliteDatabase = sqliteDatabase({ writer, reader, file });
  return {
    database,
    engine: 'sqlite',
    file,
    dataDir,
    close: () => database.close(),
  };
}

/** Collations whose order is the byte (code point) order SQLite's BINARY collation uses. */
const BINARY_COLLATIONS = new Set(['c', 'posix', 'c.utf8', 'c.utf-8', 'ucs_basic']);

export class PostgresSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresSetupError';
  }
}

/** Opens a PostgreSQL database: connection check, server version and collation, migrations. */
export async function openPostgresDatabase(
  url: string,
  now: Date = new Date(),
  opts: OpenOptions = {},
): Promise<OpenedDatabase> {
  const where = describeUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: 'vaxla',
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', (e) => console.error('[växla] PostgreSQL-anslutningen bröts:', e.message));
  try {
    const client = await pool.connect().catch((e: unknown) => {
      throw new PostgresSetupError(
        `Kan inte ansluta till ${where}: ${e instanceof Error ? e.message : String(e)}. Kontrollera adressen, användaren och att databasservern är igång.`,
      );
    });
    try {
      const info = await client.query<{ version: number; collate: string }>(
        `SELECT current_setting('server_version_num')::int AS version, datcollate AS collate
           FROM pg_database WHERE datname = current_database()`,
      );
      const row = info.rows[0]!;
      if (row.version < 150000) {
        throw new PostgresSetupError(
          `${where} kör PostgreSQL ${Math.floor(row.version / 10000)}; Växla kräver PostgreSQL 15 eller senare.`,
        );
      }
      if (!BINARY_COLLATIONS.has(row.collate.toLowerCase())) {
        throw new PostgresSetupError(
          `Databasen ${where} har sorteringsordningen ${row.collate}; Växla kräver C (samma ordning som den inbyggda databasen). ` +
            "Skapa databasen med: CREATE DATABASE vaxla OWNER vaxla TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';",
        );
      }
      const migrations = loadMigrations(migrationsDir('postgres'));
      if (opts.asIs) {
        const pending = await pendingPgMigrations(client, migrations);
        if (pending.length > 0) throw new DatabaseNotCurrentError(where, pending.length);
      } else {
        await migratePostgres(client, migrations, now.toISOString());
      }
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw e;
  }
  const database: PostgresDatabase = postgresDatabase(pool, where);
  return { database, engine: 'postgres', file: null, dataDir: null, close: () => database.close() };
}
