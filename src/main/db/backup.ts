import { existsSync, readdirSync, statSync, unlinkSync, copyFileSync, renameSync } from 'node:fs';
import { ensurePrivateDir, makePrivate } from '../util/file-modes';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';

export type BackupReason = 'daily' | 'premigration' | 'manual' | 'prerestore';

export interface BackupInfo {
  file: string;
  name: string;
  reason: BackupReason | 'unknown';
  createdAt: string;
  bytes: number;
}

/** How many backups of each kind are kept. */
export const BACKUP_RETENTION: Record<BackupReason, number> = { daily: 14, premigration: 10, manual: 20, prerestore: 5 };

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

/**
 * Online backup with SQLite's backup API (consistent even while the app writes), never a file copy of the live
 * database. Rotates old backups of the same kind.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  dataDir: string,
  reason: BackupReason,
  now: Date,
): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  ensurePrivateDir(dir);
  const name = `vaxla-${stamp(now)}-${reason}.db`;
  const file = join(dir, name);
  await sqlite.backup(file);
  makePrivate(file);
  // a backup is one self-contained file: switch it out of WAL so opening it never leaves -wal/-shm beside it
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  rotateBackups(dataDir, reason);
  return { file, name, reason, createdAt: now.toISOString(), bytes: statSync(file).size };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^vaxla-.*\.db$/.test(f))
    .map((name) => {
      const m = /^vaxla-(\d{8})-(\d{6})Z-(\w+)\.db$/.exec(name);
      const file = join(dir, name);
      const st = statSync(file);
      const createdAt = m
        ? `${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6, 8)}T${m[2]!.slice(0, 2)}:${m[2]!.slice(2, 4)}:${m[2]!.slice(4, 6)}Z`
        : st.mtime.toISOString();
      const reason = (m?.[3] ?? 'unknown') as BackupInfo['reason'];
      return { file, name, reason, createdAt, bytes: st.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

export function rotateBackups(dataDir: string, reason: BackupReason): void {
  const keep = BACKUP_RETENTION[reason];
  const same = listBackups(dataDir).filter((b) => b.reason === reason);
  for (const old of same.slice(keep)) unlinkSync(old.file);
}

/** True when no daily backup was made in the last 24 hours. */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const last = listBackups(dataDir).find((b) => b.reason === 'daily');
  return !last || now.getTime() - new Date(last.createdAt).getTime() >= 24 * 3600 * 1000;
}

/**
 * Restores a backup over the database. The app must not have the database open. The backup is integrity-checked
 * first; the current database is first saved as a 'prerestore' backup.
 */
export async function restoreBackup(dataDir: string, dbFile: string, backupFile: string, now: Date): Promise<void> {
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`Säkerhetskopian ${basename(backupFile)} är skadad: ${String(result)}`);
  } finally {
    check.close();
  }
  if (existsSync(dbFile)) {
    const current = new Database(dbFile);
    try {
      await backupDatabase(current, dataDir, 'prerestore', now);
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  }
  const tmp = `${dbFile}.restore-tmp`;
  copyFileSync(backupFile, tmp); // the backup file is not live: a copy is safe
  for (const suffix of ['-wal', '-shm']) if (existsSync(dbFile + suffix)) unlinkSync(dbFile + suffix);
  renameSync(tmp, dbFile);
  makePrivate(dbFile);
}
