import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { queryAudit } from '../../src/main/store/audit';
import { engineTables } from '../helpers/db';
import { eq } from 'drizzle-orm';
import { DEFAULT_MATCH_WEIGHTS } from '../../src/shared/domain/proposal';
import { openDatabase } from '../../src/main/db/open';
import {
  addParticipant,
  addPlacement,
  addPosition,
  addProposal,
  addWorkplace,
  COMPLETE_MAPPING,
  summerPeriods,
} from './matching-fixtures';

const { settings } = engineTables();

let t: TestApp;
let admin: string;
let coordinator: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.setupAdmin();
  coordinator = await t.userWithRoles('koordinator', ['coordinator']);
});
afterEach(() => t.close());

describe('weights', () => {
  it('starts from the defaults, the admin changes them, and scores follow', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp);
    const p = await addParticipant(t, { longTermRecipient: true, referralDate: '2026-11-23' });
    const w0 = await t.call('matching.getWeights', {}, coordinator);
    expect(w0).toMatchObject({
      weights: DEFAULT_MATCH_WEIGHTS,
      defaults: DEFAULT_MATCH_WEIGHTS,
      maxScore: 100,
      updatedAt: null,
    });
    expect(w0.criteria.find((c) => c.key === 'children')).toMatchObject({ label: 'Barn i hushållet', sensitive: true });
    const before = (await t.call('matching.explain', { participantId: p, positionId: pos.id }, coordinator))
      .explanation;

    const weights = { ...DEFAULT_MATCH_WEIGHTS, longTerm: 60 };
    expect(await t.callRaw('matching.setWeights', { weights }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const w1 = await t.call('matching.setWeights', { weights }, admin);
    expect(w1).toMatchObject({ weights, maxScore: 150, updatedAt: '2026-11-23T09:00:00.000Z' });
    expect(
      (await t.app.database.db.select().from(settings).where(eq(settings.key, 'matching.weights')).limit(1))[0]?.value,
    ).toEqual(weights);
    const after = (await t.call('matching.explain', { participantId: p, positionId: pos.id }, coordinator)).explanation;
    expect(after.score - before.score).toBe(50);
    expect(after.max).toBe(150);
    const audit = (await queryAudit(t.app.database, { entity: 'setting', offset: 0, limit: 5 })).rows[0]!;
    expect(audit.changes).toEqual({ longTerm: { before: 10, after: 60 } });
  });

  it('refuses weights out of range or all zero, naming the criterion', async () => {
    const neg = await t.callRaw('matching.setWeights', { weights: { ...DEFAULT_MATCH_WEIGHTS, district: -1 } }, admin);
    expect(neg).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'weights.district' } });
    expect(!neg.ok && neg.error.message).toMatch(/^Närhet till arbetsplatsen: .*negativ/);
    const zero = Object.fromEntries(Object.keys(DEFAULT_MATCH_WEIGHTS).map((k) => [k, 0]));
    const z = await t.callRaw('matching.setWeights', { weights: zero }, admin);
    expect(z).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!z.ok && z.error.message).toMatch(/Minst en vikt/);
    expect((await t.call('matching.getWeights', {}, admin)).weights).toEqual(DEFAULT_MATCH_WEIGHTS);
  });
});

describe('ranked candidates for a position', () => {
  it('ranks waiting participants with explanations and leaves out those a hard constraint excludes', async () => {
    const wp = await addWorkplace(t, admin, 'Cykelverkstaden Hulta', 'Hulta');
    const pos = await addPosition(t, admin, wp, {
      hoursPercent: 75,
      minSwedishLevel: 'sfi_b',
      requiredLicence: 'B',
      skills: ['cykelreparation', 'verktygshantering'],
      periodEnd: '2027-06-30',
    });
    const other = await addPosition(t, admin, wp, { title: 'Annan plats' });
    const base = { licenceClasses: ['B'], swedishLevel: 'sfi_c', availablePercent: 100 };
    const best = await addParticipant(t, {
      ...base,
      firstName: 'Amina',
      skills: ['cykelreparation', 'verktygshantering'],
      wishedKinds: ['bicycle_workshop'],
      district: 'Hulta',
    });
    const good = await addParticipant(t, {
      ...base,
      firstName: 'Björn',
      skills: ['cykelreparation'],
      district: 'Fristad',
    });
    const mapped = await addParticipant(t, { ...base, firstName: 'Carina', stage: 'mapped' });
    const excluded = {
      stage: await addParticipant(t, { ...base, stage: 'proposed' }),
      paused: await addParticipant(t, { ...base, stage: 'paused' }),
      licence: await addParticipant(t, { ...base, licenceClasses: [] }),
      swedish: await addParticipant(t, { ...base, swedishLevel: 'sfi_a' }),
      hours: await addParticipant(t, { ...base, availablePercent: 50 }),
      start: await addParticipant(t, { ...base, earliestStart: '2027-07-01' }),
      placed: await addParticipant(t, base),
      vetoed: await addParticipant(t, base),
    };
    await addPlacement(t, {
      participantId: excluded.placed,
      positionId: other.id,
      start: '2026-09-01',
      end: '2027-08-31',
    });
    await addProposal(t, { participantId: excluded.vetoed, positionId: pos.id, status: 'vetoed' });
    await addProposal(t, { participantId: good, positionId: pos.id, status: 'draft' });

    const r = await t.call('matching.candidates', { positionId: pos.id }, coordinator);
    expect(r.rows.map((c) => c.participantId)).toEqual([best, good, mapped]);
    expect(r).toMatchObject({ eligible: 3, free: 2, considered: 3, maxScore: 100, computedOn: '2026-11-23' });
    const top = r.rows[0]!;
    expect(top).toMatchObject({ name: 'Amina Person', positionPeriodId: null, openProposal: null });
    expect(top.score).toBe(top.explanation.score);
    expect(top.explanation.criteria.find((c) => c.criterion === 'skills')!.detail).toBe(
      'Deltagaren har 2 av platsens 2 efterfrågade färdigheter: cykelreparation och verktygshantering.',
    );
    expect(r.rows[1]!.openProposal).toMatchObject({ status: 'draft' });
    // Each excluded participant really is excluded for the stated reason (the prefilter never hides a candidate).
    for (const [reason, id] of Object.entries(excluded)) {
      const e = (await t.call('matching.explain', { participantId: id, positionId: pos.id }, coordinator)).explanation;
      expect(e.eligible, reason).toBe(false);
      expect(
        e.excluded.map((x) => x.constraint),
        reason,
      ).toContain(reason === 'paused' ? 'stage' : reason);
    }
    // Paging
    const page = await t.call('matching.candidates', { positionId: pos.id, offset: 1, limit: 1 }, coordinator);
    expect(page.rows.map((c) => c.participantId)).toEqual([good]);
    expect(page.eligible).toBe(3);
    // Every participant shown is a recorded read.
    const reads = (
      await queryAudit(t.app.database, { action: 'read', entity: 'participant', offset: 0, limit: 50 })
    ).rows.map((a) => Number(a.entityId));
    expect(reads).toEqual(expect.arrayContaining([best, good, mapped]));
  });

  it('gives the same ranking as scoring every participant one by one (the SQL prefilter changes nothing)', async () => {
    const wp = await addWorkplace(t, admin, 'Städlaget', 'Hässleholmen');
    const pos = await addPosition(t, admin, wp, {
      kind: 'cleaning',
      hoursPercent: 75,
      minSwedishLevel: 'sfi_b',
      requiredLicence: 'B',
      slots: 5,
      periodEnd: '2027-03-31',
      skills: ['städning'],
    });
    const levels = ['sfi_a', 'sfi_b', 'sfi_c', 'sas', null];
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push(
        await addParticipant(t, {
          stage: ['mapped', 'matching', 'proposed', 'referred'][i % 4]!,
          swedishLevel: levels[i % 5]!,
          licenceClasses: [[], ['B'], ['CE'], ['AM'], ['b']][i % 5]!,
          availablePercent: [50, 75, 100, null][i % 4]!,
          earliestStart: i % 7 === 0 ? '2027-05-01' : i % 3 === 0 ? '2027-01-15' : null,
          skills: i % 2 ? ['städning'] : [],
          referralDate: `2026-0${1 + (i % 9)}-1${i % 10}`,
          district: ['Hässleholmen', 'Norrby', null][i % 3]!,
        }),
      );
    }
    const r = await t.call('matching.candidates', { positionId: pos.id, limit: 500 }, coordinator);
    const oneByOne: Array<{ id: number; score: number }> = [];
    for (const id of ids) {
      const e = (await t.call('matching.explain', { participantId: id, positionId: pos.id }, coordinator)).explanation;
      if (e.eligible) oneByOne.push({ id, score: e.score });
    }
    expect(r.eligible).toBe(oneByOne.length);
    expect(r.rows.map((c) => [c.participantId, c.score]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      oneByOne.map((o) => [o.id, o.score]),
    );
    for (let i = 1; i < r.rows.length; i++) expect(r.rows[i - 1]!.score).toBeGreaterThanOrEqual(r.rows[i]!.score);
    expect(oneByOne.length).toBeGreaterThan(3);
  });

  it('a summer job shows each candidate in the best period that still fits, or in the period asked for', async () => {
    const wp = await addWorkplace(t, admin, 'Feriearbete park', 'Centrum');
    const pos = await addPosition(t, admin, wp, {
      kind: 'summer_job',
      employmentForm: 'summer_job',
      slots: undefined,
      periodStart: undefined,
      periods: summerPeriods([1, 1, 1]),
    });
    const [p1, p2, p3] = pos.periods;
    const early = await addParticipant(t);
    const late = await addParticipant(t, { earliestStart: '2027-07-20' });
    const full = await addParticipant(t);
    await addPlacement(t, {
      participantId: full,
      positionId: pos.id,
      periodId: p1!.id,
      start: p1!.startDate,
      end: p1!.endDate,
    });
    const r = await t.call('matching.candidates', { positionId: pos.id }, coordinator);
    // Period 1 is full; 'full' already has a summer job, so only the two others remain.
    expect(r.rows.map((c) => [c.participantId, c.periodName])).toEqual([
      [early, 'Period 2'],
      [late, 'Period 3'],
    ]);
    expect(r.free).toBe(2);
    const only3 = await t.call('matching.candidates', { positionId: pos.id, positionPeriodId: p3!.id }, coordinator);
    expect(only3.rows.map((c) => c.positionPeriodId)).toEqual([p3!.id, p3!.id]);
    const only1 = await t.call('matching.candidates', { positionId: pos.id, positionPeriodId: p1!.id }, coordinator);
    expect(only1).toMatchObject({ rows: [], free: 0, considered: 0 });
    expect(p2).toBeDefined();
    expect(
      await t.callRaw('matching.candidates', { positionId: pos.id, positionPeriodId: 999 }, coordinator),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'positionPeriodId' },
    });
  });
});

describe('candidates after changes', () => {
  // Candidates come from a cache of everyone's facts that follows the participants table; every kind of change must
  // show in the next ranking, whoever made it.
  it('follow edits, new and removed participants, placements, vetoes and another connection’s writes', async () => {
    const { participants } = engineTables();
    const wp = await addWorkplace(t, admin, 'Cykelverkstaden Hulta', 'Hulta');
    const pos = await addPosition(t, admin, wp, { hoursPercent: 75, slots: 3 });
    const other = await addPosition(t, admin, wp, { title: 'Annan plats' });
    const a = await addParticipant(t, { ...COMPLETE_MAPPING, firstName: 'Amina', referralDate: '2026-01-01' });
    const b = await addParticipant(t, { firstName: 'Björn', referralDate: '2026-02-01' });
    const ranked = async () =>
      (await t.call('matching.candidates', { positionId: pos.id }, coordinator)).rows
        .map((c) => c.participantId)
        .sort((x, y) => x - y);
    expect(await ranked()).toEqual([a, b]);

    // An edit through the service takes Amina below the position's hours; a new participant appears.
    await t.call('participants.updateMapping', { id: a, availablePercent: 50 }, coordinator);
    const c = await addParticipant(t, { firstName: 'Carina', referralDate: '2026-03-01' });
    expect(await ranked()).toEqual([b, c]);

    // A placement elsewhere and a veto here exclude; a removed participant is gone.
    await addPlacement(t, { participantId: b, positionId: other.id, start: '2026-09-01', end: '2027-08-31' });
    expect(await ranked()).toEqual([c]);
    await t.call('participants.updateMapping', { id: a, availablePercent: 100 }, coordinator);
    expect(await ranked()).toEqual([a, c]);
    await addProposal(t, { participantId: c, positionId: pos.id, status: 'vetoed' });
    expect(await ranked()).toEqual([a]);
    const d = await addParticipant(t, { firstName: 'David' });
    expect(await ranked()).toEqual([a, d]);
    await t.app.database.tx((x) => x.db.delete(x.tables.participants).where(eq(x.tables.participants.id, d)));
    expect(await ranked()).toEqual([a]);

    // Another connection to the same database (another PC, or another program on the SQLite file).
    const second = await openDatabase(
      t.databaseUrl ? { engine: 'postgres', url: t.databaseUrl } : { engine: 'sqlite', dataDir: t.dataDir },
    );
    try {
      await second.database.tx((x) =>
        x.db.update(participants).set({ availablePercent: 50 }).where(eq(participants.id, a)),
      );
    } finally {
      await second.close();
    }
    expect(await ranked()).toEqual([]);
  });
});

describe('ranked positions for a participant', () => {
  it('ranks the allowed positions and lists the others with their reasons', async () => {
    const hulta = await addWorkplace(t, admin, 'Cykelverkstaden Hulta', 'Hulta');
    const fristad = await addWorkplace(t, admin, 'Återbruket Fristad', 'Fristad');
    const bike = await addPosition(t, admin, hulta, { skills: ['cykelreparation'] });
    const shop = await addPosition(t, admin, fristad, { kind: 'second_hand', title: 'Butik', skills: ['kassa'] });
    const library = await addPosition(t, admin, fristad, {
      kind: 'municipal_department',
      title: 'Biblioteksservice',
      minSwedishLevel: 'sfi_d',
    });
    const off = await addPosition(t, admin, fristad, { title: 'Inaktiv' });
    await t.call('positions.setActive', { id: off.id, active: false }, admin);
    const p = await addParticipant(t, {
      swedishLevel: 'sfi_b',
      skills: ['cykelreparation'],
      wishedKinds: ['bicycle_workshop'],
      district: 'Hulta',
    });
    const r = await t.call('matching.positionsForParticipant', { participantId: p }, coordinator);
    expect(r.eligible.map((x) => x.positionId)).toEqual([bike.id, shop.id]);
    expect(r.eligible[0]!.score).toBeGreaterThan(r.eligible[1]!.score);
    expect(r.excluded.map((x) => [x.positionId, x.explanation.excluded.map((e) => e.constraint)])).toEqual([
      [library.id, ['swedish']],
    ]);
    expect(r.eligible[0]).toMatchObject({
      title: 'Cykelreparatör',
      workplaceName: 'Cykelverkstaden Hulta',
      free: 2,
      slots: 2,
    });
    const without = await t.call(
      'matching.positionsForParticipant',
      { participantId: p, includeExcluded: false },
      coordinator,
    );
    expect(without.excluded).toEqual([]);
    expect(await t.callRaw('matching.positionsForParticipant', { participantId: 999 }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      (
        await queryAudit(t.app.database, {
          action: 'read',
          entity: 'participant',
          entityId: String(p),
          offset: 0,
          limit: 5,
        })
      ).total,
    ).toBeGreaterThan(0);
  });

  it('explains a single pair, and asks for a period when the position has periods', async () => {
    const wp = await addWorkplace(t, admin);
    const summer = await addPosition(t, admin, wp, {
      kind: 'summer_job',
      employmentForm: 'summer_job',
      slots: undefined,
      periodStart: undefined,
      periods: summerPeriods(),
    });
    const regular = await addPosition(t, admin, wp);
    const p = await addParticipant(t);
    expect(await t.callRaw('matching.explain', { participantId: p, positionId: summer.id }, coordinator)).toMatchObject(
      { ok: false, error: { code: 'VALIDATION', field: 'positionPeriodId' } },
    );
    expect(
      await t.callRaw(
        'matching.explain',
        { participantId: p, positionId: regular.id, positionPeriodId: summer.periods[0]!.id },
        coordinator,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Period: platsen har inga perioder.' },
    });
    const e = await t.call(
      'matching.explain',
      { participantId: p, positionId: summer.id, positionPeriodId: summer.periods[1]!.id },
      coordinator,
    );
    expect(e.explanation).toMatchObject({ eligible: true, startDate: '2027-07-05' });
  });
});

describe('access', () => {
  it('matching is for coordinators and the admin only', async () => {
    const hr = await t.userWithRoles('hr', ['hr']);
    const union = await t.userWithRoles('kommunal', ['union']);
    for (const token of [hr, union]) {
      for (const [name, input] of [
        ['matching.getWeights', {}],
        ['matching.candidates', { positionId: 1 }],
        ['matching.positionsForParticipant', { participantId: 1 }],
        ['matching.explain', { participantId: 1, positionId: 1 }],
        ['matching.suggest', {}],
        ['matching.acceptSuggestion', { pairs: [{ participantId: 1, positionId: 1, expectedScore: 1 }] }],
        ['proposals.create', { participantId: 1, positionId: 1 }],
        ['proposals.list', {}],
      ] as const) {
        expect(await t.callRaw(name, input, token), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });
});
