/**
 * What an acknowledged save costs (docs/product.md §9: `synchronous=FULL`, so a save survives a power cut): one small
 * write transaction, as a service commits a change and its audit event, timed 300 times in WAL mode with
 * `synchronous=NORMAL` and with `synchronous=FULL`, in a temporary folder on the same disk as the data folder's
 * default. Milliseconds, median and p95 per commit. FULL waits for the disk to confirm the WAL on every commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// The benchmark measures the driver's commit cost itself, on a scratch file: no application data, no store.
// eslint-disable-next-line no-restricted-imports
import Database from 'better-sqlite3';

const COMMITS = 300;

function measure(dir: string, synchronous: 'NORMAL' | 'FULL'): { p50Ms: number; p95Ms: number } {
  const db = new Database(join(dir, `bench-${synchronous}.db`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec(
      'CREATE TABLE change (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE TABLE audit (id INTEGER PRIMARY KEY, detail TEXT NOT NULL)',
    );
    const change = db.prepare('INSERT INTO change (body) VALUES (?)');
    const audit = db.prepare('INSERT INTO audit (detail) VALUES (?)');
    const save = db.transaction((i: number) => {
      change.run(`{"field":"phone","value":"070-${String(i).padStart(7, '0')}"}`);
      audit.run(`participant ${i} changed`);
    });
    const ms: number[] = [];
    for (let i = 0; i < COMMITS; i++) {
      const t0 = performance.now();
      save(i);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => Math.round(ms[Math.floor(q * (ms.length - 1))]! * 1000) / 1000;
    return { p50Ms: at(0.5), p95Ms: at(0.95) };
  } finally {
    db.close();
  }
}

export async function benchDurability(): Promise<Record<string, unknown>> {
  // The user's profile is where the data folder lives by default; the system temp folder may be in memory (tmpfs).
  const base = process.env.VAXLA_BENCH_DIR ?? homedir();
  const dir = mkdtempSync(join(base, '.vaxla-bench-durability-'));
  try {
    return { commits: COMMITS, normal: measure(dir, 'NORMAL'), full: measure(dir, 'FULL') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
