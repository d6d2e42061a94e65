import type { HandlerMap } from '../handlers';
import type { Reader } from '../../store';
import { changeRecord, createRecord, loadRecord } from '../../store/record';
import { listSubsidyTypes, subsidyTypeRecord, subsidyTypeUsage, type SubsidyTypeRow } from '../../store/subsidy-types';
import { conflict } from '../../../shared/errors';
import type { SubsidyType, SubsidyTypeInput } from '../../../shared/contract/subsidy-types';

type Usage = Awaited<ReturnType<typeof subsidyTypeUsage>>;

function toSubsidyType(r: SubsidyTypeRow, used: Usage): SubsidyType {
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

export const loadSubsidyType = (r: Reader, id: number) => loadRecord(r, subsidyTypeRecord, id);

/** Names differ in more than letter case (checked in code, the same on both engines). */
async function assertNameFree(r: Reader, name: string, exceptId?: number): Promise<void> {
  const lower = name.toLocaleLowerCase('sv-SE');
  const clash = (await listSubsidyTypes(r)).find(
    (x) => x.id !== exceptId && x.name.toLocaleLowerCase('sv-SE') === lower,
  );
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
    const used = await subsidyTypeUsage(ctx.db);
    return (await listSubsidyTypes(ctx.db))
      .filter((r) => input.includeInactive || r.active)
      .map((r) => toSubsidyType(r, used));
  },

  'subsidyTypes.create': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    return ctx.tx(async (t) => {
      await assertNameFree(t, input.name);
      const row = await createRecord(
        t,
        ctx.audit,
        subsidyTypeRecord,
        { ...values(input), active: true, createdAt: now, updatedAt: now },
        'Stödform skapad',
      );
      return toSubsidyType(row, await subsidyTypeUsage(t));
    });
  },

  'subsidyTypes.update': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    return ctx.tx(async (t) => {
      const before = await loadSubsidyType(t, input.id);
      await assertNameFree(t, input.name, input.id);
      const { after } = await changeRecord(
        t,
        ctx.audit,
        subsidyTypeRecord,
        input.id,
        { ...values(input), updatedAt: now },
        { before },
      );
      return toSubsidyType(after, await subsidyTypeUsage(t));
    });
  },

  'subsidyTypes.setActive': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    return ctx.tx(async (t) => {
      const { after } = await changeRecord(t, ctx.audit, subsidyTypeRecord, input.id, {
        active: input.active,
        updatedAt: now,
      });
      return toSubsidyType(after, await subsidyTypeUsage(t));
    });
  },
};
