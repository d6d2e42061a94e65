/**
 * iCalendar (RFC 5545) export for meetings, tuned for Outlook import:
 * CRLF line endings, lines folded at 75 octets without splitting UTF-8 sequences,
 * TEXT escaping, local times with TZID=Europe/Stockholm and a matching VTIMEZONE.
 */

export interface IcsEvent {
  /** Globally unique and stable per meeting (e.g. 'meeting-42@vaxla.jobbboras'). */
  uid: string;
  /** Local wall time in Europe/Stockholm: 'YYYY-MM-DDTHH:MM' (seconds optional). */
  start: string;
  end: string;
  summary: string;
  location?: string;
  description?: string;
  /** Revision number; increase it when a published meeting changes. */
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED';
}

export interface IcsOptions {
  prodId?: string;
  calendarName?: string;
  /** UTC ISO timestamp written as DTSTAMP (pass the export time; tests pin it). */
  dtstamp: string;
}

export const ICS_TZID = 'Europe/Stockholm';
const DEFAULT_PRODID = '-//Borås Stad//Växla//SV';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Europe/Stockholm: CET (UTC+1), CEST (UTC+2) from the last Sunday of March to the last Sunday of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TZID}`,
  `X-LIC-LOCATION:${ICS_TZID}`,
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
];

/** Builds a complete VCALENDAR (METHOD:PUBLISH) for the given events. */
export function toICalendar(events: IcsEvent[], opts: IcsOptions): string {
  const dtstamp = formatUtc(opts.dtstamp);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.prodId ?? DEFAULT_PRODID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (opts.calendarName !== undefined && opts.calendarName !== '') {
    lines.push(`X-WR-CALNAME:${escapeText(opts.calendarName)}`);
  }
  lines.push(`X-WR-TIMEZONE:${ICS_TZID}`);
  lines.push(...VTIMEZONE);

  const seen = new Set<string>();
  for (const event of events) {
    if (event.uid.trim() === '') throw new Error('Ett kalenderevenemang saknar UID.');
    if (seen.has(event.uid)) throw new Error(`UID förekommer flera gånger: ${event.uid}`);
    seen.add(event.uid);

    const start = parseLocal(event.start, 'start');
    const end = parseLocal(event.end, 'slut');
    if (end <= start) {
      throw new Error(`Mötet "${event.summary}" slutar (${event.end}) innan det börjar (${event.start}).`);
    }
    const sequence = event.sequence ?? 0;
    if (!Number.isInteger(sequence) || sequence < 0) {
      throw new Error(`Ogiltigt SEQUENCE-värde för ${event.uid}: ${sequence}`);
    }

    lines.push('BEGIN:VEVENT');
    lines.push(`UID:${escapeText(event.uid)}`);
    lines.push(`DTSTAMP:${dtstamp}`);
    lines.push(`DTSTART;TZID=${ICS_TZID}:${start}`);
    lines.push(`DTEND;TZID=${ICS_TZID}:${end}`);
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.location !== undefined && event.location !== '') lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description !== undefined && event.description !== '') {
      lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    }
    lines.push(`SEQUENCE:${sequence}`);
    lines.push(`STATUS:${event.status ?? 'CONFIRMED'}`);
    lines.push('TRANSP:OPAQUE');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control characters. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

/**
 * Folds a content line so that no physical line exceeds 75 octets (excluding CRLF).
 * Continuation lines start with a single space, which counts towards their 75 octets.
 * Splits only between code points, so multi-byte UTF-8 sequences stay intact.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // room for the leading space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

// ---------------------------------------------------------------------------

/** Validates a local 'YYYY-MM-DDTHH:MM[:SS]' and returns it in iCalendar basic form (sortable). */
function parseLocal(value: string, what: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) throw new Error(`Ogiltig ${what}tid "${value}" (förväntat ÅÅÅÅ-MM-DDTHH:MM).`);
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '00'] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const validDate = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d);
  if (!validDate || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new Error(`Ogiltig ${what}tid "${value}".`);
  }
  return `${y}${mo}${d}T${h}${mi}${s}`;
}

function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso) || Number.isNaN(date.getTime())) throw new Error(`Ogiltig tidsstämpel för DTSTAMP: "${iso}"`);
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
