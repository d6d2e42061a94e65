/**
 * Where a benchmark builds its throw-away database: a temporary data folder (SQLite), or a new database on a
 * PostgreSQL server (created with the C collation Växla requires, dropped afterwards). `npm run bench` measures the
 * same operations on every engine it is given (src/main/cli/bench.ts) and prints them side by side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '../db/open';
import { createScratchDatabase, dropScratchDatabase } from '../db/pg-cluster';
import type { EngineKind } from '../store';

export interface BenchPlace {
  /** The data folder of the app (on PostgreSQL it holds only files such as exports and logs). */
  dataDir: string;
  /** The `--database` value for startApp: the URL on PostgreSQL, undefined on SQLite. */
  database: string | undefined;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export interface BenchTarget {
  engine: EngineKind;
  fresh(): Promise<BenchPlace>;
}

export const sqliteTarget: BenchTarget = {
  engine: 'sqlite',
  async fresh() {
    const dataDir = mkdtempSync(join(tmpdir(), 'vaxla-bench-'));
    return {
      dataDir,
      database: undefined,
      target: { engine: 'sqlite', dataDir },
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** A PostgreSQL server whose role may create databases (`serverUrl` names any database on it, e.g. postgres). */
export function postgresTarget(serverUrl: string): BenchTarget {
  return {
    engine: 'postgres',
    async fresh() {
      const url = await createScratchDatabase(serverUrl, 'vaxla_bench');
      const dataDir = mkdtempSync(join(tmpdir(), 'vaxla-bench-'));
      return {
        dataDir,
        database: url,
        target: { engine: 'postgres', url },
        async drop() {
          rmSync(dataDir, { recursive: true, force: true });
          await dropScratchDatabase(serverUrl, url);
        },
      };
    },
  };
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

/** The q-quantile (0..1) of the times, nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
