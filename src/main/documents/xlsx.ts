/**
 * Streaming XLSX export with exceljs' WorkbookWriter: rows are committed as they are written,
 * so large exports do not build the whole workbook in memory.
 *
 * Header row bold and frozen; money as numbers with a currency format that Swedish Excel shows
 * as "1 234,50 kr"; dates as real Excel dates (format yyyy-mm-dd).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

export type XlsxColumnKind = 'text' | 'number' | 'date' | 'money';

export interface XlsxColumn {
  header: string;
  /** Property of each row object that holds the value. */
  key: string;
  /** Column width in characters. */
  width?: number;
  /**
   * How values are written. Without a kind the cell type follows the value
   * (number → number, Date → date, boolean → Ja/Nej, anything else → text).
   */
  kind?: XlsxColumnKind;
}

export interface XlsxOptions {
  /** Workbook creation time stored in the document properties; defaults to now. */
  created?: Date;
  /** Time zone used to turn Date values into calendar dates; default 'Europe/Stockholm'. */
  timeZone?: string;
}

export interface XlsxResult {
  rows: number;
}

/**
 * Excel number format codes are written with '.' as decimal and ',' as grouping separator;
 * Excel renders them with the user's locale, i.e. "1 234,50 kr" in Swedish Excel.
 */
export const XLSX_FORMATS = {
  money: '#,##0.00 "kr"',
  date: 'yyyy-mm-dd',
  number: 'General',
} as const;

/** Excel's limits. */
const MAX_DATA_ROWS = 1_048_575;
const MAX_CELL_TEXT = 32_767;
const PROGRESS_EVERY = 1000;

/**
 * Writes one sheet to `path`. The file is written as `<path>.partial` and renamed when
 * complete. `onProgress` receives the number of data rows written so far.
 */
export async function writeXlsx(
  path: string,
  sheetName: string,
  columns: XlsxColumn[],
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  onProgress?: (rowsWritten: number) => void,
  opts: XlsxOptions = {},
): Promise<XlsxResult> {
  if (columns.length === 0) throw new Error('En Excel-fil måste ha minst en kolumn.');
  // Loaded on first use: exceljs takes about 0.3 s to load, which the host's start should not pay.
  const { default: ExcelJS } = await import('exceljs');
  const toDate = calendarDateConverter(opts.timeZone ?? 'Europe/Stockholm');

  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);

  const created = opts.created ?? new Date();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Växla';
  workbook.lastModifiedBy = 'Växla';
  workbook.created = created;
  workbook.modified = created;

  let count = 0;
  try {
    const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    sheet.columns = columns.map((c) => ({
      key: c.key,
      width: c.width ?? defaultWidth(c),
      style: c.kind === 'money' || c.kind === 'date' ? { numFmt: XLSX_FORMATS[c.kind] } : {},
    }));

    const header = sheet.addRow(columns.map((c) => limitText(c.header)));
    header.eachCell((cell) => {
      cell.style = { font: { bold: true }, alignment: { vertical: 'middle' } };
    });
    header.commit();

    for await (const source of rows) {
      if (count >= MAX_DATA_ROWS) {
        throw new Error(`Excel rymmer högst ${MAX_DATA_ROWS} rader per blad.`);
      }
      const values = columns.map((c) => cellValue(source[c.key], c.kind, toDate));
      const row = sheet.addRow(values);
      columns.forEach((c, i) => {
        const value = values[i];
        // Auto-typed dates need the date format too; typed columns get it from the column style.
        if (c.kind === undefined && value instanceof Date) row.getCell(i + 1).numFmt = XLSX_FORMATS.date;
      });
      row.commit();
      count++;
      if (onProgress && count % PROGRESS_EVERY === 0) onProgress(count);
    }

    sheet.commit();
    await Promise.race([workbook.commit(), failed]);
    if (!out.closed) await Promise.race([once(out, 'close'), failed]);
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
  return { rows: count };
}

// ---------------------------------------------------------------------------

type CellValue = string | number | Date | null;

function cellValue(value: unknown, kind: XlsxColumnKind | undefined, toDate: (d: Date) => Date): CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'number':
    case 'money': {
      const n = toNumber(value);
      return n ?? limitText(textOf(value, toDate));
    }
    case 'date': {
      const d = toCalendarDate(value, toDate);
      return d ?? limitText(textOf(value, toDate));
    }
    case 'text':
      return limitText(textOf(value, toDate));
    case undefined:
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      if (typeof value === 'bigint') return Number(value);
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toDate(value);
      return limitText(textOf(value, toDate));
  }
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    // Accept "1234.5", "1234,5" and "1 234,50" (also with a non-breaking space).
    const normalized = value.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace('\u2212', '-');
    if (/^-?\d+(\.\d+)?$/.test(normalized)) return Number(normalized);
  }
  return null;
}

/** Date values become the calendar date in the configured time zone, at UTC midnight (Excel serial). */
function toCalendarDate(value: unknown, toDate: (d: Date) => Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toDate(value);
  if (typeof value === 'string') {
    const plain = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(value.trim());
    if (plain) {
      const [, y, m, d] = plain;
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
      return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? date : null;
    }
    // Timestamps with an offset or Z: take the calendar date in the configured zone.
    if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) {
      const parsed = new Date(value.trim());
      return Number.isNaN(parsed.getTime()) ? null : toDate(parsed);
    }
  }
  return null;
}

function calendarDateConverter(timeZone: string): (d: Date) => Date {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (date) => {
    const parts = format.formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
  };
}

function textOf(value: unknown, toDate: (d: Date) => Date): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : toDate(value).toISOString().slice(0, 10);
  }
  // Never hand objects to exceljs as-is: it would read them as formulas, hyperlinks or rich text.
  return JSON.stringify(value) ?? String(value);
}

function limitText(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

function defaultWidth(column: XlsxColumn): number {
  switch (column.kind) {
    case 'date':
      return 12;
    case 'money':
      return 15;
    case 'number':
      return 10;
    default:
      return Math.min(Math.max(column.header.length + 2, 12), 40);
  }
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ and not starting/ending with an apostrophe. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '-')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, '')
    .trim()
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Blad1' : cleaned;
}
