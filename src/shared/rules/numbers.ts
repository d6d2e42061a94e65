/**
 * Numbers as people type them in a Swedish form (docs/product.md §6: amounts "24 300 kr"): thousands grouped with
 * plain, no-break (U+00A0) or narrow no-break (U+202F) spaces, a decimal comma (a point is accepted too), and a minus
 * sign that may be the hyphen, U+2212 (what Swedish number formatting writes) or an en dash. A trailing unit ("kr",
 * "kronor", ":-", "%") is allowed. Pure: the forms and the tests use the same functions.
 */

/** Why a text is not a number, for the form to say so (the renderer translates `key`). */
export type NumberProblem = 'notANumber' | 'tooManyDecimals';
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; problem: NumberProblem };

const SPACES = /[\s\u00a0\u202f]+/g;
const MINUS = /^[-\u2212\u2013]/;

/**
 * "24 300" → 24300, "24 300,50" → 24300.5, "−5" → −5, "" → null. At most `maxDecimals` decimals. Groups of
 * thousands must be whole ("24 30" is refused), so a typo is not read as another number.
 */
export function parseSwedishNumber(text: string, opts: { maxDecimals?: number; unit?: RegExp } = {}): ParsedNumber {
  const maxDecimals = opts.maxDecimals ?? 2;
  let s = text.trim();
  if (opts.unit) s = s.replace(opts.unit, '').trim();
  if (s === '') return { ok: true, value: null };
  const negative = MINUS.test(s);
  if (negative) s = s.slice(1).trim();
  const m = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/.exec(s);
  if (!m) return { ok: false, problem: 'notANumber' };
  const decimals = m[2] ?? '';
  if (decimals.length > maxDecimals) return { ok: false, problem: 'tooManyDecimals' };
  const value = Number(`${m[1]!.replace(SPACES, '')}.${decimals || '0'}`);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

const KRONOR_UNIT = /\s*(?:kr\.?|kronor|sek|:-|,-)$/i;
const PERCENT_UNIT = /\s*(?:%|procent)$/i;

/** Kronor as typed → öre (an integer); '' → null. */
export function parseKronorToOre(text: string): ParsedNumber {
  const r = parseSwedishNumber(text, { maxDecimals: 2, unit: KRONOR_UNIT });
  if (!r.ok || r.value === null) return r;
  return { ok: true, value: Math.round(r.value * 100) };
}

/** A percentage as typed ("50", "50 %", "37,5") → the number; '' → null. */
export function parsePercent(text: string, maxDecimals = 0): ParsedNumber {
  return parseSwedishNumber(text, { maxDecimals, unit: PERCENT_UNIT });
}

/** 2430050 öre → "24 300,50" for a form field (no unit; no-break spaces between thousands). */
export function oreToKronorText(ore: number | null | undefined): string {
  if (ore === null || ore === undefined) return '';
  const negative = ore < 0;
  const abs = Math.abs(Math.round(ore));
  const kr = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const rest = abs % 100;
  return `${negative ? '\u2212' : ''}${kr}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

/** 37.5 → "37,5" for a form field. */
export function numberToText(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return String(n).replace('.', ',').replace('-', '\u2212');
}
