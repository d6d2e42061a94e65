/**
 * The benchmarks `npm run bench` runs, in order. Each area adds one line here pointing at its own module in this
 * folder; the module returns a JSON-serialisable object of figures (milliseconds unless the key says otherwise).
 */
import { benchExports } from './exports';
import { benchConcurrency } from './concurrency';
import { benchDurability } from './durability';
import { benchMatching } from './matching';
import { benchReports } from './reports';
import { benchSummerJobs } from './summer-jobs';
import { benchStartup } from './startup';

export const BENCHMARKS: ReadonlyArray<{ name: string; run: () => Promise<unknown> }> = [
  { name: 'matching', run: () => benchMatching() },
  { name: 'exports', run: () => benchExports() },
  { name: 'summerJobs', run: () => benchSummerJobs() },
  { name: 'reports', run: () => benchReports() },
  { name: 'startup', run: () => benchStartup() },
  { name: 'clients', run: () => benchConcurrency() },
  { name: 'durability', run: () => benchDurability() },
];
