/**
 * CSV for Swedish Excel: UTF-8 with BOM, ';' as separator, CRLF line endings,
 * RFC 4180 quoting, numbers with decimal comma, booleans as Ja/Nej, dates as YYYY-MM-DD.
 *
 * Text cells that a spreadsheet could interpret as a formula (starting with = + - @, tab or
 * CR) are prefixed with an apostrophe (CSV/formula injection guard). Numbers produced from
 * `number` values are never prefixed, so negative amounts stay numeric.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

export type CsvCell = string | number | Date | null | undefined | boolean;

export interface CsvColumn {
  header: string;
}

export interface CsvOptions {
  /** Field separator; default ';' (what Swedish Excel expects). */
  separator?: ';' | ',';
  /** Prefix the output with a UTF-8 byte order mark; default true (Excel needs it to detect UTF-8). */
  bom?: boolean;
  /** Time zone used to turn Date values into calendar dates; default 'Europe/Stockholm'. */
  timeZone?: string;
}

export const CSV_BOM = '\uFEFF';
const EOL = '\r\n';

/** Builds the whole CSV text in memory (BOM included unless `bom: false`). */
export function toCsv(columns: CsvColumn[], rows: Iterable<ReadonlyArray<CsvCell>>, opts: CsvOptions = {}): string {
  const formatter = new CsvFormatter(columns.length, opts);
  const parts: string[] = [];
  if (opts.bom !== false) parts.push(CSV_BOM);
  parts.push(formatter.headerLine(columns));
  for (const row of rows) parts.push(formatter.line(row));
  return parts.join('');
}

export interface CsvStreamResult {
  rows: number;
  bytes: number;
}

/**
 * Writes CSV to `path` in chunks, honouring stream back-pressure. The file is first written
 * as `<path>.partial` and renamed when complete, so a failed export never leaves a truncated
 * file under the requested name. `onProgress` receives the number of data rows written so far.
 */
export async function writeCsvStream(
  path: string,
  columns: CsvColumn[],
  rows: Iterable<ReadonlyArray<CsvCell>> | AsyncIterable<ReadonlyArray<CsvCell>>,
  onProgress?: (rowsWritten: number) => void,
  opts: CsvOptions = {},
): Promise<CsvStreamResult> {
  const formatter = new CsvFormatter(columns.length, opts);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8', mode: 0o600 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);

  const chunkSize = 64 * 1024;
  const progressEvery = 1000;
  let buffer = opts.bom !== false ? CSV_BOM : '';
  let bytes = 0;
  let count = 0;

  const flush = async (): Promise<void> => {
    if (buffer === '') return;
    bytes += Buffer.byteLength(buffer, 'utf8');
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await Promise.race([once(out, 'drain'), failed]);
  };

  try {
    buffer += formatter.headerLine(columns);
    for await (const row of rows) {
      buffer += formatter.line(row);
      count++;
      if (buffer.length >= chunkSize) await flush();
      if (onProgress && count % progressEvery === 0) onProgress(count);
    }
    await flush();
    out.end();
    // 'close' follows 'finish' once the file descriptor is closed.
    await Promise.race([once(out, 'close'), failed]);
    await rename(partial, path);
  } catch (error) {
    if (!out.closed) {
      const closed = once(out, 'close').catch(() => undefined);
      out.destroy();
      await closed;
    }
    await rm(partial, { force: true });
    throw error;
  }
  onProgress?.(count);
  return { rows: count, bytes };
}

// ---------------------------------------------------------------------------

class CsvFormatter {
  private readonly separator: ';' | ',';
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(
    private readonly width: number,
    opts: CsvOptions,
  ) {
    if (width === 0) throw new Error('En CSV-fil måste ha minst en kolumn.');
    this.separator = opts.separator ?? ';';
    this.dateFormat = new Intl.DateTimeFormat('en-CA', {
      timeZone: opts.timeZone ?? 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  headerLine(columns: CsvColumn[]): string {
    return columns.map((c) => this.quote(guardText(c.header))).join(this.separator) + EOL;
  }

  line(row: ReadonlyArray<CsvCell>): string {
    if (row.length > this.width) {
      throw new Error(`En CSV-rad har ${row.length} värden men filen har ${this.width} kolumner.`);
    }
    const fields: string[] = [];
    for (let i = 0; i < this.width; i++) fields.push(this.quote(this.cell(row[i])));
    return fields.join(this.separator) + EOL;
  }

  private cell(value: CsvCell): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return formatNumber(value);
    if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
    if (value instanceof Date) return this.formatDate(value);
    return guardText(value);
  }

  private formatDate(date: Date): string {
    if (Number.isNaN(date.getTime())) return '';
    const parts = this.dateFormat.formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  }

  private quote(field: string): string {
    if (field.includes('"') || field.includes(this.separator) || field.includes('\n') || field.includes('\r')) {
      return `"${field.replace(/"/g, '""')}"`;
    }
    return field;
  }
}

/**
 * Number with decimal comma and no thousands separator, so Swedish Excel reads it as a number.
 * Never uses exponent notation. Non-finite numbers become an empty cell.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return expandExponent(String(value)).replace('.', ',');
}

/** Rewrites JavaScript's shortest round-trip form (e.g. '1.5e-7', '1e+21') without an exponent. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = match;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Prefixes text that a spreadsheet would treat as a formula with an apostrophe. */
export function guardText(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}
