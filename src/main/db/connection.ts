import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { appRoot } from '../util/paths';

/**
 * Opens a connection with the pragmas every connection needs:
 * WAL (readers don't block the writer), foreign keys on, synchronous=FULL (an acknowledged save survives a power cut:
 * the WAL is synced at every commit, about 0.3–1 ms per commit on this project's machines — `npm run bench`,
 * `durability`; NORMAL could lose the last commits), a busy timeout for the backup and a second process.
 */
export function openSqlite(file: string, opts: { readonly?: boolean } = {}): Database.Database {
  const sqlite = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(electronBinding() ? { nativeBinding: electronBinding() } : {}),
  });
  applyPragmas(sqlite);
  return sqlite;
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('busy_timeout = 5000');
  if (!sqlite.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
}

/** Inside Electron, the better-sqlite3 build for Electron's ABI made by `npm start` (see scripts/start.ts). */
function electronBinding(): string | undefined {
  if (!process.versions.electron) return undefined;
  const p = join(appRoot(), '.cache', 'electron-native', 'better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}
