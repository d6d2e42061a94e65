import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { queryAudit } from '../../src/main/store/audit';
import {
  addParticipant,
  addPlacement,
  addPosition,
  addProposal,
  addWorkplace,
  summerPeriods,
} from './matching-fixtures';

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.setupAdmin();
});
afterEach(() => t.close());

describe('workplaces', () => {
  it('creates, lists, updates and deactivates a workplace, auditing every change', async () => {
    const w = await t.call(
      'workplaces.create',
      { name: 'Återbruket Norrby', organisation: 'Jobb Borås', address: 'Norrby Långgata 40', district: ' norrby ' },
      admin,
    );
    expect(w).toMatchObject({ name: 'Återbruket Norrby', district: 'Norrby', active: true, activePositions: 0 });
    await addPosition(t, admin, w.id);
    const updated = await t.call(
      'workplaces.update',
      { id: w.id, name: 'Återbruket Norrby', district: 'Norrby', notes: 'Öppet vardagar' },
      admin,
    );
    expect(updated).toMatchObject({ notes: 'Öppet vardagar', organisation: null, activePositions: 1 });
    const off = await t.call('workplaces.setActive', { id: w.id, active: false }, admin);
    expect(off.active).toBe(false);
    expect(await t.call('workplaces.list', { includeInactive: false }, admin)).toEqual([]);
    expect((await t.call('workplaces.list', { search: 'återbruk' }, admin)).map((x) => x.id)).toEqual([w.id]);
    const audit = (
      await queryAudit(t.app.database, { entity: 'workplace', entityId: String(w.id), offset: 0, limit: 10 })
    ).rows;
    expect(audit.map((a) => a.detail)).toEqual(
      expect.arrayContaining(['Arbetsplats skapad', 'Arbetsplats inaktiverad']),
    );
    const change = audit.find((a) => a.changes && 'notes' in a.changes)!;
    expect(change.changes!.notes).toEqual({ before: null, after: 'Öppet vardagar' });
  });

  it('lists workplaces in Swedish alphabetical order', async () => {
    for (const name of ['Ödegården', 'Ängen', 'Åsen', 'Zetas']) await addWorkplace(t, admin, name);
    expect((await t.call('workplaces.list', {}, admin)).map((w) => w.name)).toEqual([
      'Zetas',
      'Åsen',
      'Ängen',
      'Ödegården',
    ]);
  });
});

describe('positions: fields and rules', () => {
  it('stores every field of a position and derives union review from the employment form', async () => {
    const wp = await addWorkplace(t, admin);
    const p = await addPosition(t, admin, wp, {
      kind: 'handyman',
      title: 'Fixare för äldre',
      tasks: 'Byta glödlampor hos äldre. Ersätter ingen ordinarie tjänst.',
      supervisorName: 'Per Ahlgren',
      supervisorPhone: '070-174 06 06',
      supervisorEmail: 'per.ahlgren@boras.example',
      minSwedishLevel: 'sfi_c',
      requiredLicence: 'B',
      physicalDemands: 'medium',
      languages: ['arabiska', 'Arabiska', 'bosniska'],
      skills: ['enklare reparationer', 'montering'],
      hoursPercent: 75,
      slots: 3,
      periodStart: '2026-02-01',
      periodEnd: '2027-01-31',
    });
    expect(p).toMatchObject({
      kind: 'handyman',
      workplaceName: 'Cykelverkstaden Hulta',
      district: 'Hulta',
      supervisorName: 'Per Ahlgren',
      minSwedishLevel: 'sfi_c',
      requiredLicence: 'B',
      physicalDemands: 'medium',
      languages: ['arabiska', 'bosniska'],
      hoursPercent: 75,
      slots: 3,
      periodStart: '2026-02-01',
      periodEnd: '2027-01-31',
      employmentForm: 'subsidised_employment',
      unionReviewRequired: true,
      periods: [],
      occupancy: { slots: 3, placed: 0, reserved: 0, drafts: 0, free: 3 },
    });
    const training = await addPosition(t, admin, wp, { employmentForm: 'work_training' });
    expect(training.unionReviewRequired).toBe(false);
    const override = await addPosition(t, admin, wp, { employmentForm: 'work_training', unionReviewRequired: true });
    expect(override.unionReviewRequired).toBe(true);
  });

  it('refuses bad input with a Swedish message naming the field, and writes nothing', async () => {
    const wp = await addWorkplace(t, admin);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ title: '  ' }, 'title', /^Benämning: Benämning måste anges/],
      [{ hoursPercent: 120 }, 'hoursPercent', /^Omfattning: .*högst 100/],
      [{ kind: 'summer_job' }, 'employmentForm', /feriearbete/],
      [{ kind: 'summer_job', employmentForm: 'summer_job' }, 'periods', /minst en period/],
      [{ periods: summerPeriods() }, 'periods', /bara feriearbeten har perioder/],
      [{ slots: undefined }, 'slots', /Antal platser måste anges/],
      [{ periodStart: '2026-05-01', periodEnd: '2026-04-01' }, 'periodEnd', /kan inte vara före/],
      [{ periodStart: '2026-02-30' }, 'periodStart', /Datumet finns inte/],
      [{ workplaceId: 999 }, 'workplaceId', /arbetsplatsen finns inte/],
      [{ subsidyTypeId: 999 }, 'subsidyTypeId', /stödformen finns inte/],
      [{ employmentForm: 'work_training', subsidyTypeId: 1 }, 'subsidyTypeId', /bara för anställning med lönestöd/],
      [
        {
          kind: 'summer_job',
          employmentForm: 'summer_job',
          periods: [
            { name: 'P1', startDate: '2027-06-14', endDate: '2027-07-02', slots: 2 },
            { name: 'P2', startDate: '2027-07-01', endDate: '2027-07-20', slots: 2 },
          ],
        },
        'periods.1.startDate',
        /överlappar/,
      ],
    ];
    for (const [over, field, message] of cases) {
      const r = await t.callRaw(
        'positions.create',
        {
          workplaceId: wp,
          kind: 'bicycle_workshop',
          title: 'Cykel',
          tasks: 'Laga cyklar',
          hoursPercent: 100,
          slots: 2,
          periodStart: '2026-01-01',
          employmentForm: 'subsidised_employment',
          ...over,
        },
        admin,
      );
      expect(r, JSON.stringify(over)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
      expect(!r.ok && r.error.message, JSON.stringify(over)).toMatch(message);
    }
    expect((await t.call('positions.list', { status: 'all' }, admin)).total).toBe(0);
  });

  it('a summer job carries three periods with slots per period; its capacity and dates come from them', async () => {
    const wp = await addWorkplace(t, admin, 'Feriearbete park', 'Centrum');
    const p = await addPosition(t, admin, wp, {
      kind: 'summer_job',
      employmentForm: 'summer_job',
      slots: undefined,
      periodStart: undefined,
      periods: summerPeriods([8, 8, 6]),
    });
    expect(p.periods.map((x) => [x.name, x.startDate, x.endDate, x.slots, x.occupancy.free])).toEqual([
      ['Period 1', '2027-06-14', '2027-07-02', 8, 8],
      ['Period 2', '2027-07-05', '2027-07-23', 8, 8],
      ['Period 3', '2027-07-26', '2027-08-13', 6, 6],
    ]);
    expect(p).toMatchObject({
      slots: 22,
      periodStart: '2027-06-14',
      periodEnd: '2027-08-13',
      occupancy: { slots: 22, free: 22 },
    });
  });
});

describe('free slots are computed from placements and proposals', () => {
  it('counts active overlapping placements and slot-holding proposals; drafts are shown but hold nothing', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, { slots: 4 });
    const people: number[] = [];
    for (let k = 0; k < 6; k++) people.push(await addParticipant(t));
    const [a, b, c, d, e, f] = people;
    await addPlacement(t, { participantId: a!, positionId: pos.id, start: '2026-03-01', end: '2027-02-28' }); // counts
    await addPlacement(t, { participantId: b!, positionId: pos.id, start: '2025-01-01', end: '2025-12-31' }); // ended before today
    await addPlacement(t, {
      participantId: c!,
      positionId: pos.id,
      start: '2026-01-01',
      end: '2026-12-31',
      status: 'ended',
    }); // ended early
    await addProposal(t, { participantId: d!, positionId: pos.id, status: 'submitted' }); // holds a slot
    await addProposal(t, { participantId: e!, positionId: pos.id, status: 'draft' }); // does not
    await addProposal(t, { participantId: f!, positionId: pos.id, status: 'vetoed' }); // does not
    const approved = await addProposal(t, { participantId: b!, positionId: pos.id, status: 'approved' });
    let got = await t.call('positions.get', { id: pos.id }, admin);
    expect(got.occupancy).toEqual({ slots: 4, placed: 1, reserved: 2, drafts: 1, free: 1 });
    // An approved proposal that became a placement is counted once, as the placement.
    await addPlacement(t, {
      participantId: b!,
      positionId: pos.id,
      start: '2026-12-01',
      end: '2027-11-30',
      proposalId: approved,
    });
    got = await t.call('positions.get', { id: pos.id }, admin);
    expect(got.occupancy).toEqual({ slots: 4, placed: 2, reserved: 1, drafts: 1, free: 1 });
    await addPlacement(t, { participantId: e!, positionId: pos.id, start: '2027-01-01', end: '2027-06-30' });
    got = await t.call('positions.get', { id: pos.id }, admin);
    expect(got.occupancy.free).toBe(0);
    expect((await t.call('positions.list', { onlyWithFreeSlots: true }, admin)).total).toBe(0);
  });

  it('counts summer-job placements and proposals per period', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, {
      kind: 'summer_job',
      employmentForm: 'summer_job',
      slots: undefined,
      periodStart: undefined,
      periods: summerPeriods([2, 2, 2]),
    });
    const [p1, p2] = pos.periods;
    const x = await addParticipant(t);
    const y = await addParticipant(t);
    await addPlacement(t, {
      participantId: x,
      positionId: pos.id,
      periodId: p1!.id,
      start: p1!.startDate,
      end: p1!.endDate,
    });
    await addProposal(t, { participantId: y, positionId: pos.id, status: 'submitted', periodId: p2!.id });
    await addProposal(t, { participantId: x, positionId: pos.id, status: 'submitted', periodId: p1!.id });
    const got = await t.call('positions.get', { id: pos.id }, admin);
    expect(got.periods.map((p) => p.occupancy)).toEqual([
      { slots: 2, placed: 1, reserved: 1, drafts: 0, free: 0 },
      { slots: 2, placed: 0, reserved: 1, drafts: 0, free: 1 },
      { slots: 2, placed: 0, reserved: 0, drafts: 0, free: 2 },
    ]);
    expect(got.occupancy).toEqual({ slots: 6, placed: 1, reserved: 2, drafts: 0, free: 3 });
  });
});

describe('editing positions', () => {
  it('edits, adds and removes periods, and refuses to cut capacity below what is taken', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, {
      kind: 'summer_job',
      employmentForm: 'summer_job',
      slots: undefined,
      periodStart: undefined,
      periods: summerPeriods([2, 2, 2]),
    });
    const [p1, p2, p3] = pos.periods;
    const x = await addParticipant(t);
    await addPlacement(t, {
      participantId: x,
      positionId: pos.id,
      periodId: p1!.id,
      start: p1!.startDate,
      end: p1!.endDate,
    });
    const base = {
      id: pos.id,
      workplaceId: wp,
      kind: 'summer_job' as const,
      title: pos.title,
      tasks: pos.tasks,
      hoursPercent: 100,
      employmentForm: 'summer_job' as const,
    };
    const removeUsed = await t.callRaw(
      'positions.update',
      {
        ...base,
        periods: [p2, p3].map((p) => ({
          id: p!.id,
          name: p!.name,
          startDate: p!.startDate,
          endDate: p!.endDate,
          slots: p!.slots,
        })),
      },
      admin,
    );
    expect(removeUsed).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: 'Perioden Period 1 har placeringar eller förslag och kan inte tas bort.' },
    });
    const shrink = await t.callRaw('positions.update', { ...base, periods: [{ ...p1!, slots: 0 }, p2, p3] }, admin);
    expect(shrink).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'periods.0.slots' } });

    const updated = await t.call(
      'positions.update',
      {
        ...base,
        hoursPercent: 50,
        periods: [
          { id: p1!.id, name: 'Period 1', startDate: p1!.startDate, endDate: p1!.endDate, slots: 1 },
          { id: p2!.id, name: 'Period 2 (kortare)', startDate: p2!.startDate, endDate: '2027-07-16', slots: 4 },
          { name: 'Period 4', startDate: '2027-08-16', endDate: '2027-08-27', slots: 3 },
        ],
      },
      admin,
    );
    expect(updated.periods.map((p) => [p.name, p.endDate, p.slots, p.occupancy.free])).toEqual([
      ['Period 1', '2027-07-02', 1, 0],
      ['Period 2 (kortare)', '2027-07-16', 4, 4],
      ['Period 4', '2027-08-27', 3, 3],
    ]);
    expect(updated).toMatchObject({ slots: 8, periodEnd: '2027-08-27', hoursPercent: 50 });
    const audit = (
      await queryAudit(t.app.database, { entity: 'position', entityId: String(pos.id), offset: 0, limit: 10 })
    ).rows;
    expect(audit[0]!.changes).toMatchObject({
      hoursPercent: { before: 100, after: 50 },
      slots: { before: 6, after: 8 },
    });
  });

  it('refuses fewer slots than active placements and slot-holding proposals', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, { slots: 3 });
    await addPlacement(t, {
      participantId: await addParticipant(t),
      positionId: pos.id,
      start: '2026-06-01',
      end: '2027-05-31',
    });
    await addProposal(t, { participantId: await addParticipant(t), positionId: pos.id, status: 'deferred' });
    const input = {
      id: pos.id,
      workplaceId: wp,
      kind: 'bicycle_workshop' as const,
      title: 'Cykel',
      tasks: 'Laga',
      hoursPercent: 100,
      periodStart: '2026-01-01',
      employmentForm: 'subsidised_employment' as const,
    };
    expect(await t.callRaw('positions.update', { ...input, slots: 1 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'RULE', field: 'slots' },
    });
    expect((await t.call('positions.update', { ...input, slots: 2 }, admin)).occupancy.free).toBe(0);
  });

  it('inactive positions and positions of inactive workplaces leave the default list', async () => {
    const wp1 = await addWorkplace(t, admin, 'A');
    const wp2 = await addWorkplace(t, admin, 'B', 'Fristad');
    const p1 = await addPosition(t, admin, wp1, { title: 'Ett' });
    const p2 = await addPosition(t, admin, wp2, { title: 'Två', kind: 'cleaning' });
    const p3 = await addPosition(t, admin, wp2, { title: 'Tre', kind: 'cleaning' });
    await t.call('positions.setActive', { id: p1.id, active: false }, admin);
    await t.call('workplaces.setActive', { id: wp2, active: false }, admin);
    expect((await t.call('positions.list', {}, admin)).total).toBe(0);
    expect((await t.call('positions.list', { status: 'inactive' }, admin)).rows.map((p) => p.id)).toEqual([
      p1.id,
      p3.id,
      p2.id,
    ]);
    await t.call('workplaces.setActive', { id: wp2, active: true }, admin);
    expect((await t.call('positions.list', { kind: 'cleaning' }, admin)).rows.map((p) => p.title)).toEqual([
      'Tre',
      'Två',
    ]);
    expect(
      (await t.call('positions.list', { district: 'fristad', search: 'tre' }, admin)).rows.map((p) => p.id),
    ).toEqual([p3.id]);
  });
});

describe('who may use the catalogue', () => {
  it('coordinators and HR read; only the admin maintains; the union gets nothing', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp);
    const coordinator = await t.userWithRoles('koordinator', ['coordinator']);
    const hr = await t.userWithRoles('hr', ['hr']);
    const union = await t.userWithRoles('kommunal', ['union']);
    for (const token of [coordinator, hr]) {
      expect((await t.call('positions.list', {}, token)).total).toBe(1);
      expect((await t.call('positions.get', { id: pos.id }, token)).title).toBe('Cykelreparatör');
      expect((await t.call('workplaces.list', {}, token)).length).toBe(1);
      expect(await t.callRaw('positions.create', {}, token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await t.callRaw('workplaces.update', { id: wp, name: 'X' }, token)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    for (const name of ['positions.list', 'positions.get', 'workplaces.list', 'workplaces.get']) {
      expect(await t.callRaw(name, { id: pos.id }, union)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await t.callRaw('positions.get', { id: 999 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Placeringsplatsen finns inte.' },
    });
  });
});
