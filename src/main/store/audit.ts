/** The audit log (append-only: the database refuses UPDATE and DELETE by trigger on both engines). */
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { auditEvents } from '../db/schema';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type AuditEventInsert = Omit<typeof auditEvents.$inferInsert, 'id'>;

/** Appends audit events (one statement for many, as the dispatcher's batch of read events). */
export async function insertAuditEvents(t: Tx, rows: readonly AuditEventInsert[]): Promise<void> {
  const { auditEvents } = t.tables;
  for (let i = 0; i < rows.length; i += 500) await t.db.insert(auditEvents).values(rows.slice(i, i + 500));
}

export interface AuditQuery {
  userId?: number | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

/** A page of the audit log, newest first, with the total under the same conditions. */
export async function queryAudit(r: Reader, q: AuditQuery): Promise<{ total: number; rows: AuditEventRow[] }> {
  const { auditEvents } = r.tables;
  const where: SQL[] = [];
  if (q.userId !== undefined) where.push(eq(auditEvents.userId, q.userId));
  if (q.entity) where.push(eq(auditEvents.entity, q.entity));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.from) where.push(gte(auditEvents.at, q.from));
  if (q.to) where.push(lte(auditEvents.at, q.to));
  const cond = where.length ? and(...where) : undefined;
  const [n] = await r.db.select({ n: count() }).from(auditEvents).where(cond);
  const rows = await r.db
    .select()
    .from(auditEvents)
    .where(cond)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(q.limit)
    .offset(q.offset);
  return { total: n?.n ?? 0, rows };
}
