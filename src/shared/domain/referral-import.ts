/**
 * One row of a referral file (remisslista) from social services, after its columns have been
 * mapped to fields: which headers are accepted, how each cell is read and validated, and the
 * typed row that comes out.
 *
 * Cells arrive as text exactly as in the file. Every message names the field in Swedish, e.g.
 * "Personnummer: Kontrollsiffran stämmer inte."
 */
import { z } from 'zod';
import { parsePersonnummer, type PersonnummerKind } from '../rules/personnummer';
import { daysInMonth, formatIsoDate, isValidIsoDate } from '../rules/dates';

export const REFERRAL_FIELDS = [
  'personnummer',
  'firstName',
  'lastName',
  'phone',
  'email',
  'address',
  'postalCode',
  'city',
  'district',
  'referralDate',
  'caseworkerName',
  'caseworkerUnit',
  'caseworkerPhone',
  'caseworkerEmail',
  'longTermRecipient',
  'childrenInHousehold',
  'monthlyAssistance',
  'note',
] as const;

export type ReferralField = (typeof REFERRAL_FIELDS)[number];

/** Columns a referral file must have. */
export const REQUIRED_REFERRAL_FIELDS: readonly ReferralField[] = [
  'personnummer',
  'firstName',
  'lastName',
  'referralDate',
  'caseworkerName',
];

/** The Swedish column name of each field, as written in the template and in messages. */
export const referralFieldLabels: Readonly<Record<ReferralField, string>> = {
  personnummer: 'Personnummer',
  firstName: 'Förnamn',
  lastName: 'Efternamn',
  phone: 'Telefon',
  email: 'E-post',
  address: 'Adress',
  postalCode: 'Postnummer',
  city: 'Ort',
  district: 'Stadsdel',
  referralDate: 'Remissdatum',
  caseworkerName: 'Handläggare',
  caseworkerUnit: 'Enhet',
  caseworkerPhone: 'Handläggarens telefon',
  caseworkerEmail: 'Handläggarens e-post',
  longTermRecipient: 'Långvarigt bistånd',
  childrenInHousehold: 'Barn i hushållet',
  monthlyAssistance: 'Försörjningsstöd per månad',
  note: 'Anteckning',
};

/**
 * Header names accepted for each field (the label first). Matching ignores case, diacritics,
 * spaces and punctuation, see {@link normalizeHeader}: "E-POST", "epost" and "E post" all match.
 */
export const referralHeaderAliases: Readonly<Record<ReferralField, readonly string[]>> = {
  personnummer: [
    'Personnummer',
    'Personnr',
    'Pnr',
    'Person-nr',
    'Samordningsnummer',
    'Personnummer/samordningsnummer',
    'Personnummer eller samordningsnummer',
    'Personnummer/Samordningsnr',
  ],
  firstName: ['Förnamn', 'Tilltalsnamn'],
  lastName: ['Efternamn'],
  phone: ['Telefon', 'Telefonnummer', 'Tel', 'Telnr', 'Tel nr', 'Mobil', 'Mobilnummer', 'Mobiltelefon'],
  email: ['E-post', 'E-postadress', 'Mejl', 'Mejladress', 'Mail', 'E-mail'],
  address: ['Adress', 'Gatuadress', 'Utdelningsadress', 'Bostadsadress'],
  postalCode: ['Postnummer', 'Postnr'],
  city: ['Ort', 'Postort'],
  district: ['Stadsdel', 'Område', 'Kommundel', 'Bostadsområde'],
  referralDate: ['Remissdatum', 'Datum för remiss', 'Remitterad', 'Remitterad datum', 'Remitteringsdatum'],
  caseworkerName: [
    'Handläggare',
    'Handläggarens namn',
    'Remitterande handläggare',
    'Socialsekreterare',
    'Ansvarig handläggare',
  ],
  caseworkerUnit: ['Enhet', 'Handläggarens enhet', 'Remitterande enhet', 'Avdelning'],
  caseworkerPhone: ['Handläggarens telefon', 'Handläggare telefon', 'Handläggarens telefonnummer', 'Handläggartelefon'],
  caseworkerEmail: ['Handläggarens e-post', 'Handläggare e-post', 'Handläggarens e-postadress', 'Handläggarens mejl'],
  longTermRecipient: [
    'Långvarigt bistånd',
    'Långvarigt biståndsmottagande',
    'Långvarigt försörjningsstöd',
    'Långvarig biståndsmottagare',
    'Långvarig',
  ],
  childrenInHousehold: ['Barn i hushållet', 'Barn i hushåll', 'Antal barn', 'Hemmavarande barn', 'Barn'],
  monthlyAssistance: [
    'Försörjningsstöd per månad',
    'Försörjningsstöd/mån',
    'Försörjningsstöd kr/mån',
    'Försörjningsstöd (kr/mån)',
    'Försörjningsstöd',
    'Bistånd per månad',
    'Belopp per månad',
  ],
  note: ['Anteckning', 'Anteckningar', 'Kommentar', 'Övrigt'],
};

/**
 * Header comparison key: diacritics removed (å→a, ä→a, ö→o, é→e), lower case, and everything
 * but letters a–z and digits dropped (spaces, hyphens, slashes, brackets, a trailing "*").
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const aliasIndex: ReadonlyMap<string, ReferralField> = (() => {
  const index = new Map<string, ReferralField>();
  for (const field of REFERRAL_FIELDS) {
    for (const alias of referralHeaderAliases[field]) {
      const key = normalizeHeader(alias);
      const taken = index.get(key);
      if (taken !== undefined && taken !== field) {
        throw new Error(`Header alias '${alias}' is ambiguous (${taken}, ${field})`);
      }
      index.set(key, field);
    }
  }
  return index;
})();

/** The field a header names, or undefined for a column the import does not use. */
export function resolveReferralHeader(header: string): ReferralField | undefined {
  const key = normalizeHeader(header);
  return key === '' ? undefined : aliasIndex.get(key);
}

/** The cells of one row, keyed by field; a field whose column is absent is undefined. */
export type ReferralRowInput = Partial<Record<ReferralField, string>>;

// ---------------------------------------------------------------------------------------------
// Cell readers. Each takes the cleaned cell text and returns a value or a Swedish reason.

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (message: string): CellResult<never> => ({ ok: false, message });

/** C0/C1 control characters other than tab and line breaks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Common checks for a text cell: no control characters, no line breaks unless allowed, no
 * U+FFFD (bytes the file's encoding could not represent), and a maximum length.
 */
function checkText(value: string, max: number, multiline = false): CellResult<string> {
  if (value.includes('\uFFFD')) {
    return fail('Innehåller tecken som inte kunde läsas (�). Kontrollera filens teckenkodning.');
  }
  if (CONTROL.test(value) || (!multiline && /[\t\r\n]/.test(value))) {
    return fail(multiline ? 'Innehåller otillåtna styrtecken.' : 'Får inte innehålla radbrytningar eller styrtecken.');
  }
  if (value.length > max) return fail(`Får vara högst ${max} tecken (är ${value.length}).`);
  return ok(value);
}

const readRequiredText =
  (max: number) =>
  (value: string): CellResult<string> =>
    value === '' ? fail('Måste fyllas i.') : checkText(value, max);

const readOptionalText =
  (max: number, multiline = false) =>
  (value: string): CellResult<string | null> =>
    value === '' ? ok(null) : checkText(multiline ? value.replace(/\r\n?/g, '\n') : value, max, multiline);

/** The separator that joins the lines of a multi-line address cell. */
export const ADDRESS_LINE_SEPARATOR = ', ';

/**
 * An address cell. Social services' exports put "c/o …" and the street on two lines inside one quoted field; the
 * lines are joined with ", " (each trimmed, blank lines and a separator already ending a line dropped), so the address stays one line everywhere it is
 * shown, printed or exported: "c/o Andersson, Storgatan 1". docs/product.md §3 (Referral import).
 */
export function readAddress(value: string): CellResult<string | null> {
  const lines = value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  // A line that already ends in "," or ";" does not get a second separator: "c/o Hassan;" + "Norrbyvägen 3".
  const joined = lines
    .map((line, i) => (i < lines.length - 1 ? line.replace(/\s*[,;]+$/, '') : line))
    .join(ADDRESS_LINE_SEPARATOR);
  return joined === '' ? ok(null) : checkText(joined, 200);
}

/**
 * A date as Swedish offices write it: 2026-11-03 (also with a time after it, as Excel may add),
 * 20261103, or day first 3/11/2026 and 3.11.2026. Returns 'YYYY-MM-DD'.
 */
export function readSwedishDate(value: string): CellResult<string> {
  let parts: [string, string, string] | undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(value);
  if (m) parts = [m[1]!, m[2]!, m[3]!];
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(value))) parts = [m[1]!, m[2]!, m[3]!];
  else if ((m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$/.exec(value))) parts = [m[4]!, m[3]!, m[1]!];
  if (parts === undefined) {
    return fail(`"${value}" är inget datum. Skriv t.ex. 2026-11-03, 20261103 eller 3/11/2026.`);
  }
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(`Datumet "${value}" finns inte.`);
  }
  const iso = formatIsoDate(year, month, day);
  return isValidIsoDate(iso) ? ok(iso) : fail(`Datumet "${value}" finns inte.`);
}

/**
 * An amount in kronor, returned in öre (an integer). Accepts "12 345,50", "12345.50",
 * "12 345 kr", "12 345:-", "12345,-", "12.345,50" and "12,345.50"; thousands may be grouped
 * with spaces (also no-break spaces as Excel writes them). At most two decimals; never negative.
 */
export function readSekAmountOre(value: string): CellResult<number> {
  let s = value.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
  s = s
    .replace(/\s*(?:[:.,]-)\s*$/, '')
    .replace(/\s*(?:kr\.?|kronor|sek)?\s*(?:\/\s*(?:mån|månad|mån\.))?\s*$/i, '')
    .replace(/^(?:sek|kr)\s*/i, '')
    .trim();
  if (/^[-−–]/.test(s)) return fail('Beloppet kan inte vara negativt.');

  let integer: string | undefined;
  let decimals = '';
  let m: RegExpExecArray | null;
  if ((m = /^(\d+|\d{1,3}(?: \d{3})+)(?:[.,](\d{1,2}))?$/.exec(s))) {
    integer = m[1]!.replace(/ /g, '');
    decimals = m[2] ?? '';
  } else if ((m = /^(\d{1,3}(?:\.\d{3})+),(\d{1,2})$/.exec(s))) {
    integer = m[1]!.replace(/\./g, '');
    decimals = m[2]!;
  } else if ((m = /^(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/.exec(s))) {
    integer = m[1]!.replace(/,/g, '');
    decimals = m[2]!;
  }
  if (integer === undefined) {
    return fail(`"${value}" är inget belopp. Skriv t.ex. 12 345,50 eller 12345 (högst två decimaler).`);
  }
  if (integer.replace(/^0+/, '').length > 12) return fail('Beloppet är för stort.');
  return ok(Number(integer) * 100 + Number(decimals.padEnd(2, '0')));
}

const YES = new Set(['ja', 'j', 'yes', 'y', '1', 'x', 'sant', 'true']);
const NO = new Set(['nej', 'n', 'no', '0', 'falskt', 'false']);

/** Ja/Nej, 1/0, x (a ticked box), Sant/Falskt; empty is null. */
export function readYesNo(value: string): CellResult<boolean | null> {
  if (value === '') return ok(null);
  const key = value.toLowerCase();
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail(`"${value}" går inte att tolka. Skriv Ja eller Nej (eller 1/0, x för ja).`);
}

/** A Swedish phone number as typed: starts with 0 or +, 7–15 digits, spaces and - ( ) / allowed. */
export function readPhone(value: string): CellResult<string | null> {
  if (value === '') return ok(null);
  const compact = value.replace(/\s+/g, ' ');
  if (!/^\+?[\d ()\-/.]+$/.test(compact)) {
    return fail(`"${value}" är inget telefonnummer. Använd bara siffror, mellanslag, bindestreck och +.`);
  }
  const digits = compact.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return fail(`"${value}" har ${digits} siffror; ett telefonnummer har 7–15.`);
  if (!/^[+0]/.test(compact)) {
    return fail(
      `"${value}" ska börja med 0 eller + (riktnummer). Excel kan ha tagit bort en inledande nolla – formatera kolumnen som text.`,
    );
  }
  return ok(compact);
}

const emailFormat = z.email();

export function readEmail(value: string): CellResult<string | null> {
  if (value === '') return ok(null);
  if (value.length > 254 || !emailFormat.safeParse(value).success) {
    return fail(`"${value}" är ingen giltig e-postadress.`);
  }
  return ok(value);
}

/** Swedish postcode, five digits with or without a space; returned as "503 32". */
export function readPostalCode(value: string): CellResult<string | null> {
  if (value === '') return ok(null);
  const m = /^(?:SE-?\s?)?(\d{3}) ?(\d{2})$/i.exec(value);
  if (!m) return fail(`"${value}" är inget postnummer. Skriv fem siffror, t.ex. 503 32.`);
  return ok(`${m[1]} ${m[2]}`);
}

/** Children in the household: a number (0–20) or Ja/Nej; empty means not stated. */
export function readChildren(value: string): CellResult<{ any: boolean | null; count: number | null }> {
  if (value === '') return ok({ any: null, count: null });
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count > 20) return fail(`${count} barn verkar fel; ange antalet barn (0–20) eller Ja/Nej.`);
    return ok({ any: count > 0, count });
  }
  const yesNo = readYesNo(value);
  if (!yesNo.ok) return fail(`"${value}" går inte att tolka. Ange antalet barn eller Ja/Nej.`);
  return ok({ any: yesNo.value, count: yesNo.value === false ? 0 : null });
}

/**
 * A personnummer or samordningsnummer cell in any form parsePersonnummer accepts; spaces are
 * ignored ("870103 - 2396"). Recognises a number Excel has turned into "1,98701E+11".
 */
export function readPersonnummer(
  value: string,
  today: string,
): CellResult<{ canonical: string; kind: PersonnummerKind; birthDate: string }> {
  const compact = value.replace(/\s+/g, '');
  if (compact === '') return fail('Måste fyllas i.');
  if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(compact)) {
    return fail(
      `"${value}" har gjorts om till ett tal av Excel. Formatera kolumnen som text och skriv in personnumren igen.`,
    );
  }
  const result = parsePersonnummer(compact, today);
  return result.ok
    ? ok({ canonical: result.canonical, kind: result.kind, birthDate: result.birthDate })
    : fail(result.reason);
}

/** Highest monthly assistance amount accepted, in kronor (a guard against misplaced decimals). */
export const MAX_MONTHLY_ASSISTANCE_SEK = 100_000;

// ---------------------------------------------------------------------------------------------
// The row schema.

/** 100000 → "100 000" (Swedish digit grouping, independent of the runtime's locale data). */
function formatThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Text as it should be stored: Unicode NFC, surrounding whitespace removed. */
function cleanCell(raw: string | undefined): string {
  return (raw ?? '').normalize('NFC').trim();
}

/** A zod schema for one cell, reading it with `read` and prefixing messages with the label. */
function cell<T>(field: ReferralField, read: (value: string) => CellResult<T>) {
  const label = referralFieldLabels[field];
  return z
    .string({ error: `${label}: Ogiltigt värde.` })
    .optional()
    .transform((raw, ctx): T => {
      const result = read(cleanCell(raw));
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: `${label}: ${result.message}`, input: raw });
        return z.NEVER;
      }
      return result.value;
    });
}

/**
 * The schema of one referral row. Input: cell texts keyed by field (absent columns
 * undefined). Output: a {@link ReferralRow}. `today` ('YYYY-MM-DD') decides the century of
 * 10-digit personnummer and rejects future dates.
 */
export function referralRowSchema(today: string) {
  if (!isValidIsoDate(today)) throw new RangeError(`Invalid reference date: '${today}'`);
  // Building the schema costs far more than using it; `today` changes once a day.
  const cached = schemaCache.get(today);
  if (cached !== undefined) return cached;
  const schema = buildReferralRowSchema(today);
  if (schemaCache.size >= 8) schemaCache.clear();
  schemaCache.set(today, schema);
  return schema;
}

const schemaCache = new Map<string, ReturnType<typeof buildReferralRowSchema>>();

function buildReferralRowSchema(today: string) {
  return z
    .object({
      personnummer: cell('personnummer', (value) => readPersonnummer(value, today)),
      firstName: cell('firstName', readRequiredText(100)),
      lastName: cell('lastName', readRequiredText(100)),
      phone: cell('phone', readPhone),
      email: cell('email', readEmail),
      address: cell('address', readAddress),
      postalCode: cell('postalCode', readPostalCode),
      city: cell('city', readOptionalText(100)),
      district: cell('district', readOptionalText(100)),
      referralDate: cell('referralDate', (value) => {
        if (value === '') return fail('Måste fyllas i.');
        const date = readSwedishDate(value);
        if (date.ok && date.value > today) return fail(`${date.value} ligger efter dagens datum.`);
        return date;
      }),
      caseworkerName: cell('caseworkerName', readRequiredText(200)),
      caseworkerUnit: cell('caseworkerUnit', readOptionalText(200)),
      caseworkerPhone: cell('caseworkerPhone', readPhone),
      caseworkerEmail: cell('caseworkerEmail', readEmail),
      longTermRecipient: cell('longTermRecipient', readYesNo),
      childrenInHousehold: cell('childrenInHousehold', readChildren),
      monthlyAssistance: cell('monthlyAssistance', (value) => {
        if (value === '') return ok(null);
        const ore = readSekAmountOre(value);
        if (ore.ok && ore.value > MAX_MONTHLY_ASSISTANCE_SEK * 100) {
          return fail(
            `${value} är orimligt högt (över ${formatThousands(MAX_MONTHLY_ASSISTANCE_SEK)} kr per månad). Kontrollera decimaltecknet.`,
          );
        }
        return ore;
      }),
      note: cell('note', readOptionalText(4000, true)),
    })
    .transform((r): ReferralRow => ({
      personnummer: r.personnummer.canonical,
      identityKind: r.personnummer.kind,
      birthDate: r.personnummer.birthDate,
      firstName: r.firstName,
      lastName: r.lastName,
      phone: r.phone,
      email: r.email,
      address: r.address,
      postalCode: r.postalCode,
      city: r.city,
      district: r.district,
      referralDate: r.referralDate,
      caseworkerName: r.caseworkerName,
      caseworkerUnit: r.caseworkerUnit,
      caseworkerPhone: r.caseworkerPhone,
      caseworkerEmail: r.caseworkerEmail,
      longTermRecipient: r.longTermRecipient ?? false,
      hasChildrenInHousehold: r.childrenInHousehold.any,
      childrenInHousehold: r.childrenInHousehold.count,
      monthlyAssistanceSek: r.monthlyAssistance === null ? null : r.monthlyAssistance / 100,
      note: r.note,
    }));
}

/** A validated referral row, ready to become a participant. */
export interface ReferralRow {
  /** Canonical 12 digits YYYYMMDDNNNC. */
  personnummer: string;
  identityKind: PersonnummerKind;
  /** YYYY-MM-DD. */
  birthDate: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  /** One line: the lines of a multi-line cell joined with ", ". */
  address: string | null;
  /** "NNN NN". */
  postalCode: string | null;
  city: string | null;
  district: string | null;
  /** YYYY-MM-DD, not after the import date. */
  referralDate: string;
  caseworkerName: string;
  caseworkerUnit: string | null;
  caseworkerPhone: string | null;
  caseworkerEmail: string | null;
  /**
   * Long-term recipient (assistance 10 or more of the last 12 months). An empty cell or an
   * absent column counts as no, the way a column of ticks ("x") is read.
   */
  longTermRecipient: boolean;
  /** Whether there are children in the household; null when not stated. */
  hasChildrenInHousehold: boolean | null;
  /** Number of children; null when not stated or only "Ja" was given. */
  childrenInHousehold: number | null;
  /** Monthly assistance before placement in kronor, at most two decimals; null when not stated. */
  monthlyAssistanceSek: number | null;
  /** Free text; line breaks normalised to \n. */
  note: string | null;
}

export interface ReferralFieldError {
  /** The field with the problem ('row' only if the input was not an object of cell texts). */
  field: ReferralField | 'row';
  /** Swedish, starting with the field's label. */
  message: string;
}

export type ReferralRowResult = { ok: true; row: ReferralRow } | { ok: false; errors: ReferralFieldError[] };

/**
 * A validator for many rows with the same `today` (the schema is built once). On failure
 * every field with a problem is reported once, in column order of {@link REFERRAL_FIELDS}.
 */
export function referralRowParser(today: string): (input: ReferralRowInput) => ReferralRowResult {
  const schema = referralRowSchema(today);
  return (input) => {
    const result = schema.safeParse(input);
    if (result.success) return { ok: true, row: result.data };
    const errors: ReferralFieldError[] = [];
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      const field = REFERRAL_FIELDS.find((f) => f === key) ?? 'row';
      if (!errors.some((e) => e.field === field)) {
        errors.push({ field, message: field === 'row' ? 'Raden kunde inte läsas.' : issue.message });
      }
    }
    return { ok: false, errors };
  };
}
