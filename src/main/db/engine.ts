/**
 * The database handle every store works through, the same on both engines (docs/storage.md).
 *
 * - `Reader`: reads outside a unit of work. On SQLite they go through a read-only connection of their own (WAL), so a
 *   read never sees another call's uncommitted writes; on PostgreSQL through the pool, each statement on its own.
 * - `Tx`: a unit of work (`database.tx(async (t) => …)`, in services `ctx.tx`). Writers take a `Tx` by type, readers
 *   accept either. Everything done through one `Tx` commits together or not at all.
 *
 * Store code is typed against the SQLite tables of ./schema and the drizzle query builder, and uses only what both
 * engines share (select/from/where/joins/orderBy/limit/offset/groupBy, insert…values…returning, onConflictDo…,
 * update…set…returning, delete). At run time `tables` holds the engine's own tables (on PostgreSQL the ones
 * ./pg-schema.ts converts, which have the same JavaScript shape) and `db` the engine's drizzle instance, so the same
 * code renders each engine's SQL. What differs between the engines in SQL text lives in `dialect` (./dialect.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SQL } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';
import type { TableKey } from './pg-schema';
import type { Dialect } from './dialect';

export type EngineKind = 'sqlite' | 'postgres';

/** The drizzle query builder as stores see it: SQLite's, every call awaited (no sync `.get()/.all()/.run()`). */
export type QueryDb = BaseSQLiteDatabase<'async', unknown>;

/** The tables, typed as the canonical SQLite definition; at run time the engine's own. */
export type Tables = { readonly [K in TableKey]: (typeof schema)[K] };

/** Something that renders to one SQL statement: a query builder or an sql`` fragment. */
export type Query = SQL | { toSQL(): { sql: string; params: unknown[] } };

export interface Reader {
  readonly engine: EngineKind;
  readonly db: QueryDb;
  readonly tables: Tables;
  readonly dialect: Dialect;
  /** Rows of a query as arrays of driver values in select order (hot paths that map tens of thousands of rows). */
  arrays(query: Query): Promise<unknown[][]>;
  /** Rows of a query as objects keyed by the SQL column names, driver values (for engine-specific raw SQL). */
  rows<T = Record<string, unknown>>(query: Query): Promise<T[]>;
}

declare const txBrand: unique symbol;

/** The driver connection under a unit of work, for db/ helpers only (bulk inserts, copying). Never used by stores. */
export const RAW = Symbol('raw');
export type RawConnection =
  | { engine: 'sqlite'; connection: import('better-sqlite3').Database }
  | { engine: 'postgres'; query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/** A unit of work. Only a `Tx` can write. */
export interface Tx extends Reader {
  readonly [txBrand]: true;
  readonly [RAW]: RawConnection;
  /** Runs `fn` once the unit of work has committed (never when it rolls back or is retried). */
  afterCommit(fn: () => void): void;
}

export interface Database extends Reader {
  /**
   * Runs `fn` as one unit of work: it commits when `fn` resolves and rolls back when it throws. On PostgreSQL it is
   * SERIALIZABLE and retried (bounded, with jitter) on a serialisation failure or deadlock, so `fn` must keep its
   * state inside itself. Units of work do not nest: pass the `Tx` down instead.
   */
  tx<T>(fn: (t: Tx) => Promise<T>): Promise<T>;
  /** Runs SQL text outside any unit of work (maintenance, tests). */
  exec(sqlText: string): Promise<void>;
  /** 'SQLite /path/vaxla.db' or 'PostgreSQL host:port/db' (no password). */
  readonly description: string;
  /**
   * Follows which rows of a table change (for caches of derived data, see `RowWatch`). Only committed changes are
   * reported, from this process and from any other (another PC on PostgreSQL, another program on the SQLite file).
   */
  watchRows(table: WatchedTable): RowWatch;
  close(): Promise<void>;
}

/** Is this the database handle itself (not a unit of work)? Only it can follow row changes. */
export const canWatch = (r: Reader): r is Database => typeof (r as Partial<Database>).watchRows === 'function';

/** The tables whose row changes can be followed (docs/storage.md, "Following changes"). */
export const WATCHED_TABLES = ['participants'] as const;
export type WatchedTable = (typeof WATCHED_TABLES)[number];

/** What changed since the previous `next()`: everything may have (reload), or just these rows (by id). */
export type RowChanges = { readonly all: true } | { readonly all: false; readonly ids: ReadonlySet<number> };

/**
 * A follower of one table's row changes. `next()` answers which rows changed since the previous `next()` (the first
 * answer is always `all`). It is exact for a reader that calls `next()` and then reads: every change committed before
 * `next()` returned is either reported by it or already visible in an earlier answer's reads; a change committed
 * later is reported by a later call. When the engine cannot tell (too many changes, a lost connection, another
 * program writing the SQLite file), it answers `all`.
 */
export interface RowWatch {
  next(): Promise<RowChanges>;
  close(): void;
}

/** More changed rows than this since the last `next()`: answer `all` (reloading is then cheaper anyway). */
export const WATCH_LIMIT = 5000;

/** A watcher's pending ids, shared by both engines' implementations. */
export class PendingRows implements RowWatch {
  private all = true;
  private ids = new Set<number>();
  constructor(
    private readonly sync: (self: PendingRows) => Promise<void>,
    private readonly onClose: (self: PendingRows) => void,
  ) {}
  add(id: number): void {
    if (this.all) return;
    this.ids.add(id);
    if (this.ids.size > WATCH_LIMIT) this.reset();
  }
  reset(): void {
    this.all = true;
    this.ids = new Set();
  }
  async next(): Promise<RowChanges> {
    await this.sync(this);
    const answer: RowChanges = this.all ? { all: true } : { all: false, ids: this.ids };
    this.all = false;
    this.ids = new Set();
    return answer;
  }
  close(): void {
    this.onClose(this);
  }
}

/** Thrown when code inside a unit of work reads through the outer handle or opens another unit of work. */
export class UnitOfWorkMisuse extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnitOfWorkMisuse';
  }
}

const active = new AsyncLocalStorage<ReadonlySet<object>>();

/** Runs `fn` marked as inside a unit of work of `owner` (the database handle). */
export function runInUnitOfWork<T>(owner: object, fn: () => Promise<T>): Promise<T> {
  const outer = active.getStore();
  if (outer?.has(owner)) {
    throw new UnitOfWorkMisuse(
      'En arbetsenhet (tx) öppnades inuti en annan. Skicka vidare den yttre arbetsenhetens handtag i stället.',
    );
  }
  return active.run(new Set([...(outer ?? []), owner]), fn);
}

/** Refuses reads through the outer handle from inside one of its units of work (they would not see its writes). */
export function assertOutsideUnitOfWork(owner: object): void {
  if (active.getStore()?.has(owner)) {
    throw new UnitOfWorkMisuse(
      'En läsning gick förbi arbetsenheten: inne i ctx.tx ska läsningar göras genom arbetsenhetens handtag (t).',
    );
  }
}

/** A unit of work's afterCommit list. */
export class CommitHooks {
  private readonly fns: Array<() => void> = [];
  add(fn: () => void): void {
    this.fns.push(fn);
  }
  run(): void {
    for (const fn of this.fns) fn();
  }
}
