/**
 * Swedish amounts and exact öre arithmetic (docs/reports.md, "Rounding"). Amounts are integers in öre; products and
 * pro-rata shares are computed as exact fractions (BigInt) and rounded once, to the nearest öre, halves away from
 * zero. No floating-point value is ever rounded.
 */

const NBSP = '\u00a0';
const MINUS = '\u2212';

function group(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += NBSP + digits.slice(i, i + 3);
  return out;
}

/**
 * "24 300 kr", "35 113,50 kr", "−14 493,50 kr" (no-break spaces, a true minus sign); whole kronor without decimals.
 */
export function formatKr(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Amount in öre must be a safe integer: ${ore}`);
  const sign = ore < 0 ? MINUS : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${group(String(kr))}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}${NBSP}kr`;
}

/** A decimal number in Swedish notation with up to `maxDecimals` decimals: 1.445 → "1,445", 80 → "80". */
export function formatDecimal(value: number, maxDecimals = 4): string {
  const fixed = value.toFixed(maxDecimals).replace(/\.?0+$/, '');
  const [int, dec] = fixed.split('.');
  const sign = int!.startsWith('-') ? MINUS : '';
  const digits = int!.replace('-', '');
  return `${sign}${group(digits)}${dec ? `,${dec}` : ''}`;
}

const percentTexts = new Map<number, string>();

/** "80 %", "44,5 %". */
export function formatPercent(value: number): string {
  let text = percentTexts.get(value);
  if (text === undefined) {
    text = `${formatDecimal(value, 2)}${NBSP}%`;
    if (percentTexts.size < 10_000) percentTexts.set(value, text);
  }
  return text;
}

/** `num / den` rounded to the nearest integer, halves away from zero (den > 0). */
export function roundRatio(num: bigint, den: bigint): number {
  if (den <= 0n) throw new RangeError('Denominator must be positive');
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return Number(neg ? -q : q);
}

/**
 * `num / den` rounded like roundRatio, for safe integers (|num| < 2^53, den > 0): exact, since the quotient's floor
 * and the remainder are computed in integers.
 */
export function roundDiv(num: number, den: number): number {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
    return roundRatio(BigInt(num), BigInt(den));
  }
  const abs = Math.abs(num);
  const q = Math.floor(abs / den);
  const r = abs - q * den;
  const rounded = 2 * r >= den ? q + 1 : q;
  return num < 0 ? -rounded : rounded;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/**
 * round(a × b / den) for non-negative safe integers, exactly: in doubles while every product stays a safe integer
 * (after cancelling common factors of b and den), otherwise in BigInt.
 */
export function mulDivRound(a: number, b: number, den: number): number {
  if (b === 0 || a === 0) return 0;
  const g = gcd(b, den);
  const b2 = b / g;
  const d2 = den / g;
  if (a <= Number.MAX_SAFE_INTEGER / b2) return roundDiv(a * b2, d2);
  return roundRatio(BigInt(a) * BigInt(b2), BigInt(d2));
}

/**
 * A percentage with at most two decimals as an integer number of hundredths of a percent (basis points):
 * 44.5 → 4450, 80 → 8000. Throws on more decimals, so a figure is never silently rounded.
 */
export function percentToBasisPoints(percent: number): number {
  const bp = Math.round(percent * 100);
  if (!Number.isFinite(percent) || Math.abs(bp - percent * 100) > 1e-6) {
    throw new RangeError(`Percent must have at most two decimals: ${percent}`);
  }
  return bp;
}
