/**
 * The benchmarks `npm run bench` runs, in order, on each engine. Each area adds one line here pointing at its own
 * module in this folder; the module builds its data on a fresh database of the target it is given and returns a
 * JSON-serialisable object of figures (milliseconds unless the key says otherwise).
 */
import { benchExports } from './exports';
import { benchMatching } from './matching';
import { benchParticipants } from './participants';
import type { BenchTarget } from './targets';

export const BENCHMARKS: ReadonlyArray<{ name: string; run: (target: BenchTarget) => Promise<unknown> }> = [
  { name: 'participants', run: (t) => benchParticipants(t) },
  { name: 'matching', run: (t) => benchMatching(t) },
  { name: 'exports', run: (t) => benchExports(t) },
];
