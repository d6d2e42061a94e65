import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { auditEvents } from '../../db/schema';
import type { Clock } from '../../util/clock';

/** Field names whose values are never written to the audit log. */
const SECRET_FIELDS = /password|secret|token|hash/i;

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** The before/after of the fields that differ; secret fields are recorded as changed without values. */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k === 'updatedAt' || k === 'searchText') continue;
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[k] = SECRET_FIELDS.test(k) ? { before: '[dolt]', after: '[dolt]' } : { before: b, after: a };
  }
  return out;
}

export interface AuditActor {
  userId: number | null;
  username: string | null;
}

export interface AuditEntry {
  action: string;
  entity?: string | null;
  entityId?: string | number | null;
  changes?: Changes | null;
  detail?: string | null;
}

/**
 * Collects and writes audit events for one call. Changes are written immediately (call it inside the service's
 * transaction so the change and its audit event commit together); reads are collected and written by the dispatcher
 * once the call has succeeded.
 */
export class AuditRecorder {
  private readonly reads: Array<{ entity: string; entityId: string }> = [];
  private changesWritten = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    public actor: AuditActor,
    private readonly procedure: string | null,
  ) {}

  read(entity: string, entityId: string | number): void {
    this.reads.push({ entity, entityId: String(entityId) });
  }

  change(entity: string, entityId: string | number, before: Record<string, unknown> | null, after: Record<string, unknown> | null, detail?: string): void {
    this.write({ action: 'change', entity, entityId, changes: diffRecords(before, after), detail: detail ?? null });
    this.changesWritten++;
  }

  write(e: AuditEntry): void {
    this.db
      .insert(auditEvents)
      .values({
        at: this.clock.now().toISOString(),
        userId: this.actor.userId,
        username: this.actor.username,
        action: e.action,
        procedure: this.procedure,
        entity: e.entity ?? null,
        entityId: e.entityId === null || e.entityId === undefined ? null : String(e.entityId),
        changes: e.changes && Object.keys(e.changes).length > 0 ? e.changes : null,
        detail: e.detail ?? null,
      })
      .run();
  }

  get pendingReads() {
    return this.reads;
  }
  get changeCount() {
    return this.changesWritten;
  }
  flushReads(): void {
    const seen = new Set<string>();
    for (const r of this.reads) {
      const key = `${r.entity}:${r.entityId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.write({ action: 'read', entity: r.entity, entityId: r.entityId });
    }
    this.reads.length = 0;
  }
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

export function queryAudit(db: Db, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.userId !== undefined) where.push(eq(auditEvents.userId, q.userId));
  if (q.entity) where.push(eq(auditEvents.entity, q.entity));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.from) where.push(gte(auditEvents.at, q.from));
  if (q.to) where.push(lte(auditEvents.at, q.to));
  const cond = where.length ? and(...where) : undefined;
  const total = db.select({ n: count() }).from(auditEvents).where(cond).get()?.n ?? 0;
  const rows = db
    .select()
    .from(auditEvents)
    .where(cond)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  return { total, rows };
}
