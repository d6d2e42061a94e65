/**
 * Backups of the embedded database. SQLite's are taken here with its online backup API (consistent while the app
 * writes) into the data folder's backups/. On PostgreSQL, backups are the database server's (pg_dump, the server's
 * own routines); Växla takes none.
 */
import { backupDatabase, backupsDir, listBackups, type BackupInfo, type BackupReason } from '../db/backup';
import type { Reader } from '../db/engine';
import type { SqliteDatabase } from '../db/sqlite-engine';

export {
  BACKUP_RETENTION,
  backupsDir,
  dailyBackupDue,
  listBackups,
  type BackupInfo,
  type BackupReason,
} from '../db/backup';

function sqliteOf(r: Reader): SqliteDatabase | null {
  return r.engine === 'sqlite' && 'sqlite' in r ? (r as SqliteDatabase) : null;
}

/** Takes a backup of the SQLite database now; null on PostgreSQL. */
export async function takeBackup(
  r: Reader,
  dataDir: string,
  reason: BackupReason,
  now: Date,
): Promise<BackupInfo | null> {
  const db = sqliteOf(r);
  if (!db) return null;
  return backupDatabase(db.sqlite.reader, dataDir, reason, now);
}

/** The backups in the data folder (none on PostgreSQL: they are the server's). */
export function backupsOf(r: Reader, dataDir: string): { folder: string | null; backups: BackupInfo[] } {
  return sqliteOf(r) ? { folder: backupsDir(dataDir), backups: listBackups(dataDir) } : { folder: null, backups: [] };
}
