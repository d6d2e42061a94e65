/**
 * The lottery of a summer-job allocation run and the fingerprint of its inputs (docs/summer-jobs.md, "The lottery").
 *
 * An applicant's lottery number is HMAC-SHA256 with the run's seed as the key and the application's id (its decimal
 * or text form, UTF-8) as the message; the first 12 hexadecimal digits of the digest, read as a hexadecimal number,
 * are the lottery number (0 … 281 474 976 710 655). It depends on nothing but the seed and the id — not on the
 * order of rows, not on the other applicants — so it can be shown to a parent and checked with any HMAC tool:
 *
 *   printf '%s' 'A-1042' | openssl dgst -sha256 -hmac 'the seed'   → the first 12 hex digits, in decimal
 *
 * A lower number comes first. Two equal numbers (a chance of about 1 in 10^7 for 2,500 applicants) are ordered by
 * the whole digest and then by the id, so the order is always total and reproducible.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AllocationInstance, EntityId } from './model';

/** Number of hexadecimal digits of the digest that make the lottery number (48 bits: a safe integer). */
export const LOTTERY_HEX_DIGITS = 12;

export type LotteryDraw = { number: number; digest: string };

/** The HMAC digest and lottery number of application `id` under `seed`. */
export function drawLottery(seed: string, id: EntityId): LotteryDraw {
  const digest = createHmac('sha256', seed).update(String(id), 'utf8').digest('hex');
  return { number: Number.parseInt(digest.slice(0, LOTTERY_HEX_DIGITS), 16), digest };
}

/** The lottery number of application `id` under `seed`. */
export function lotteryNumber(seed: string, id: EntityId): number {
  return drawLottery(seed, id).number;
}

/** True when `claimed` is the lottery number of application `id` under `seed` (for a parent's or an auditor's check). */
export function verifyLotteryNumber(seed: string, id: EntityId, claimed: number): boolean {
  return lotteryNumber(seed, id) === claimed;
}

/** Compares two code-point strings (not locale-aware, so the same on every machine). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * JSON with object keys sorted (code-point order) at every level and no whitespace. Arrays keep their order, so
 * callers sort the arrays that are sets before calling.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compareKeys(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const byId = <T extends { id: EntityId }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => compareKeys(String(a.id), String(b.id)));

/**
 * The canonical form of an instance without its seed: periods, positions and applicants sorted by id, each
 * applicant's periods sorted (they are a set), wishes kept in their ranked order, ids as text. Two instances that
 * differ only in the order of rows have the same canonical form.
 */
export function canonicalInstance(instance: Omit<AllocationInstance, 'seed'>): unknown {
  return {
    referenceDate: instance.referenceDate,
    periods: byId(instance.periods).map((p) => ({ id: String(p.id), start: p.start, end: p.end })),
    positions: byId(instance.positions).map((p) => ({
      id: String(p.id),
      area: p.area,
      minAge: p.minAge,
      hoursPerDay: p.hoursPerDay,
      hoursPerWeek: p.hoursPerWeek,
      childFacing: p.childFacing,
      slots: Object.fromEntries(Object.entries(p.slots).filter(([, n]) => n > 0)),
    })),
    applicants: byId(instance.applicants).map((a) => ({
      id: String(a.id),
      birthDate: a.birthDate,
      tier: a.tier,
      wishes: a.wishes,
      anyArea: a.anyArea,
      periods: a.periods.map(String).sort(compareKeys),
      recordShown: a.recordShown,
    })),
  };
}

/** SHA-256 (hex) of the canonical JSON of the instance without its seed: the run's input fingerprint. */
export function instanceHash(instance: Omit<AllocationInstance, 'seed'>): string {
  return createHash('sha256')
    .update(canonicalJson(canonicalInstance(instance)), 'utf8')
    .digest('hex');
}
