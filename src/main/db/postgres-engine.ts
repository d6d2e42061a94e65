/**
 * The PostgreSQL engine behind the Database handle (./engine.ts), for a unit sharing one database server.
 *
 * Units of work run on one pooled connection as `BEGIN ISOLATION LEVEL SERIALIZABLE … COMMIT`: PostgreSQL then
 * guarantees that concurrent units of work have the effect of some serial order, so the services' check-then-write
 * rules (free slots, one active placement, meeting capacity, the agenda a proposal goes to) hold when two PCs write
 * at once. A unit of work that loses such a race fails with a serialisation failure (40001) or a deadlock (40P01); it
 * is rolled back and run again from the start, a bounded number of times with a growing, jittered pause.
 * Reads outside a unit of work go through the pool, each statement on its own.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { is, SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { postgresDialect } from './dialect';
import {
  assertOutsideUnitOfWork,
  CommitHooks,
  PendingRows,
  RAW,
  runInUnitOfWork,
  type Database,
  type Query,
  type QueryDb,
  type Reader,
  type Tables,
  type Tx,
  type WatchedTable,
} from './engine';
import { dbErrorKind } from './errors';
import { pgTables } from './pg-schema';

// count(*) is bigint and sum() of integers numeric in PostgreSQL; node-postgres hands both over as strings. Every
// number Växla stores fits a JavaScript number, so parse them as numbers, as SQLite returns them. (drizzle's own
// per-query parsers fall back to these global ones.)
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));

const renderer = new PgDialect();
const compile = (query: Query) => (is(query, SQL) ? renderer.sqlToQuery(query) : query.toSQL());

export const MAX_ATTEMPTS = 30;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Pause before attempt n+1: up to 2^n ms (capped at 250 ms), at random, so the losers of a race spread out. */
const backoff = (attempt: number) => Math.random() * Math.min(250, 2 ** attempt);

export type PostgresDatabase = Database & { readonly pool: pg.Pool; readonly stats: { retries: number } };

type Queryable = { query: pg.Pool['query'] };

function readerOn(client: Queryable, db: QueryDb, guard: () => void): Reader {
  return {
    engine: 'postgres',
    db,
    tables: pgTables as unknown as Tables,
    dialect: postgresDialect,
    async arrays(query) {
      guard();
      const { sql, params } = compile(query);
      const r = await client.query({ text: sql, values: params, rowMode: 'array' });
      return r.rows as unknown[][];
    },
    async rows<T>(query: Query) {
      guard();
      const { sql, params } = compile(query);
      const r = await client.query({ text: sql, values: params });
      return r.rows as T[];
    },
  };
}

/** The channel the row-change triggers notify (src/main/db/sql/pg/0002_store_row_change_notifications.sql). */
const CHANNEL = 'vaxla_rows';
/** A sync notification not back within this long: the listening connection is presumed lost. */
const SYNC_TIMEOUT_MS = 5000;

/**
 * Row changes of the watched tables, from every server and PC: statement triggers notify the committed rows' ids on
 * one channel (PostgreSQL delivers notifications only at commit, in commit order), and one connection per Database
 * listens. To make an answer exact, `next()` first sends a notification of its own and waits for it to come back:
 * everything committed before it has then arrived. A lost listening connection makes every watcher reload.
 */
class ChangeListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly watchers = new Map<string, Set<PendingRows>>();
  private readonly waiting = new Map<string, () => void>();
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  private resetAll(): void {
    for (const set of this.watchers.values()) for (const w of set) w.reset();
  }

  private lose(c: pg.Client): void {
    if (this.client !== c) return;
    this.client = null;
    this.resetAll();
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
    c.end().catch(() => {});
  }

  private receive(payload: string): void {
    const colon = payload.indexOf(':');
    const kind = payload.slice(0, colon);
    const rest = payload.slice(colon + 1);
    if (kind === 'sync') {
      this.waiting.get(rest)?.();
      this.waiting.delete(rest);
      return;
    }
    const set = this.watchers.get(kind);
    if (!set) return;
    if (rest === '*') {
      for (const w of set) w.reset();
      return;
    }
    const ids = rest.split(',').map(Number);
    for (const w of set) for (const id of ids) w.add(id);
  }

  private async connect(): Promise<void> {
    if (this.client || this.closed) return;
    this.connecting ??= (async () => {
      const c = new pg.Client({ ...this.pool.options, application_name: 'vaxla-changes' });
      c.on('notification', (m) => this.receive(m.payload ?? ''));
      c.on('error', () => this.lose(c));
      c.on('end', () => this.lose(c));
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
        if (this.closed) throw new Error('closed while connecting');
      } catch (e) {
        c.end().catch(() => {});
        throw e;
      }
      this.client = c;
      this.resetAll(); // what was committed before LISTEN is not reported: reload it
    })().finally(() => {
      this.connecting = null;
    });
    await this.connecting;
  }

  private async sync(): Promise<void> {
    try {
      await this.connect();
    } catch {
      this.resetAll(); // cannot listen: reload every time until it can
      return;
    }
    const c = this.client;
    if (!c) return this.resetAll();
    const nonce = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const back = new Promise<boolean>((resolve) => {
      this.waiting.set(nonce, () => resolve(true));
      timer = setTimeout(() => resolve(false), SYNC_TIMEOUT_MS);
    });
    try {
      await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, `sync:${nonce}`]);
      if (!(await back)) this.lose(c);
    } catch {
      this.waiting.delete(nonce);
      this.resetAll();
    } finally {
      clearTimeout(timer);
    }
  }

  watch(table: WatchedTable): PendingRows {
    const set = this.watchers.get(table) ?? new Set<PendingRows>();
    this.watchers.set(table, set);
    const w = new PendingRows(
      () => this.sync(),
      (x) => set.delete(x),
    );
    set.add(w);
    return w;
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
    if (c) await c.end().catch(() => {});
  }
}

/** Describes a connection URL without its password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export function postgresDatabase(pool: pg.Pool, description: string): PostgresDatabase {
  const guard = () => assertOutsideUnitOfWork(self);
  const guardedPool: Queryable = {
    query: ((...args: Parameters<pg.Pool['query']>) => {
      guard();
      return (pool.query as (...a: unknown[]) => unknown)(...args);
    }) as pg.Pool['query'],
  };
  const outer = readerOn(guardedPool, drizzle({ client: guardedPool as pg.Pool }) as unknown as QueryDb, () => {});
  const stats = { retries: 0 };
  const changes = new ChangeListener(pool);

  async function attempt<T>(
    fn: (t: Tx) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown; retry: boolean }> {
    const client = await pool.connect();
    let sawRetryable = false;
    const tracked: Queryable = {
      query: ((...args: Parameters<pg.Pool['query']>) => {
        const p = (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
        return p.catch((e: unknown) => {
          if (dbErrorKind(e) === 'retry') sawRetryable = true;
          throw e;
        });
      }) as pg.Pool['query'],
    };
    let broken = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const hooks = new CommitHooks();
      const inner = readerOn(tracked, drizzle({ client: tracked as pg.Pool }) as unknown as QueryDb, () => {});
      const raw = {
        engine: 'postgres' as const,
        query: (text: string, values?: unknown[]) =>
          tracked.query(text, values) as unknown as Promise<{ rows: unknown[] }>,
      };
      const t = { ...inner, afterCommit: (f: () => void) => hooks.add(f), [RAW]: raw } as unknown as Tx;
      try {
        const value = await fn(t);
        await tracked.query('COMMIT');
        hooks.run();
        return { ok: true, value };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        // A serialisation failure anywhere in the unit of work means the whole of it must run again, even when the
        // service turned the failure into another error on its way out.
        return { ok: false, error: e, retry: sawRetryable || dbErrorKind(e) === 'retry' };
      }
    } catch (e) {
      broken = true;
      return { ok: false, error: e, retry: false };
    } finally {
      client.release(broken);
    }
  }

  const self: PostgresDatabase = {
    ...outer,
    pool,
    stats,
    description,
    async tx<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
      return runInUnitOfWork(self, async () => {
        for (let n = 1; ; n++) {
          const r = await attempt(fn);
          if (r.ok) return r.value;
          if (!r.retry || n >= MAX_ATTEMPTS) throw r.error;
          stats.retries++;
          await sleep(backoff(n));
        }
      });
    },
    async exec(sqlText: string) {
      guard();
      await pool.query(sqlText);
    },
    watchRows: (table) => changes.watch(table),
    async close() {
      await changes.close();
      await pool.end();
    },
  };
  return self;
}
