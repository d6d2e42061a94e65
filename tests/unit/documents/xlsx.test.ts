import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { safeSheetName, writeXlsx, XLSX_FORMATS, type XlsxColumn } from '../../../src/main/documents/xlsx';

const workDir = mkdtempSync(join(tmpdir(), 'vaxla-xlsx-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const columns: XlsxColumn[] = [
  { header: 'Nr', key: 'nr', kind: 'number', width: 8 },
  { header: 'Namn', key: 'name', kind: 'text', width: 30 },
  { header: 'Startdatum', key: 'start', kind: 'date' },
  { header: 'Lön', key: 'salary', kind: 'money' },
  { header: 'Övrigt', key: 'other' },
];

function makeRow(i: number): Record<string, unknown> {
  return {
    nr: i,
    name: `Deltagare ${i} Åström`,
    start:
      i % 2 === 0 ? new Date(Date.UTC(2024, 0, 1 + (i % 365))) : `2024-06-${String(1 + (i % 30)).padStart(2, '0')}`,
    salary: i * 10.5,
    other: i % 3 === 0 ? true : `text ${i}`,
  };
}

async function readBack(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('writeXlsx', () => {
  it('streams 10 000 rows that read back with types and formats', async () => {
    const path = join(workDir, 'stor.xlsx');
    async function* rows() {
      for (let i = 1; i <= 10_000; i++) yield makeRow(i);
    }
    const progress: number[] = [];
    const started = performance.now();
    const result = await writeXlsx(path, 'Utbetalningar', columns, rows(), (n) => progress.push(n), {
      created: new Date('2024-05-02T08:00:00Z'),
    });
    const elapsed = performance.now() - started;
    console.info(`writeXlsx: 10 000 rader på ${Math.round(elapsed)} ms`);

    expect(result.rows).toBe(10_000);
    expect(progress.at(-1)).toBe(10_000);
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(existsSync(`${path}.partial`)).toBe(false);

    const sheet = await readBack(path);
    expect(sheet.name).toBe('Utbetalningar');
    expect(sheet.rowCount).toBe(10_001);

    const header = sheet.getRow(1);
    expect(header.values).toEqual([undefined, 'Nr', 'Namn', 'Startdatum', 'Lön', 'Övrigt']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(5).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);

    const r2 = sheet.getRow(3); // data row for i = 2
    expect(r2.getCell(1).value).toBe(2);
    expect(r2.getCell(2).value).toBe('Deltagare 2 Åström');
    expect(r2.getCell(3).value).toEqual(new Date(Date.UTC(2024, 0, 3)));
    expect(r2.getCell(3).numFmt).toBe(XLSX_FORMATS.date);
    expect(r2.getCell(4).value).toBe(21);
    expect(r2.getCell(4).numFmt).toBe(XLSX_FORMATS.money);
    expect(r2.getCell(5).value).toBe('text 2');

    const r3 = sheet.getRow(4); // i = 3: ISO string date, boolean in an untyped column
    expect(r3.getCell(3).value).toEqual(new Date(Date.UTC(2024, 5, 4)));
    expect(r3.getCell(5).value).toBe('Ja');

    const last = sheet.getRow(10_001);
    expect(last.getCell(1).value).toBe(10_000);
    expect(last.getCell(4).value).toBeCloseTo(105_000);
  });

  it('never turns text into formulas or objects into rich values', async () => {
    const path = join(workDir, 'text.xlsx');
    await writeXlsx(
      path,
      'Blad',
      [
        { header: 'A', key: 'a', kind: 'text' },
        { header: 'B', key: 'b' },
      ],
      [
        { a: '=SUM(A1:A9)', b: { formula: 'A1*2' } },
        { a: 12, b: 'x'.repeat(40_000) },
      ],
    );
    const sheet = await readBack(path);
    expect(sheet.getCell('A2').value).toBe('=SUM(A1:A9)');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toBe('{"formula":"A1*2"}');
    expect(sheet.getCell('A3').value).toBe('12');
    expect(String(sheet.getCell('B3').value)).toHaveLength(32_767);
  });

  it('coerces numbers, money and dates from strings and keeps what it cannot read', async () => {
    const path = join(workDir, 'coerce.xlsx');
    await writeXlsx(
      path,
      'Blad',
      [
        { header: 'Belopp', key: 'm', kind: 'money' },
        { header: 'Datum', key: 'd', kind: 'date' },
        { header: 'Auto', key: 'x' },
      ],
      [
        { m: '1 234,50', d: '2024-02-29', x: new Date('2024-06-30T23:30:00Z') },
        { m: 'okänt', d: '2024-02-30', x: null },
        { m: -12.5, d: '2024-03-31T00:30:00+02:00', x: 7 },
      ],
    );
    const sheet = await readBack(path);
    expect(sheet.getCell('A2').value).toBe(1234.5);
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    // 23:30 UTC on 30 June is 1 July in Stockholm.
    expect(sheet.getCell('C2').value).toEqual(new Date(Date.UTC(2024, 6, 1)));
    expect(sheet.getCell('C2').numFmt).toBe(XLSX_FORMATS.date);
    expect(sheet.getCell('A3').value).toBe('okänt');
    expect(sheet.getCell('B3').value).toBe('2024-02-30');
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('A4').value).toBe(-12.5);
    expect(sheet.getCell('B4').value).toEqual(new Date(Date.UTC(2024, 2, 30)));
    expect(sheet.getCell('C4').value).toBe(7);
  });

  it('writes markup characters as text and drops characters XML cannot hold', async () => {
    const path = join(workDir, 'markup.xlsx');
    await writeXlsx(
      path,
      'Blad',
      [{ header: 'Namn & <roll>', key: 'a', kind: 'text' }],
      [{ a: 'Åsa "Lill" <Berg> & Co' }, { a: 'bell\u0007 lone\uD800 end ' }, { a: 'rad 1\nrad 2' }],
    );
    const sheet = await readBack(path);
    expect(sheet.getCell('A1').value).toBe('Namn & <roll>');
    expect(sheet.getCell('A2').value).toBe('Åsa "Lill" <Berg> & Co');
    expect(sheet.getCell('A3').value).toBe('bell lone end ');
    expect(sheet.getCell('A4').value).toBe('rad 1\nrad 2');
  });

  it('removes the partial file when the rows fail', async () => {
    const path = join(workDir, 'trasig.xlsx');
    function* rows() {
      yield { nr: 1 };
      throw new Error('läsfel');
    }
    await expect(writeXlsx(path, 'Blad', columns, rows())).rejects.toThrow('läsfel');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });
});

describe('safeSheetName', () => {
  it('follows Excel rules for sheet names', () => {
    expect(safeSheetName('Utbetalningar [maj]: 2024/05')).toBe('Utbetalningar -maj-- 2024-05');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName("'citat'")).toBe('citat');
    expect(safeSheetName('   ')).toBe('Blad1');
  });
});
