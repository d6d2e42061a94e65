import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { databaseTarget, openDatabase } from './db/open';
import type { EngineKind } from './store';
import type { AppServices } from './rpc/dispatch';
import { SCRYPT_PRODUCTION_N } from './services/auth/passwords';
import { purgeExpiredSessions } from './services/auth/sessions';
import { systemClock, type Clock } from './util/clock';
import { secureDataFolder } from './util/file-modes';
import { appRoot } from './util/paths';

export interface RunningApp extends AppServices {
  dataDir: string;
  /** The SQLite file, or null on PostgreSQL. */
  dbFile: string | null;
  engine: EngineKind;
  close(): Promise<void>;
}

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * The default data folder, the same one Electron uses as userData for an app named "Vaxla", so the desktop app and
 * the browser mode share one database: %APPDATA%\Vaxla, ~/Library/Application Support/Vaxla, ~/.config/Vaxla.
 */
export function defaultDataDir(): string {
  if (process.env.VAXLA_DATA_DIR) return process.env.VAXLA_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Vaxla');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Vaxla');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Vaxla');
}

export interface StartOptions {
  dataDir: string;
  /** `--database postgres://…`; without it VAXLA_DATABASE_URL, else the SQLite file in the data folder. */
  database?: string | undefined;
  clock?: Clock;
  scryptN?: number;
}

export async function startApp(opts: StartOptions): Promise<RunningApp> {
  const clock = opts.clock ?? systemClock;
  // Only the owner may read the data folder (docs/product.md §9): wrong modes are put right, and said so.
  const startupNotices = secureDataFolder(opts.dataDir).map((fix) => `Behörigheten i datamappen rättades: ${fix}.`);
  for (const notice of startupNotices) process.stderr.write(`${notice}\n`);
  const opened = await openDatabase(databaseTarget(opts.dataDir, opts.database), clock.now());
  await purgeExpiredSessions(opened.database, clock);
  return {
    database: opened.database,
    clock,
    config: {
      scryptN: opts.scryptN ?? SCRYPT_PRODUCTION_N,
      dataDir: opts.dataDir,
      version: appVersion(),
      startupNotices,
      engine: opened.engine,
    },
    dataDir: opts.dataDir,
    dbFile: opened.file,
    engine: opened.engine,
    close: opened.close,
  };
}
