import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { DEMO_WORKPLACES, demoSummerPeriods, seedCatalogue } from '../../src/main/demo/catalogue';
import { Rng, testPersonnummerSource, type DemoContext } from '../../src/main/demo/context';
import { seedParticipants } from '../../src/main/demo/participants';
import { engineTables } from '../helpers/db';
import { diffDays, weekday } from '../../src/shared/rules/dates';
import { POSITION_KINDS } from '../../src/shared/domain/position';
import { addParticipant, TODAY } from './matching-fixtures';

const { subsidyTypes, workplaces } = engineTables();

let t: TestApp;
let admin: string;
let d: DemoContext;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.setupAdmin();
  const rng = new Rng(42);
  d = {
    database: t.app.database,
    clock: t.clock,
    today: TODAY,
    rng,
    users: { admin: 1, coordinator: 1, union: 1, hr: 1 },
    testPersonnummer: testPersonnummerSource(rng, TODAY),
  };
  await seedCatalogue(d);
});
afterEach(() => t.close());

describe('demo catalogue', () => {
  it('has a dozen and more workplaces in Borås with positions of every kind, tasks the union can judge', async () => {
    const wps = await t.call('workplaces.list', {}, admin);
    expect(wps.length).toBeGreaterThanOrEqual(12);
    expect(wps.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        'Återbruket Norrby',
        'Cykelverkstaden Hulta',
        'Snickeriet Sjöbo',
        'Fixartjänsten',
        'Städorganisationen Jobb Borås',
      ]),
    );
    expect(wps.map((w) => w.organisation)).toEqual(
      expect.arrayContaining([
        'Borås Stad, Förskoleförvaltningen',
        'Borås Stad, Vård- och äldreförvaltningen',
        'Borås Stad, Tekniska förvaltningen',
        'Borås Stad, Kulturförvaltningen',
      ]),
    );
    const { rows } = await t.call('positions.list', { limit: 1000 }, admin);
    expect(new Set(rows.map((p) => p.kind))).toEqual(new Set(POSITION_KINDS));
    for (const p of rows) {
      expect(p.tasks.length, p.title).toBeGreaterThan(80);
      expect(p.tasks, p.title).toMatch(/ersätter|inte|ingen|utöver/i);
      expect(p.supervisorName).not.toBeNull();
      expect(p.supervisorPhone).toMatch(/^070-174 06 \d\d$/); // numbers reserved for fiction
      if (p.employmentForm === 'subsidised_employment')
        expect(p.subsidyTypeName).toBe('Kommunal anställning med lönestöd');
    }
    expect(rows.length).toBe(DEMO_WORKPLACES.flatMap((w) => w.positions).length);
  });

  it('summer jobs have three 3-week periods ahead, with slots per period', async () => {
    const { rows } = await t.call('positions.list', { kind: 'summer_job' }, admin);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const p of rows) {
      expect(p.periods).toHaveLength(3);
      for (const per of p.periods) {
        expect(weekday(per.startDate)).toBe(1);
        expect(diffDays(per.startDate, per.endDate)).toBe(18); // Monday to Friday two weeks later
        expect(per.startDate > TODAY).toBe(true);
        expect(per.slots).toBeGreaterThan(0);
      }
      expect(p.slots).toBe(p.periods.reduce((s, x) => s + x.slots, 0));
    }
    expect(demoSummerPeriods('2027-03-01')[0]!.startDate).toBe('2027-06-21');
    expect(demoSummerPeriods('2027-06-01')[0]!.startDate.slice(0, 4)).toBe('2028');
  });

  it('inserts example subsidy types only into an empty table, marked for checking, and seeds only once', async () => {
    const types = await t.app.database.db.select().from(subsidyTypes);
    expect(types.length).toBeGreaterThanOrEqual(3);
    expect(types.every((x) => /Arbetsförmedlingen/.test(x.notes ?? ''))).toBe(true);
    const before = (await t.app.database.db.select().from(workplaces)).length;
    await seedCatalogue(d);
    expect((await t.app.database.db.select().from(workplaces)).length).toBe(before);
    expect((await t.app.database.db.select().from(subsidyTypes)).length).toBe(types.length);
  });
});

describe('demo data gives realistic matches', () => {
  it('ranks the positions a coordinator would pick for typical people', async () => {
    const mapping = { educationLevel: 'primary', availablePercent: 100, languages: ['arabiska'] };
    const cyclist = await addParticipant(t, {
      ...mapping,
      swedishLevel: 'sfi_b',
      district: 'Hulta',
      experienceText: 'Cykelmekaniker i Aleppo i sex år.',
      skills: ['cykelreparation'],
      wishedKinds: ['workshop_bicycle'],
    });
    const cleaner = await addParticipant(t, {
      ...mapping,
      languages: ['somaliska'],
      swedishLevel: 'sfi_a',
      district: 'Hässleholmen',
      experienceText: 'Städning på hotell i två år.',
      skills: ['städning'],
      wishedKinds: ['cleaning'],
      availablePercent: 75,
    });
    const reader = await addParticipant(t, {
      ...mapping,
      languages: ['tigrinja', 'engelska'],
      swedishLevel: 'sas',
      district: 'Centrum',
      experienceText: 'Lärare i hemlandet.',
      skills: ['datorvana', 'sortering'],
      wishedKinds: ['municipal_department'],
      availablePercent: 75,
    });
    const top = async (id: number) =>
      (await t.call('matching.positionsForParticipant', { participantId: id }, admin)).eligible[0]!;
    expect(await top(cyclist)).toMatchObject({
      workplaceName: 'Cykelverkstaden Hulta',
      title: 'Cykelreparatör under upplärning',
    });
    expect((await top(cleaner)).workplaceName).toBe('Städorganisationen Jobb Borås');
    expect(await top(reader)).toMatchObject({ workplaceName: 'Stadsbiblioteket', title: 'Biblioteksservice' });

    // The SFI A cleaner is never offered the library or the handyman car job, and is told why.
    const cleanerView = await t.call('matching.positionsForParticipant', { participantId: cleaner }, admin);
    const why = (title: string) =>
      cleanerView.excluded.find((x) => x.title === title)!.explanation.excluded.map((e) => e.constraint);
    expect(why('Biblioteksservice')).toEqual(expect.arrayContaining(['swedish']));
    expect(why('Fixare för äldre')).toEqual(expect.arrayContaining(['licence', 'swedish']));
  });

  it('the demo participants get a sensible unit-wide suggestion', async () => {
    await seedParticipants(d, 200, { laterStages: false });
    const s = await t.call('matching.suggest', {}, admin);
    expect(s.stats.waitingParticipants).toBeGreaterThan(20);
    expect(s.stats.assigned).toBeGreaterThan(10);
    expect(s.stats.assigned).toBeLessThanOrEqual(s.stats.slotsOffered);
    // Most suggested pairs are something the person wished for or has skills or experience for.
    const sensible = s.rows.filter((r) =>
      r.explanation.criteria.some(
        (c) => ['wishes', 'skills', 'experience'].includes(c.criterion) && c.points === c.max && c.max > 0,
      ),
    );
    expect(sensible.length / s.rows.length).toBeGreaterThan(0.6);
    for (const r of s.rows) expect(r.explanation.eligible).toBe(true);
  });
});
