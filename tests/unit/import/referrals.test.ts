import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { previewReferralFile, type ExistingPerson, type ReferralPreview } from '../../../src/main/import/referrals';

const TODAY = '2026-11-03';
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

const nobody = () => undefined;

function preview(buf: Uint8Array, existing: (canonical: string) => ExistingPerson | undefined = nobody) {
  return previewReferralFile(buf, { today: TODAY, existingPersonnummer: existing });
}

function okPreview(result: ReferralPreview) {
  if (!result.ok) throw new Error(`unexpected error: ${result.error}`);
  return result;
}

function failure(result: ReferralPreview): string {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

const HEADER = 'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare';

describe('previewReferralFile on real-world file shapes', () => {
  it('accepts a quoted address over two lines with ; inside the quotes, and keeps Excel row numbers', () => {
    const text =
      `${HEADER};Adress;Ort\r\n` +
      `198701032396;Ali;Hassan;2026-10-01;Eva Ek;"c/o Hassan;\r\nNorrbyvägen 3";Borås\r\n` +
      `195802232636;Jan;Karlsson;2026-10-01;Eva Ek;Sjöbo Torg 4;Borås\r\n`;
    const result = okPreview(preview(utf8(text)));
    expect(result.invalid).toEqual([]);
    expect(result.valid.map((v) => [v.rowNumber, v.row.address, v.row.city])).toEqual([
      [2, 'c/o Hassan, Norrbyvägen 3', 'Borås'],
      [3, 'Sjöbo Torg 4', 'Borås'],
    ]);
  });

  it('reads an Excel "CSV UTF-8" file with BOM and every column', () => {
    const result = okPreview(preview(fixture('referrals-utf8-bom-semicolon.csv')));
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.delimiter).toBe(';');
    expect(result.totalRows).toBe(3);
    expect(result.invalid).toEqual([]);
    expect(result.ignoredColumns).toEqual([]);
    expect(result.valid.map((v) => v.rowNumber)).toEqual([2, 3, 4]);
    expect(result.valid[0]!.row).toEqual({
      personnummer: '198701032396',
      identityKind: 'personnummer',
      birthDate: '1987-01-03',
      firstName: 'Łukasz',
      lastName: 'Nowak-Åberg',
      phone: '070-123 45 67',
      email: 'lukasz.nowak@example.se',
      address: 'Allégatan 12',
      postalCode: '503 32',
      city: 'Borås',
      district: 'Centrum',
      referralDate: '2026-10-01',
      caseworkerName: 'Eva Ek',
      caseworkerUnit: 'Ekonomiskt bistånd Centrum',
      caseworkerPhone: '033-35 70 00',
      caseworkerEmail: 'eva.ek@example.se',
      longTermRecipient: true,
      hasChildrenInHousehold: true,
      childrenInHousehold: 2,
      monthlyAssistanceSek: 12345.5,
      note: 'Kan börja direkt; föredrar förmiddag',
    });
    expect(result.valid[1]!.row).toMatchObject({
      personnummer: '199301032380',
      lastName: 'Nguyễn',
      phone: '+46 70 987 65 43',
      email: null,
      address: 'Hulta torg 1, lgh 1102',
      postalCode: '507 42',
      referralDate: '2026-10-02',
      longTermRecipient: true,
      hasChildrenInHousehold: false,
      childrenInHousehold: 0,
      monthlyAssistanceSek: 9800,
      note: 'Tolk: vietnamesiska.\nSäger själv "vill jobba med barn"',
    });
    expect(result.valid[2]!.row).toMatchObject({
      personnummer: '197203309286',
      lastName: 'Öztürk',
      referralDate: '2026-10-03',
      caseworkerName: 'Karl Lind',
      longTermRecipient: false,
      hasChildrenInHousehold: true,
      childrenInHousehold: null,
      monthlyAssistanceSek: 11200,
      note: null,
    });
  });

  it('reads a comma-separated UTF-8 file with lower-case, accent-less headers and an unknown column', () => {
    const result = okPreview(preview(fixture('referrals-utf8-comma.csv')));
    expect(result.encoding).toBe('utf-8');
    expect(result.delimiter).toBe(',');
    expect(result.invalid).toEqual([]);
    expect(result.ignoredColumns).toEqual(['Okänd kolumn']);
    expect(result.columns.map((c) => c.field)).toEqual([
      'personnummer',
      'firstName',
      'lastName',
      'referralDate',
      'caseworkerName',
      'monthlyAssistance',
      'longTermRecipient',
      'childrenInHousehold',
      'email',
      'note',
      null,
    ]);
    expect(result.valid.map((v) => v.row)).toMatchObject([
      {
        personnummer: '198302182392',
        firstName: 'Anna',
        monthlyAssistanceSek: 8450,
        longTermRecipient: true,
        childrenInHousehold: 3,
        email: 'anna@example.se',
        note: 'Har körkort B, vill köra',
      },
      {
        personnummer: '199002252386', // 10-digit form 900225-2386
        lastName: 'Åkesson',
        caseworkerName: 'Lind, Karl',
        monthlyAssistanceSek: 12345.5,
        longTermRecipient: false,
        childrenInHousehold: null,
      },
    ]);
  });

  it('reads a Windows-1252 file from older Excel', () => {
    const result = okPreview(preview(fixture('referrals-windows1252-semicolon.csv')));
    expect(result.encoding).toBe('windows-1252');
    expect(result.invalid).toEqual([]);
    expect(result.valid.map((v) => v.row)).toMatchObject([
      {
        firstName: 'Åsa',
        lastName: 'Öhman',
        district: 'Sjöbo',
        monthlyAssistanceSek: 7250,
        note: 'Söker arbete – gärna café',
      },
      { firstName: 'Jörgen', lastName: 'Ärlig', monthlyAssistanceSek: 10000, note: 'Pris: 50 € per vecka' },
    ]);
  });

  it('reads a tab-separated file', () => {
    const result = okPreview(preview(fixture('referrals-utf8-tab.txt')));
    expect(result.delimiter).toBe('\t');
    expect(result.valid.map((v) => v.row)).toMatchObject([{ personnummer: '200502192396', postalCode: '506 30' }]);
  });

  it('reads the same content identically from each encoding', () => {
    const text = `${HEADER};Ort\r\n195802232636;Jörgen;Ärlig;2026-08-21;Eva Ek;Borås\r\n`;
    const rows = [utf8(text), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), iconv.encode(text, 'win1252')].map(
      (buf) => okPreview(preview(buf)).valid,
    );
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
    expect(rows[0]![0]!.row).toMatchObject({ lastName: 'Ärlig', city: 'Borås' });
  });
});

describe('previewReferralFile quarantines bad rows with row numbers and reasons', () => {
  const result = okPreview(preview(fixture('referrals-bad-rows.csv')));
  const errorsOfRow = (rowNumber: number) => result.invalid.find((r) => r.rowNumber === rowNumber)?.errors;

  it('accounts for every row once', () => {
    expect(result.totalRows).toBe(11);
    expect(result.valid.map((v) => v.rowNumber)).toEqual([2, 13]);
    expect(result.invalid.map((r) => r.rowNumber)).toEqual([3, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('bad check digit (row 3)', () => {
    expect(errorsOfRow(3)).toEqual([{ field: 'personnummer', message: 'Personnummer: Kontrollsiffran stämmer inte.' }]);
  });

  it('missing first name (row 5, after a blank row)', () => {
    expect(errorsOfRow(5)).toEqual([{ field: 'firstName', message: 'Förnamn: Måste fyllas i.' }]);
  });

  it('non-existent date (row 6)', () => {
    expect(errorsOfRow(6)).toEqual([
      { field: 'referralDate', message: 'Remissdatum: Datumet "2026-02-30" finns inte.' },
    ]);
  });

  it('bad amount (row 7)', () => {
    expect(errorsOfRow(7)).toEqual([
      {
        field: 'monthlyAssistance',
        message:
          'Försörjningsstöd per månad: "tolv tusen" är inget belopp. Skriv t.ex. 12 345,50 eller 12345 (högst två decimaler).',
      },
    ]);
  });

  it('same personnummer as an earlier row (row 8 repeats row 2)', () => {
    expect(errorsOfRow(8)).toEqual([{ field: 'personnummer', message: 'Personnummer: Samma personnummer som rad 2.' }]);
    expect(result.duplicatesInFile).toEqual([{ rowNumber: 8, sameAsRow: 2 }]);
  });

  it('personnummer turned into a number by Excel (row 9)', () => {
    expect(errorsOfRow(9)?.[0]?.message).toContain('Excel');
  });

  it('short row (row 10) reports the row and the empty required field', () => {
    expect(errorsOfRow(10)).toEqual([
      {
        field: 'row',
        message: 'Raden har färre fält (4) än rubrikraden (7). Kontrollera att inga avgränsare (semikolon) saknas.',
      },
      { field: 'caseworkerName', message: 'Handläggare: Måste fyllas i.' },
    ]);
  });

  it('referral date in the future (row 11)', () => {
    expect(errorsOfRow(11)).toEqual([
      { field: 'referralDate', message: 'Remissdatum: 2026-12-24 ligger efter dagens datum.' },
    ]);
  });

  it('extra non-empty cell (row 12)', () => {
    expect(errorsOfRow(12)).toEqual([
      {
        field: 'row',
        message:
          'Raden har fler fält (8) än rubrikraden (7). Ett värde som innehåller semikolon måste stå inom citattecken.',
      },
    ]);
  });
});

describe('previewReferralFile duplicates', () => {
  it('flags people already registered without making them errors', () => {
    const file = utf8(
      `${HEADER}\n198701032396;Ali;Hassan;2026-10-01;Eva Ek\n195802232636;Jan;Karlsson;2026-10-01;Eva Ek\n`,
    );
    const seen: string[] = [];
    const result = okPreview(
      preview(file, (canonical) => {
        seen.push(canonical);
        return canonical === '195802232636' ? { id: 'p-17', name: 'Jan Karlsson' } : undefined;
      }),
    );
    expect(seen).toEqual(['198701032396', '195802232636']);
    expect(result.invalid).toEqual([]);
    expect(result.valid).toEqual([
      expect.not.objectContaining({ duplicateOf: expect.anything() }),
      expect.objectContaining({ rowNumber: 3, duplicateOf: { id: 'p-17', name: 'Jan Karlsson' } }),
    ]);
  });

  it('recognises the same person written in different forms', () => {
    const file = utf8(
      `${HEADER}\n198701032396;A;B;2026-10-01;E\n870103-2396;A;B;2026-10-01;E\n19870103-2396;A;B;2026-10-01;E\n870103 2396;A;B;2026-10-01;E\n`,
    );
    const result = okPreview(preview(file));
    expect(result.valid.map((v) => v.rowNumber)).toEqual([2]);
    expect(result.duplicatesInFile).toEqual([
      { rowNumber: 3, sameAsRow: 2 },
      { rowNumber: 4, sameAsRow: 2 },
      { rowNumber: 5, sameAsRow: 2 },
    ]);
  });

  it('refuses the later row even when the earlier one is invalid for another reason', () => {
    const file = utf8(`${HEADER}\n198701032396;;B;2026-10-01;E\n198701032396;A;B;2026-10-01;E\n`);
    const result = okPreview(preview(file));
    expect(result.valid).toEqual([]);
    expect(result.invalid).toEqual([
      { rowNumber: 2, errors: [{ field: 'firstName', message: 'Förnamn: Måste fyllas i.' }] },
      { rowNumber: 3, errors: [{ field: 'personnummer', message: 'Personnummer: Samma personnummer som rad 2.' }] },
    ]);
  });
});

describe('previewReferralFile row shapes', () => {
  it('accepts rows without the cells of trailing header-less columns, and empty extra cells', () => {
    const file = utf8(`${HEADER};;\n198701032396;A;B;2026-10-01;E\n195802232636;C;D;2026-10-01;E;;;;\n`);
    const result = okPreview(preview(file));
    expect(result.invalid).toEqual([]);
    expect(result.valid.map((v) => v.rowNumber)).toEqual([2, 3]);
  });
});

describe('previewReferralFile refuses unusable files', () => {
  it('names the missing required columns', () => {
    const error = failure(preview(utf8('Personnummer;Namn;Datum\n198701032396;Ali Hassan;2026-10-01\n')));
    expect(error).toBe(
      'Obligatoriska kolumner saknas: Förnamn, Efternamn, Remissdatum, Handläggare. Rubrikraden innehåller: ”Personnummer”, ”Namn”, ”Datum”.',
    );
  });

  it('recognises a file without a header row', () => {
    const error = failure(preview(utf8('198701032396;Ali;Hassan;2026-10-01;Eva Ek\n')));
    expect(error).toContain('saknar rubrikrad');
  });

  it('refuses two columns that mean the same field', () => {
    const error = failure(preview(utf8(`${HEADER};E-post;Mejl\n`)));
    expect(error).toBe('Kolumnerna ”E-post” och ”Mejl” betyder samma sak (E-post). Ta bort eller byt namn på den ena.');
  });

  it('refuses a file with only the header', () => {
    expect(failure(preview(utf8(`${HEADER}\r\n;;;;\r\n`)))).toBe('Filen innehåller inga remisser, bara rubrikraden.');
  });

  it('passes on file-level errors from parsing', () => {
    expect(failure(preview(new Uint8Array()))).toBe('Filen är tom.');
    expect(failure(preview(utf8(`${HEADER}\n"198701032396;A;B;2026-10-01;E\n`)))).toContain('rad 2');
  });

  it('throws only for an invalid today, which is a programming error', () => {
    expect(() => previewReferralFile(utf8(HEADER), { today: '2026-13-01', existingPersonnummer: nobody })).toThrow(
      RangeError,
    );
  });
});
