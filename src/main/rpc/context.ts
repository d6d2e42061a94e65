import type { Db } from '../db/connection';
import type { Clock } from '../util/clock';
import type { SessionUser } from '../../shared/domain/users';
import type { AuditRecorder } from '../services/audit/recorder';

export interface AppConfig {
  /** scrypt cost; production N=2^17 (OWASP minimum). Tests may lower it for speed. */
  scryptN: number;
  dataDir: string;
  version: string;
  /** What the start put right in the data folder (file modes), shown to the admin on the backups page. */
  startupNotices?: string[];
}

/** Everything a service needs, passed in so tests can pin time and use a temp database. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  /** The caller; null for public procedures before login. */
  user: SessionUser | null;
  /** Session token hash of the caller (for logout). */
  sessionTokenHash: string | null;
  audit: AuditRecorder;
  config: AppConfig;
  procedure: string;
}

export interface AuthedContext extends ServiceContext {
  user: SessionUser;
}
