import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatNumber, guardText, toCsv, writeCsvStream, type CsvCell } from '../../../src/main/documents/csv';

const workDir = mkdtempSync(join(tmpdir(), 'vaxla-csv-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const cols = (...headers: string[]) => headers.map((header) => ({ header }));

function parseSwedish(text: string, delimiter = ';'): string[][] {
  return parse(text, { bom: true, delimiter, record_delimiter: '\r\n', relax_column_count: false });
}

describe('toCsv', () => {
  it('writes BOM, semicolons and CRLF', () => {
    const csv = toCsv(cols('Namn', 'Ort'), [
      ['Åsa', 'Borås'],
      ['Örjan', 'Ulricehamn'],
    ]);
    expect(csv).toBe('\uFEFFNamn;Ort\r\nÅsa;Borås\r\nÖrjan;Ulricehamn\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('can leave out the BOM and use commas', () => {
    const csv = toCsv(cols('a', 'b'), [[1.5, 'x,y']], { bom: false, separator: ',' });
    expect(csv).toBe('a,b\r\n"1,5","x,y"\r\n');
  });

  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    const values = ['a;b', 'säger "hej"', 'rad 1\nrad 2', 'rad 1\r\nrad 2', 'vanlig', ' mellanslag '];
    const csv = toCsv(cols(...values.map((_, i) => `k${i}`)), [values]);
    expect(csv).toBe(
      '\uFEFFk0;k1;k2;k3;k4;k5\r\n"a;b";"säger ""hej""";"rad 1\nrad 2";"rad 1\r\nrad 2";vanlig; mellanslag \r\n',
    );
    expect(parseSwedish(csv)[1]).toEqual(values);
  });

  it('formats numbers with decimal comma and no thousands separator', () => {
    const row: CsvCell[] = [1234567.89, -12, 0.1, 0, -0, 1e21, 1.5e-7, Number.NaN, Number.POSITIVE_INFINITY];
    const csv = toCsv(cols(...row.map((_, i) => `n${i}`)), [row], { bom: false });
    expect(csv.split('\r\n')[1]).toBe('1234567,89;-12;0,1;0;0;1000000000000000000000;0,00000015;;');
  });

  it('writes booleans as Ja/Nej, empty cells for null/undefined and dates as YYYY-MM-DD', () => {
    const row: CsvCell[] = [
      true,
      false,
      null,
      undefined,
      new Date('2024-03-01T00:00:00Z'),
      // 23:30 UTC on 30 June is already 1 July in Stockholm (CEST).
      new Date('2024-06-30T23:30:00Z'),
      new Date('ogiltigt'),
    ];
    const csv = toCsv(cols('a', 'b', 'c', 'd', 'e', 'f', 'g'), [row], { bom: false });
    expect(csv.split('\r\n')[1]).toBe('Ja;Nej;;;2024-03-01;2024-07-01;');
    const utc = toCsv(cols('d'), [[new Date('2024-06-30T23:30:00Z')]], { bom: false, timeZone: 'UTC' });
    expect(utc.split('\r\n')[1]).toBe('2024-06-30');
  });

  it('pads short rows and rejects rows with too many values', () => {
    expect(toCsv(cols('a', 'b', 'c'), [['x']], { bom: false })).toBe('a;b;c\r\nx;;\r\n');
    expect(() => toCsv(cols('a'), [['x', 'y']])).toThrow(/2 värden men filen har 1 kolumner/);
    expect(() => toCsv([], [])).toThrow(/minst en kolumn/);
  });

  it('guards against formula injection in text but not in numbers', () => {
    const row: CsvCell[] = ['=SUM(A1:A9)', '+46701234567', '-5', '@cmd', '\tflik', '\rretur', '=1;2', -5, 'a=b'];
    const csv = toCsv(cols(...row.map((_, i) => `k${i}`)), [row], { bom: false });
    expect(parseSwedish(csv)[1]).toEqual([
      "'=SUM(A1:A9)",
      "'+46701234567",
      "'-5",
      "'@cmd",
      "'\tflik",
      "'\rretur",
      "'=1;2",
      '-5',
      'a=b',
    ]);
    expect(toCsv(cols('=HYPERLINK("x")'), [], { bom: false })).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });

  it('round-trips arbitrary text through a CSV parser', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 3, maxLength: 3 }), { maxLength: 5 }),
        (rows) => {
          const csv = toCsv(cols('a', 'b', 'c'), rows);
          const parsed = parseSwedish(csv);
          expect(parsed[0]).toEqual(['a', 'b', 'c']);
          expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(guardText)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('formatNumber', () => {
  it('never uses exponent notation or grouping', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatNumber(n);
        expect(text).toMatch(/^-?\d+(,\d+)?$/);
        expect(Number(text.replace(',', '.'))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('writeCsvStream', () => {
  const columns = cols('Nr', 'Namn', 'Belopp', 'Aktiv', 'Datum');
  const makeRow = (i: number): CsvCell[] => [
    i,
    `Deltagare "${i}"; Ödegård`,
    i * 1.25,
    i % 2 === 0,
    new Date(Date.UTC(2024, 0, 1 + (i % 300))),
  ];

  it('writes the same bytes as toCsv, in chunks, with progress', async () => {
    const path = join(workDir, 'export.csv');
    async function* rows() {
      for (let i = 1; i <= 20_000; i++) yield makeRow(i);
    }
    const progress: number[] = [];
    const result = await writeCsvStream(path, columns, rows(), (n) => progress.push(n));

    const expected = toCsv(
      columns,
      Array.from({ length: 20_000 }, (_, i) => makeRow(i + 1)),
    );
    const written = readFileSync(path);
    expect(written.toString('utf8')).toBe(expected);
    expect(result).toEqual({ rows: 20_000, bytes: written.length });
    expect(progress.at(-1)).toBe(20_000);
    expect(progress.length).toBeGreaterThan(5);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(readdirSync(workDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('accepts a plain iterable', async () => {
    const path = join(workDir, 'small.csv');
    const result = await writeCsvStream(path, cols('a'), [['x'], ['y']]);
    expect(result.rows).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFa\r\nx\r\ny\r\n');
  });

  it('leaves no file behind when the rows fail', async () => {
    const path = join(workDir, 'broken.csv');
    async function* rows() {
      for (let i = 1; i <= 5_000; i++) yield makeRow(i);
      throw new Error('databasen försvann');
    }
    await expect(writeCsvStream(path, columns, rows())).rejects.toThrow('databasen försvann');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('reports a folder that does not exist', async () => {
    await expect(writeCsvStream(join(workDir, 'saknas', 'x.csv'), cols('a'), [['x']])).rejects.toThrow(/ENOENT/);
  });
});
