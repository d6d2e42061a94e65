/**
 * Decoding and parsing of delimited text files (CSV/TSV) as Swedish offices produce them:
 * Excel "CSV UTF-8" (UTF-8 with BOM), plain UTF-8, Excel "CSV (semikolonavgränsad)" in
 * Windows-1252, with semicolon, comma or tab as separator (or as named by a "sep=" line).
 *
 * Nothing in this module throws on bad input: parseDelimited returns `{ error }` in Swedish.
 */
import { parse } from 'csv-parse/sync';
import type { Info } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type Delimiter = ';' | ',' | '\t';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export interface DelimitedRow {
  /** The row number the user sees when the file is opened in Excel; the header is row 1. */
  rowNumber: number;
  cells: string[];
}

export interface DelimitedFile {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  header: string[];
  /** Data rows (the header excluded); rows whose cells are all empty are skipped. */
  rows: DelimitedRow[];
}

export type ParseDelimitedResult = DelimitedFile | { error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(buf: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= buf.length && prefix.every((b, i) => buf[i] === b);
}

/**
 * Decode bytes to text. A UTF-8 BOM means UTF-8; bytes that are valid UTF-8 are UTF-8
 * (pure ASCII included); anything else is taken as Windows-1252, which is what Swedish
 * Excel writes for "CSV (semikolonavgränsad)". The BOM is never part of the text.
 */
export function decodeText(buf: Uint8Array): DecodedText {
  if (startsWith(buf, UTF8_BOM)) {
    // Non-fatal: a BOM states the encoding; stray invalid bytes become U+FFFD.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'win1252'), encoding: 'windows-1252' };
  }
}

const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];

/**
 * Guess the separator from the header line (the first record), counting candidate
 * separators outside double quotes. Ties and a header without any separator resolve in
 * the order semicolon, tab, comma — semicolon being what Swedish Excel writes.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  let sawContent = false; // blank lines before the header are skipped
  for (const ch of text) {
    if (ch === '"') {
      // A doubled quote inside a quoted field toggles twice and so leaves the state unchanged.
      quoted = !quoted;
      sawContent = true;
    } else if (quoted) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (sawContent) break;
    } else if (ch === ';' || ch === '\t' || ch === ',') {
      counts[ch] += 1;
      sawContent = true;
    } else if (ch.trim() !== '') {
      sawContent = true;
    }
  }
  let best: Delimiter = ';';
  for (const d of DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}

/** A file type that is not delimited text, recognised by its first bytes. */
function recogniseBinary(buf: Uint8Array): string | undefined {
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) {
    return 'Filen är sparad som UTF-16 (”Unicode-text”). Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” eller ”CSV (semikolonavgränsad)” och försök igen.';
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    return 'Filen är en Excel-arbetsbok eller annan komprimerad fil, inte en textfil. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” eller ”CSV (semikolonavgränsad)” och försök igen.';
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'Filen är en äldre Excel-arbetsbok (.xls), inte en textfil. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” eller ”CSV (semikolonavgränsad)” och försök igen.';
  }
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) {
    return 'Filen är en PDF, inte en textfil med kolumner. Välj en CSV-fil.';
  }
  // NUL bytes never occur in text files in the supported encodings.
  if (buf.subarray(0, 4096).includes(0)) {
    return 'Filen verkar inte vara en textfil (den innehåller binära data). Välj en CSV-fil.';
  }
  return undefined;
}

const SEPARATOR_HINT = /^sep=([;,\t])[ ]*(?:\r\n|\n|\r|$)/i;

interface CsvErrorLike {
  code?: unknown;
  records?: unknown;
  empty_lines?: unknown;
}

/** Swedish message for a csv-parse error, with the Excel row where it is known. */
function describeCsvError(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as CsvErrorLike;
  const records = typeof e.records === 'number' ? e.records : undefined;
  const empty = typeof e.empty_lines === 'number' ? e.empty_lines : 0;
  // `records` counts the records completed before the failing one.
  const where = records === undefined ? '' : ` (rad ${records + empty + 1})`;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `Filen kunde inte läsas: ett citattecken (") avslutas aldrig${where}. Kontrollera att varje fält som börjar med citattecken också slutar med ett.`;
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `Filen kunde inte läsas: text direkt efter ett avslutande citattecken (")${where}. Citattecken inne i ett fält ska skrivas dubbelt ("").`;
    case 'CSV_MAX_RECORD_SIZE':
      return `Filen kunde inte läsas: en rad är för lång${where}.`;
    default:
      return `Filen kunde inte läsas som en CSV-fil${where}.`;
  }
}

interface ParsedRecord {
  record: string[];
  info: Info;
}

/**
 * Decode and parse a delimited text file. Never throws: any problem is returned as
 * `{ error }` with a Swedish message.
 *
 * Rows keep the cells as written (trimmed); rows may be shorter or longer than the
 * header — the caller decides what that means. Row numbers are Excel's: a quoted value
 * spanning several lines is one row, and skipped blank lines still count.
 */
export function parseDelimited(buf: Uint8Array): ParseDelimitedResult {
  try {
    if (buf.length === 0) return { error: 'Filen är tom.' };
    const binary = recogniseBinary(buf);
    if (binary !== undefined) return { error: binary };

    const decoded = decodeText(buf);
    const { encoding } = decoded;
    let text = decoded.text;
    // Some systems write Excel's separator hint "sep=;" as the first line. Excel obeys it and
    // hides the line, so the header is still row 1.
    const hint = SEPARATOR_HINT.exec(text);
    if (hint) text = text.slice(hint[0].length);
    if (text.trim() === '') return { error: 'Filen är tom.' };
    const delimiter = hint ? (hint[1] as Delimiter) : sniffDelimiter(text);

    let records: ParsedRecord[];
    try {
      records = parse(text, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        trim: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as ParsedRecord[];
    } catch (err) {
      return { error: describeCsvError(err) };
    }

    const [first, ...rest] = records;
    if (first === undefined) return { error: 'Filen är tom.' };
    const header = first.record;
    const rows: DelimitedRow[] = [];
    for (const { record, info } of rest) {
      if (record.every((cell) => cell === '')) continue; // e.g. ";;;" left by Excel
      rows.push({ rowNumber: info.records + info.empty_lines, cells: record });
    }
    return { encoding, delimiter, header, rows };
  } catch (err) {
    // Defensive: nothing above is expected to throw, but a file must never crash the app.
    return { error: `Filen kunde inte läsas (${err instanceof Error ? err.message : 'okänt fel'}).` };
  }
}
