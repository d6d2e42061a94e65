/**
 * The SQLite engine behind the Database handle (./engine.ts): the embedded default, one file in the data folder.
 *
 * Two connections to the file: one writer, used only by units of work, and one read-only reader for reads outside a
 * unit of work (WAL lets it read the last committed state while the writer works, so a read never sees another
 * call's uncommitted writes). Units of work are serialised by an async mutex and start with BEGIN IMMEDIATE, which
 * takes SQLite's write lock at once (a second process waits up to the busy timeout instead of failing half-way).
 * better-sqlite3 is synchronous: a statement blocks the event loop while it runs, as before; only the awaits between
 * statements let other calls in, and those only read.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { is, SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { sqliteDialect } from './dialect';
import {
  assertOutsideUnitOfWork,
  CommitHooks,
  PendingRows,
  RAW,
  runInUnitOfWork,
  WATCH_LIMIT,
  WATCHED_TABLES,
  type Database,
  type Query,
  type QueryDb,
  type Reader,
  type Tables,
  type Tx,
  type WatchedTable,
} from './engine';
import { sqliteTables } from './pg-schema';

const renderer = new SQLiteSyncDialect();

function compile(query: Query): { sql: string; params: unknown[] } {
  return is(query, SQL) ? renderer.sqlToQuery(query) : query.toSQL();
}

/** A promise-chain mutex: one holder at a time, in arrival order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }
}

/**
 * Row changes of the watched tables made through the writer connection: temporary triggers (this connection only,
 * nothing stored in the file) call back into JavaScript for every changed row; a unit of work's rows reach the
 * watchers when it commits and are dropped when it rolls back. Commits by other connections to the file (another
 * program) show in `PRAGMA data_version`, which the writer's own commits never change: then every watcher reloads.
 */
class WriterChanges {
  private readonly watchers = new Map<WatchedTable, Set<PendingRows>>();
  private uncommitted: Array<[WatchedTable, number]> = [];
  private overflow = false;
  private dataVersion: number;

  constructor(private readonly writer: BetterSqlite3.Database) {
    writer.function('vaxla_row_changed', { deterministic: false }, (table: unknown, id: unknown) => {
      if (this.uncommitted.length >= WATCH_LIMIT) this.overflow = true;
      else this.uncommitted.push([table as WatchedTable, Number(id)]);
      return null;
    });
    for (const t of WATCHED_TABLES) {
      writer.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS vaxla_watch_${t}_insert AFTER INSERT ON main.${t}
           BEGIN SELECT vaxla_row_changed('${t}', NEW.id); END;
         CREATE TEMP TRIGGER IF NOT EXISTS vaxla_watch_${t}_update AFTER UPDATE ON main.${t}
           BEGIN SELECT vaxla_row_changed('${t}', OLD.id), vaxla_row_changed('${t}', NEW.id); END;
         CREATE TEMP TRIGGER IF NOT EXISTS vaxla_watch_${t}_delete AFTER DELETE ON main.${t}
           BEGIN SELECT vaxla_row_changed('${t}', OLD.id); END;`,
      );
    }
    this.dataVersion = this.readDataVersion();
  }

  private readDataVersion(): number {
    return Number(this.writer.pragma('data_version', { simple: true }));
  }

  /** After COMMIT (or statements run outside a unit of work, `all`): hand the rows to the watchers. */
  committed(all = false): void {
    if (all || this.overflow) {
      for (const set of this.watchers.values()) for (const w of set) w.reset();
    } else {
      for (const [table, id] of this.uncommitted) for (const w of this.watchers.get(table) ?? []) w.add(id);
    }
    this.rolledBack();
  }

  rolledBack(): void {
    this.uncommitted = [];
    this.overflow = false;
  }

  watch(table: WatchedTable): PendingRows {
    const set = this.watchers.get(table) ?? new Set<PendingRows>();
    this.watchers.set(table, set);
    const w = new PendingRows(
      async () => {
        const v = this.readDataVersion();
        if (v !== this.dataVersion) {
          this.dataVersion = v;
          for (const all of this.watchers.values()) for (const x of all) x.reset();
        }
      },
      (x) => set.delete(x),
    );
    set.add(w);
    return w;
  }
}

export interface SqliteHandles {
  writer: BetterSqlite3.Database;
  reader: BetterSqlite3.Database;
  file: string;
}

export type SqliteDatabase = Database & { readonly sqlite: SqliteHandles };

function readerOn(connection: BetterSqlite3.Database, db: QueryDb, guard: () => void): Reader {
  const statement = (query: Query) => {
    guard();
    const { sql, params } = compile(query);
    return { stmt: connection.prepare(sql), params };
  };
  return {
    engine: 'sqlite',
    db,
    tables: sqliteTables as unknown as Tables,
    dialect: sqliteDialect,
    async arrays(query) {
      const { stmt, params } = statement(query);
      return stmt.reader ? (stmt.raw().all(...params) as unknown[][]) : (stmt.run(...params), []);
    },
    async rows<T>(query: Query) {
      const { stmt, params } = statement(query);
      return stmt.reader ? (stmt.all(...params) as T[]) : (stmt.run(...params), []);
    },
  };
}

/**
 * Wraps two open connections (writer first) as a Database. The connections are closed by `close()`.
 * Reads through the outer handle from inside one of its units of work are refused (UnitOfWorkMisuse).
 */
export function sqliteDatabase(handles: SqliteHandles): SqliteDatabase {
  const { writer, reader } = handles;
  const mutex = new Mutex();
  const writerDb = drizzle(writer) as unknown as QueryDb;
  const readerDb = drizzle(reader) as unknown as QueryDb;
  const guard = () => assertOutsideUnitOfWork(self);
  // Guard drizzle's own reads through the outer handle too: it prepares every statement on the reader connection.
  const prepare = reader.prepare.bind(reader);
  (reader as { prepare: typeof reader.prepare }).prepare = ((source: string) => {
    guard();
    return prepare(source);
  }) as typeof reader.prepare;

  const outer = readerOn(reader, readerDb, guard);
  const inner = readerOn(writer, writerDb, () => {});
  const changes = new WriterChanges(writer);

  const self: SqliteDatabase = {
    ...outer,
    sqlite: handles,
    description: `SQLite ${handles.file}`,
    async tx<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
      return runInUnitOfWork(self, async () => {
        const release = await mutex.lock();
        try {
          const hooks = new CommitHooks();
          const t = {
            ...inner,
            afterCommit: (f: () => void) => hooks.add(f),
            [RAW]: { engine: 'sqlite', connection: writer },
          } as unknown as Tx;
          writer.exec('BEGIN IMMEDIATE');
          changes.rolledBack();
          let value: T;
          try {
            value = await fn(t);
            writer.exec('COMMIT');
            changes.committed();
          } catch (e) {
            if (writer.inTransaction) writer.exec('ROLLBACK');
            changes.rolledBack();
            throw e;
          }
          hooks.run();
          return value;
        } finally {
          release();
        }
      });
    },
    async exec(sqlText: string) {
      guard();
      const release = await mutex.lock();
      try {
        writer.exec(sqlText);
      } finally {
        changes.committed(true);
        release();
      }
    },
    watchRows: (table) => changes.watch(table),
    async close() {
      const release = await mutex.lock();
      try {
        reader.close();
        writer.close();
      } finally {
        release();
      }
    },
  };
  return self;
}
