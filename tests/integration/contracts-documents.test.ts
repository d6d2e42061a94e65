import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../helpers/app';
import { engineTables } from '../helpers/db';
import type { Database } from '../../src/main/store';
import { insertContracts } from '../../src/main/store/contracts';
import { queryAudit } from '../../src/main/store/audit';
import { buildContractExport } from '../../src/main/services/contracts';
import { contractSnapshotSchema } from '../../src/shared/domain/contract-doc';
import {
  createInput,
  insertPosition,
  insertSubsidyType,
  insertWorkplace,
  readyToPlace,
} from '../unit/placements/fixtures';

const { contracts } = engineTables();

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

async function placed(o: { firstName?: string; lastName?: string } = {}) {
  const { participant, proposal } = await readyToPlace(db, positionId, {
    firstName: o.firstName ?? 'Åsa',
    lastName: o.lastName ?? 'Öberg-Ström',
  });
  const p = await t.call('placements.create', createInput(proposal.id), coord);
  return { participant, placement: p };
}

describe('the contract PDF', () => {
  it('is Swedish with åäö intact and extractable, and the same snapshot always gives the same file', async () => {
    const { participant, placement } = await placed({ firstName: 'Åke', lastName: 'Ärlig-Östgren' });
    const c = await t.call('contracts.generate', { placementId: placement.id }, hr);
    const a = await t.call('contracts.pdf', { id: c.id }, hr);
    expect(a.mimeType).toBe('application/pdf');
    expect(a.fileName).toBe(`Anställningsavtal ${c.contractNumber} v1 Ärlig-Östgren Åke.pdf`);
    const bytes = Buffer.from(a.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/FontFile2');
    const text = flat(pdfText(a.contentBase64));
    for (const expected of [
      'Anställningsavtal',
      'Borås Stad',
      '212000-1561',
      'Åke Ärlig-Östgren',
      `${participant.personnummer.slice(0, 8)}-${participant.personnummer.slice(8)}`,
      'Skaraborgsvägen 3 B, 506 30 Borås',
      'Tidsbegränsad anställning med lönestöd från Arbetsförmedlingen',
      'Cykelmekaniker',
      'Cykelverkstaden Sjöbo',
      '2026-12-01',
      '2027-11-30',
      '100 % av heltid',
      '24 500 kr',
      'BEA',
      'AF-2026-11873',
      '80 % av lönekostnaden',
      '20 000 kr',
      'Underskrifter',
      'Namnförtydligande',
      'Göran Ängström',
    ]) {
      expect(text).toContain(expected);
    }
    const b = await t.call('contracts.pdf', { id: c.id }, hr);
    expect(b.contentBase64).toBe(a.contentBase64);
    const reads = await queryAudit(t.app.database, {
      action: 'read',
      entity: 'participant',
      entityId: String(participant.id),
      offset: 0,
      limit: 10,
    });
    expect(reads.total).toBe(2);
  });
});

describe('HR export', () => {
  it('CSV opens in Swedish Excel: BOM, semicolons, YYYY-MM-DD and decimal commas; XLSX has typed cells', async () => {
    const { participant, placement } = await placed({ firstName: 'Märta', lastName: 'Nilsson; "Junior"' });
    const c = await t.call('contracts.generate', { placementId: placement.id }, hr);
    await t.call('placements.update', { id: placement.id, monthlySalaryOre: 24_512_50 }, coord);
    const c2 = await t.call('contracts.generate', { placementId: placement.id }, hr);
    const csv = await t.call('contracts.export', { ids: [c2.id, c.id], format: 'csv' }, hr);
    expect(csv).toMatchObject({
      mimeType: 'text/csv; charset=utf-8',
      rows: 2,
      fileName: 'Anställningsavtal 2026-11-23 (2 st).csv',
    });
    const bytes = Buffer.from(csv.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(
      /^Avtalsnummer;Version;Status;Personnummer;Efternamn;Förnamn;Adress;Postnummer;Ort;Anställningsform;Befattning;Arbetsplats;Startdatum;Slutdatum;/,
    );
    const pnr = `${participant.personnummer.slice(0, 8)}-${participant.personnummer.slice(8)}`;
    expect(lines[1]).toBe(
      `${c.contractNumber};2;Genererat;${pnr};"Nilsson; ""Junior""";Märta;Skaraborgsvägen 3 B;506 30;Borås;Tidsbegränsad anställning med lönestöd från Arbetsförmedlingen;Cykelmekaniker;Cykelverkstaden Sjöbo;2026-12-01;2027-11-30;100;24512,5;BEA;Kommunal anställning med lönestöd;AF-2026-11873;2026-11-20;80;20000;2026-12-01;2027-11-30;2026-11-23;;;`,
    );
    expect(lines[2]).toContain(';1;Ersatt av ny version;');
    expect(lines[2]).toContain(';24500;');

    const xlsx = await t.call('contracts.export', { ids: [c2.id], format: 'xlsx' }, hr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Anställningsavtal');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRow(2);
    const cell = (h: string) => row.getCell(header.indexOf(h) + 1).value;
    expect(cell('Personnummer')).toBe(pnr);
    expect(cell('Efternamn')).toBe('Nilsson; "Junior"');
    expect(cell('Månadslön (kr)')).toBe(24512.5);
    expect(cell('Startdatum')).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(cell('Sysselsättningsgrad (%)')).toBe(100);

    const audit = await queryAudit(t.app.database, { action: 'export', offset: 0, limit: 10 });
    expect(audit.rows.map((r) => r.detail)).toEqual(['1 avtal som XLSX', '2 avtal som CSV']);
    expect(await t.callRaw('contracts.export', { ids: [c.id, 99999], format: 'csv' }, hr)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'ids' },
    });
    expect(await t.callRaw('contracts.export', { ids: [], format: 'csv' }, hr)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Avtal: Välj minst ett avtal' },
    });
  });

  it('streams large batches with progress', async () => {
    const { placement } = await placed();
    const v1 = await t.call('contracts.generate', { placementId: placement.id }, hr);
    const snapshot = contractSnapshotSchema.parse(v1.snapshot);
    // 2,500 versions of one contract are enough rows to see progress without a slow test.
    await db.tx((tx) =>
      insertContracts(
        tx,
        Array.from({ length: 2499 }, (_, k) => ({
          placementId: placement.id,
          version: k + 2,
          snapshot: { ...snapshot, version: k + 2 },
          status: 'superseded',
          generatedAt: snapshot.generatedAt,
        })),
      ),
    );
    const ids = (await db.db.select({ id: contracts.id }).from(contracts)).map((r) => r.id);
    for (const format of ['csv', 'xlsx'] as const) {
      const progress: number[] = [];
      const { rows, bytes } = await buildContractExport(db, ids, format, {
        onProgress: (p) => progress.push(p.done),
        created: new Date('2026-11-23T09:00:00Z'),
      });
      expect(rows).toBe(2500);
      expect(progress).toEqual([1000, 2000, 2500]);
      expect(bytes.length).toBeGreaterThan(100_000);
    }
  });
});
