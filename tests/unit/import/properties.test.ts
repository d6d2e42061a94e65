/**
 * Property-based tests of the referral import (fast-check, fixed seed so failures reproduce).
 *
 * (a) parseDelimited and previewReferralFile never throw, whatever the bytes.
 * (b) Valid rows written in any supported encoding, separator, line ending, header spelling,
 *     column order and value format come back valid with exactly the values written.
 * (c) Every data row of a file is accounted for exactly once, under its Excel row number.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDelimited, type Delimiter, type TextEncodingName } from '../../../src/main/import/delimited';
import { previewReferralFile } from '../../../src/main/import/referrals';
import {
  REFERRAL_FIELDS,
  REQUIRED_REFERRAL_FIELDS,
  referralFieldLabels,
  referralHeaderAliases,
  type ReferralField,
  type ReferralRow,
} from '../../../src/shared/domain/referral-import';

const SEED = 20_261_103;
const RUNS = 10_000;
/** Each property takes a few seconds; the margin is for a machine busy with other suites. */
const PROPERTY_TIMEOUT_MS = 90_000;
const TODAY = '2026-11-03';

/** Skatteverket's test personnummer, 12 digits each. */
const TEST_NUMBERS: readonly string[] = [
  ...new Set(
    readFileSync(new URL('../../../resources/testdata/skatteverket-testpersonnummer.txt', import.meta.url), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => /^\d{12}$/.test(line)),
  ),
];

const nobody = () => undefined;

// ---------------------------------------------------------------------------------------------
// Writing files the way the various tools do.

function csvCell(value: string, delimiter: Delimiter, alwaysQuote: boolean): string {
  const mustQuote = value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value);
  return mustQuote || alwaysQuote ? `"${value.replaceAll('"', '""')}"` : value;
}

interface FileFormat {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  eol: '\r\n' | '\n';
  alwaysQuote: boolean;
}

function writeFile(lines: Array<string[] | 'blank'>, format: FileFormat): Uint8Array {
  const text = lines
    .map((cells) =>
      cells === 'blank'
        ? ''
        : cells.map((c) => csvCell(c, format.delimiter, format.alwaysQuote)).join(format.delimiter),
    )
    .map((line) => line + format.eol)
    .join('');
  switch (format.encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'windows-1252':
      return new Uint8Array(iconv.encode(text, 'win1252'));
  }
}

const formatArb = fc.record({
  encoding: fc.constantFrom<TextEncodingName>('utf-8', 'utf-8-bom', 'windows-1252'),
  delimiter: fc.constantFrom<Delimiter>(';', ',', '\t'),
  eol: fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'),
  alwaysQuote: fc.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Text generators. Windows-1252 text avoids the characters 0x80–0xBF of that code page (€, –,
// ’ …): a Latin-1 letter followed by one of them can form valid UTF-8, and such a file is
// rightly read as UTF-8. Those characters are covered by the example tests.

const LATIN = [...'abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ'];
const WORLD = [...'ŁłğşıễßЖжمحدأ'];

function textArb(opts: { unicode: boolean; extra?: string; minLength?: number; maxLength: number }) {
  const chars = [...LATIN, ...(opts.unicode ? WORLD : []), ...(opts.extra ?? '')];
  return fc
    .array(fc.constantFrom(...chars), { minLength: opts.minLength ?? 1, maxLength: opts.maxLength })
    .map((cs) => cs.join('').replace(/\s+/g, ' ').trim())
    .filter((s) => s.length >= (opts.minLength ?? 1));
}

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

const phoneArb = fc.oneof(
  fc.tuple(digits(2), digits(3), digits(2), digits(2)).map(([a, b, c, d]) => `07${a.slice(1)}-${b} ${c} ${d}`),
  fc.tuple(digits(2), digits(7)).map(([a, b]) => `+46 ${a.replace(/^0/, '7')} ${b}`),
  fc.tuple(digits(2), digits(6)).map(([a, b]) => `033-${a}${b}`),
);

const emailArb = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/),
    fc.option(fc.stringMatching(/^[a-z0-9]{1,8}$/), { nil: undefined }),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
  )
  .map(([local, sub, domain]) => `${local}${sub === undefined ? '' : `.${sub}`}@${domain}.se`);

/** A value and the text written for it in the file. */
interface Cell<T> {
  value: T;
  text: string;
}

const dateArb: fc.Arbitrary<Cell<string>> = fc
  .record({
    y: fc.integer({ min: 2000, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    form: fc.constantFrom('iso', 'compact', 'slash', 'slash0', 'dot'),
  })
  .filter(({ y, m }) => y < 2026 || m <= 10)
  .map(({ y, m, d, form }) => {
    const mm = String(m).padStart(2, '0');
    const dd = String(d).padStart(2, '0');
    const text = {
      iso: `${y}-${mm}-${dd}`,
      compact: `${y}${mm}${dd}`,
      slash: `${d}/${m}/${y}`,
      slash0: `${dd}/${mm}/${y}`,
      dot: `${d}.${m}.${y}`,
    }[form];
    return { value: `${y}-${mm}-${dd}`, text };
  });

function groupThousands(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const amountArb: fc.Arbitrary<Cell<number>> = fc
  .record({ ore: fc.integer({ min: 0, max: 10_000_000 }), form: fc.integer({ min: 0, max: 6 }) })
  .map(({ ore, form }) => {
    const kr = Math.floor(ore / 100);
    const dec = String(ore % 100).padStart(2, '0');
    const texts = [
      `${groupThousands(kr, ' ')},${dec}`,
      `${kr}.${dec}`,
      `${groupThousands(kr, '\u00a0')},${dec}`,
      `${groupThousands(kr, '.')},${dec}`,
      `${groupThousands(kr, ',')}.${dec}`,
      ore % 100 === 0 ? `${groupThousands(kr, ' ')} kr` : `${kr},${dec} kr`,
      ore % 10 === 0 ? `${kr},${dec.slice(0, 1)}` : `${kr},${dec}`,
    ];
    return { value: ore / 100, text: texts[form]! };
  });

const longTermArb: fc.Arbitrary<Cell<boolean>> = fc.oneof(
  fc.constantFrom('Ja', 'ja', 'JA', '1', 'x', 'X').map((text) => ({ value: true, text })),
  fc.constantFrom('Nej', 'nej', '0', '').map((text) => ({ value: false, text })),
);

const childrenArb: fc.Arbitrary<Cell<{ any: boolean | null; count: number | null }>> = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((n) => ({ value: { any: n > 0, count: n }, text: String(n) })),
  fc.constant({ value: { any: true, count: null }, text: 'Ja' }),
  fc.constant({ value: { any: false, count: 0 }, text: 'Nej' }),
  fc.constant({ value: { any: null, count: null }, text: '' }),
);

const postalArb: fc.Arbitrary<Cell<string>> = fc
  .tuple(fc.integer({ min: 100, max: 984 }), digits(2), fc.boolean())
  .map(([a, b, spaced]) => ({ value: `${a} ${b}`, text: spaced ? `${a} ${b}` : `${a}${b}` }));

/** The text written for a personnummer: 12 digits, with separator, or 10 digits. */
function personnummerText(canonical: string, form: number): string {
  const tenDigitSeparator =
    `${Number(canonical.slice(0, 4)) + 100}${canonical.slice(4, 8)}` <= TODAY.replaceAll('-', '') ? '+' : '-';
  switch (form) {
    case 0:
      return canonical;
    case 1:
      return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
    case 2:
      return `${canonical.slice(2, 8)}${tenDigitSeparator}${canonical.slice(8)}`;
    default:
      return tenDigitSeparator === '-' ? canonical.slice(2) : `${canonical.slice(2, 8)}+${canonical.slice(8)}`;
  }
}

/** One generated referral: the cell text of each field and the row expected back. */
interface GeneratedReferral {
  cells: Record<ReferralField, string>;
  expected: ReferralRow;
}

function referralArb(unicode: boolean): fc.Arbitrary<(personnummer: string) => GeneratedReferral> {
  const name = textArb({ unicode, extra: " -'", maxLength: 30 });
  const free = textArb({ unicode, extra: ' ,;"\t-0123456789', maxLength: 60 });
  const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
  return fc
    .record({
      pnrForm: fc.integer({ min: 0, max: 3 }),
      firstName: name,
      lastName: name,
      phone: opt(phoneArb),
      email: opt(emailArb),
      address: opt(free),
      postalCode: opt(postalArb),
      city: opt(name),
      district: opt(name),
      referralDate: dateArb,
      caseworkerName: name,
      caseworkerUnit: opt(free),
      caseworkerPhone: opt(phoneArb),
      caseworkerEmail: opt(emailArb),
      longTerm: longTermArb,
      children: childrenArb,
      amount: opt(amountArb),
      note: opt(fc.array(free, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'))),
    })
    .map((g) => (personnummer: string): GeneratedReferral => {
      const birth = personnummer.slice(0, 8);
      return {
        cells: {
          personnummer: personnummerText(personnummer, g.pnrForm),
          firstName: g.firstName,
          lastName: g.lastName,
          phone: g.phone ?? '',
          email: g.email ?? '',
          address: g.address ?? '',
          postalCode: g.postalCode?.text ?? '',
          city: g.city ?? '',
          district: g.district ?? '',
          referralDate: g.referralDate.text,
          caseworkerName: g.caseworkerName,
          caseworkerUnit: g.caseworkerUnit ?? '',
          caseworkerPhone: g.caseworkerPhone ?? '',
          caseworkerEmail: g.caseworkerEmail ?? '',
          longTermRecipient: g.longTerm.text,
          childrenInHousehold: g.children.text,
          monthlyAssistance: g.amount?.text ?? '',
          note: g.note ?? '',
        },
        expected: {
          personnummer,
          identityKind: 'personnummer',
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
          firstName: g.firstName,
          lastName: g.lastName,
          phone: g.phone,
          email: g.email,
          address: g.address,
          postalCode: g.postalCode?.value ?? null,
          city: g.city,
          district: g.district,
          referralDate: g.referralDate.value,
          caseworkerName: g.caseworkerName,
          caseworkerUnit: g.caseworkerUnit,
          caseworkerPhone: g.caseworkerPhone,
          caseworkerEmail: g.caseworkerEmail,
          longTermRecipient: g.longTerm.value,
          hasChildrenInHousehold: g.children.value.any,
          childrenInHousehold: g.children.value.count,
          monthlyAssistanceSek: g.amount?.value ?? null,
          note: g.note,
        },
      };
    });
}

/** What an absent optional column reads as. */
const ABSENT: Partial<ReferralRow> = {
  phone: null,
  email: null,
  address: null,
  postalCode: null,
  city: null,
  district: null,
  caseworkerUnit: null,
  caseworkerPhone: null,
  caseworkerEmail: null,
  longTermRecipient: false,
  hasChildrenInHousehold: null,
  childrenInHousehold: null,
  monthlyAssistanceSek: null,
  note: null,
};

const ABSENT_KEYS: Partial<Record<ReferralField, Array<keyof ReferralRow>>> = {
  longTermRecipient: ['longTermRecipient'],
  childrenInHousehold: ['hasChildrenInHousehold', 'childrenInHousehold'],
  monthlyAssistance: ['monthlyAssistanceSek'],
};

function stripDiacritics(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** A header spelling for a field: any alias, in any case, with or without diacritics. */
const headerArb = (field: ReferralField) =>
  fc
    .record({
      alias: fc.constantFrom(...referralHeaderAliases[field]),
      casing: fc.constantFrom('as-is', 'upper', 'lower'),
      ascii: fc.boolean(),
    })
    .map(({ alias, casing, ascii }) => {
      const cased = casing === 'upper' ? alias.toUpperCase() : casing === 'lower' ? alias.toLowerCase() : alias;
      return ascii ? stripDiacritics(cased) : cased;
    });

const isAscii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 0x80);

// ---------------------------------------------------------------------------------------------

describe('property: never throws', () => {
  it(
    'on arbitrary bytes',
    () => {
      fc.assert(
        // Predicates return booleans rather than calling expect(): cheaper at 10,000 runs.
        fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
          const parsed = parseDelimited(bytes);
          const parsedOk = 'error' in parsed ? parsed.error.length > 0 : Array.isArray(parsed.rows);
          const preview = previewReferralFile(bytes, { today: TODAY, existingPersonnummer: nobody });
          const previewOk = preview.ok
            ? preview.valid.length + preview.invalid.length === preview.totalRows
            : preview.error.length > 0;
          return parsedOk && previewOk;
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'on arbitrary CSV-like text, with and without a valid header, in every encoding',
    () => {
      const header = REFERRAL_FIELDS.map((f) => referralFieldLabels[f]).join(';');
      const csvish = fc.string({
        unit: fc.oneof(
          fc.constantFrom(
            ';',
            ',',
            '\t',
            '"',
            '\n',
            '\r',
            ' ',
            'x',
            '1',
            '9',
            '-',
            '+',
            '/',
            '.',
            'å',
            '€',
            '\u00a0',
            'E',
          ),
          fc.constantFrom(...TEST_NUMBERS.slice(0, 50)),
          // Any UTF-16 code unit, lone surrogates included.
          fc.nat(0xffff).map((code) => String.fromCharCode(code)),
        ),
        maxLength: 100,
      });
      fc.assert(
        fc.property(fc.boolean(), csvish, fc.constantFrom('utf8', 'bom', 'win1252'), (withHeader, body, encoding) => {
          const text = withHeader ? `${header}\r\n${body}` : body;
          const bytes =
            encoding === 'win1252'
              ? new Uint8Array(iconv.encode(text, 'win1252'))
              : new Uint8Array([...(encoding === 'bom' ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);
          const parsed = parseDelimited(bytes);
          const rowsOk =
            'error' in parsed ||
            parsed.rows.every((row, i) => row.rowNumber >= 2 + i && row.cells.some((c) => c !== ''));
          const preview = previewReferralFile(bytes, { today: TODAY, existingPersonnummer: nobody });
          const previewOk = !preview.ok || preview.valid.length + preview.invalid.length === preview.totalRows;
          return rowsOk && previewOk;
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('property: round trip of valid rows', () => {
  const optionalFields = REFERRAL_FIELDS.filter((f) => !REQUIRED_REFERRAL_FIELDS.includes(f));

  const headersArb = fc.record(
    Object.fromEntries(REFERRAL_FIELDS.map((f) => [f, headerArb(f)])) as Record<ReferralField, fc.Arbitrary<string>>,
  );
  const referralArbs = { unicode: referralArb(true), latin: referralArb(false) };
  /** 1–4 referrals with distinct test personnummer. */
  const referralsArb = (unicode: boolean) =>
    fc
      .uniqueArray(
        fc.tuple(
          fc.integer({ min: 0, max: TEST_NUMBERS.length - 1 }),
          unicode ? referralArbs.unicode : referralArbs.latin,
        ),
        {
          minLength: 1,
          maxLength: 4,
          selector: ([index]) => index,
        },
      )
      .map((pairs) => pairs.map(([index, make]) => make(TEST_NUMBERS[index]!)));
  const referralsByAlphabet = { unicode: referralsArb(true), latin: referralsArb(false) };

  const caseArb = fc
    .record({
      format: formatArb,
      order: fc.shuffledSubarray([...REFERRAL_FIELDS], { minLength: REFERRAL_FIELDS.length }),
      included: fc.subarray(optionalFields),
      headers: headersArb,
      existing: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      blankAfter: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
    })
    .chain((c) =>
      (c.format.encoding === 'windows-1252' ? referralsByAlphabet.latin : referralsByAlphabet.unicode).map(
        (referrals) => ({
          ...c,
          referrals,
        }),
      ),
    );

  it(
    'returns every written row as valid with identical values',
    () => {
      fc.assert(
        fc.property(caseArb, ({ format, order, included, headers, referrals, existing, blankAfter }) => {
          const columns = order.filter((f) => REQUIRED_REFERRAL_FIELDS.includes(f) || included.includes(f));
          const lines: Array<string[] | 'blank'> = [columns.map((f) => headers[f])];
          const expectedRowNumbers: number[] = [];
          referrals.forEach((r, i) => {
            lines.push(columns.map((f) => r.cells[f]));
            expectedRowNumbers.push(lines.length);
            for (let b = 0; b < blankAfter[i]!; b++) lines.push('blank');
          });
          const bytes = writeFile(lines, format);

          const existingSet = new Map(
            referrals
              .filter((_, i) => existing[i])
              .map((r, i) => [r.expected.personnummer, { id: `p${i}`, name: 'X' }]),
          );
          const preview = previewReferralFile(bytes, {
            today: TODAY,
            existingPersonnummer: (canonical) => existingSet.get(canonical),
          });
          if (!preview.ok) throw new Error(preview.error);

          const allText = lines.flatMap((l) => (l === 'blank' ? [] : l)).join('');
          const absentKeys = optionalFields
            .filter((f) => !columns.includes(f))
            .flatMap((f) => ABSENT_KEYS[f] ?? [f as keyof ReferralRow]);
          expect({
            encoding: preview.encoding,
            delimiter: preview.delimiter,
            totalRows: preview.totalRows,
            invalid: preview.invalid,
            valid: preview.valid.map((v) => ({ rowNumber: v.rowNumber, row: v.row, duplicateOf: v.duplicateOf })),
          }).toEqual({
            encoding: format.encoding === 'windows-1252' && isAscii(allText) ? 'utf-8' : format.encoding,
            delimiter: format.delimiter,
            totalRows: referrals.length,
            invalid: [],
            valid: referrals.map((r, i) => {
              const row: ReferralRow = { ...r.expected };
              for (const key of absentKeys) Object.assign(row, { [key]: ABSENT[key] });
              return { rowNumber: expectedRowNumbers[i], row, duplicateOf: existingSet.get(r.expected.personnummer) };
            }),
          });
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('property: every row is accounted for exactly once', () => {
  const HEADER_FIELDS: ReferralField[] = [...REQUIRED_REFERRAL_FIELDS, 'monthlyAssistance', 'note', 'email'];
  const pool = TEST_NUMBERS.slice(1000, 1006);

  const garbage = fc.string({
    unit: fc.constantFrom(';', ',', '\t', '"', '\n', ' ', 'a', 'Ö', '1', '0', '-', '/', '.', '€', 'E', '+'),
    maxLength: 10,
  });
  const cellArb = fc.oneof(
    { arbitrary: garbage, weight: 2 },
    { arbitrary: fc.constantFrom('', 'Anna', 'Eva Ek', '2026-10-01', '12 345,50', 'a@b.se', '3/11/2026'), weight: 3 },
  );
  /** The first cell is never blank, so no generated row is skipped as empty. */
  const firstCellArb = fc.oneof(
    { arbitrary: fc.constantFrom(...pool), weight: 4 },
    { arbitrary: garbage.filter((s) => s.trim() !== ''), weight: 1 },
  );
  /** Mostly as many cells as columns; sometimes one too few or one too many. */
  const cellCountArb = fc.oneof(
    { arbitrary: fc.constant(HEADER_FIELDS.length), weight: 6 },
    { arbitrary: fc.constantFrom(HEADER_FIELDS.length - 1, HEADER_FIELDS.length + 1), weight: 1 },
  );
  const rowArb = cellCountArb.chain((count) =>
    fc
      .tuple(firstCellArb, fc.array(cellArb, { minLength: count - 1, maxLength: count - 1 }))
      .map(([first, rest]) => [first, ...rest]),
  );

  it(
    'valid + invalid = total, each Excel row number once',
    () => {
      fc.assert(
        fc.property(
          formatArb.filter((f) => f.encoding !== 'windows-1252'),
          fc.array(fc.tuple(rowArb, fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 5 }),
          (format, rows) => {
            const lines: Array<string[] | 'blank'> = [HEADER_FIELDS.map((f) => referralFieldLabels[f])];
            const expectedRowNumbers: number[] = [];
            for (const [cells, blanks] of rows) {
              lines.push(cells);
              expectedRowNumbers.push(lines.length);
              for (let b = 0; b < blanks; b++) lines.push('blank');
            }
            const preview = previewReferralFile(writeFile(lines, format), {
              today: TODAY,
              existingPersonnummer: nobody,
            });
            if (!preview.ok) throw new Error(preview.error);

            // Plain checks collected and asserted once: expect() per item would dominate the run time.
            const problems: string[] = [];
            const seen = [...preview.valid, ...preview.invalid].map((r) => r.rowNumber).sort((a, b) => a - b);
            if (preview.totalRows !== rows.length) problems.push(`totalRows ${preview.totalRows} ≠ ${rows.length}`);
            if (seen.join() !== expectedRowNumbers.join())
              problems.push(`rows ${seen.join()} ≠ ${expectedRowNumbers.join()}`);
            for (const bad of preview.invalid) {
              if (bad.errors.length === 0) problems.push(`row ${bad.rowNumber} invalid without a reason`);
              for (const e of bad.errors) {
                const label = e.field === 'row' ? 'Raden' : referralFieldLabels[e.field];
                if (!e.message.startsWith(label))
                  problems.push(`row ${bad.rowNumber}: "${e.message}" does not name ${label}`);
              }
            }
            const validNumbers = preview.valid.map((v) => v.row.personnummer);
            if (new Set(validNumbers).size !== validNumbers.length) problems.push('a personnummer is valid twice');
            const invalidRows = new Set(preview.invalid.map((r) => r.rowNumber));
            for (const d of preview.duplicatesInFile) {
              if (!invalidRows.has(d.rowNumber) || d.sameAsRow >= d.rowNumber)
                problems.push(`bad duplicate ${JSON.stringify(d)}`);
            }
            expect(problems).toEqual([]);
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
