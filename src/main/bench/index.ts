/**
 * The benchmarks `npm run bench` runs, in order, on each engine. Each area adds one line here pointing at its own
 * module in this folder; the module builds its data on a fresh database of the target it is given and returns a
 * JSON-serialisable object of figures (milliseconds unless the key says otherwise). A benchmark marked `sqliteOnly`
 * measures something of the embedded engine or of no database at all (startup, file durability, the HTTP clients,
 * the solver-heavy allocations): it runs once, in the SQLite figures.
 */
import { benchExports } from './exports';
import { benchConcurrency } from './concurrency';
import { benchDurability } from './durability';
import { benchMatching } from './matching';
import { benchParticipants } from './participants';
import { benchReports } from './reports';
import { benchSummerJobs } from './summer-jobs';
import { benchStartup } from './startup';
import type { BenchTarget } from './targets';

export interface Benchmark {
  name: string;
  run: (target: BenchTarget) => Promise<unknown>;
  sqliteOnly?: boolean;
}

export const BENCHMARKS: readonly Benchmark[] = [
  { name: 'participants', run: (t) => benchParticipants(t) },
  { name: 'matching', run: (t) => benchMatching(t) },
  { name: 'exports', run: (t) => benchExports(t) },
  { name: 'summerJobs', run: () => benchSummerJobs(), sqliteOnly: true },
  { name: 'reports', run: () => benchReports(), sqliteOnly: true },
  { name: 'startup', run: () => benchStartup(), sqliteOnly: true },
  { name: 'clients', run: () => benchConcurrency(), sqliteOnly: true },
  { name: 'durability', run: () => benchDurability(), sqliteOnly: true },
];
