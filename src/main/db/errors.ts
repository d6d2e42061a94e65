/**
 * What kind of database error something is, the same on both engines. Drizzle wraps driver errors on PostgreSQL
 * (DrizzleQueryError with the driver's error as `cause`); better-sqlite3's come through as they are.
 */
export type DbErrorKind = 'unique' | 'foreign_key' | 'check' | 'not_null' | 'retry' | 'append_only';

function driverErrors(e: unknown): Array<{ code?: unknown; message?: unknown }> {
  const out: Array<{ code?: unknown; message?: unknown }> = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    out.push(cur as { code?: unknown; message?: unknown });
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

/** The kind of a database error, or null when it is none of these. */
export function dbErrorKind(e: unknown): DbErrorKind | null {
  for (const d of driverErrors(e)) {
    const code = typeof d.code === 'string' ? d.code : '';
    const message = typeof d.message === 'string' ? d.message : '';
    // PostgreSQL SQLSTATE
    if (code === '40001' || code === '40P01') return 'retry';
    if (code === '23505') return 'unique';
    if (code === '23503') return 'foreign_key';
    if (code === '23514') return 'check';
    if (code === '23502') return 'not_null';
    if (code === 'P0001') return 'append_only';
    // better-sqlite3 extended result codes
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign_key';
    if (code === 'SQLITE_CONSTRAINT_CHECK') return 'check';
    if (code === 'SQLITE_CONSTRAINT_NOTNULL') return 'not_null';
    if (code === 'SQLITE_CONSTRAINT_TRIGGER') return 'append_only';
    if (/UNIQUE constraint failed/.test(message)) return 'unique';
    if (/FOREIGN KEY constraint failed/.test(message)) return 'foreign_key';
  }
  return null;
}

/** The driver's own message (the trigger's text for an append-only refusal), not drizzle's "Failed query: …". */
export function dbErrorMessage(e: unknown): string {
  const all = driverErrors(e);
  const last = all.at(-1);
  return typeof last?.message === 'string' ? last.message : String(e);
}
