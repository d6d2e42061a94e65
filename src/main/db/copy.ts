/**
 * Moving house (`npm run copy-database`): every table of one Växla database into another, on either engine, e.g. a
 * unit that started on one PC (SQLite) moving to the shared server (PostgreSQL), or back.
 *
 * - The source is opened as it is (it must be at this version of Växla; nothing is written to it).
 * - The target must be empty: a folder without a database, or a database with Växla's tables and no rows (a new
 *   PostgreSQL database is migrated first). Anything else is refused before a row is written.
 * - Tables are copied in foreign-key order, every row with its id, in id order, in one unit of work on the target:
 *   all or nothing. Only INSERTs: the append-only records (audit log, decisions, contract snapshots) stay untouched.
 *   PostgreSQL's identity sequences are moved past the copied ids.
 * - Afterwards each table's row count and checksum is computed from both databases the same way — each row as the
 *   stores read it (booleans, JSON), canonical JSON with sorted keys, SHA-256, summed modulo 2^64, so the order of
 *   rows does not matter — and must agree.
 */
import { createHash } from 'node:crypto';
import { asc, count, getTableColumns, getTableName, gt, type Column } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { bulkInsert } from './bulk';
import type { Database, Reader } from './engine';
import { sqliteTables, type TableKey } from './pg-schema';

export class CopyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefused';
  }
}

/** The tables in an order where every table comes after the tables it refers to. */
export function copyOrder(): TableKey[] {
  const byName = new Map(Object.entries(sqliteTables).map(([key, t]) => [getTableConfig(t).name, key as TableKey]));
  const deps = new Map<TableKey, Set<TableKey>>();
  for (const [key, table] of Object.entries(sqliteTables) as Array<[TableKey, SQLiteTable]>) {
    const cfg = getTableConfig(table);
    const refs = new Set<TableKey>();
    for (const fk of cfg.foreignKeys) {
      const target = byName.get(getTableConfig(fk.reference().foreignTable).name)!;
      if (target !== key) refs.add(target); // a self-reference is satisfied by copying in id order
    }
    deps.set(key, refs);
  }
  const out: TableKey[] = [];
  const done = new Set<TableKey>();
  const visit = (k: TableKey, path: Set<TableKey>) => {
    if (done.has(k)) return;
    if (path.has(k)) throw new Error(`copyOrder: en cykel av främmande nycklar genom ${k}`);
    path.add(k);
    for (const d of [...deps.get(k)!].sort()) visit(d, path);
    path.delete(k);
    done.add(k);
    out.push(k);
  };
  for (const k of [...deps.keys()].sort()) visit(k, new Set());
  return out;
}

/** The primary key column a table is read in order of. */
function keyColumn(r: Reader, key: TableKey): Column {
  const cols = getTableColumns(r.tables[key] as never) as Record<string, Column>;
  const pk = Object.values(cols).find((c) => c.primary);
  if (!pk) throw new Error(`${key} har ingen primärnyckel`);
  return pk;
}

const PAGE = 2_000;

/** Reads a table page by page in key order (keyset paging: no OFFSET scans). */
async function* readTable(r: Reader, key: TableKey): AsyncGenerator<Array<Record<string, unknown>>> {
  const table = r.tables[key] as unknown as SQLiteTable;
  const pk = keyColumn(r, key);
  const pkKey = Object.entries(getTableColumns(table)).find(([, c]) => c === pk)![0];
  let after: unknown = undefined;
  for (;;) {
    const rows = (await r.db
      .select()
      .from(table)
      .where(after === undefined ? undefined : gt(pk as SQLiteColumn, after as never))
      .orderBy(asc(pk as SQLiteColumn))
      .limit(PAGE)) as Array<Record<string, unknown>>;
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]![pkKey];
    if (rows.length < PAGE) return;
  }
}

export async function rowCount(r: Reader, key: TableKey): Promise<number> {
  const [row] = await r.db.select({ n: count() }).from(r.tables[key] as unknown as SQLiteTable);
  return row?.n ?? 0;
}

/** JSON with object keys sorted at every level: the same text for the same value on both engines. */
function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const MOD = 1n << 64n;

/** Row count and order-independent checksum of a table (see the module comment). */
export async function tableChecksum(r: Reader, key: TableKey): Promise<{ rows: number; checksum: string }> {
  let sum = 0n;
  let rows = 0;
  for await (const page of readTable(r, key)) {
    for (const row of page) {
      const h = createHash('sha256').update(canonical(row)).digest();
      sum = (sum + h.readBigUInt64BE(0)) % MOD;
      rows++;
    }
  }
  return { rows, checksum: sum.toString(16).padStart(16, '0') };
}

export interface CopyReportLine {
  table: string;
  rows: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

/** Refuses a target that holds any row (Växla's own bookkeeping, the migration ledger, aside). */
export async function assertEmpty(target: Database): Promise<void> {
  const busy: string[] = [];
  for (const key of copyOrder()) {
    const n = await rowCount(target, key);
    if (n > 0) busy.push(`${getTableName(target.tables[key] as never)} (${n})`);
  }
  if (busy.length > 0) {
    throw new CopyRefused(
      `Måldatabasen ${target.description} är inte tom (${busy.slice(0, 5).join(', ')}${busy.length > 5 ? ' …' : ''}). ` +
        'Kopiera bara till en ny, tom databas; ingenting har skrivits.',
    );
  }
}

/** Copies every table from `source` into the empty `target`, then compares counts and checksums. */
export async function copyDatabase(
  source: Database,
  target: Database,
  opts: { onTable?: (table: string, rows: number) => void } = {},
): Promise<CopyReportLine[]> {
  await assertEmpty(target);
  const order = copyOrder();
  await target.tx(async (t) => {
    for (const key of order) {
      let copied = 0;
      for await (const page of readTable(source, key)) {
        await bulkInsert(t, key, page);
        copied += page.length;
      }
      opts.onTable?.(getTableName(t.tables[key] as never), copied);
    }
  });
  const report: CopyReportLine[] = [];
  for (const key of order) {
    const s = await tableChecksum(source, key);
    const d = await tableChecksum(target, key);
    report.push({
      table: getTableName(source.tables[key] as never),
      rows: s.rows,
      sourceChecksum: s.checksum,
      targetChecksum: d.checksum,
      ok: s.rows === d.rows && s.checksum === d.checksum,
    });
  }
  return report;
}

/** The report as a plain text table. */
export function formatReport(lines: readonly CopyReportLine[]): string {
  const w = Math.max(...lines.map((l) => l.table.length), 'tabell'.length);
  const head = `${'tabell'.padEnd(w)}  ${'rader'.padStart(8)}  ${'kontrollsumma'.padEnd(16)}  ok`;
  const body = lines.map(
    (l) =>
      `${l.table.padEnd(w)}  ${String(l.rows).padStart(8)}  ${l.sourceChecksum}  ${l.ok ? 'ja' : `NEJ (mål ${l.targetChecksum})`}`,
  );
  return [head, ...body].join('\n');
}
