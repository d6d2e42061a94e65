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
import pg from 'pg';
import { is, SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { postgresDialect } from './dialect';
import {
  assertOutsideUnitOfWork,
  CommitHooks,
  RAW,
  runInUnitOfWork,
  type Database,
  type Query,
  type QueryDb,
  type Reader,
  type Tables,
  type Tx,
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
    async close() {
      await pool.end();
    },
  };
  return self;
}
