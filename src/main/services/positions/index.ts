import { count, eq, inArray } from 'drizzle-orm';
import { tx, type Db } from '../../db/connection';
import { placements, positionPeriods, positions, subsidyTypes, workplaces } from '../../db/schema';
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
import { notFound, ruleError, validation } from '../../../shared/errors';
import { loadPosition, loadPositions, loadWorkplace, loadWorkplaces, type WorkplaceRow } from './load';
import { computeOccupancy } from './slots';

const norm = (s: string) => s.toLocaleLowerCase('sv-SE');

const workplaceAudit = (w: WorkplaceRow) => ({
  name: w.name,
  organisation: w.organisation,
  address: w.address,
  district: w.district,
  notes: w.notes,
  active: w.active,
});

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

function loadWorkplaceRow(db: Db, id: number): WorkplaceRow {
  const w = db.select().from(workplaces).where(eq(workplaces.id, id)).get();
  if (!w) throw notFound('Arbetsplatsen');
  return w;
}

/** Checks a position's input and derives the stored columns (slots and period of a summer job from its periods). */
function positionValues(db: Db, input: PositionInput) {
  const problem = positionInputProblems(input)[0];
  if (problem) throw validation(problem.message, problem.field);
  if (!db.select({ id: workplaces.id }).from(workplaces).where(eq(workplaces.id, input.workplaceId)).get()) {
    throw validation('Arbetsplats: arbetsplatsen finns inte.', 'workplaceId');
  }
  if (
    input.subsidyTypeId !== null &&
    !db.select({ id: subsidyTypes.id }).from(subsidyTypes).where(eq(subsidyTypes.id, input.subsidyTypeId)).get()
  ) {
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

/** Creates a position with its periods inside the caller's transaction; returns its id. */
export function insertPosition(db: Db, input: PositionInput, nowIso: string): number {
  const values = positionValues(db, input);
  const row = db
    .insert(positions)
    .values({ ...values, active: true, createdAt: nowIso, updatedAt: nowIso })
    .returning({ id: positions.id })
    .get();
  for (const per of input.periods) {
    db.insert(positionPeriods)
      .values({ positionId: row.id, name: per.name, startDate: per.startDate, endDate: per.endDate, slots: per.slots })
      .run();
  }
  return row.id;
}

function updatePosition(ctx: AuthedContext, id: number, input: PositionInput): Position {
  const today = localToday(ctx.clock);
  return tx(ctx.legacyDb, () => {
    const before = loadPosition(ctx.legacyDb, id, today);
    const values = positionValues(ctx.legacyDb, input);
    const occ = computeOccupancy(ctx.legacyDb, today, [id]).get(id)!;

    // Periods: those with an id are kept (and changed), new ones added, missing ones removed.
    const existing = new Map(before.periods.map((p) => [p.id, p]));
    for (const [i, per] of input.periods.entries()) {
      if (per.id !== undefined && !existing.has(per.id))
        throw validation(`Perioder: perioden finns inte på den här platsen.`, `periods.${i}.id`);
    }
    const keptIds = new Set(input.periods.flatMap((p) => (p.id === undefined ? [] : [p.id])));
    for (const old of before.periods) {
      if (keptIds.has(old.id)) continue;
      const used =
        ctx.legacyDb.select({ n: count() }).from(placements).where(eq(placements.positionPeriodId, old.id)).get()?.n ??
        0;
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

    ctx.legacyDb
      .update(positions)
      .set({ ...values, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(positions.id, id))
      .run();
    const removed = before.periods.filter((p) => !keptIds.has(p.id)).map((p) => p.id);
    if (removed.length > 0) ctx.legacyDb.delete(positionPeriods).where(inArray(positionPeriods.id, removed)).run();
    for (const per of input.periods) {
      const v = { name: per.name, startDate: per.startDate, endDate: per.endDate, slots: per.slots };
      if (per.id === undefined)
        ctx.legacyDb
          .insert(positionPeriods)
          .values({ positionId: id, ...v })
          .run();
      else ctx.legacyDb.update(positionPeriods).set(v).where(eq(positionPeriods.id, per.id)).run();
    }
    const after = loadPosition(ctx.legacyDb, id, today);
    ctx.audit.change('position', id, positionAudit(before), positionAudit(after));
    return after;
  });
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
    return loadWorkplaces(ctx.legacyDb).filter(
      (w) =>
        (input.includeInactive || w.active) &&
        (!q || [w.name, w.organisation ?? '', w.district ?? '', w.address ?? ''].some((s) => norm(s).includes(q))),
    );
  },

  'workplaces.get': async (ctx, input) => loadWorkplace(ctx.legacyDb, input.id),

  'workplaces.create': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    return tx(ctx.legacyDb, () => {
      const row = ctx.legacyDb
        .insert(workplaces)
        .values({ ...workplaceValues(input), active: true, createdAt: now, updatedAt: now })
        .returning()
        .get();
      ctx.audit.change('workplace', row.id, null, workplaceAudit(row), 'Arbetsplats skapad');
      return loadWorkplace(ctx.legacyDb, row.id);
    });
  },

  'workplaces.update': async (ctx, input) =>
    tx(ctx.legacyDb, () => {
      const before = loadWorkplaceRow(ctx.legacyDb, input.id);
      const after = ctx.legacyDb
        .update(workplaces)
        .set({ ...workplaceValues(input), updatedAt: ctx.clock.now().toISOString() })
        .where(eq(workplaces.id, input.id))
        .returning()
        .get();
      ctx.audit.change('workplace', input.id, workplaceAudit(before), workplaceAudit(after));
      return loadWorkplace(ctx.legacyDb, input.id);
    }),

  'workplaces.setActive': async (ctx, input) =>
    tx(ctx.legacyDb, () => {
      const before = loadWorkplaceRow(ctx.legacyDb, input.id);
      const after = ctx.legacyDb
        .update(workplaces)
        .set({ active: input.active, updatedAt: ctx.clock.now().toISOString() })
        .where(eq(workplaces.id, input.id))
        .returning()
        .get();
      ctx.audit.change(
        'workplace',
        input.id,
        workplaceAudit(before),
        workplaceAudit(after),
        input.active ? 'Arbetsplats aktiverad' : 'Arbetsplats inaktiverad',
      );
      return loadWorkplace(ctx.legacyDb, input.id);
    }),

  'positions.list': async (ctx, input) => {
    const today = localToday(ctx.clock);
    const district = input.district ? norm(normaliseDistrict(input.district)) : null;
    const all = loadPositions(ctx.legacyDb, today).filter(
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

  'positions.get': async (ctx, input) => loadPosition(ctx.legacyDb, input.id, localToday(ctx.clock)),

  'positions.create': async (ctx, input) => {
    const now = ctx.clock.now().toISOString();
    const today = localToday(ctx.clock);
    return tx(ctx.legacyDb, () => {
      const id = insertPosition(ctx.legacyDb, input, now);
      const after = loadPosition(ctx.legacyDb, id, today);
      ctx.audit.change('position', id, null, positionAudit(after), 'Placeringsplats skapad');
      return after;
    });
  },

  'positions.update': async (ctx, input) => updatePosition(ctx, input.id, input),

  'positions.setActive': async (ctx, input) => {
    const today = localToday(ctx.clock);
    return tx(ctx.legacyDb, () => {
      const before = loadPosition(ctx.legacyDb, input.id, today);
      ctx.legacyDb
        .update(positions)
        .set({ active: input.active, updatedAt: ctx.clock.now().toISOString() })
        .where(eq(positions.id, input.id))
        .run();
      const after = loadPosition(ctx.legacyDb, input.id, today);
      ctx.audit.change(
        'position',
        input.id,
        positionAudit(before),
        positionAudit(after),
        input.active ? 'Placeringsplats aktiverad' : 'Placeringsplats inaktiverad',
      );
      return after;
    });
  },
};
