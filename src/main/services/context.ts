import type { Clock } from '../util/clock';
import type { SessionUser } from '../../shared/domain/users';
import type { Database, EngineKind, Reader, Tx } from '../store';
import { AuditRecorder } from './audit/recorder';

export interface AppConfig {
  /** scrypt cost; production N=2^17 (OWASP minimum). Tests may lower it for speed. */
  scryptN: number;
  /** The data folder (SQLite's file and backups; on PostgreSQL only what is kept locally). */
  dataDir: string;
  version: string;
  /** Which engine holds the data. */
  engine: EngineKind;
  /** What the start put right in the data folder (file modes), shown to the admin on the backups page. */
  startupNotices?: string[];
}

/** Everything a service needs, passed in so tests can pin time and use a temp database. */
export interface ServiceContext {
  /** Reads outside a unit of work (never inside one: there, read through the unit of work's handle). */
  db: Reader;
  /**
   * One unit of work: what `fn` writes through `t` commits together, with its audit events, or not at all. On
   * PostgreSQL `fn` may run more than once (a lost race is retried), so it keeps its state inside itself.
   */
  tx<T>(fn: (t: Tx) => Promise<T>): Promise<T>;
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

/**
 * A context for calling services outside the dispatcher (demo seeding, test fixtures, maintenance): the same units of
 * work and audit log, with `user` as the actor.
 */
export function serviceContext(o: {
  database: Database;
  clock: Clock;
  user: SessionUser;
  procedure: string;
  config?: Partial<AppConfig>;
}): AuthedContext;
export function serviceContext(o: {
  database: Database;
  clock: Clock;
  user: SessionUser | null;
  procedure: string;
  config?: Partial<AppConfig>;
}): ServiceContext;
export function serviceContext(o: {
  database: Database;
  clock: Clock;
  user: SessionUser | null;
  procedure: string;
  config?: Partial<AppConfig>;
}): ServiceContext {
  return {
    db: o.database,
    tx: (fn) => o.database.tx(fn),
    clock: o.clock,
    user: o.user,
    sessionTokenHash: null,
    audit: new AuditRecorder(o.clock, { userId: o.user?.id ?? null, username: o.user?.username ?? null }, o.procedure),
    config: { scryptN: 1024, dataDir: '', version: 'system', engine: o.database.engine, ...o.config },
    procedure: o.procedure,
  };
}
