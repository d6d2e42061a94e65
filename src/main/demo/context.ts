import { readFileSync } from 'node:fs';
import type { Database } from '../store';
import type { Clock } from '../util/clock';
import { resourcePath } from '../util/paths';

/** A small, fast, seeded PRNG (mulberry32) so demo data is the same on every run. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  sample<T>(arr: readonly T[], n: number): T[] {
    const copy = [...arr];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

export interface DemoContext {
  /** The database the demo fills (either engine). */
  database: Database;
  clock: Clock;
  /** Today in Europe/Stockholm, 'YYYY-MM-DD'. */
  today: string;
  rng: Rng;
  users: { admin: number; coordinator: number; union: number; hr: number };
  /** The next unused number from Skatteverket's published test personnummer (they belong to no one). */
  testPersonnummer(opts?: { minAge?: number; maxAge?: number }): string;
}

let testNumbers: string[] | undefined;
export function skatteverketTestNumbers(): string[] {
  testNumbers ??= readFileSync(resourcePath('testdata', 'skatteverket-testpersonnummer.txt'), 'utf8')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => /^\d{12}$/.test(s));
  return testNumbers;
}

/** Hands out test personnummer in a seeded order, never the same twice, optionally within an age range. */
export function testPersonnummerSource(rng: Rng, today: string): DemoContext['testPersonnummer'] {
  const all = skatteverketTestNumbers();
  const order = all.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const used = new Uint8Array(all.length);
  const year = Number(today.slice(0, 4));
  // One cursor per age range: a number skipped by a range is either used or outside that range for good, so each
  // range scans the shuffled list once in all, not once per call (50,000 demo people stay fast).
  const cursors = new Map<string, number>();
  return (opts = {}) => {
    const minAge = opts.minAge ?? 19;
    const maxAge = opts.maxAge ?? 64;
    const key = `${minAge}-${maxAge}`;
    for (let pos = cursors.get(key) ?? 0; pos < order.length; pos++) {
      const idx = order[pos]!;
      if (used[idx]) continue;
      const n = all[idx]!;
      const age = year - Number(n.slice(0, 4));
      if (age < minAge || age > maxAge) continue;
      used[idx] = 1;
      cursors.set(key, pos + 1);
      return n;
    }
    cursors.set(key, order.length);
    throw new Error('Testpersonnumren räcker inte för så många demopersoner.');
  };
}
