/**
 * Benchmark for the assignment solver: a deterministic 2,000 × 600 instance shaped like the
 * unit-wide matching run (each row allowed with 50–300 columns, scores 0–1000, column
 * capacities 1–5), timed around one solveAssignment call.
 */
import { performance } from 'node:perf_hooks';
import { solveAssignment, type AssignmentInstance } from './solver';

export type SolverBenchResult = { rows: number; cols: number; edges: number; ms: number; total: number };

export type BenchInstanceOptions = {
  rows?: number;
  cols?: number;
  minDegree?: number;
  maxDegree?: number;
  maxScore?: number;
  minCapacity?: number;
  maxCapacity?: number;
};

/** mulberry32: small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds a random instance; the same seed and options always give the same instance. */
export function generateBenchInstance(seed: number, options: BenchInstanceOptions = {}): AssignmentInstance {
  const {
    rows = 2000,
    cols = 600,
    minDegree = 50,
    maxDegree = 300,
    maxScore = 1000,
    minCapacity = 1,
    maxCapacity = 5,
  } = options;
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  const capacity = Array.from({ length: cols }, () => int(minCapacity, maxCapacity));
  const edges: AssignmentInstance['edges'] = [];
  const perm = Int32Array.from({ length: cols }, (_, j) => j);
  for (let r = 0; r < rows; r++) {
    const degree = Math.min(cols, int(minDegree, maxDegree));
    // Partial Fisher–Yates: the first `degree` entries become a uniform random subset.
    for (let t = 0; t < degree; t++) {
      const pick = int(t, cols - 1);
      const tmp = perm[t]!;
      perm[t] = perm[pick]!;
      perm[pick] = tmp;
      edges.push([r, perm[t]!, int(0, maxScore)]);
    }
  }
  return { rows, cols, capacity, edges };
}

/** Generates the 2,000 × 600 instance for `seed` and times solveAssignment on it (generation excluded). */
export function benchSolver(seed = 1): SolverBenchResult {
  const inst = generateBenchInstance(seed);
  const start = performance.now();
  const { total } = solveAssignment(inst);
  const ms = performance.now() - start;
  return { rows: inst.rows, cols: inst.cols, edges: inst.edges.length, ms: Math.round(ms * 10) / 10, total };
}
