import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app';
import { engineTables } from '../helpers/db';
import type { Database } from '../../src/main/store';
import { queryAudit } from '../../src/main/store/audit';
import { contractBlocks } from '../../src/shared/domain/contract-doc';
import {
  createInput,
  insertPosition,
  insertSubsidyType,
  insertWorkplace,
  readyToPlace,
} from '../unit/placements/fixtures';

const { participants } = engineTables();

const workDir = mkdtempSync(join(tmpdir(), 'vaxla-contracts-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let n = 0;
function pdfText(base64: string): string {
  const file = join(workDir, `c${n++}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
/** Extracted text with every run of white space (line wraps, no-break spaces) as one space. */
const flat = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

let t: TestApp;
let coord: string;
let hr: string;
let db: Database;
let positionId: number;

beforeEach(async () => {
  t = await createTestApp();
  coord = await t.userWithRoles('kim', ['coordinator']);
  hr = await t.userWithRoles('eva', ['hr']);
  db = t.app.database;
  const typeId = (await insertSubsidyType(db)).id;
  positionId = (
    await insertPosition(db, { workplaceId: (await insertWorkplace(db)).id, subsidyTypeId: typeId, slots: 20 })
  ).id;
});
afterEach(() => t.close());

/** Moves the clock and logs both users in again (sessions expire after 30 idle minutes). */
async function relogin(move: () => void) {
  move();
  coord = (await t.call('auth.login', { username: 'kim', password: TEST_PASSWORD })).token;
  hr = (await t.call('auth.login', { username: 'eva', password: TEST_PASSWORD })).token;
}

async function placed(o: { firstName?: string; lastName?: string } = {}) {
  const { participant, proposal } = await readyToPlace(db, positionId, {
    firstName: o.firstName ?? 'Åsa',
    lastName: o.lastName ?? 'Öberg-Ström',
  });
  const p = await t.call('placements.create', createInput(proposal.id), coord);
  return { participant, placement: p };
}

describe('HR queue and generation', () => {
  it('lists placements without a contract, freezes a snapshot of every printed field and empties the queue', async () => {
    const { participant, placement } = await placed();
    const queue = await t.call('contracts.queue', {}, hr);
    expect(queue).toEqual([
      expect.objectContaining({
        placementId: placement.id,
        reason: 'new',
        employeeName: 'Åsa Öberg-Ström',
        personnummer: participant.personnummer,
        currentVersion: null,
        changes: [],
      }),
    ]);
    const c = await t.call('contracts.generate', { placementId: placement.id }, hr);
    expect(c).toMatchObject({
      version: 1,
      isCurrent: true,
      status: 'generated',
      needsNewVersion: false,
      contractNumber: `JB-2026-${String(placement.id).padStart(4, '0')}`,
    });
    expect(c.snapshot.terms).toEqual({
      employer: {
        name: 'Borås Stad',
        organisationNumber: '212000-1561',
        unit: 'Arbetslivsförvaltningen, Jobb Borås',
        address: '501 80 Borås',
      },
      employee: {
        firstName: 'Åsa',
        lastName: 'Öberg-Ström',
        personnummer: participant.personnummer,
        address: 'Skaraborgsvägen 3 B',
        postalCode: '506 30',
        city: 'Borås',
      },
      employment: {
        form: 'subsidised_employment',
        formText: 'Tidsbegränsad anställning med lönestöd från Arbetsförmedlingen',
        positionTitle: 'Cykelmekaniker',
        tasks: 'Reparera och rusta lånecyklar, hålla ordning i verkstaden.',
        workplaceName: 'Cykelverkstaden Sjöbo',
        workplaceOrganisation: 'Borås Stad, Arbetslivsförvaltningen',
        workplaceAddress: 'Sjöbo Torg 7, 506 41 Borås',
        supervisorName: 'Göran Ängström',
        startDate: '2026-12-01',
        endDate: '2027-11-30',
        hoursPercent: 100,
        monthlySalaryOre: 24_500_00,
        collectiveAgreement: 'BEA',
      },
      subsidy: {
        typeName: 'Kommunal anställning med lönestöd',
        decisionNumber: 'AF-2026-11873',
        decisionDate: '2026-11-20',
        percent: 80,
        ceilingOre: 20_000_00,
        periodStart: '2026-12-01',
        periodEnd: '2027-11-30',
        extensions: [],
      },
    });
    expect(contractBlocks(c.snapshot).find((b) => b.kind === 'signatures')).toEqual({
      kind: 'signatures',
      parties: [{ role: 'För arbetsgivaren, Borås Stad' }, { role: 'Arbetstagare', name: 'Åsa Öberg-Ström' }],
    });
    expect(await t.call('contracts.queue', {}, hr)).toEqual([]);
    const again = await t.callRaw('contracts.generate', { placementId: placement.id }, hr);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!again.ok && again.error.message).toMatch(/redan aktuellt \(version 1\)/);
    expect((await t.call('placements.get', { id: placement.id }, coord)).contractStatus).toBe('generated');
  });

  it('work training without employment gets no contract and is not in the queue', async () => {
    const wt = await insertPosition(db, {
      workplaceId: (await insertWorkplace(db, 'Second hand Hulta')).id,
      form: 'work_training',
      subsidyTypeId: null,
      title: 'Butiksbiträde',
    });
    const { proposal } = await readyToPlace(db, wt.id);
    const p = await t.call(
      'placements.create',
      createInput(proposal.id, { monthlySalaryOre: 0, afDecisionNumber: null, afDecisionDate: null }),
      coord,
    );
    expect(await t.call('contracts.queue', {}, hr)).toEqual([]);
    expect(await t.callRaw('contracts.generate', { placementId: p.id }, hr)).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: 'Arbetsträning utan anställning ger inget anställningsavtal.' },
    });
  });
});

describe('status steps', () => {
  it('goes generated → sent → signed → registered in order, each step audited', async () => {
    const { placement } = await placed();
    const c = await t.call('contracts.generate', { placementId: placement.id }, hr);
    const skip = await t.callRaw('contracts.setStatus', { id: c.id, status: 'signed' }, hr);
    expect(skip).toMatchObject({
      ok: false,
      error: {
        code: 'RULE',
        message: 'Avtalet måste vara skickat innan det kan markeras som signerat (nu: genererat).',
      },
    });
    expect(await t.callRaw('contracts.setStatus', { id: c.id, status: 'sent', date: '2026-11-24' }, hr)).toMatchObject({
      ok: false,
      error: { code: 'RULE', field: 'date' },
    });
    expect((await t.call('contracts.setStatus', { id: c.id, status: 'sent', date: '2026-11-23' }, hr)).sentAt).toBe(
      '2026-11-23',
    );
    expect((await t.call('contracts.setStatus', { id: c.id, status: 'signed' }, hr)).status).toBe('signed');
    const reg = await t.call('contracts.setStatus', { id: c.id, status: 'registered' }, hr);
    expect(reg).toMatchObject({
      status: 'registered',
      sentAt: '2026-11-23',
      signedAt: '2026-11-23',
      registeredAt: '2026-11-23',
    });
    expect(await t.callRaw('contracts.setStatus', { id: c.id, status: 'registered' }, hr)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const log = (
      await queryAudit(t.app.database, { entity: 'contract', entityId: String(c.id), offset: 0, limit: 20 })
    ).rows.map((r) => r.changes?.status?.after);
    expect(log).toEqual(['registered', 'signed', 'sent', 'generated']);
    expect(await t.callRaw('contracts.setStatus', { id: c.id, status: 'sent' }, coord)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('a change makes a new version (tillägg), never an edit', () => {
  it('keeps version 1 byte for byte, lists the changes in version 2 and supersedes an unsigned version', async () => {
    const { placement } = await placed();
    const v1 = await t.call('contracts.generate', { placementId: placement.id }, hr);
    await t.call('contracts.setStatus', { id: v1.id, status: 'sent' }, hr);
    await t.call('contracts.setStatus', { id: v1.id, status: 'signed' }, hr);
    const storedRow = async () =>
      (await db.rows(sql`SELECT snapshot, version, generated_at FROM contracts WHERE id = ${v1.id}`))[0];
    const rowBefore = await storedRow();
    const pdfBefore = (await t.call('contracts.pdf', { id: v1.id }, hr)).contentBase64;

    await relogin(() => t.clock.advance(60 * 60 * 1000));
    await t.call('placements.update', { id: placement.id, monthlySalaryOre: 25_300_00, hoursPercent: 75 }, coord);
    expect((await t.call('contracts.get', { id: v1.id }, hr)).needsNewVersion).toBe(true);
    const queue = await t.call('contracts.queue', {}, hr);
    expect(queue).toEqual([
      expect.objectContaining({
        placementId: placement.id,
        reason: 'changed',
        currentVersion: 1,
        currentStatus: 'signed',
        changes: [
          { field: 'Sysselsättningsgrad', before: '100 % av heltid', after: '75 % av heltid' },
          { field: 'Månadslön', before: '24\u00a0500\u00a0kr', after: '25\u00a0300\u00a0kr' },
        ],
      }),
    ]);
    const v2 = await t.call('contracts.generate', { placementId: placement.id }, hr);
    expect(v2).toMatchObject({ version: 2, isCurrent: true, status: 'generated', needsNewVersion: false });
    expect(v2.snapshot).toMatchObject({
      previousVersion: 1,
      contractNumber: v1.contractNumber,
      changes: queue[0]!.changes,
    });
    expect(v2.versions.map((v) => [v.version, v.status, v.isCurrent])).toEqual([
      [2, 'generated', true],
      [1, 'signed', false],
    ]);
    // Version 1 is intact: same stored snapshot, same PDF.
    expect(await storedRow()).toEqual(rowBefore);
    expect((await t.call('contracts.pdf', { id: v1.id }, hr)).contentBase64).toBe(pdfBefore);
    const v1now = await t.call('contracts.get', { id: v1.id }, hr);
    expect(v1now).toMatchObject({ status: 'signed', isCurrent: false, needsNewVersion: false });
    expect(v1now.snapshot.terms.employment.monthlySalaryOre).toBe(24_500_00);

    // An unsigned version is superseded by the next one and can no longer move on.
    await t.call('placements.update', { id: placement.id, collectiveAgreement: 'AB' }, coord);
    const v3 = await t.call('contracts.generate', { placementId: placement.id }, hr);
    expect(v3.versions.map((v) => [v.version, v.status])).toEqual([
      [3, 'generated'],
      [2, 'superseded'],
      [1, 'signed'],
    ]);
    expect(await t.callRaw('contracts.setStatus', { id: v2.id, status: 'sent' }, hr)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
  });

  it('an extension is a change: the tillägg prints the new end and the extension decision', async () => {
    await relogin(() => t.clock.set('2027-10-01T09:00:00Z'));
    const { placement } = await placed();
    const v1 = await t.call('contracts.generate', { placementId: placement.id }, hr);
    await t.call(
      'placements.extend',
      { id: placement.id, months: 12, afDecisionNumber: 'AF-2027-30444', afDecisionDate: '2027-09-28' },
      coord,
    );
    const v2 = await t.call('contracts.generate', { placementId: placement.id }, hr);
    expect(v2.snapshot.changes).toEqual([
      { field: 'Anställningen upphör', before: '2027-11-30', after: '2028-11-30' },
      {
        field: 'Förlängning 1',
        before: '–',
        after:
          'Beslut AF-2027-30444 (2027-09-28): 2027-12-01 – 2028-11-30, 12 månader, 80 %, takbelopp 20\u00a0000\u00a0kr',
      },
    ]);
    const text = flat(pdfText((await t.call('contracts.pdf', { id: v2.id }, hr)).contentBase64));
    expect(text).toContain('Anställningsavtal – tillägg 1');
    expect(text).toContain('Detta tillägg ersätter version 1 av avtalet.');
    expect(text).toContain('Beslut AF-2027-30444 (2027-09-28): 2027-12-01 – 2028-11-30, 12 månader');
    expect((await t.call('contracts.get', { id: v1.id }, hr)).snapshot.terms.employment.endDate).toBe('2027-11-30');
  });

  it('the database refuses to edit or delete a snapshot', async () => {
    const { participant, placement } = await placed();
    const c = await t.call('contracts.generate', { placementId: placement.id }, hr);
    await expect(db.exec(`UPDATE contracts SET snapshot = '{}' WHERE id = ${c.id}`)).rejects.toThrow(/får inte ändras/);
    await expect(db.exec(`UPDATE contracts SET version = 9 WHERE id = ${c.id}`)).rejects.toThrow(/får inte ändras/);
    await expect(db.exec(`DELETE FROM contracts WHERE id = ${c.id}`)).rejects.toThrow(/får inte tas bort/);
    // A change of address is contact data, not a term: no new version is called for.
    await db.tx((w) =>
      w.db.update(participants).set({ address: 'Druveforsvägen 12' }).where(eq(participants.id, participant.id)),
    );
    expect((await t.call('contracts.get', { id: c.id }, hr)).needsNewVersion).toBe(false);
  });
});
