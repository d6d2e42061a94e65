/**
 * The database driver alone, on a connection of its own, for the bench's comparison of the store layer against the
 * raw driver (src/main/bench/participants.ts). Never used by the app.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { Query } from './engine';
import { DB_FILE_NAME, type DatabaseTarget } from './open';
import { join } from 'node:path';

export interface RawDriver {
  /** Rows as arrays of driver values in select order. */
  arrays(text: string, params: readonly unknown[]): Promise<unknown[][]>;
  /** Rows as objects keyed by column name. */
  objects(text: string, params: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export function openRawDriver(target: DatabaseTarget): RawDriver {
  if (target.engine === 'sqlite') {
    const db = new BetterSqlite3(join(target.dataDir, DB_FILE_NAME), { readonly: true });
    return {
      arrays: async (text, params) =>
        db
          .prepare(text)
          .raw()
          .all(...params) as unknown[][],
      objects: async (text, params) => db.prepare(text).all(...params),
      close: async () => {
        db.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 1 });
  return {
    arrays: async (text, params) =>
      (await pool.query({ text, values: [...params], rowMode: 'array' })).rows as unknown[][],
    objects: async (text, params) => (await pool.query(text, [...params])).rows,
    close: () => pool.end(),
  };
}

/** The SQL text and parameters a query builder renders (on the engine it was built for). */
export function renderQuery(q: Query): { sql: string; params: unknown[] } {
  if (!('toSQL' in q)) throw new Error('Frågan kan inte återges som SQL.');
  return q.toSQL();
}
