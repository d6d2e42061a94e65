import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, parseDelimited, sniffDelimiter } from '../../../src/main/import/delimited';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

function parsed(buf: Uint8Array) {
  const result = parseDelimited(buf);
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result;
}

function parseError(buf: Uint8Array): string {
  const result = parseDelimited(buf);
  if (!('error' in result)) throw new Error('expected an error');
  return result.error;
}

describe('decodeText', () => {
  it('recognises a UTF-8 BOM and removes it from the text', () => {
    expect(decodeText(bom('Förnamn;Ort'))).toEqual({ text: 'Förnamn;Ort', encoding: 'utf-8-bom' });
  });

  it('reads valid UTF-8 without BOM as UTF-8', () => {
    expect(decodeText(utf8('Åsa;Öberg;Łukasz;Nguyễn'))).toEqual({ text: 'Åsa;Öberg;Łukasz;Nguyễn', encoding: 'utf-8' });
  });

  it('reads pure ASCII as UTF-8', () => {
    expect(decodeText(utf8('a;b\r\n1;2')).encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const bytes = iconv.encode('Åsa Öhman – café, 50 €', 'win1252');
    expect(decodeText(bytes)).toEqual({ text: 'Åsa Öhman – café, 50 €', encoding: 'windows-1252' });
  });

  it('keeps decoding a file with a BOM even if it has a broken byte', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]);
    expect(decodeText(bytes)).toEqual({ text: 'A\uFFFDB', encoding: 'utf-8-bom' });
  });
});

describe('sniffDelimiter', () => {
  it('picks the separator that occurs most in the header line', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2,5;3')).toBe(';');
    expect(sniffDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(sniffDelimiter('a\tb\tc, d\n')).toBe('\t');
  });

  it('ignores separators inside quotes, including quoted line breaks', () => {
    expect(sniffDelimiter('"Efternamn, förnamn";Ort\n')).toBe(';');
    expect(sniffDelimiter('"a;b;c;d","x\n;;;;;",z\n')).toBe(',');
    expect(sniffDelimiter('"Han sa ""a;b;c""",Ort,Tel\n')).toBe(',');
  });

  it('looks only at the header line', () => {
    expect(sniffDelimiter('Personnummer;Namn\n1,2,3,4,5,6')).toBe(';');
  });

  it('skips blank lines before the header', () => {
    expect(sniffDelimiter('\r\n\r\na,b,c\r\n')).toBe(',');
  });

  it('defaults to semicolon for a single column and on a tie', () => {
    expect(sniffDelimiter('Personnummer\n1,2,3')).toBe(';');
    expect(sniffDelimiter('a;b,c')).toBe(';');
    expect(sniffDelimiter('')).toBe(';');
  });
});

describe('parseDelimited', () => {
  it('parses an Excel "CSV UTF-8" file with BOM, semicolons and CRLF', () => {
    const file = parsed(fixture('referrals-utf8-bom-semicolon.csv'));
    expect(file.encoding).toBe('utf-8-bom');
    expect(file.delimiter).toBe(';');
    expect(file.header[0]).toBe('Personnummer'); // no BOM left on the first header
    expect(file.header).toHaveLength(18);
    expect(file.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(file.rows[0]!.cells[17]).toBe('Kan börja direkt; föredrar förmiddag');
    expect(file.rows[1]!.cells[17]).toBe('Tolk: vietnamesiska.\nSäger själv "vill jobba med barn"');
    expect(file.rows[2]!.cells).toHaveLength(18);
  });

  it('parses a comma-separated UTF-8 file without BOM with LF line ends', () => {
    const file = parsed(fixture('referrals-utf8-comma.csv'));
    expect(file.encoding).toBe('utf-8');
    expect(file.delimiter).toBe(',');
    expect(file.rows[0]!.cells[5]).toBe('8 450,00');
    expect(file.rows[1]!.cells[4]).toBe('Lind, Karl');
  });

  it('parses a Windows-1252 file', () => {
    const file = parsed(fixture('referrals-windows1252-semicolon.csv'));
    expect(file.encoding).toBe('windows-1252');
    expect(file.header[1]).toBe('Förnamn');
    expect(file.rows[0]!.cells.slice(1, 3)).toEqual(['Åsa', 'Öhman']);
    expect(file.rows[1]!.cells[7]).toBe('Pris: 50 € per vecka');
  });

  it('parses a tab-separated file', () => {
    const file = parsed(fixture('referrals-utf8-tab.txt'));
    expect(file.delimiter).toBe('\t');
    expect(file.rows[0]!.cells).toEqual(['200502192396', 'Sara', 'Lindqvist', '2026-11-02', 'Eva Ek', '50630']);
  });

  it('trims cells and keeps spaces inside quotes', () => {
    const file = parsed(utf8('a;b\n  x  ; " y " \n'));
    expect(file.rows[0]!.cells).toEqual(['x', ' y ']);
  });

  it('numbers rows as Excel does: a quoted multi-line value is one row, blank rows count', () => {
    const file = parsed(utf8('a;b\r\n1;"x\r\ny\r\nz"\r\n\r\n\r\n2;3\r\n;;\r\n   \r\n4;5\r\n'));
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: ['1', 'x\r\ny\r\nz'] },
      { rowNumber: 5, cells: ['2', '3'] },
      { rowNumber: 8, cells: ['4', '5'] },
    ]);
  });

  it('keeps a quoted address over two lines, with the separator inside the quotes, as one cell', () => {
    const file = parsed(
      utf8('Namn;Adress;Ort\r\nAnna;"c/o Andersson;\r\nStorgatan 1";Borås\r\nBo;Allégatan 2;Borås\r\n'),
    );
    expect(file.delimiter).toBe(';');
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: ['Anna', 'c/o Andersson;\r\nStorgatan 1', 'Borås'] },
      { rowNumber: 3, cells: ['Bo', 'Allégatan 2', 'Borås'] },
    ]);
  });

  it('counts rows correctly in the bad-rows fixture (blank line and multi-line note)', () => {
    const file = parsed(fixture('referrals-bad-rows.csv'));
    expect(file.rows.map((r) => r.rowNumber)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('handles old Mac line ends (CR only)', () => {
    const file = parsed(utf8('a;b\r1;2\r3;4'));
    expect(file.rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reports short and long rows as they are instead of failing', () => {
    const file = parsed(utf8('a;b;c\n1\n1;2;3;4\n'));
    expect(file.rows.map((r) => r.cells)).toEqual([['1'], ['1', '2', '3', '4']]);
  });

  it('obeys and hides an Excel "sep=" line', () => {
    const file = parsed(utf8('sep=,\r\na;b,c\r\n1;2,3\r\n'));
    expect(file.delimiter).toBe(',');
    expect(file.header).toEqual(['a;b', 'c']);
    expect(file.rows).toEqual([{ rowNumber: 2, cells: ['1;2', '3'] }]);
    expect(parsed(bom('SEP=\t\na\tb\n1\t2')).rows).toEqual([{ rowNumber: 2, cells: ['1', '2'] }]);
  });

  it('keeps a stray quote inside an unquoted value', () => {
    expect(parsed(utf8('a;b\n1;Skärm 24" ny\n')).rows[0]!.cells).toEqual(['1', 'Skärm 24" ny']);
  });

  it('returns the header only when there are no data rows', () => {
    expect(parsed(utf8('a;b\r\n\r\n')).rows).toEqual([]);
  });

  it('refuses an empty file', () => {
    expect(parseError(new Uint8Array())).toBe('Filen är tom.');
    expect(parseError(utf8('\r\n  \n'))).toBe('Filen är tom.');
    expect(parseError(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('Filen är tom.');
  });

  it('names the row of a quote that is never closed', () => {
    const error = parseError(utf8('a;b\n1;2\n\n3;"öppet\n4;5\n'));
    expect(error).toContain('citattecken');
    expect(error).toContain('rad 4');
  });

  it('names the row of text after a closing quote', () => {
    const error = parseError(utf8('a;b\n1;2\n3;"x"y\n'));
    expect(error).toContain('rad 3');
  });

  it('explains files that are not text: XLSX, XLS, UTF-16, PDF, binary', () => {
    expect(parseError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toContain('Excel-arbetsbok');
    expect(parseError(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toContain('.xls');
    expect(parseError(iconv.encode('\ufeffa;b', 'utf16le'))).toContain('UTF-16');
    expect(parseError(utf8('%PDF-1.7'))).toContain('PDF');
    expect(parseError(new Uint8Array([0x61, 0x3b, 0x00, 0x62]))).toContain('binära');
  });
});
