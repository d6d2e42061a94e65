/**
 * Inserting many rows at once, the same columns and values on both engines: every column of the table (a value
 * missing from a row takes the column's default, as drizzle would), each value through the column's own driver
 * mapping (JSON, booleans). SQLite: one prepared statement run per row inside the unit of work (fast in
 * better-sqlite3). PostgreSQL: multi-row INSERTs of as many rows as fit in one statement's parameters, and the
 * identity sequence moved past the ids given, so later inserts continue after them.
 */
import { getTableColumns, getTableName, is, SQL, type Column } from 'drizzle-orm';
import { RAW, type Tx } from './engine';
import type { TableKey } from './pg-schema';

type Row = Record<string, unknown>;

/** Inserts `rows` into the table in `t`; ids given in the rows are kept. */
export async function bulkInsert(t: Tx, key: TableKey, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const table = t.tables[key] as never;
  const name = getTableName(table);
  const all = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  const withIds = rows.filter((r) => r.id !== undefined && r.id !== null).length;
  if (withIds > 0 && withIds < rows.length) throw new Error(`bulkInsert ${key}: ange id på alla rader eller på ingen`);
  // Without ids the database numbers the rows (its identity or AUTOINCREMENT).
  const columns = withIds === 0 ? all.filter(([k]) => k !== 'id') : all;
  const valueOf = (row: Row, key: string, col: Column) => {
    const v = row[key] !== undefined ? row[key] : col.hasDefault && !is(col.default, SQL) ? col.default : null;
    return v === null || v === undefined ? null : col.mapToDriverValue(v);
  };
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  const raw = t[RAW];
  if (raw.engine === 'sqlite') {
    const stmt = raw.connection.prepare(
      `INSERT INTO "${name}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) stmt.run(columns.map(([k, c]) => valueOf(row, k, c)));
    return;
  }
  const perStatement = Math.max(1, Math.floor(60_000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map(([k, c]) => {
        values.push(valueOf(row, k, c));
        return `$${values.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    const override = withIds > 0 ? ' OVERRIDING SYSTEM VALUE' : '';
    await raw.query(`INSERT INTO "${name}" (${names})${override} VALUES ${tuples.join(', ')}`, values);
  }
  if (withIds > 0) await resetIdentity(t, key);
}

/** Moves a table's id sequence past its largest id (PostgreSQL; SQLite's AUTOINCREMENT follows by itself). */
export async function resetIdentity(t: Tx, key: TableKey): Promise<void> {
  const raw = t[RAW];
  if (raw.engine !== 'postgres') return;
  const name = getTableName(t.tables[key] as never);
  await raw.query(
    `SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), COALESCE((SELECT max(id) FROM "${name}"), 0) + 1, false)`,
  );
}
