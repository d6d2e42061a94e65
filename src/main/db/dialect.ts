/**
 * The few SQL fragments that are written differently on the two engines. Everything else stores write with the
 * drizzle query builder, which renders each engine's SQL by itself. Each fragment means the same on both engines.
 *
 * Also settled here, so stores need not think about it:
 * - count()/sum() come back as numbers on both (PostgreSQL's bigint and numeric are parsed as numbers, see
 *   ./postgres.ts); use drizzle's count() or `.mapWith(Number)`.
 * - LIKE: search columns are kept lower-cased (participants.search_text), so SQLite's case-insensitive and
 *   PostgreSQL's case-sensitive LIKE agree.
 * - NULL ordering differs (SQLite puts NULLs first ascending, PostgreSQL last): order nullable columns with
 *   `nullsFirst`/`nullsLast` below, which both engines understand.
 * - Text ordering: PostgreSQL databases use the C collation (checked at start), which is SQLite's binary order.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { EngineKind } from './engine';

export interface Dialect {
  readonly engine: EngineKind;
  /** True when the JSON array of strings in `col` has `value` as an element. */
  jsonArrayIncludes(col: AnyColumn, value: string): SQL;
  /** True when some element of the JSON array of strings in `col`, upper-cased, is one of `values`. */
  jsonArrayAnyUpperIn(col: AnyColumn, values: readonly string[]): SQL;
  /** The integer at key `key` of the JSON object in `col`, or NULL. */
  jsonInteger(col: AnyColumn, key: string): SQL<number | null>;
  /** The column without letting it pick the index (SQLite's unary `+`; PostgreSQL plans by itself). */
  noIndex(col: AnyColumn): SQL;
  /** The number after 'YYYY-' of a reference such as '2026-0147' (digits only), or NULL. */
  refNumber(col: AnyColumn): SQL<number | null>;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export const sqliteDialect: Dialect = {
  engine: 'sqlite',
  jsonArrayIncludes: (col, value) => sql`instr(${col}, ${JSON.stringify(value)}) > 0`,
  jsonArrayAnyUpperIn: (col, values) =>
    sql`EXISTS (SELECT 1 FROM json_each(${col}) j WHERE upper(j.value) IN (${list(values)}))`,
  jsonInteger: (col, key) => sql<number | null>`json_extract(${col}, ${`$.${key}`})`,
  noIndex: (col) => sql`+${col}`,
  refNumber: (col) => sql<number | null>`cast(substr(${col}, 6) as integer)`,
};

export const postgresDialect: Dialect = {
  engine: 'postgres',
  jsonArrayIncludes: (col, value) => sql`${col} @> ${JSON.stringify([value])}::jsonb`,
  jsonArrayAnyUpperIn: (col, values) =>
    sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(${col}) j(value) WHERE upper(j.value) IN (${list(values)}))`,
  jsonInteger: (col, key) =>
    sql<number | null>`(CASE WHEN jsonb_typeof(${col} -> ${key}) = 'number' THEN (${col} ->> ${key})::integer END)`,
  noIndex: (col) => sql`${col}`,
  refNumber: (col) => sql<number | null>`(substring(${col} from '^[0-9]{4}-([0-9]+)'))::integer`,
};

/** `col ASC NULLS FIRST` / `col DESC NULLS …`: the same NULL placement on both engines. */
export const nullsFirst = (col: AnyColumn | SQL, dir: 'asc' | 'desc' = 'asc'): SQL =>
  dir === 'asc' ? sql`${col} asc nulls first` : sql`${col} desc nulls first`;
export const nullsLast = (col: AnyColumn | SQL, dir: 'asc' | 'desc' = 'asc'): SQL =>
  dir === 'asc' ? sql`${col} asc nulls last` : sql`${col} desc nulls last`;
