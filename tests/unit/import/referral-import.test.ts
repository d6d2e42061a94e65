import { describe, expect, it } from 'vitest';
import {
  ADDRESS_LINE_SEPARATOR,
  REFERRAL_FIELDS,
  normalizeHeader,
  readAddress,
  readChildren,
  readEmail,
  readPhone,
  readPostalCode,
  readSekAmountOre,
  readSwedishDate,
  readYesNo,
  referralFieldLabels,
  referralHeaderAliases,
  referralRowParser,
  referralRowSchema,
  resolveReferralHeader,
  type ReferralRowInput,
} from '../../../src/shared/domain/referral-import';

const TODAY = '2026-11-03';
// Skatteverket test numbers (resources/testdata/skatteverket-testpersonnummer.txt).
const PNR = '198701032396';

const minimal: ReferralRowInput = {
  personnummer: PNR,
  firstName: 'Anna',
  lastName: 'Svensson',
  referralDate: '2026-10-01',
  caseworkerName: 'Eva Ek',
};

const parseRow = referralRowParser(TODAY);

function errorsOf(input: ReferralRowInput) {
  const result = parseRow(input);
  if (result.ok) throw new Error('expected the row to be invalid');
  return result.errors;
}

function valueOf<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.value;
}

describe('headers', () => {
  it('match ignoring case, diacritics, spaces and punctuation', () => {
    expect(resolveReferralHeader('Förnamn')).toBe('firstName');
    expect(resolveReferralHeader('FÖRNAMN')).toBe('firstName');
    expect(resolveReferralHeader('fornamn')).toBe('firstName');
    expect(resolveReferralHeader('  Förnamn * ')).toBe('firstName');
    expect(resolveReferralHeader('e-post')).toBe('email');
    expect(resolveReferralHeader('EPOST')).toBe('email');
    expect(resolveReferralHeader('E post')).toBe('email');
    expect(resolveReferralHeader('Handläggarens E-post')).toBe('caseworkerEmail');
    expect(resolveReferralHeader('Försörjningsstöd (kr/mån)')).toBe('monthlyAssistance');
    expect(resolveReferralHeader('PNR')).toBe('personnummer');
    expect(resolveReferralHeader('Remiss datum')).toBe('referralDate');
  });

  it('match decomposed Unicode (as macOS writes it) like composed', () => {
    expect(resolveReferralHeader('Fo\u0308rnamn')).toBe('firstName');
  });

  it('leave unknown and empty headers unmapped', () => {
    expect(resolveReferralHeader('Skostorlek')).toBeUndefined();
    expect(resolveReferralHeader('')).toBeUndefined();
    expect(resolveReferralHeader(' - ')).toBeUndefined();
  });

  it('every field has its label as the first alias, and every alias resolves to its own field', () => {
    for (const field of REFERRAL_FIELDS) {
      expect(referralHeaderAliases[field][0]).toBe(referralFieldLabels[field]);
      for (const alias of referralHeaderAliases[field]) expect(resolveReferralHeader(alias)).toBe(field);
    }
  });

  it('normalizeHeader keeps only a–z and digits', () => {
    expect(normalizeHeader('Långvarigt Bistånd (Ja/Nej)')).toBe('langvarigtbistandjanej');
  });
});

describe('readSwedishDate', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['20261103', '2026-11-03'],
    ['3/11/2026', '2026-11-03'],
    ['03/11/2026', '2026-11-03'],
    ['3.11.2026', '2026-11-03'],
    ['2026-1-5', '2026-01-05'],
    ['2026-11-03 00:00', '2026-11-03'],
    ['2026-11-03 13:45:10', '2026-11-03'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(valueOf(readSwedishDate(input))).toBe(expected);
  });

  it.each(['2026-02-29', '2026-02-30', '31/4/2026', '2026-13-01', '20260001', '0/1/2026'])(
    'refuses the non-existent date %s',
    (input) => {
      const result = readSwedishDate(input);
      expect(result).toEqual({ ok: false, message: `Datumet "${input}" finns inte.` });
    },
  );

  it.each(['3 nov 2026', '11/3/26', '2026/11/03', '3/11.2026', 'igår', '45678'])('refuses the format %s', (input) => {
    const result = readSwedishDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('är inget datum');
  });
});

describe('readSekAmountOre', () => {
  it.each([
    ['12 345,50', 1_234_550],
    ['12345.50', 1_234_550],
    ['12345,5', 1_234_550],
    ['12 345 kr', 1_234_500],
    ['12 345 kr/mån', 1_234_500],
    ['12\u00a0345,50', 1_234_550],
    ['12\u202f345', 1_234_500],
    ['12 345:-', 1_234_500],
    ['12345,-', 1_234_500],
    ['12.345,50', 1_234_550],
    ['12,345.50', 1_234_550],
    ['1 234 567', 123_456_700],
    ['SEK 800', 80_000],
    ['0', 0],
    ['7 250 KR', 725_000],
  ])('%s → %i öre', (input, ore) => {
    expect(valueOf(readSekAmountOre(input))).toBe(ore);
  });

  it.each(['12,345', '12.345', '12 34', '1 2345', '12,3456', 'tolv tusen', '12 345,50 €', 'kr', '1.2.3'])(
    'refuses the ambiguous or malformed amount %s',
    (input) => {
      const result = readSekAmountOre(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('är inget belopp');
    },
  );

  it('refuses negative amounts', () => {
    expect(readSekAmountOre('-500')).toEqual({ ok: false, message: 'Beloppet kan inte vara negativt.' });
    expect(readSekAmountOre('−500 kr').ok).toBe(false);
  });
});

describe('small readers', () => {
  it('readYesNo', () => {
    for (const yes of ['Ja', 'JA', 'j', 'x', 'X', '1', 'Sant', 'yes']) expect(valueOf(readYesNo(yes))).toBe(true);
    for (const no of ['Nej', 'nej', 'N', '0', 'Falskt']) expect(valueOf(readYesNo(no))).toBe(false);
    expect(valueOf(readYesNo(''))).toBeNull();
    expect(readYesNo('kanske').ok).toBe(false);
  });

  it('readChildren takes a count or Ja/Nej', () => {
    expect(valueOf(readChildren('3'))).toEqual({ any: true, count: 3 });
    expect(valueOf(readChildren('0'))).toEqual({ any: false, count: 0 });
    expect(valueOf(readChildren('Ja'))).toEqual({ any: true, count: null });
    expect(valueOf(readChildren('Nej'))).toEqual({ any: false, count: 0 });
    expect(valueOf(readChildren(''))).toEqual({ any: null, count: null });
    expect(readChildren('21').ok).toBe(false);
    expect(readChildren('två').ok).toBe(false);
    expect(readChildren('-1').ok).toBe(false);
  });

  it('readPhone keeps the number as written, refuses a lost leading zero', () => {
    expect(valueOf(readPhone('070-123 45 67'))).toBe('070-123 45 67');
    expect(valueOf(readPhone('+46 70  123 45 67'))).toBe('+46 70 123 45 67');
    expect(valueOf(readPhone('033-35 70 00'))).toBe('033-35 70 00');
    expect(valueOf(readPhone(''))).toBeNull();
    const lostZero = readPhone('701234567');
    expect(lostZero.ok).toBe(false);
    if (!lostZero.ok) expect(lostZero.message).toContain('inledande nolla');
    expect(readPhone('070 12').ok).toBe(false);
    expect(readPhone('ring växeln').ok).toBe(false);
  });

  it('readPostalCode formats as NNN NN', () => {
    expect(valueOf(readPostalCode('50332'))).toBe('503 32');
    expect(valueOf(readPostalCode('503 32'))).toBe('503 32');
    expect(valueOf(readPostalCode('SE-503 32'))).toBe('503 32');
    expect(readPostalCode('5033').ok).toBe(false);
    expect(readPostalCode('503322').ok).toBe(false);
  });

  it('readEmail', () => {
    expect(valueOf(readEmail('eva.ek@example.se'))).toBe('eva.ek@example.se');
    expect(valueOf(readEmail(''))).toBeNull();
    expect(readEmail('eva.ek@').ok).toBe(false);
    expect(readEmail('eva ek@example.se').ok).toBe(false);
  });
});

describe('referralRowSchema', () => {
  it('accepts a minimal row and fills in defaults', () => {
    const result = parseRow(minimal);
    expect(result).toEqual({
      ok: true,
      row: {
        personnummer: PNR,
        identityKind: 'personnummer',
        birthDate: '1987-01-03',
        firstName: 'Anna',
        lastName: 'Svensson',
        phone: null,
        email: null,
        address: null,
        postalCode: null,
        city: null,
        district: null,
        referralDate: '2026-10-01',
        caseworkerName: 'Eva Ek',
        caseworkerUnit: null,
        caseworkerPhone: null,
        caseworkerEmail: null,
        longTermRecipient: false,
        hasChildrenInHousehold: null,
        childrenInHousehold: null,
        monthlyAssistanceSek: null,
        note: null,
      },
    });
  });

  it('reads every field of a full row', () => {
    const result = referralRowSchema(TODAY).parse({
      ...minimal,
      personnummer: ' 870103-2396 ',
      firstName: '  Ma\u0308rta ',
      phone: '070-123 45 67',
      email: 'marta@example.se',
      address: 'Allégatan 12',
      postalCode: '50332',
      city: 'Borås',
      district: 'Centrum',
      referralDate: '1/10/2026',
      caseworkerUnit: 'Ekonomiskt bistånd',
      caseworkerPhone: '033-35 70 00',
      caseworkerEmail: 'eva.ek@example.se',
      longTermRecipient: 'x',
      childrenInHousehold: '2',
      monthlyAssistance: '12 345,50 kr',
      note: 'Rad ett\r\nRad två',
    });
    expect(result).toMatchObject({
      personnummer: PNR,
      firstName: 'Märta', // trimmed and NFC-composed
      postalCode: '503 32',
      referralDate: '2026-10-01',
      longTermRecipient: true,
      hasChildrenInHousehold: true,
      childrenInHousehold: 2,
      monthlyAssistanceSek: 12345.5,
      note: 'Rad ett\nRad två',
    });
    expect(result.firstName).toBe('M\u00e4rta');
  });

  it('names the field in every message, one message per field', () => {
    const errors = errorsOf({
      personnummer: '198701032397',
      firstName: '',
      lastName: 'Svensson',
      referralDate: '2026-02-30',
      caseworkerName: 'Eva Ek',
      monthlyAssistance: 'tolv tusen',
      email: 'inte-en-adress',
    });
    expect(errors).toEqual([
      { field: 'personnummer', message: 'Personnummer: Kontrollsiffran stämmer inte.' },
      { field: 'firstName', message: 'Förnamn: Måste fyllas i.' },
      { field: 'email', message: 'E-post: "inte-en-adress" är ingen giltig e-postadress.' },
      { field: 'referralDate', message: 'Remissdatum: Datumet "2026-02-30" finns inte.' },
      {
        field: 'monthlyAssistance',
        message:
          'Försörjningsstöd per månad: "tolv tusen" är inget belopp. Skriv t.ex. 12 345,50 eller 12345 (högst två decimaler).',
      },
    ]);
  });

  it('treats an absent required column like an empty cell', () => {
    const { caseworkerName: _omitted, ...rest } = minimal;
    expect(errorsOf(rest)).toEqual([{ field: 'caseworkerName', message: 'Handläggare: Måste fyllas i.' }]);
  });

  it('ignores spaces inside a personnummer', () => {
    for (const written of ['870103 - 2396', '19870103 2396', '870103 2396']) {
      const result = parseRow({ ...minimal, personnummer: written });
      expect(result.ok && result.row.personnummer).toBe(PNR);
    }
  });

  it('explains a personnummer that Excel turned into a number', () => {
    const [error] = errorsOf({ ...minimal, personnummer: '1,98701E+11' });
    expect(error?.field).toBe('personnummer');
    expect(error?.message).toMatch(/^Personnummer: .*Excel.*text/);
  });

  it('refuses a referral date after today but accepts today', () => {
    expect(errorsOf({ ...minimal, referralDate: '2026-11-04' })).toEqual([
      { field: 'referralDate', message: 'Remissdatum: 2026-11-04 ligger efter dagens datum.' },
    ]);
    expect(parseRow({ ...minimal, referralDate: '20261103' }).ok).toBe(true);
  });

  it('refuses an implausibly high monthly amount', () => {
    expect(parseRow({ ...minimal, monthlyAssistance: '100 000' }).ok).toBe(true);
    const [error] = errorsOf({ ...minimal, monthlyAssistance: '1234550' });
    expect(error?.message).toContain('orimligt högt');
  });

  it('refuses line breaks and control characters in names, allows line breaks in the note', () => {
    expect(errorsOf({ ...minimal, lastName: 'Svens\nson' })[0]?.field).toBe('lastName');
    expect(errorsOf({ ...minimal, firstName: 'An\u0007na' })[0]?.field).toBe('firstName');
    expect(errorsOf({ ...minimal, note: 'bell\u0007' })[0]?.field).toBe('note');
    expect(parseRow({ ...minimal, note: 'a\nb\tc' }).ok).toBe(true);
  });

  it('joins the lines of a multi-line address with ", " (c/o and street), trimming each line', () => {
    const address = (value: string) => {
      const r = parseRow({ ...minimal, address: value });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.row.address;
    };
    expect(address('c/o Andersson\nStorgatan 1')).toBe('c/o Andersson, Storgatan 1');
    expect(address('  c/o Andersson \r\n\r\n Storgatan 1; lgh 1102 \r')).toBe('c/o Andersson, Storgatan 1; lgh 1102');
    expect(address('c/o Andersson,\nStorgatan 1')).toBe('c/o Andersson, Storgatan 1');
    expect(address('Storgatan 1')).toBe('Storgatan 1');
    expect(address(' \n \r\n ')).toBeNull();
    expect(readAddress('a\rb\nc')).toEqual({
      ok: true,
      value: `a${ADDRESS_LINE_SEPARATOR}b${ADDRESS_LINE_SEPARATOR}c`,
    });
    // still one line of at most 200 characters, without control characters
    expect(errorsOf({ ...minimal, address: `c/o X\n${'A'.repeat(200)}` })[0]?.message).toContain('högst 200 tecken');
    expect(errorsOf({ ...minimal, address: 'c/o X\tStorgatan 1' })[0]?.field).toBe('address');
    expect(errorsOf({ ...minimal, address: 'Storgatan\u0007 1' })[0]?.field).toBe('address');
  });

  it('refuses text with characters lost in decoding', () => {
    const [error] = errorsOf({ ...minimal, lastName: 'S\uFFFDderberg' });
    expect(error?.message).toContain('teckenkodning');
  });

  it('enforces maximum lengths', () => {
    expect(parseRow({ ...minimal, firstName: 'A'.repeat(100) }).ok).toBe(true);
    expect(errorsOf({ ...minimal, firstName: 'A'.repeat(101) })[0]?.message).toBe(
      'Förnamn: Får vara högst 100 tecken (är 101).',
    );
  });

  it('requires a valid today', () => {
    expect(() => referralRowSchema('2026-02-30')).toThrow(RangeError);
  });
});
