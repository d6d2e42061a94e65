import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { engineTables } from '../helpers/db';
import { queryAudit } from '../../src/main/store/audit';
import { SUBSIDY_TYPE_EXAMPLES, ensureSubsidyTypeExamples } from '../../src/main/services/subsidy-types/examples';
import { createInput, insertPosition, insertWorkplace, readyToPlace } from '../unit/placements/fixtures';

const { subsidyTypes } = engineTables();

let t: TestApp;
let admin: string;
let coord: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await t.setupAdmin();
  coord = await t.userWithRoles('kim', ['coordinator']);
});
afterEach(() => t.close());

describe('subsidy types are data the admin maintains (issue point 1)', () => {
  it('a new installation gets editable examples once, never on top of its own types', async () => {
    // Creating the first admin (system.setup) put the examples in; a second call adds nothing.
    expect(await t.app.database.db.select().from(subsidyTypes)).toHaveLength(SUBSIDY_TYPE_EXAMPLES.length);
    expect(await t.app.database.tx((tx) => ensureSubsidyTypeExamples(tx, '2026-11-23T09:00:00.000Z'))).toBe(0);
    const list = await t.call('subsidyTypes.list', {}, coord);
    expect(list.map((s) => s.name)).toEqual([
      'Introduktionsjobb',
      'Kommunal anställning med lönestöd',
      'Lönebidrag för utveckling i anställning',
      'Nystartsjobb',
    ]);
    const kommunal = list.find((s) => s.name === 'Kommunal anställning med lönestöd')!;
    const edited = await t.call(
      'subsidyTypes.update',
      {
        id: kommunal.id,
        name: kommunal.name,
        maxMonths: 18,
        defaultPercent: 75,
        monthlyCeilingOre: 21_500_00,
        notes: 'Enligt avtal med Arbetsförmedlingen 2027.',
      },
      admin,
    );
    expect(edited).toMatchObject({
      maxMonths: 18,
      defaultPercent: 75,
      monthlyCeilingOre: 21_500_00,
      notes: 'Enligt avtal med Arbetsförmedlingen 2027.',
    });
    const log = await queryAudit(t.app.database, {
      entity: 'subsidy_type',
      entityId: String(kommunal.id),
      offset: 0,
      limit: 5,
    });
    expect(log.rows[0]?.changes).toMatchObject({
      maxMonths: { before: 24, after: 18 },
      defaultPercent: { before: 80, after: 75 },
    });
  });

  it('only the admin changes them; names are unique; input errors name the field in Swedish', async () => {
    const created = await t.call(
      'subsidyTypes.create',
      { name: 'Extratjänst', maxMonths: 24, defaultPercent: 100, monthlyCeilingOre: 0 },
      admin,
    );
    expect(created).toMatchObject({ active: true, usedByPlacements: 0, usedByPositions: 0 });
    expect(
      await t.callRaw(
        'subsidyTypes.create',
        { name: 'Lönebidrag', maxMonths: 12, defaultPercent: 50, monthlyCeilingOre: 0 },
        coord,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await t.callRaw(
        'subsidyTypes.create',
        { name: 'extratjänst', maxMonths: 12, defaultPercent: 50, monthlyCeilingOre: 0 },
        admin,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'name' },
    });
    const bad = await t.callRaw(
      'subsidyTypes.create',
      { name: 'X', maxMonths: 0, defaultPercent: 50, monthlyCeilingOre: 0 },
      admin,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'maxMonths', message: 'Längsta tid (månader): Längsta tid: minst 1 månad' },
    });
    await t.call('subsidyTypes.setActive', { id: created.id, active: false }, admin);
    expect((await t.call('subsidyTypes.list', {}, coord)).map((s) => s.id)).not.toContain(created.id);
    expect((await t.call('subsidyTypes.list', { includeInactive: true }, admin)).map((s) => s.id)).toContain(
      created.id,
    );
  });

  it('the placement rules read the maximum and defaults from the data, not from code', async () => {
    const type = await t.call(
      'subsidyTypes.create',
      { name: 'Testform', maxMonths: 12, defaultPercent: 65, monthlyCeilingOre: 18_000_00 },
      admin,
    );
    const pos = await insertPosition(t.app.database, {
      workplaceId: (await insertWorkplace(t.app.database)).id,
      subsidyTypeId: type.id,
      slots: 5,
    });
    const a = await readyToPlace(t.app.database, pos.id);
    const refused = await t.callRaw('placements.create', createInput(a.proposal.id, { months: 13 }), coord);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: expect.stringContaining('högst 12 månader') },
    });
    await t.call(
      'subsidyTypes.update',
      { id: type.id, name: 'Testform', maxMonths: 36, defaultPercent: 65, monthlyCeilingOre: 18_000_00 },
      admin,
    );
    const p = await t.call(
      'placements.create',
      createInput(a.proposal.id, { months: 30, subsidyPercent: undefined, subsidyCeilingOre: undefined }),
      coord,
    );
    expect(p).toMatchObject({
      months: 30,
      maxMonths: 36,
      subsidyPercent: 65,
      subsidyCeilingOre: 18_000_00,
      endDate: '2029-05-31',
    });
    expect((await t.call('subsidyTypes.list', {}, coord)).find((s) => s.id === type.id)).toMatchObject({
      usedByPlacements: 1,
      usedByPositions: 1,
    });
    // An inactive type takes no new placements.
    await t.call('subsidyTypes.setActive', { id: type.id, active: false }, admin);
    const b = await readyToPlace(t.app.database, pos.id);
    expect(await t.callRaw('placements.create', createInput(b.proposal.id), coord)).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: 'Stödformen Testform är inaktiv och kan inte användas för nya placeringar.' },
    });
    // Nothing else was created by the placement calls: the examples and this one type.
    expect(await t.app.database.db.select().from(subsidyTypes)).toHaveLength(SUBSIDY_TYPE_EXAMPLES.length + 1);
  });
});
