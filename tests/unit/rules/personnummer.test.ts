import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import rows from '../../fixtures/personnummer-list.json';
import {
  ageOn,
  birthDateOf,
  formatPersonnummer,
  parsePersonnummer,
  personnummerCheckDigit,
  personnummerSchema,
} from '../../../src/shared/rules/personnummer';
import { addDays, isValidIsoDate } from '../../../src/shared/rules/dates';

const TODAY = '2026-11-23';
const FORMATS = ['long_format', 'short_format', 'separated_format', 'separated_long'] as const;

type FixtureRow = {
  long_format: string;
  short_format: string;
  separated_format: string;
  separated_long: string;
  valid: boolean;
  type: 'ssn' | 'con';
};
const fixture = rows as FixtureRow[];

/** Builds a 10-digit number YYMMDD<sep>NNNC with a correct check digit. */
function withCheckDigit(yymmdd: string, birthNumber: string, separator = '-'): string {
  return `${yymmdd}${separator}${birthNumber}${personnummerCheckDigit(yymmdd + birthNumber)}`;
}

function reasonOf(input: string, today = TODAY): string {
  const result = parsePersonnummer(input, today);
  if (result.ok) throw new Error(`expected '${input}' to be rejected`);
  return result.reason;
}

function parsedOk(input: string, today = TODAY) {
  const result = parsePersonnummer(input, today);
  if (!result.ok) throw new Error(`expected '${input}' to be accepted, got: ${result.reason}`);
  return result;
}

describe('parsePersonnummer against the shared fixture (today 2026-11-23)', () => {
  it('has rows of both kinds and both answers', () => {
    expect(fixture.length).toBeGreaterThanOrEqual(10);
    expect(new Set(fixture.map((r) => `${r.type}:${r.valid}`))).toEqual(
      new Set(['ssn:true', 'ssn:false', 'con:true', 'con:false']),
    );
  });

  for (const row of fixture) {
    for (const format of FORMATS) {
      it(`${format} '${row[format]}' is ${row.valid ? 'valid' : 'invalid'}`, () => {
        expect(parsePersonnummer(row[format], TODAY).ok).toBe(row.valid);
      });
    }
  }

  it('gives the same canonical form, kind and birth date for the 12-digit and separated forms of a valid row', () => {
    for (const row of fixture.filter((r) => r.valid)) {
      const expectedKind = row.type === 'con' ? 'samordningsnummer' : 'personnummer';
      for (const format of ['long_format', 'separated_format', 'separated_long'] as const) {
        const result = parsedOk(row[format]);
        expect(result.canonical).toBe(row.long_format);
        expect(result.kind).toBe(expectedKind);
      }
    }
  });

  it('reads a 10-digit number without separator as under 100 years old', () => {
    // 187912219990: the '+' form means 1879, the bare short form means 1979.
    expect(parsedOk('791221+9990').canonical).toBe('187912219990');
    expect(parsedOk('7912219990').canonical).toBe('197912219990');
  });

  it('gives the reason behind each kind of invalid fixture row', () => {
    expect(reasonOf('20150916-0006')).toMatch(/födelsenummer.*000/i); // Luhn is fine, 000 is never issued
    expect(reasonOf('19870704-9996')).toBe('Kontrollsiffran stämmer inte.');
    expect(reasonOf('19390182-9913')).toBe('Kontrollsiffran stämmer inte.'); // samordningsnummer
    expect(reasonOf('19090527 1474')).toMatch(/^Ogiltigt format/); // space is not a separator
  });
});

describe('parsePersonnummer: formats and century', () => {
  it('accepts a well-known valid example in every format, with surrounding whitespace', () => {
    for (const input of [
      '811218-9876',
      '8112189876',
      '198112189876',
      '19811218-9876',
      '  811218-9876\t',
      '\n19811218-9876 ',
    ]) {
      const result = parsedOk(input);
      expect(result).toEqual({ ok: true, canonical: '198112189876', kind: 'personnummer', birthDate: '1981-12-18' });
    }
  });

  it("uses '+' to move a 10-digit number one century back (100 years or older)", () => {
    const minus = withCheckDigit('400101', '123', '-');
    const plus = withCheckDigit('400101', '123', '+');
    expect(parsedOk(minus).birthDate).toBe('1940-01-01');
    expect(parsedOk(plus).birthDate).toBe('1840-01-01');
    expect(parsedOk(plus).canonical).toBe(`18${plus.replace('+', '')}`);
  });

  it('chooses the century so that the birth date is not after the reference date', () => {
    const bornToday = withCheckDigit('261123', '456');
    const bornTomorrow = withCheckDigit('261124', '456');
    expect(parsedOk(bornToday).birthDate).toBe('2026-11-23');
    expect(parsedOk(bornTomorrow).birthDate).toBe('1926-11-24');
    // The same number read a day later belongs to a newborn.
    expect(parsedOk(bornTomorrow, '2026-11-24').birthDate).toBe('2026-11-24');
  });

  it("treats the 100th birthday as the day '+' starts to apply", () => {
    expect(parsedOk(withCheckDigit('261123', '456', '+')).birthDate).toBe('1926-11-23'); // 100 today
    expect(parsedOk(withCheckDigit('261124', '456', '+')).birthDate).toBe('1826-11-24'); // 1926 would be 99
  });

  it("accepts a 12-digit number with '+' only when the holder is 100 or older", () => {
    expect(parsedOk('19090527+1474').canonical).toBe('190905271474');
    expect(parsedOk(`19${withCheckDigit('261123', '456', '+')}`).birthDate).toBe('1926-11-23'); // 100 today
    expect(reasonOf('19821105+9954')).toMatch(/^Plustecken används bara/);
    expect(reasonOf(`19${withCheckDigit('261124', '456', '+')}`)).toMatch(/^Plustecken/); // 99 years old
  });

  it('decides 29 February per resolved century', () => {
    const leap = withCheckDigit('000229', '123');
    expect(parsedOk(leap).birthDate).toBe('2000-02-29');
    // With '+' the year is 1900, which was not a leap year.
    expect(reasonOf(withCheckDigit('000229', '123', '+'))).toBe('Ogiltigt datum i personnumret.');
    expect(reasonOf(`19${withCheckDigit('000229', '123')}`)).toBe('Ogiltigt datum i personnumret.');
    expect(reasonOf(withCheckDigit('250229', '123'))).toMatch(/^Ogiltigt datum/);
    expect(parsedOk(withCheckDigit('240229', '123')).birthDate).toBe('2024-02-29');
  });
});

describe('parsePersonnummer: samordningsnummer', () => {
  it('subtracts 60 from the day for the birth date and keeps the number as is', () => {
    const result = parsedOk('570574-9959');
    expect(result).toEqual({ ok: true, canonical: '195705749959', kind: 'samordningsnummer', birthDate: '1957-05-14' });
  });

  it('accepts days 61–91 when the real date exists', () => {
    expect(parsedOk(withCheckDigit('900161', '234')).birthDate).toBe('1990-01-01');
    expect(parsedOk(withCheckDigit('900191', '234')).birthDate).toBe('1990-01-31');
    expect(parsedOk(withCheckDigit('000289', '234')).birthDate).toBe('2000-02-29');
  });

  it('rejects impossible coordination dates', () => {
    expect(reasonOf(withCheckDigit('900192', '234'))).toMatch(/^Ogiltigt datum i samordningsnumret/); // "day 32"
    expect(reasonOf(withCheckDigit('900491', '234'))).toMatch(/^Ogiltigt datum i samordningsnumret/); // 31 April
    expect(reasonOf(withCheckDigit('010289', '234'))).toMatch(/^Ogiltigt datum i samordningsnumret/); // 29 Feb 2001
  });
});

describe('parsePersonnummer: rejections with Swedish reasons', () => {
  it('rejects empty input', () => {
    expect(reasonOf('')).toBe('Personnummer saknas.');
    expect(reasonOf('   ')).toBe('Personnummer saknas.');
  });

  it('rejects garbage and wrong lengths as a format error', () => {
    for (const input of [
      'abc',
      '12345',
      '811218-987',
      '811218-98765',
      '1981121898765',
      '81121898766',
      '811218--9876',
      '8112I8-9876',
      '811218/9876',
      '811218 9876',
      '81-12-18-9876',
      '19811218-98 76',
      '１９８１１２１８９８７６', // full-width digits
    ]) {
      expect(reasonOf(input), input).toMatch(/^Ogiltigt format: ange 10 eller 12 siffror/);
    }
  });

  it('rejects a wrong check digit for every wrong digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === 6) continue;
      expect(reasonOf(`811218-987${digit}`)).toBe('Kontrollsiffran stämmer inte.');
    }
  });

  it('rejects impossible dates', () => {
    expect(reasonOf(withCheckDigit('811318', '987'))).toBe('Ogiltigt datum i personnumret.'); // month 13
    expect(reasonOf(withCheckDigit('810018', '987'))).toBe('Ogiltigt datum i personnumret.'); // month 00
    expect(reasonOf(withCheckDigit('810100', '987'))).toBe('Ogiltigt datum i personnumret.'); // day 00
    expect(reasonOf(withCheckDigit('810431', '987'))).toBe('Ogiltigt datum i personnumret.'); // 31 April
    expect(reasonOf(withCheckDigit('810145', '987'))).toBe('Ogiltigt datum i personnumret.'); // day 45
    expect(reasonOf(withCheckDigit('810160', '987'))).toBe('Ogiltigt datum i personnumret.'); // day 60 = coordination day 0
  });

  it('rejects a 12-digit number born after the reference date', () => {
    expect(reasonOf(`20${withCheckDigit('261124', '456')}`)).toBe('Födelsedatumet ligger i framtiden.');
    expect(parsedOk(`20${withCheckDigit('261123', '456')}`).birthDate).toBe('2026-11-23');
  });

  it('rejects the birth number 000 even with a correct check digit', () => {
    expect(reasonOf(withCheckDigit('811218', '000'))).toBe('Ogiltigt födelsenummer: 000 används inte.');
    expect(parsedOk(withCheckDigit('811218', '001')).ok).toBe(true);
  });

  it('refuses an invalid reference date (a programming error)', () => {
    expect(() => parsePersonnummer('811218-9876', '2026-02-30')).toThrow(RangeError);
    expect(() => parsePersonnummer('811218-9876', '')).toThrow(RangeError);
  });
});

describe('parsePersonnummer: properties', () => {
  const birthArb = fc
    .integer({ min: 0, max: 36000 })
    .map((n) => addDays('1927-01-01', n))
    .filter((d) => d <= TODAY);
  const birthNumberArb = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));

  it('accepts every real date with any birth number and a computed check digit, in all formats', () => {
    fc.assert(
      fc.property(birthArb, birthNumberArb, fc.boolean(), (birth, birthNumber, coordination) => {
        const [y, m, d] = birth.split('-') as [string, string, string];
        const day = coordination ? String(Number(d) + 60) : d;
        const ten = withCheckDigit(`${y.slice(2)}${m}${day}`, birthNumber, '');
        const canonical = `${y.slice(0, 2)}${ten}`;
        for (const input of [ten, canonical, formatPersonnummer(canonical), `${ten.slice(0, 6)}-${ten.slice(6)}`]) {
          const result = parsePersonnummer(input, TODAY);
          expect(result).toEqual({
            ok: true,
            canonical,
            kind: coordination ? 'samordningsnummer' : 'personnummer',
            birthDate: birth,
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('detects every single-digit error in the check digit', () => {
    fc.assert(
      fc.property(birthArb, birthNumberArb, fc.integer({ min: 1, max: 9 }), (birth, birthNumber, delta) => {
        const yymmdd = birth.slice(2).replaceAll('-', '');
        const wrong = (personnummerCheckDigit(yymmdd + birthNumber) + delta) % 10;
        expect(parsePersonnummer(`${yymmdd}-${birthNumber}${wrong}`, TODAY)).toEqual({
          ok: false,
          reason: 'Kontrollsiffran stämmer inte.',
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatPersonnummer, birthDateOf, ageOn', () => {
  it('formats a canonical number as YYYYMMDD-NNNC', () => {
    expect(formatPersonnummer('198112189876')).toBe('19811218-9876');
    expect(formatPersonnummer('195705749959')).toBe('19570574-9959');
    expect(() => formatPersonnummer('811218-9876')).toThrow(RangeError);
    expect(() => formatPersonnummer('19811218987')).toThrow(RangeError);
  });

  it('derives the real birth date of a samordningsnummer', () => {
    expect(birthDateOf('195705749959')).toBe('1957-05-14');
    expect(isValidIsoDate(birthDateOf('198112189876'))).toBe(true);
  });

  it('counts full years, turning a year older on the birthday', () => {
    expect(ageOn('198112189876', '2026-12-17')).toBe(44);
    expect(ageOn('198112189876', '2026-12-18')).toBe(45);
    expect(ageOn('198112189876', '1981-12-18')).toBe(0);
  });

  it('uses the real birth date for a samordningsnummer', () => {
    expect(ageOn('195705749959', '2026-05-13')).toBe(68);
    expect(ageOn('195705749959', '2026-05-14')).toBe(69);
  });

  it('lets someone born on 29 February turn a year older on 1 March in common years', () => {
    const canonical = `20${withCheckDigit('080229', '123', '')}`;
    expect(ageOn(canonical, '2026-02-28')).toBe(17);
    expect(ageOn(canonical, '2026-03-01')).toBe(18);
    expect(ageOn(canonical, '2028-02-28')).toBe(19);
    expect(ageOn(canonical, '2028-02-29')).toBe(20);
  });

  it('tells a 17-year-old from an 18-year-old on the summer-job start date', () => {
    const canonical = parsedOk(withCheckDigit('080615', '321')).canonical;
    expect(ageOn(canonical, '2026-06-14')).toBe(17);
    expect(ageOn(canonical, '2026-06-15')).toBe(18);
  });
});

describe('personnummerSchema', () => {
  const schema = personnummerSchema(TODAY);

  it('outputs the canonical form', () => {
    expect(schema.parse(' 811218-9876 ')).toBe('198112189876');
    expect(schema.parse('19090527+1474')).toBe('190905271474');
  });

  it('fails with the Swedish reason', () => {
    const result = schema.safeParse('811218-9875');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['Kontrollsiffran stämmer inte.']);
  });

  it('fails on a non-string', () => {
    const result = schema.safeParse(8112189876);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Personnummer ska vara text.');
  });

  it('uses its own reference date for the century', () => {
    const number = withCheckDigit('261124', '456');
    expect(personnummerSchema('2026-11-23').parse(number)).toBe(`19${number.replace('-', '')}`);
    expect(personnummerSchema('2026-11-24').parse(number)).toBe(`20${number.replace('-', '')}`);
  });
});
