import type { Reader, Tx } from '../../store';
import { placementsOfPeriod } from '../../store/placements';
import {
  deletePeriods,
  findWorkplace,
  insertPeriod,
  insertPosition as insertPositionRow,
  updatePeriod,
  updatePosition as updatePositionRow,
  workplaceRecord,
} from '../../store/positions';
import { changeComposite, changeRecord, createRecord, findRecord } from '../../store/record';
import { subsidyTypeRecord } from '../../store/subsidy-types';
import type { HandlerMap } from '../handlers';
import type { AuthedContext } from '../context';
import { localToday } from '../../util/clock';
import {
  defaultUnionReviewRequired,
  normaliseDistrict,
  positionInputProblems,
  type Position,
  type PositionInput,
  type WorkplaceInput,
} from '../../../shared/domain/position';
import { ruleError, validation } from '../../../shared/errors';
import { loadPosition, loadPositions, loadWorkplace, loadWorkplaces } from './load';
import { computeOccupancy } from './slots';

const norm = (s: string) => s.toLocaleLowerCase('sv-SE');

const positionAudit = (p: Position) => ({
  workplaceId: p.workplaceId,
  kind: p.kind,
  title: p.title,
  tasks: p.tasks,
  supervisorName: p.supervisorName,
  supervisorPhone: p.supervisorPhone,
  supervisorEmail: p.supervisorEmail,
  minSwedishLevel: p.minSwedishLevel,
  requiredLicence: p.requiredLicence,
  physicalDemands: p.physicalDemands,
  languages: p.languages,
  skills: p.skills,
  hoursPercent: p.hoursPercent,
  slots: p.slots,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  periods: p.periods.map((x) => ({
    id: x.id,
    name: x.name,
    startDate: x.startDate,
    endDate: x.endDate,
    slots: x.slots,
  })),
  employmentForm: p.employmentForm,
  unionReviewRequired: p.unionReviewRequired,
  subsidyTypeId: p.subsidyTypeId,
  active: p.active,
});

function workplaceValues(input: WorkplaceInput) {
  return {
    name: input.name,
    organisation: input.organisation ?? null,
    address: input.address ?? null,
    district: input.district ? normaliseDistrict(input.district) : null,
    notes: input.notes ?? null,
  };
}

/** Checks a position's input and derives the stored columns (slots and period of a summer job from its periods). */
async function positionValues(r: Reader, input: PositionInput) {
  const problem = positionInputProblems(input)[0];
  if (problem) throw validation(problem.message, problem.field);
  if (!(await findWorkplace(r, input.workplaceId))) {
    throw validation('Arbetsplats: arbetsplatsen finns inte.', 'workplaceId');
  }
  if (input.subsidyTypeId !== null && !(await findRecord(r, subsidyTypeRecord, input.subsidyTypeId))) {
    throw validation('Stödform: stödformen finns inte.', 'subsidyTypeId');
  }
  const hasPeriods = input.periods.length > 0;
  const starts = input.periods.map((p) => p.startDate).sort();
  const ends = input.periods.map((p) => p.endDate).sort();
  return {
    workplaceId: input.workplaceId,
    kind: input.kind,
    title: input.title,
    tasks: input.tasks,
    supervisorName: input.supervisorName ?? null,
    supervisorPhone: input.supervisorPhone ?? null,
    supervisorEmail: input.supervisorEmail ?? null,
    minSwedishLevel: input.minSwedishLevel,
    requiredLicence: input.requiredLicence,
    physicalDemands: input.physicalDemands,
    languages: input.languages,
    skills: input.skills,
    hoursPercent: input.hoursPercent,
    slots: hasPeriods ? input.periods.reduce((s, p) => s + p.slots, 0) : input.slots!,
    periodStart: hasPeriods ? starts[0]! : input.periodStart!,
    periodEnd: hasPeriods ? ends[ends.length - 1]! : (input.periodEnd ?? null),
    employmentForm: input.employmentForm,
    unionReviewRequired: input.unionReviewRequired ?? defaultUnionReviewRequired(input.employmentForm),
    subsidyTypeId: input.subsidyTypeId,
  };
}

/** Creates a position with its periods in the caller's unit of work; returns its id. */
export async function insertPosition(t: Tx, input: PositionInput, nowIso: string): Promise<number> {
  const values = await positionValues(t, input);
  const row = await insertPositionRow(t, { ...values, active: true, createdAt: nowIso, updatedAt: nowIso });
  for (const per of input.periods) {
    await insertPeriod(t, {
      positionId: row.id,
      name: per.name,
      startDate: per.startDate,
      endDate: per.endDate,
      slots: per.slots,
    });
  }
  return row.id;
}

async function updatePosition(
  ctx: AuthedContext,
  t: Tx,
  id: number,
  input: PositionInput,
  before: Position,
): Promise<void> {
  const today = localToday(ctx.clock);
  {
    const values = await positionValues(t, input);
    const occ = (await computeOccupancy(t, today, [id])).get(id)!;

    // Periods: those with an id are kept (and changed), new ones added, missing ones removed.
    const existing = new Map(before.periods.map((p) => [p.id, p]));
    for (const [i, per] of input.periods.entries()) {
      if (per.id !== undefined && !existing.has(per.id))
        throw validation(`Perioder: perioden finns inte på den här platsen.`, `periods.${i}.id`);
    }
    const keptIds = new Set(input.periods.flatMap((p) => (p.id === undefined ? [] : [p.id])));
    for (const old of before.periods) {
      if (keptIds.has(old.id)) continue;
      const used = await placementsOfPeriod(t, old.id);
      const o = occ.periods.get(old.id)!;
      if (used > 0 || o.reserved > 0 || o.drafts > 0) {
        throw ruleError(`Perioden ${old.name} har placeringar eller förslag och kan inte tas bort.`, 'periods');
      }
    }
    for (const [i, per] of input.periods.entries()) {
      if (per.id === undefined) continue;
      const o = occ.periods.get(per.id)!;
      if (per.slots < o.placed + o.reserved) {
        throw ruleError(
          `Perioden ${per.name} har ${o.placed} placeringar och ${o.reserved} förslag som håller plats; antalet platser kan inte vara färre än ${o.placed + o.reserved}.`,
          `periods.${i}.slots`,
        );
      }
    }
    if (input.periods.length === 0 && before.periods.length === 0) {
      const taken = occ.position.placed + occ.position.reserved;
      if (values.slots < taken) {
        throw ruleError(
          `Platsen har ${occ.position.placed} placeringar och ${occ.position.reserved} förslag som håller plats; antalet platser kan inte vara färre än ${taken}.`,
          'slots',
        );
      }
    }

    await updatePositionRow(t, id, { ...values, updatedAt: ctx.clock.now().toISOString() });
    await deletePeriods(
      t,
      before.periods.filter((p) => !keptIds.has(p.id)).map((p) => p.id),
    );
    for (const per of input.periods) {
      const v = { name: per.name, startDate: per.startDate, endDate: per.endDate, slots: per.slots };
      if (per.id === undefined) await insertPeriod(t, { positionId: id, ...v });
      else await updatePeriod(t, per.id, v);
    }
  }
}

function matchesSearch(p: Position, q: string): boolean {
  const needle = norm(q);
  return [p.title, p.tasks, p.workplaceName, p.organisation ?? '', p.district ?? '', ...p.skills].some((s) =>
    norm(s).includes(needle),
  );
}

export const positionHandlers: HandlerMap<
  | 'workplaces.list'
  | 'workplaces.get'
  | 'workplaces.create'
  | 'workplaces.update'
  | 'workplaces.setActive'
  | 'positions.list'
  | 'positions.get'
  | 'positions.create'
  | 'positions.update'
  | 'positions.setActive'
> = {
  'workplaces.list': async (ctx, input) => {
    const q = input.search ? norm(input.search) : null;
    return (await loadWorkplaces(ctx.db)).filter(
      (w) =>
        (input.includeInactive || w.active) &&
        (!q || [w.name, w.organisation ?? '', w.district ?? '', w.address ?? ''].some((s) => norm(s).includes(q))),
    );
  },

  'workplaces.get': async (ctx, input) => loadWorkplace(ctx.db, input.id),

  'workplaces.create': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    return ctx.tx(async (t) => {
      const row = await createRecord(
        t,
        ctx.audit,
        workplaceRecord,
        { ...workplaceValues(input), active: true, createdAt: now, updatedAt: now },
        'Arbetsplats skapad',
      );
      return loadWorkplace(t, row.id);
    });
  },

  'workplaces.update': async (ctx, input) =>
    ctx.tx(async (t) => {
      await changeRecord(t, ctx.audit, workplaceRecord, input.id, {
        ...workplaceValues(input),
        updatedAt: ctx.clock.now().toISOString(),
      });
      return loadWorkplace(t, input.id);
    }),

  'workplaces.setActive': async (ctx, input) =>
    ctx.tx(async (t) => {
      await changeRecord(
        t,
        ctx.audit,
        workplaceRecord,
        input.id,
        { active: input.active, updatedAt: ctx.clock.now().toISOString() },
        { detail: input.active ? 'Arbetsplats aktiverad' : 'Arbetsplats inaktiverad' },
      );
      return loadWorkplace(t, input.id);
    }),

  'positions.list': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const district = input.district ? norm(normaliseDistrict(input.district)) : null;
    const all = (await loadPositions(ctx.db, today)).filter(
      (p) =>
        (input.status === 'all' || (input.status === 'active') === (p.active && p.workplaceActive)) &&
        (!input.kind || p.kind === input.kind) &&
        (!input.employmentForm || p.employmentForm === input.employmentForm) &&
        (!input.workplaceId || p.workplaceId === input.workplaceId) &&
        (!district || norm(p.district ?? '') === district) &&
        (!input.onlyWithFreeSlots || p.occupancy.free > 0) &&
        (!input.search || matchesSearch(p, input.search)),
    );
    return { total: all.length, rows: all.slice(input.offset, input.offset + input.limit) };
  },

  'positions.get': async (ctx, input) => loadPosition(ctx.db, input.id, localToday(ctx.clock)),

  'positions.create': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    const today = localToday(ctx.clock);
    return ctx.tx(async (t) => {
      const id = await insertPosition(t, input, now);
      const after = await loadPosition(t, id, today);
      await ctx.audit.change(t, 'position', id, null, positionAudit(after), 'Placeringsplats skapad');
      return after;
    });
  },

  'positions.update': async (ctx, input) => {
    const today = localToday(ctx.clock);
    return ctx.tx(async (t) => {
      const { after } = await changeComposite(t, ctx.audit, {
        entity: 'position',
        id: input.id,
        load: () => loadPosition(t, input.id, today),
        write: (before) => updatePosition(ctx, t, input.id, input, before),
        view: positionAudit,
      });
      return after;
    });
  },

  'positions.setActive': async (ctx, input) => {
    const today = localToday(ctx.clock);
    return ctx.tx(async (t) => {
      const { after } = await changeComposite(t, ctx.audit, {
        entity: 'position',
        id: input.id,
        load: () => loadPosition(t, input.id, today),
        write: async () => {
          await updatePositionRow(t, input.id, { active: input.active, updatedAt: ctx.clock.now().toISOString() });
        },
        view: positionAudit,
        detail: input.active ? 'Placeringsplats aktiverad' : 'Placeringsplats inaktiverad',
      });
      return after;
    });
  },
};
