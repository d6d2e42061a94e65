/** Many rows of one table at once (demo, bench, copying): see db/bulk.ts. */
import { max } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { bulkInsert } from '../db/bulk';
import type { Reader, Tables, Tx } from '../db/engine';
import type { TableKey } from '../db/pg-schema';

type IdKeys = { [K in TableKey]: Tables[K] extends { id: SQLiteColumn } ? K : never }[TableKey];
import type { InsertOf } from './record';

export function insertMany<K extends TableKey>(t: Tx, key: K, rows: readonly InsertOf<K>[]): Promise<void> {
  return bulkInsert(t, key, rows as unknown as Array<Record<string, unknown>>);
}

/** The largest id of a table, 0 when it is empty (the demo numbers its bulk rows from here). */
export async function maxId(r: Reader, key: TableKey & IdKeys): Promise<number> {
  const table = r.tables[key] as unknown as SQLiteTable & { id: SQLiteColumn };
  const [row] = await r.db.select({ m: max(table.id) }).from(table);
  return Number(row?.m ?? 0);
}
