import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SCORE,
  solveAssignment,
  solveAssignmentCsr,
  solveAssignmentWithCertificate,
  type AssignmentInstance,
} from '../../../src/main/matching/solver';
import { benchSolver, generateBenchInstance } from '../../../src/main/matching/solver-bench';
import { AppError } from '../../../src/shared/errors';

const FC_SEED = 20_240_611;

/** Small instances: up to 6 rows × 4 columns, capacities 0–3, scores from a narrow or wide range. */
const smallInstance: fc.Arbitrary<AssignmentInstance> = fc
  .record({
    rows: fc.integer({ min: 0, max: 6 }),
    cols: fc.integer({ min: 0, max: 4 }),
    maxScore: fc.constantFrom(1, 3, 20, 1000),
  })
  .chain(({ rows, cols, maxScore }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      edges:
        rows === 0 || cols === 0
          ? fc.constant<AssignmentInstance['edges']>([])
          : fc.array(
              fc.tuple(
                fc.integer({ min: 0, max: rows - 1 }),
                fc.integer({ min: 0, max: cols - 1 }),
                fc.integer({ min: 0, max: maxScore }),
              ),
              { maxLength: 30 },
            ),
    }),
  );

/** The same instance as row-grouped typed arrays, each pair once with its best score (what the suggestion builds). */
function toCsr(inst: AssignmentInstance) {
  const best = new Map<string, number>();
  for (const [r, c, w] of inst.edges) best.set(`${r},${c}`, Math.max(best.get(`${r},${c}`) ?? -1, w));
  const byRow: Array<Array<[number, number]>> = Array.from({ length: inst.rows }, () => []);
  for (const [key, w] of best) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    byRow[r]!.push([c, w]);
  }
  const rowStart = new Int32Array(inst.rows + 1);
  const flat = byRow.flatMap((pairs, r) => {
    rowStart[r + 1] = rowStart[r]! + pairs.length;
    return pairs;
  });
  return {
    rows: inst.rows,
    cols: inst.cols,
    capacity: inst.capacity,
    rowStart,
    adjCol: Int32Array.from(flat.map(([c]) => c)),
    adjW: Int32Array.from(flat.map(([, w]) => w)),
  };
}

describe('solveAssignment: exactness', () => {
  it('the row-grouped entry point (used by the global suggestion) gives the same optimum', () => {
    fc.assert(
      fc.property(smallInstance, (inst) => {
        const csr = solveAssignmentCsr(toCsr(inst));
        expect(csr.total).toBe(bruteForceTotal(inst));
        expectFeasible(inst, csr);
      }),
      { seed: FC_SEED, numRuns: 800 },
    );
    const big = generateBenchInstance(3, { rows: 400, cols: 120, minDegree: 0, maxDegree: 40, maxScore: 100 });
    expect(solveAssignmentCsr(toCsr(big)).total).toBe(solveAssignment(big).total);
  });

  it('matches exhaustive search on hundreds of small random instances', () => {
    fc.assert(
      fc.property(smallInstance, (inst) => {
        const cert = solveAssignmentWithCertificate(inst);
        expectFeasible(inst, cert);
        expect(cert.total).toBe(bruteForceTotal(inst));
        expectOptimalByDuality(inst, cert);
      }),
      { seed: FC_SEED, numRuns: 800 },
    );
  });

  it('matches a textbook Bellman–Ford min-cost flow on medium random instances', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const inst = generateBenchInstance(seed, {
        rows: 40,
        cols: 12,
        minDegree: 0,
        maxDegree: 8,
        maxScore: seed % 3 === 0 ? 4 : 60,
        minCapacity: 0,
        maxCapacity: 3,
      });
      const cert = solveAssignmentWithCertificate(inst);
      expectFeasible(inst, cert);
      expect(cert.total, `seed ${seed}`).toBe(referenceMinCostFlowTotal(inst));
      expectOptimalByDuality(inst, cert);
    }
  });

  it('beats greedy where greedy is wrong (reassigns along an augmenting path)', () => {
    // Greedy takes (0,0)=10 and blocks row 1; the optimum moves row 0 to column 1.
    const inst: AssignmentInstance = {
      rows: 2,
      cols: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 10],
        [0, 1, 9],
        [1, 0, 8],
      ],
    };
    expect(solveAssignment(inst)).toEqual({
      total: 17,
      assignment: [
        [0, 1],
        [1, 0],
      ],
    });
  });

  it('leaves a row out when pushing it out gains more than a chain of moves', () => {
    // One slot at column 0: row 1 (7) beats row 0 (5); row 2 fills column 1 (cap 2) with row 0? no: row 0 has no edge there.
    const inst: AssignmentInstance = {
      rows: 3,
      cols: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 5],
        [1, 0, 7],
        [1, 1, 2],
        [2, 1, 6],
      ],
    };
    // Options: {1→0, 2→1} = 13; {0→0, 1→1} = 7; {0→0, 2→1} = 11. Row 0 is left out.
    expect(solveAssignment(inst)).toEqual({
      total: 13,
      assignment: [
        [1, 0],
        [2, 1],
      ],
    });
  });

  it('fills a column up to its capacity and not beyond', () => {
    const inst: AssignmentInstance = {
      rows: 4,
      cols: 1,
      capacity: [3],
      edges: [
        [0, 0, 4],
        [1, 0, 9],
        [2, 0, 1],
        [3, 0, 6],
      ],
    };
    expect(solveAssignment(inst)).toEqual({
      total: 19,
      assignment: [
        [0, 0],
        [1, 0],
        [3, 0],
      ],
    });
  });
});

describe('solveAssignment: large instances', () => {
  it('solves the 2,000 × 600 benchmark instance feasibly and provably optimally', () => {
    const inst = generateBenchInstance(1);
    expect(inst.rows).toBe(2000);
    expect(inst.cols).toBe(600);
    const cert = solveAssignmentWithCertificate(inst);
    expectFeasible(inst, cert);
    expectOptimalByDuality(inst, cert);
    // Capacities total about 1,800 < 2,000 rows; with 50+ options per row nearly every slot is used.
    const slots = inst.capacity.reduce((a, b) => a + b, 0);
    expect(cert.assignment.length).toBeGreaterThan(0.95 * slots);

    const bench = benchSolver(1);
    expect(bench).toMatchObject({ rows: 2000, cols: 600, edges: inst.edges.length, total: cert.total });
    expect(bench.ms).toBeGreaterThan(0);
  });

  it('stays optimal with heavy ties (scores 0–3) and unit capacities', () => {
    const inst = generateBenchInstance(5, { rows: 1000, cols: 400, maxScore: 3, minCapacity: 1, maxCapacity: 1 });
    const cert = solveAssignmentWithCertificate(inst);
    expectFeasible(inst, cert);
    expectOptimalByDuality(inst, cert);
  });
});

describe('solveAssignment: determinism', () => {
  it('gives identical output for the same input', () => {
    const inst = generateBenchInstance(11, { rows: 600, cols: 200, maxScore: 5 });
    expect(solveAssignment(inst)).toEqual(solveAssignment(structuredClone(inst)));
  });

  it('does not depend on edge order or on dominated duplicate edges', () => {
    for (const seed of [2, 3]) {
      const inst = generateBenchInstance(seed, { rows: 500, cols: 150, maxScore: seed === 2 ? 3 : 100 });
      const noisy: AssignmentInstance = {
        ...inst,
        edges: shuffled(
          [
            ...inst.edges,
            ...inst.edges
              .filter((_, k) => k % 7 === 0)
              .map(([r, c, w]) => [r, c, Math.floor(w / 2)] as [number, number, number]),
          ],
          seed,
        ),
      };
      expect(solveAssignment(noisy)).toEqual(solveAssignment(inst));
    }
  });

  it('returns the assignment sorted by row', () => {
    const { assignment } = solveAssignment(generateBenchInstance(4, { rows: 300, cols: 80 }));
    const rows = assignment.map(([r]) => r);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
  });
});

describe('solveAssignment: edge cases', () => {
  it('handles an empty instance', () => {
    expect(solveAssignment({ rows: 0, cols: 0, capacity: [], edges: [] })).toEqual({ total: 0, assignment: [] });
  });

  it('handles rows and columns without edges', () => {
    expect(solveAssignment({ rows: 3, cols: 2, capacity: [1, 2], edges: [] })).toEqual({ total: 0, assignment: [] });
  });

  it('never uses a zero-capacity column', () => {
    const inst: AssignmentInstance = {
      rows: 2,
      cols: 2,
      capacity: [0, 1],
      edges: [
        [0, 0, 100],
        [1, 0, 100],
        [1, 1, 1],
      ],
    };
    expect(solveAssignment(inst)).toEqual({ total: 1, assignment: [[1, 1]] });
    expect(solveAssignment({ ...inst, capacity: [0, 0] })).toEqual({ total: 0, assignment: [] });
  });

  it('gives total 0 when every score is 0', () => {
    const inst: AssignmentInstance = {
      rows: 3,
      cols: 2,
      capacity: [2, 2],
      edges: [
        [0, 0, 0],
        [1, 1, 0],
        [2, 0, 0],
      ],
    };
    const result = solveAssignment(inst);
    expect(result.total).toBe(0);
    expectFeasible(inst, result);
  });

  it('keeps the highest score of duplicate edges', () => {
    const inst: AssignmentInstance = {
      rows: 2,
      cols: 1,
      capacity: [1],
      edges: [
        [0, 0, 3],
        [1, 0, 5],
        [0, 0, 9],
        [1, 0, 2],
        [0, 0, 4],
      ],
    };
    expect(solveAssignment(inst)).toEqual({ total: 9, assignment: [[0, 0]] });
  });

  it('treats a capacity larger than the number of rows as unlimited', () => {
    const inst: AssignmentInstance = {
      rows: 3,
      cols: 1,
      capacity: [Number.MAX_SAFE_INTEGER],
      edges: [
        [0, 0, 1],
        [1, 0, 2],
        [2, 0, 3],
      ],
    };
    expect(solveAssignment(inst)).toEqual({
      total: 6,
      assignment: [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
    });
  });

  it('handles the largest allowed scores exactly', () => {
    const inst: AssignmentInstance = {
      rows: 3,
      cols: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, MAX_SCORE],
        [0, 1, MAX_SCORE - 1],
        [1, 0, MAX_SCORE],
        [2, 1, 1],
      ],
    };
    const cert = solveAssignmentWithCertificate(inst);
    expect(cert.total).toBe(2 * MAX_SCORE - 1);
    expect(cert.total).toBe(bruteForceTotal(inst));
    expectOptimalByDuality(inst, cert);
  });

  it('does not modify its input', () => {
    const inst = generateBenchInstance(8, { rows: 50, cols: 10 });
    const copy = structuredClone(inst);
    solveAssignment(inst);
    expect(inst).toEqual(copy);
  });
});

describe('solveAssignment: progress', () => {
  it('reports non-decreasing fractions ending at exactly 1', () => {
    const seen: number[] = [];
    solveAssignment(generateBenchInstance(6, { rows: 1000, cols: 100, minDegree: 5, maxDegree: 20 }), {
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.length).toBeLessThanOrEqual(101);
    expect(seen.at(-1)).toBe(1);
    for (let i = 0; i < seen.length; i++) {
      expect(seen[i]).toBeGreaterThan(0);
      expect(seen[i]).toBeLessThanOrEqual(1);
      if (i > 0) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    }
  });

  it('reports 1 once for an instance without rows', () => {
    const seen: number[] = [];
    solveAssignment({ rows: 0, cols: 1, capacity: [1], edges: [] }, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([1]);
  });
});

describe('solveAssignment: validation', () => {
  const base = (): AssignmentInstance => ({ rows: 2, cols: 2, capacity: [1, 1], edges: [[0, 0, 1]] });

  const cases: Array<[string, (inst: AssignmentInstance) => unknown, string, RegExp]> = [
    ['a negative score', (i) => ({ ...i, edges: [[0, 0, -1]] }), 'edges.0.2', /poängen -1/],
    [
      'a fractional score',
      (i) => ({
        ...i,
        edges: [
          [0, 0, 1],
          [1, 1, 2.5],
        ],
      }),
      'edges.1.2',
      /poängen 2\.5/,
    ],
    ['a NaN score', (i) => ({ ...i, edges: [[0, 0, Number.NaN]] }), 'edges.0.2', /NaN/],
    ['a score above the maximum', (i) => ({ ...i, edges: [[0, 0, MAX_SCORE + 1]] }), 'edges.0.2', /heltal mellan 0/],
    ['a row index out of range', (i) => ({ ...i, edges: [[2, 0, 1]] }), 'edges.0.0', /radindex 2; tillåtet är 0–1/],
    ['a negative row index', (i) => ({ ...i, edges: [[-1, 0, 1]] }), 'edges.0.0', /radindex -1/],
    ['a column index out of range', (i) => ({ ...i, edges: [[0, 5, 1]] }), 'edges.0.1', /kolumnindex 5/],
    ['an edge that is not a triple', (i) => ({ ...i, edges: [[0, 0]] }), 'edges.0', /trippel/],
    [
      'a capacity list of the wrong length',
      (i) => ({ ...i, capacity: [1] }),
      'capacity',
      /1 värden men det finns 2 kolumner/,
    ],
    ['a negative capacity', (i) => ({ ...i, capacity: [1, -2] }), 'capacity.1', /kolumn 1/],
    ['a fractional row count', (i) => ({ ...i, rows: 1.5 }), 'rows', /rader/],
    ['a negative column count', (i) => ({ ...i, cols: -1 }), 'cols', /kolumner/],
    ['edges that are not a list', (i) => ({ ...i, edges: 'x' }), 'edges', /edges måste vara en lista/],
    ['a non-object', () => null, '', /måste vara ett objekt/],
  ];

  it.each(cases)('rejects %s', (_name, mutate, field, message) => {
    const bad = mutate(base());
    let error: unknown;
    try {
      solveAssignment(bad as AssignmentInstance);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('VALIDATION');
    expect(appError.field ?? '').toBe(field);
    expect(appError.message).toMatch(/^Ogiltig tilldelningsinstans: /);
    expect(appError.message).toMatch(message);
  });

  it('accepts the unmodified base instance', () => {
    expect(solveAssignment(base())).toEqual({ total: 1, assignment: [[0, 0]] });
  });
});

// ---------------------------------------------------------------------------------------------
// Independent reference solvers and checkers (share no code with the solver).

/** Best score per allowed (row, col) pair, duplicates resolved by max. */
function pairScores(inst: AssignmentInstance): Map<string, number> {
  const best = new Map<string, number>();
  for (const [r, c, w] of inst.edges) {
    const key = `${r},${c}`;
    best.set(key, Math.max(best.get(key) ?? 0, w));
  }
  return best;
}

/** Exhaustive search over every feasible assignment; returns the maximum total. */
function bruteForceTotal(inst: AssignmentInstance): number {
  const options: Array<Array<[number, number]>> = Array.from({ length: inst.rows }, () => []);
  for (const [key, w] of pairScores(inst)) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    options[r]!.push([c, w]);
  }
  const load = new Array<number>(inst.cols).fill(0);
  let best = 0;
  const visit = (row: number, acc: number) => {
    if (row === inst.rows) {
      best = Math.max(best, acc);
      return;
    }
    visit(row + 1, acc);
    for (const [c, w] of options[row]!) {
      if (load[c]! < inst.capacity[c]!) {
        load[c]!++;
        visit(row + 1, acc + w);
        load[c]!--;
      }
    }
  };
  visit(0, 0);
  return best;
}

/**
 * Textbook min-cost flow: successive shortest paths with Bellman–Ford (no potentials, no
 * pruning), cost = −score, stopping when the cheapest source→sink path is no longer negative.
 */
function referenceMinCostFlowTotal(inst: AssignmentInstance): number {
  const source = 0;
  const sink = inst.rows + inst.cols + 1;
  const nodeCount = sink + 1;
  const from: number[] = [];
  const to: number[] = [];
  const capLeft: number[] = [];
  const cost: number[] = [];
  const addArc = (a: number, b: number, capacity: number, c: number) => {
    from.push(a, b);
    to.push(b, a);
    capLeft.push(capacity, 0);
    cost.push(c, -c);
  };
  for (let r = 0; r < inst.rows; r++) addArc(source, 1 + r, 1, 0);
  for (let c = 0; c < inst.cols; c++) addArc(1 + inst.rows + c, sink, inst.capacity[c]!, 0);
  for (const [key, w] of pairScores(inst)) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    addArc(1 + r, 1 + inst.rows + c, 1, -w);
  }
  let total = 0;
  for (;;) {
    const dist = new Array<number>(nodeCount).fill(Infinity);
    const via = new Array<number>(nodeCount).fill(-1);
    dist[source] = 0;
    for (let round = 0; round < nodeCount; round++) {
      let changed = false;
      for (let a = 0; a < to.length; a++) {
        if (capLeft[a]! > 0 && dist[from[a]!]! + cost[a]! < dist[to[a]!]!) {
          dist[to[a]!] = dist[from[a]!]! + cost[a]!;
          via[to[a]!] = a;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (!(dist[sink]! < 0)) return total;
    total -= dist[sink]!;
    for (let node = sink; node !== source; node = from[via[node]!]!) {
      const a = via[node]!;
      capLeft[a]!--;
      capLeft[a ^ 1]!++;
    }
  }
}

/** Asserts that the result is a feasible assignment whose total matches its pairs. */
function expectFeasible(
  inst: AssignmentInstance,
  result: { total: number; assignment: Array<[number, number]> },
): void {
  const scores = pairScores(inst);
  const load = new Array<number>(inst.cols).fill(0);
  const problems: string[] = [];
  let total = 0;
  let previousRow = -1;
  for (const [r, c] of result.assignment) {
    if (r <= previousRow) problems.push(`row ${r} out of order or repeated`);
    previousRow = r;
    const w = scores.get(`${r},${c}`);
    if (w === undefined) problems.push(`pair (${r}, ${c}) is not an allowed edge`);
    if (++load[c]! > inst.capacity[c]!) problems.push(`column ${c} over capacity`);
    total += w ?? 0;
  }
  expect(problems).toEqual([]);
  expect(result.total).toBe(total);
}

/**
 * Asserts LP duality: the duals are feasible for the dual LP and their objective equals the
 * primal total, which proves the assignment optimal.
 */
function expectOptimalByDuality(
  inst: AssignmentInstance,
  cert: { total: number; rowDual: number[]; colDual: number[] },
): void {
  expect(cert.rowDual).toHaveLength(inst.rows);
  expect(cert.colDual).toHaveLength(inst.cols);
  expect(cert.rowDual.every((u) => u >= 0) && cert.colDual.every((v) => v >= 0), 'duals ≥ 0').toBe(true);
  let violations = 0;
  for (const [r, c, w] of inst.edges) if (cert.rowDual[r]! + cert.colDual[c]! < w) violations++;
  expect(violations, 'dual constraints u_r + v_c ≥ w violated').toBe(0);
  let dual = 0;
  for (const u of cert.rowDual) dual += u;
  cert.colDual.forEach((v, c) => (dual += inst.capacity[c]! * v));
  expect(dual).toBe(cert.total);
}

/** Deterministic Fisher–Yates shuffle with a small LCG (independent of the solver's PRNG). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
