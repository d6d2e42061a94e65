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
  RAW,
  runInUnitOfWork,
  type Database,
  type Query,
  type QueryDb,
  type Reader,
  type Tables,
  type Tx,
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
          let value: T;
          try {
            value = await fn(t);
            writer.exec('COMMIT');
          } catch (e) {
            if (writer.inTransaction) writer.exec('ROLLBACK');
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
        release();
      }
    },
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
