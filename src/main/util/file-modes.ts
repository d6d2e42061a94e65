/**
 * Files only their owner can read (docs/product.md §9): the data folder 0700 and everything in it 0600 on POSIX
 * (the database with its -wal and -shm, the backups folder and its files). The few places that create files call
 * these helpers; `secureDataFolder` at start puts right what is wrong and says what it changed.
 *
 * Windows has no POSIX modes (Node's chmod only toggles read-only there). The default data folder is in the user's own
 * profile (%APPDATA%), whose access list already admits only the user, SYSTEM and Administrators; nothing is changed
 * there, and a folder given with --data keeps the access list it has.
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Creates `dir` (and its parents) if missing; the folder itself ends up 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix && (lstatSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates `file` empty with mode 0600 if it does not exist, so that whatever writes it next (SQLite, a copy) finds
 * the mode already right; SQLite gives -wal and -shm the mode of the database file.
 */
export function createPrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  makePrivate(file);
}

/** Sets an existing file to 0600 (a no-op on Windows and for a file already right). */
export function makePrivate(file: string): void {
  if (posix && existsSync(file) && (lstatSync(file).mode & 0o777) !== PRIVATE_FILE_MODE)
    chmodSync(file, PRIVATE_FILE_MODE);
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/**
 * At start: the data folder, and every folder and file in it (symbolic links are left alone), to 0700 and 0600.
 * Returns one Swedish line per change, e.g. "vaxla.db hade behörighet 0644, nu 0600", empty when all was right.
 */
export function secureDataFolder(dataDir: string): string[] {
  if (!posix) {
    mkdirSync(dataDir, { recursive: true });
    return [];
  }
  const fixed: string[] = [];
  const fix = (path: string, label: string, want: number) => {
    const mode = lstatSync(path).mode & 0o777;
    if (mode === want) return;
    chmodSync(path, want);
    fixed.push(`${label} hade behörighet ${octal(mode)}, nu ${octal(want)}`);
  };
  const existed = existsSync(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (existed) fix(dataDir, 'Datamappen', PRIVATE_DIR_MODE);
  else chmodSync(dataDir, PRIVATE_DIR_MODE);
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const label = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        fix(path, label, PRIVATE_DIR_MODE);
        walk(path, label);
      } else if (entry.isFile()) fix(path, label, PRIVATE_FILE_MODE);
    }
  };
  walk(dataDir, '');
  return fixed;
}
