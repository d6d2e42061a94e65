/**
 * Swedish amounts and exact öre arithmetic (docs/reports.md, "Rounding"). Amounts are integers in öre; products and
 * pro-rata shares are computed as exact fractions (BigInt) and rounded once, to the nearest öre, halves away from
 * zero. No floating-point value is ever rounded.
 */

const NBSP = '\u00a0';
const MINUS = '\u2212';

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
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

/** "80 %", "44,5 %". */
export function formatPercent(value: number): string {
  return `${formatDecimal(value, 2)}${NBSP}%`;
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
