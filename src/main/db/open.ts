import { existsSync, statSync } from 'node:fs';
import { createPrivateFile, ensurePrivateDir } from '../util/file-modes';
import { join } from 'node:path';
import { migrationsDir } from '../util/paths';
import { backupDatabase, dailyBackupDue } from './backup';
import { applyMigrations, loadMigrations, pendingMigrations } from './migrate';
import { openSqlite, wrapDrizzle, type Db } from './connection';

export const DB_FILE_NAME = 'vaxla.db';

export interface OpenedDatabase {
  db: Db;
  file: string;
  dataDir: string;
  close(): void;
}

/**
 * Opens (or creates) the database in dataDir: integrity check, refuse a newer database, backup before migrating
 * (SQLite backup API), migrate safely, daily backup.
 */
export async function openDatabase(dataDir: string, now: Date = new Date()): Promise<OpenedDatabase> {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, DB_FILE_NAME);
  const existed = existsSync(file) && statSync(file).size > 0;
  createPrivateFile(file); // 0600 before SQLite writes it; -wal and -shm take its mode
  const sqlite = openSqlite(file);
  try {
    if (existed) {
      const integrity = sqlite.pragma('quick_check', { simple: true });
      if (integrity !== 'ok') {
        throw new Error(
          `Databasen ${file} är skadad (${String(integrity)}). Återställ en säkerhetskopia med "npm run restore".`,
        );
      }
    }
    const migrations = loadMigrations(migrationsDir());
    const pending = pendingMigrations(sqlite, migrations);
    if (pending.length > 0 && existed) await backupDatabase(sqlite, dataDir, 'premigration', now);
    applyMigrations(sqlite, pending, now.toISOString());
    if (existed && dailyBackupDue(dataDir, now)) await backupDatabase(sqlite, dataDir, 'daily', now);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return { db: wrapDrizzle(sqlite), file, dataDir, close: () => sqlite.close() };
}
