import { insertAuditEvents, type AuditEventInsert } from '../../store/audit';
import type { Tx } from '../../store';
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

type Rec = Record<string, unknown> | null;

/**
 * Collects and writes audit events for one call. A change is written through the unit of work that makes it, so the
 * change and its audit event commit together or not at all; reads are collected and written by the dispatcher, in
 * one unit of work, once the call has succeeded.
 */
export class AuditRecorder {
  private readonly reads: Array<{ entity: string; entityId: string }> = [];
  private changesWritten = 0;

  constructor(
    private readonly clock: Clock,
    public actor: AuditActor,
    private readonly procedure: string | null,
  ) {}

  read(entity: string, entityId: string | number): void {
    this.reads.push({ entity, entityId: String(entityId) });
  }

  /** Records the change of one record (before → after) in the unit of work `t`. */
  async change(
    t: Tx,
    entity: string,
    entityId: string | number,
    before: Rec,
    after: Rec,
    detail?: string,
  ): Promise<void> {
    t.afterCommit(() => this.changesWritten++);
    await this.write(t, {
      action: 'change',
      entity,
      entityId,
      changes: diffRecords(before, after),
      detail: detail ?? null,
    });
  }

  /** Writes one audit event in the unit of work `t`. */
  write(t: Tx, e: AuditEntry): Promise<void> {
    return insertAuditEvents(t, [this.row(e)]);
  }

  private row(e: AuditEntry): AuditEventInsert {
    return {
      at: this.clock.now().toISOString(),
      userId: this.actor.userId,
      username: this.actor.username,
      action: e.action,
      procedure: this.procedure,
      entity: e.entity ?? null,
      entityId: e.entityId === null || e.entityId === undefined ? null : String(e.entityId),
      changes: e.changes && Object.keys(e.changes).length > 0 ? e.changes : null,
      detail: e.detail ?? null,
    };
  }

  get pendingReads() {
    return this.reads;
  }
  get changeCount() {
    return this.changesWritten;
  }

  /** Writes the collected read events (each record once) in the unit of work `t`. */
  async flushReads(t: Tx): Promise<void> {
    const seen = new Set<string>();
    const rows: AuditEventInsert[] = [];
    for (const r of this.reads) {
      const key = `${r.entity}:${r.entityId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(this.row({ action: 'read', entity: r.entity, entityId: r.entityId }));
    }
    await insertAuditEvents(t, rows);
    t.afterCommit(() => (this.reads.length = 0));
  }
}
