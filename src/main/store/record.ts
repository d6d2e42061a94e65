/**
 * One way to change a record and log it: load it, refuse a missing one, write the change, record the before/after
 * in the audit log, all in the caller's unit of work. Every area's "update X" goes through `changeRecord` (and
 * "create X" through `createRecord`), so the load-update-audit sequence is written once.
 *
 * A record kind names the table, the audit entity, the Swedish word for "not found" messages and the audit view
 * (what the audit log records of a row: derived and secret columns left out).
 */
import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { notFound } from '../../shared/errors';
import type { Reader, Tables, Tx } from '../db/engine';
import type { TableKey } from '../db/pg-schema';

/** Tables whose primary key is an integer `id`. */
type IdKey = { [K in TableKey]: Tables[K] extends { id: SQLiteColumn } ? K : never }[TableKey];

export type RowOf<K extends TableKey> = Tables[K]['$inferSelect'];
export type InsertOf<K extends TableKey> = Tables[K]['$inferInsert'];
export type PatchOf<K extends TableKey> = Partial<Omit<InsertOf<K>, 'id'>>;

/** Where audit events go (the services' AuditRecorder). */
export interface ChangeLog {
  change(
    t: Tx,
    entity: string,
    entityId: string | number,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    detail?: string,
  ): Promise<void>;
}

export interface RecordKind<K extends IdKey> {
  table: K;
  /** Audit entity, e.g. 'participant'. */
  entity: string;
  /** The record in Swedish, definite form, for "… finns inte.": 'Deltagaren'. */
  label: string;
  /** What the audit log records of a row. */
  view: (row: RowOf<K>) => Record<string, unknown>;
}

export const recordKind = <K extends IdKey>(kind: RecordKind<K>): RecordKind<K> => kind;

type AnyIdTable = SQLiteTable & { id: SQLiteColumn };
const tableOf = (r: Reader, key: IdKey) => r.tables[key] as unknown as AnyIdTable;

export async function findRecord<K extends IdKey>(
  r: Reader,
  kind: RecordKind<K>,
  id: number,
): Promise<RowOf<K> | undefined> {
  const table = tableOf(r, kind.table);
  const [row] = await r.db.select().from(table).where(eq(table.id, id)).limit(1);
  return row as RowOf<K> | undefined;
}

/** The record, or NOT_FOUND ("Deltagaren finns inte."). */
export async function loadRecord<K extends IdKey>(r: Reader, kind: RecordKind<K>, id: number): Promise<RowOf<K>> {
  const row = await findRecord(r, kind, id);
  if (!row) throw notFound(kind.label);
  return row;
}

export interface ChangeOptions<K extends IdKey> {
  /** The row as already loaded in this unit of work (saves a read). */
  before?: RowOf<K>;
  /** The audit event's detail line. */
  detail?: string | ((before: RowOf<K>, after: RowOf<K>) => string | undefined);
  /** Audit view for this change, when it differs from the kind's. */
  view?: (row: RowOf<K>) => Record<string, unknown>;
}

/**
 * Changes one record in the unit of work `t` and records its before/after: `patch` is the new values, or a function
 * of the row before (checks that need the old row throw from there, before anything is written).
 */
export async function changeRecord<K extends IdKey>(
  t: Tx,
  log: ChangeLog,
  kind: RecordKind<K>,
  id: number,
  patch: PatchOf<K> | ((before: RowOf<K>) => PatchOf<K> | Promise<PatchOf<K>>),
  opts: ChangeOptions<K> = {},
): Promise<{ before: RowOf<K>; after: RowOf<K> }> {
  const before = opts.before ?? (await loadRecord(t, kind, id));
  const values = typeof patch === 'function' ? await patch(before) : patch;
  const after = await updateRow(t, kind.table, id, values);
  const view = opts.view ?? kind.view;
  const detail = typeof opts.detail === 'function' ? opts.detail(before, after) : opts.detail;
  await log.change(t, kind.entity, id, view(before), view(after), detail);
  return { before, after };
}

/**
 * The same for a record whose audit view spans several rows (a position with its periods): `load` reads the view,
 * `write` makes the change, and the view is read again afterwards.
 */
export async function changeComposite<T>(
  t: Tx,
  log: ChangeLog,
  o: {
    entity: string;
    id: number;
    load: () => Promise<T>;
    write: (before: T) => Promise<void>;
    view: (x: T) => Record<string, unknown>;
    detail?: string;
  },
): Promise<{ before: T; after: T }> {
  const before = await o.load();
  await o.write(before);
  const after = await o.load();
  await log.change(t, o.entity, o.id, o.view(before), o.view(after), o.detail);
  return { before, after };
}

/** Inserts one record in the unit of work `t` and records it as created (before: nothing). */
export async function createRecord<K extends IdKey>(
  t: Tx,
  log: ChangeLog,
  kind: RecordKind<K>,
  values: InsertOf<K>,
  detail?: string,
): Promise<RowOf<K>> {
  const row = await insertRow(t, kind.table, values);
  await log.change(t, kind.entity, (row as { id: number }).id, null, kind.view(row), detail);
  return row;
}

/** Inserts one row and returns it as stored. */
export async function insertRow<K extends TableKey>(t: Tx, key: K, values: InsertOf<K>): Promise<RowOf<K>> {
  const table = t.tables[key] as unknown as SQLiteTable;
  const [row] = await t.db
    .insert(table)
    .values(values as never)
    .returning();
  return row as RowOf<K>;
}

/** Updates one row by id and returns it as stored (NOT_FOUND is the caller's: it loaded the row first). */
export async function updateRow<K extends IdKey>(t: Tx, key: K, id: number, patch: PatchOf<K>): Promise<RowOf<K>> {
  const table = tableOf(t, key);
  const [row] = await t.db
    .update(table)
    .set(patch as never)
    .where(eq(table.id, id))
    .returning();
  if (!row) throw new Error(`${key} ${id} försvann under ändringen`);
  return row as RowOf<K>;
}
