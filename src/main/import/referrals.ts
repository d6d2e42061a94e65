/**
 * Preview of a referral file (remisslista) from social services: which rows can become
 * participants, which are refused and why (with the row number the user sees in Excel), and
 * which people are already registered.
 *
 * No database access here. The committing service calls previewReferralFile, shows the
 * result, and inserts the `valid` rows without `duplicateOf` in one transaction.
 */
import { parseDelimited, type Delimiter, type TextEncodingName } from './delimited';
import {
  REFERRAL_FIELDS,
  REQUIRED_REFERRAL_FIELDS,
  referralFieldLabels,
  readPersonnummer,
  referralRowParser,
  resolveReferralHeader,
  type ReferralField,
  type ReferralFieldError,
  type ReferralRow,
  type ReferralRowInput,
} from '../../shared/domain/referral-import';
import { isValidIsoDate } from '../../shared/rules/dates';

export interface ExistingPerson {
  id: string;
  name: string;
}

export interface ReferralPreviewOptions {
  /** 'YYYY-MM-DD', the import date (Europe/Stockholm). */
  today: string;
  /** Looks up an already registered person by canonical 12-digit personnummer. */
  existingPersonnummer: (canonical: string) => ExistingPerson | undefined;
}

export interface ValidReferral {
  rowNumber: number;
  row: ReferralRow;
  /** Set when the person is already registered: not an error, but not to be created again. */
  duplicateOf?: ExistingPerson;
}

export interface InvalidReferral {
  rowNumber: number;
  /** `field` is a ReferralField, or 'row' for a problem with the row as a whole. */
  errors: ReferralFieldError[];
}

export interface DuplicateInFile {
  /** The refused row. */
  rowNumber: number;
  /** The earlier row with the same personnummer. */
  sameAsRow: number;
}

export interface ReferralColumn {
  /** The header as written in the file. */
  header: string;
  /** The field it was read as, or null for a column the import does not use. */
  field: ReferralField | null;
}

export type ReferralPreview =
  | { ok: false; error: string }
  | {
      ok: true;
      encoding: TextEncodingName;
      delimiter: Delimiter;
      /** Data rows in the file (blank rows not counted); always valid.length + invalid.length. */
      totalRows: number;
      columns: ReferralColumn[];
      /** Headers of columns that are not imported (shown so the user notices a misspelling). */
      ignoredColumns: string[];
      valid: ValidReferral[];
      invalid: InvalidReferral[];
      duplicatesInFile: DuplicateInFile[];
    };

const DELIMITER_NAMES: Record<Delimiter, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabb' };

function listLabels(fields: readonly ReferralField[]): string {
  return fields.map((f) => referralFieldLabels[f]).join(', ');
}

/**
 * Map header cells to fields. Returns the column mapping or a Swedish error when a required
 * column is missing or two columns mean the same field.
 */
function mapHeader(
  header: string[],
  today: string,
): { ok: true; columns: ReferralColumn[] } | { ok: false; error: string } {
  const columns: ReferralColumn[] = header.map((h) => ({ header: h, field: resolveReferralHeader(h) ?? null }));

  for (const field of REFERRAL_FIELDS) {
    const same = columns.filter((c) => c.field === field);
    if (same.length > 1) {
      return {
        ok: false,
        error: `Kolumnerna ${same.map((c) => `”${c.header}”`).join(' och ')} betyder samma sak (${referralFieldLabels[field]}). Ta bort eller byt namn på den ena.`,
      };
    }
  }

  const missing = REQUIRED_REFERRAL_FIELDS.filter((f) => !columns.some((c) => c.field === f));
  if (missing.length === 0) return { ok: true, columns };

  // A file whose first line is already data (no header row) is a common mistake.
  const looksLikeData = header.some((h) => readPersonnummer(h, today).ok);
  if (looksLikeData) {
    return {
      ok: false,
      error: `Filen saknar rubrikrad. Första raden ska innehålla kolumnnamnen, t.ex. ${listLabels(REQUIRED_REFERRAL_FIELDS)}.`,
    };
  }
  const found = header.filter((h) => h !== '');
  return {
    ok: false,
    error:
      `Obligatoriska kolumner saknas: ${listLabels(missing)}. ` +
      (found.length > 0 ? `Rubrikraden innehåller: ${found.map((h) => `”${h}”`).join(', ')}.` : 'Rubrikraden är tom.'),
  };
}

/**
 * Read a referral file and sort its rows into valid and invalid ones. Never throws on any file
 * content; problems with the file as a whole give `{ ok: false, error }` in Swedish.
 *
 * Rules:
 * - Required columns: Personnummer, Förnamn, Efternamn, Remissdatum, Handläggare (header
 *   names are matched ignoring case, diacritics and punctuation; aliases are accepted).
 * - A row with more non-empty cells than there are columns, or fewer cells than columns, is
 *   invalid (its values may have shifted column).
 * - The same personnummer twice in the file: the later row is invalid ("Samma personnummer
 *   som rad N"), even if it differs in other respects.
 * - A person already registered is valid with `duplicateOf` set.
 *
 * @throws RangeError only when `opts.today` is not a valid 'YYYY-MM-DD' date (a programming error).
 */
export function previewReferralFile(buf: Uint8Array, opts: ReferralPreviewOptions): ReferralPreview {
  if (!isValidIsoDate(opts.today)) throw new RangeError(`Invalid reference date: '${opts.today}'`);
  const { today } = opts;

  const parsed = parseDelimited(buf);
  if ('error' in parsed) return { ok: false, error: parsed.error };
  const { header, rows, encoding, delimiter } = parsed;

  const mapping = mapHeader(header, today);
  if (!mapping.ok) return mapping;
  const { columns } = mapping;

  if (rows.length === 0) {
    return { ok: false, error: 'Filen innehåller inga remisser, bara rubrikraden.' };
  }

  // Trailing columns without a header (Excel writes them when a stray cell was once used)
  // do not make rows without those cells short.
  const usedColumns = columns.findLastIndex((c) => c.header !== '') + 1;
  const parseRow = referralRowParser(today);
  const firstRowOf = new Map<string, number>();
  const valid: ValidReferral[] = [];
  const invalid: InvalidReferral[] = [];
  const duplicatesInFile: DuplicateInFile[] = [];

  for (const { rowNumber, cells } of rows) {
    const errors: ReferralFieldError[] = [];

    const extra = cells.slice(columns.length).filter((c) => c !== '');
    if (extra.length > 0) {
      errors.push({
        field: 'row',
        message: `Raden har fler fält (${cells.length}) än rubrikraden (${columns.length}). Ett värde som innehåller ${DELIMITER_NAMES[delimiter]} måste stå inom citattecken.`,
      });
    } else if (cells.length < usedColumns) {
      errors.push({
        field: 'row',
        message: `Raden har färre fält (${cells.length}) än rubrikraden (${usedColumns}). Kontrollera att inga avgränsare (${DELIMITER_NAMES[delimiter]}) saknas.`,
      });
    }

    const input: ReferralRowInput = {};
    columns.forEach((column, i) => {
      if (column.field !== null) input[column.field] = cells[i] ?? '';
    });

    const result = parseRow(input);
    if (!result.ok) errors.push(...result.errors);

    // Duplicates within the file are judged on the personnummer alone, so a later row is
    // refused even when the earlier one was refused for another reason.
    const pnr = readPersonnummer((input.personnummer ?? '').trim(), today);
    if (pnr.ok) {
      const earlier = firstRowOf.get(pnr.value.canonical);
      if (earlier === undefined) {
        firstRowOf.set(pnr.value.canonical, rowNumber);
      } else {
        errors.unshift({ field: 'personnummer', message: `Personnummer: Samma personnummer som rad ${earlier}.` });
        duplicatesInFile.push({ rowNumber, sameAsRow: earlier });
      }
    }

    if (errors.length > 0 || !result.ok) {
      invalid.push({ rowNumber, errors });
      continue;
    }
    const existing = opts.existingPersonnummer(result.row.personnummer);
    valid.push(
      existing === undefined ? { rowNumber, row: result.row } : { rowNumber, row: result.row, duplicateOf: existing },
    );
  }

  return {
    ok: true,
    encoding,
    delimiter,
    totalRows: rows.length,
    columns,
    ignoredColumns: columns.filter((c) => c.field === null && c.header !== '').map((c) => c.header),
    valid,
    invalid,
    duplicatesInFile,
  };
}
