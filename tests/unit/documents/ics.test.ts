import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toICalendar, type IcsEvent } from '../../../src/main/documents/ics';

const DTSTAMP = '2024-03-01T12:00:00Z';

const meeting: IcsEvent = {
  uid: 'review-2024-03-12@vaxla',
  start: '2024-03-12T09:00',
  end: '2024-03-12T10:30',
  summary: 'Granskningsmöte, placeringar; vecka 11',
  location: 'Stadshuset, rum 3\\4',
  description: 'Dagordning:\n1. Förslag på placeringar\r\n2. Övrigt',
  sequence: 2,
};

/** Splits output into physical lines, checking that each is valid UTF-8 on its own. */
function physicalLines(ics: string): string[] {
  const bytes = Buffer.from(ics, 'utf8');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(decoder.decode(bytes.subarray(start, i)));
      start = i + 2;
      i++;
    }
  }
  expect(start).toBe(bytes.length); // output ends with CRLF
  return lines;
}

/** RFC 5545 unfolding: CRLF followed by a single space or tab is removed. */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
}

describe('toICalendar', () => {
  it('builds a calendar Outlook accepts', () => {
    const ics = toICalendar([meeting], { calendarName: 'Växla – möten', dtstamp: DTSTAMP });
    expect(ics).not.toMatch(/[^\r]\n/);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toEqual(
      expect.arrayContaining([
        'VERSION:2.0',
        'PRODID:-//Borås Stad//Växla//SV',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Växla – möten',
        'X-WR-TIMEZONE:Europe/Stockholm',
      ]),
    );

    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(tz).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Stockholm',
      'X-LIC-LOCATION:Europe/Stockholm',
      'BEGIN:DAYLIGHT',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'DTSTART:19700329T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'DTSTART:19701025T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    // The time zone is defined before the event that uses it.
    expect(lines.indexOf('END:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));

    const event = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
    expect(event).toEqual([
      'BEGIN:VEVENT',
      'UID:review-2024-03-12@vaxla',
      'DTSTAMP:20240301T120000Z',
      'DTSTART;TZID=Europe/Stockholm:20240312T090000',
      'DTEND;TZID=Europe/Stockholm:20240312T103000',
      'SUMMARY:Granskningsmöte\\, placeringar\\; vecka 11',
      'LOCATION:Stadshuset\\, rum 3\\\\4',
      'DESCRIPTION:Dagordning:\\n1. Förslag på placeringar\\n2. Övrigt',
      'SEQUENCE:2',
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    ]);
  });

  it('writes several events, cancellations and the default sequence', () => {
    const ics = toICalendar(
      [
        { uid: 'a@vaxla', start: '2024-10-27T02:30', end: '2024-10-27T03:30', summary: 'A' },
        {
          uid: 'b@vaxla',
          start: '2024-12-31T23:30:15',
          end: '2025-01-01T00:30',
          summary: 'B',
          status: 'CANCELLED',
          sequence: 5,
        },
      ],
      { dtstamp: '2024-03-01T13:00:00+01:00' },
    );
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'DTSTAMP:20240301T120000Z')).toHaveLength(2);
    expect(lines).toContain('DTSTART;TZID=Europe/Stockholm:20241231T233015');
    expect(lines).toContain('DTEND;TZID=Europe/Stockholm:20250101T003000');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:5');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines.some((l) => l.startsWith('X-WR-CALNAME'))).toBe(false);
    expect(lines.some((l) => l.startsWith('LOCATION'))).toBe(false);
  });

  it('folds long Swedish text at 75 octets without splitting characters', () => {
    const description =
      'Åtgärdsplan för deltagaren: språkträning på förvaltningen för äldreomsorg, övningar i kök och tvätteri, ' +
      'uppföljning med handläggare och arbetsplatshandledare varannan vecka – även möte med fackliga företrädare 👍.';
    const ics = toICalendar([{ ...meeting, description }], { dtstamp: DTSTAMP });
    const physical = physicalLines(ics);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const descriptionStart = physical.findIndex((l) => l.startsWith('DESCRIPTION:'));
    expect(physical[descriptionStart + 1]?.startsWith(' ')).toBe(true);
    expect(physical[descriptionStart + 2]?.startsWith(' ')).toBe(true);
    expect(unfold(ics)).toContain(`DESCRIPTION:${escapeText(description)}`);
  });

  it('rejects invalid events and timestamps', () => {
    const at = (patch: Partial<IcsEvent>) => () => toICalendar([{ ...meeting, ...patch }], { dtstamp: DTSTAMP });
    expect(at({ start: '2024-03-12 09:00' })).toThrow(/Ogiltig starttid/);
    expect(at({ start: '2024-02-30T09:00' })).toThrow(/Ogiltig starttid/);
    expect(at({ end: '2024-03-12T24:00' })).toThrow(/Ogiltig sluttid/);
    expect(at({ end: '2024-03-12T09:00' })).toThrow(/slutar .* innan det börjar/);
    expect(at({ uid: ' ' })).toThrow(/saknar UID/);
    expect(at({ sequence: -1 })).toThrow(/SEQUENCE/);
    expect(() => toICalendar([meeting, meeting], { dtstamp: DTSTAMP })).toThrow(/flera gånger/);
    expect(() => toICalendar([meeting], { dtstamp: '2024-03-01T12:00:00' })).toThrow(/DTSTAMP/);
    expect(() => toICalendar([meeting], { dtstamp: 'nu' })).toThrow(/DTSTAMP/);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
  });
});

describe('foldLine', () => {
  it('leaves 75 octets alone and folds at 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('breaks before a multi-byte character that would cross the limit', () => {
    const folded = foldLine(`SUMMARY:${'å'.repeat(40)}`);
    const [first, second] = folded.split('\r\n');
    expect(Buffer.byteLength(first ?? '', 'utf8')).toBe(74); // 8 + 33 × 2, the 34th å would make 76
    expect(second).toBe(` ${'å'.repeat(7)}`);
  });

  it('always yields lines of at most 75 octets that unfold to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) {
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
          expect(part).not.toMatch(/[\uD800-\uDBFF]$/); // no split surrogate pair
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 300 },
    );
  });
});
