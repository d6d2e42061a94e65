import { asc, count, eq, sql } from 'drizzle-orm';
import { tx, type Db } from '../../db/connection';
import { placements, positions, subsidyTypes } from '../../db/schema';
import type { HandlerMap } from '../../rpc/handler-types';
import { conflict, notFound } from '../../../shared/errors';
import type { SubsidyType, SubsidyTypeInput } from '../../../shared/contract/subsidy-types';

type Row = typeof subsidyTypes.$inferSelect;

function usage(db: Db): { placements: Map<number, number>; positions: Map<number, number> } {
  const byPlacement = db
    .select({ id: placements.subsidyTypeId, n: count() })
    .from(placements)
    .groupBy(placements.subsidyTypeId)
    .all();
  const byPosition = db
    .select({ id: positions.subsidyTypeId, n: count() })
    .from(positions)
    .groupBy(positions.subsidyTypeId)
    .all();
  return {
    placements: new Map(byPlacement.filter((r) => r.id !== null).map((r) => [r.id!, r.n])),
    positions: new Map(byPosition.filter((r) => r.id !== null).map((r) => [r.id!, r.n])),
  };
}

function toSubsidyType(r: Row, used: ReturnType<typeof usage>): SubsidyType {
  return {
    id: r.id,
    name: r.name,
    maxMonths: r.maxMonths,
    defaultPercent: r.defaultPercent,
    monthlyCeilingOre: r.monthlyCeiling,
    notes: r.notes,
    active: r.active,
    usedByPlacements: used.placements.get(r.id) ?? 0,
    usedByPositions: used.positions.get(r.id) ?? 0,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const auditView = (r: Row) => ({
  name: r.name,
  maxMonths: r.maxMonths,
  defaultPercent: r.defaultPercent,
  monthlyCeiling: r.monthlyCeiling,
  notes: r.notes,
  active: r.active,
});

export function loadSubsidyType(db: Db, id: number): Row {
  const row = db.select().from(subsidyTypes).where(eq(subsidyTypes.id, id)).get();
  if (!row) throw notFound('Stödformen');
  return row;
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const clash = db
    .select({ id: subsidyTypes.id })
    .from(subsidyTypes)
    .where(sql`lower(${subsidyTypes.name}) = lower(${name})`)
    .all()
    .find((r) => r.id !== exceptId);
  if (clash) throw conflict(`Det finns redan en stödform som heter ${name}.`, 'name');
}

const values = (input: SubsidyTypeInput) => ({
  name: input.name,
  maxMonths: input.maxMonths,
  defaultPercent: input.defaultPercent,
  monthlyCeiling: input.monthlyCeilingOre,
  notes: input.notes ?? null,
});

export const subsidyTypeHandlers: HandlerMap<
  'subsidyTypes.list' | 'subsidyTypes.create' | 'subsidyTypes.update' | 'subsidyTypes.setActive'
> = {
  'subsidyTypes.list': async (ctx, input) => {
    const used = usage(ctx.db);
    return ctx.db
      .select()
      .from(subsidyTypes)
      .orderBy(asc(subsidyTypes.name))
      .all()
      .filter((r) => input.includeInactive || r.active)
      .map((r) => toSubsidyType(r, used));
  },

  'subsidyTypes.create': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    return tx(ctx.db, () => {
      assertNameFree(ctx.db, input.name);
      const row = ctx.db
        .insert(subsidyTypes)
        .values({ ...values(input), active: true, createdAt: now, updatedAt: now })
        .returning()
        .get();
      ctx.audit.change('subsidy_type', row.id, null, auditView(row), 'Stödform skapad');
      return toSubsidyType(row, usage(ctx.db));
    });
  },

  'subsidyTypes.update': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    return tx(ctx.db, () => {
      const before = loadSubsidyType(ctx.db, input.id);
      assertNameFree(ctx.db, input.name, input.id);
      const after = ctx.db
        .update(subsidyTypes)
        .set({ ...values(input), updatedAt: now })
        .where(eq(subsidyTypes.id, input.id))
        .returning()
        .get();
      ctx.audit.change('subsidy_type', input.id, auditView(before), auditView(after));
      return toSubsidyType(after, usage(ctx.db));
    });
  },

  'subsidyTypes.setActive': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    return tx(ctx.db, () => {
      const before = loadSubsidyType(ctx.db, input.id);
      const after = ctx.db
        .update(subsidyTypes)
        .set({ active: input.active, updatedAt: now })
        .where(eq(subsidyTypes.id, input.id))
        .returning()
        .get();
      ctx.audit.change('subsidy_type', input.id, auditView(before), auditView(after));
      return toSubsidyType(after, usage(ctx.db));
    });
  },
};
