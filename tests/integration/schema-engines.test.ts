/**
 * The two engines' schemas cannot drift: both real databases, migrated by the runner from their own generated
 * migrations, are read back from their catalogues and compared table by table — columns (types mapped, nullability,
 * defaults, identity), primary keys, indexes (unique, columns, partial WHERE), unique constraints, foreign keys (with
 * ON DELETE / ON UPDATE) and checks. The type mapping follows the canonical schema (db/pg-schema.ts): a boolean-mode
 * integer is boolean on PostgreSQL, a JSON-mode text is jsonb.
 *
 * Runs in the 'postgres' project (it needs both engines).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase, openPostgresDatabase } from '../../src/main/db/open';
import { sqliteTables } from '../../src/main/db/pg-schema';
import { createEmptyPgDatabase, dropPgDatabase, testEngine } from '../helpers/databases';

interface ColumnInfo {
  type: string;
  notNull: boolean;
  default: string | null;
  primaryKey: boolean;
  identity: boolean;
}
interface TableInfo {
  columns: Record<string, ColumnInfo>;
  indexes: Record<string, { unique: boolean; columns: string[]; where: string | null }>;
  uniques: string[];
  foreignKeys: string[];
  checks: string[];
}
type Catalogue = Record<string, TableInfo>;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/::[a-z ]+/g, '')
    .replace(/["'`()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const action = (s: string) => s.toLowerCase().replace(/_/g, ' ');

/** The PostgreSQL type each SQLite column must have, from the canonical schema's column kinds. */
function expectedPgTypes(): Record<string, Record<string, string>> {
  const map: Record<string, string> = {
    SQLiteInteger: 'integer',
    SQLiteBoolean: 'boolean',
    SQLiteText: 'text',
    SQLiteTextJson: 'jsonb',
    SQLiteReal: 'double precision',
  };
  const out: Record<string, Record<string, string>> = {};
  for (const table of Object.values(sqliteTables)) {
    const name = getTableConfig(table).name;
    out[name] = Object.fromEntries(
      Object.values(getTableColumns(table)).map((c) => [
        (c as SQLiteColumn).name,
        map[(c as SQLiteColumn).columnType]!,
      ]),
    );
  }
  return out;
}

/** Names of the column-level unique constraints (`.unique()`): SQLite makes them unique indexes, PostgreSQL constraints. */
const columnUniqueNames = new Set(
  Object.values(sqliteTables).flatMap((t) =>
    Object.values(getTableColumns(t))
      .map((c) => (c as SQLiteColumn & { uniqueName?: string }).uniqueName)
      .filter((n): n is string => typeof n === 'string' && n !== ''),
  ),
);

function sqliteCatalogue(file: string): Catalogue {
  const db = new Database(file, { readonly: true });
  try {
    const types = expectedPgTypes();
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_vaxla_migrations'",
      )
      .all() as Array<{ name: string; sql: string }>;
    const out: Catalogue = {};
    for (const t of tables) {
      const cols = db.prepare(`PRAGMA table_xinfo("${t.name}")`).all() as Array<{
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }>;
      const columns: TableInfo['columns'] = {};
      for (const c of cols) {
        // A boolean or JSON column is INTEGER or TEXT in SQLite; the canonical schema says which it stands for.
        const mapped = types[t.name]?.[c.name];
        const base = c.type.toLowerCase() === 'integer' ? 'integer' : c.type.toLowerCase();
        const type =
          mapped && (mapped === 'boolean' ? base === 'integer' : mapped === 'jsonb' ? base === 'text' : true)
            ? mapped
            : base;
        columns[c.name] = {
          type,
          notNull: c.notnull === 1 || c.pk > 0,
          default: c.dflt_value === null ? null : norm(c.dflt_value),
          primaryKey: c.pk > 0,
          identity: c.pk > 0 && /autoincrement/i.test(t.sql),
        };
      }
      const indexes: TableInfo['indexes'] = {};
      const uniques: string[] = [];
      for (const ix of db.prepare(`PRAGMA index_list("${t.name}")`).all() as Array<{
        name: string;
        unique: number;
        origin: string;
        partial: number;
      }>) {
        const colsOf = (db.prepare(`PRAGMA index_info("${ix.name}")`).all() as Array<{ name: string }>).map(
          (r) => r.name,
        );
        if (ix.origin === 'pk') continue;
        if (ix.origin === 'u' || (columnUniqueNames.has(ix.name) && ix.unique === 1 && !ix.partial)) {
          uniques.push(colsOf.join(','));
          continue;
        }
        const sqlText = (
          db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(ix.name) as { sql: string }
        ).sql;
        const where = ix.partial ? norm(sqlText.slice(sqlText.toUpperCase().lastIndexOf(' WHERE ') + 7)) : null;
        indexes[ix.name] = { unique: ix.unique === 1, columns: colsOf, where };
      }
      const fks = db.prepare(`PRAGMA foreign_key_list("${t.name}")`).all() as Array<{
        id: number;
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }>;
      const byId = new Map<number, typeof fks>();
      for (const f of fks) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
      const foreignKeys = [...byId.values()].map(
        (parts) =>
          `${parts.map((p) => p.from).join(',')} -> ${parts[0]!.table}(${parts.map((p) => p.to).join(',')}) on delete ${action(parts[0]!.on_delete)} on update ${action(parts[0]!.on_update)}`,
      );
      const checks = [...t.sql.matchAll(/CONSTRAINT\s+"?(\w+)"?\s+CHECK\s*\((.*?)\)(?=,|\s*\)$)/gis)].map(
        (m) => `${m[1]}: ${norm(m[2]!)}`,
      );
      out[t.name] = {
        columns,
        indexes,
        uniques: uniques.sort(),
        foreignKeys: foreignKeys.sort(),
        checks: checks.sort(),
      };
    }
    return out;
  } finally {
    db.close();
  }
}

async function pgCatalogue(url: string): Promise<Catalogue> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    const q = async <T extends pg.QueryResultRow>(text: string) => (await c.query<T>(text)).rows;
    const out: Catalogue = {};
    const tables = await q<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_vaxla_migrations'",
    );
    for (const { table_name: t } of tables) {
      out[t] = { columns: {}, indexes: {}, uniques: [], foreignKeys: [], checks: [] };
    }
    for (const col of await q<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
    }>(
      "SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = 'public'",
    )) {
      const t = out[col.table_name];
      if (!t) continue;
      t.columns[col.column_name] = {
        type: col.data_type,
        notNull: col.is_nullable === 'NO',
        default: col.column_default === null ? null : norm(col.column_default),
        primaryKey: false,
        identity: col.is_identity === 'YES',
      };
    }
    for (const con of await q<{ table: string; contype: string; name: string; columns: string[]; def: string }>(`
      SELECT rel.relname AS table, con.contype, con.conname AS name, pg_get_constraintdef(con.oid) AS def,
             ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns
        FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace WHERE ns.nspname = 'public'`)) {
      const t = out[con.table];
      if (!t) continue;
      if (con.contype === 'p') for (const name of con.columns) t.columns[name]!.primaryKey = true;
      if (con.contype === 'u') t.uniques.push(con.columns.join(','));
      if (con.contype === 'c') t.checks.push(`${con.name}: ${norm(con.def.replace(/^CHECK\s*/i, ''))}`);
      if (con.contype === 'f') {
        const m = /REFERENCES (?:public\.)?"?(\w+)"?\((.*?)\)(.*)$/i.exec(con.def)!;
        const rest = m[3]!.toLowerCase();
        const del = /on delete (cascade|set null|set default|restrict)/.exec(rest)?.[1] ?? 'no action';
        const upd = /on update (cascade|set null|set default|restrict)/.exec(rest)?.[1] ?? 'no action';
        t.foreignKeys.push(
          `${con.columns.join(',')} -> ${m[1]}(${norm(m[2]!).replace(/ /g, '')}) on delete ${del} on update ${upd}`,
        );
      }
    }
    for (const ix of await q<{
      table: string;
      name: string;
      unique: boolean;
      columns: string[];
      where: string | null;
      constraint: boolean;
    }>(`
      SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, pg_get_expr(x.indpred, x.indrelid) AS where,
             EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) AS constraint,
             ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(n, o)
                   JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE ns.nspname = 'public'`)) {
      const t = out[ix.table];
      if (!t || ix.constraint) continue; // primary keys and unique constraints are compared above
      t.indexes[ix.name] = { unique: ix.unique, columns: ix.columns, where: ix.where === null ? null : norm(ix.where) };
    }
    for (const t of Object.values(out)) {
      t.uniques.sort();
      t.foreignKeys.sort();
      t.checks.sort();
    }
    return out;
  } finally {
    await c.end();
  }
}

describe.runIf(testEngine() === 'postgres')('one schema, two engines', () => {
  let dir: string;
  let url: string;
  let lite: Catalogue;
  let post: Catalogue;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vaxla-schema-'));
    await (await openDatabase(dir, new Date('2026-11-23T09:00:00Z'))).close();
    url = await createEmptyPgDatabase();
    await (await openPostgresDatabase(url)).close();
    lite = sqliteCatalogue(join(dir, DB_FILE_NAME));
    post = await pgCatalogue(url);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropPgDatabase(url);
  });

  it('has the same tables, every one of the canonical schema', () => {
    const canonical = Object.values(sqliteTables)
      .map((t) => getTableConfig(t).name)
      .sort();
    expect(Object.keys(lite).sort()).toEqual(canonical);
    expect(Object.keys(post).sort()).toEqual(canonical);
  });

  it('compares every table: columns, keys, indexes, unique and foreign keys, checks', () => {
    for (const name of Object.keys(lite)) {
      expect({ table: name, ...post[name] }).toEqual({ table: name, ...lite[name] });
    }
  });

  it('is not comparing nothing: the catalogues carry what the schema declares', () => {
    expect(lite.review_decisions!.indexes.review_decisions_item_idx).toEqual({
      unique: true,
      columns: ['meeting_id', 'proposal_id'],
      where: 'corrects_decision_id is null',
    });
    expect(lite.participants!.uniques).toEqual(['personnummer', 'ref']);
    expect(lite.sessions!.foreignKeys).toEqual(['user_id -> users(id) on delete cascade on update no action']);
    expect(post.users!.columns.active).toEqual({
      type: 'boolean',
      notNull: true,
      default: 'true',
      primaryKey: false,
      identity: false,
    });
    expect(post.users!.columns.id!.identity).toBe(true);
  });
});
