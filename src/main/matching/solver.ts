/**
 * Exact capacitated assignment (maximum-weight bipartite b-matching).
 *
 * Rows (e.g. participants) are assigned to columns (e.g. positions) along allowed edges with
 * non-negative integer scores. Each row gets at most one column, column j at most capacity[j]
 * rows, rows may stay unassigned, and the total score is maximised.
 *
 * Method: the min-cost-flow network source → rows (cap 1) → cols (cap c) → sink with cost
 * -score, solved by successive shortest augmenting paths with Dijkstra on reduced costs. Rows
 * enter one at a time (the incremental Hungarian method): when row i enters, the cheapest
 * residual cycle through the new arc source → i is either "leave i unassigned" (cost 0), a
 * path to a column with a free slot, or a path that ends by pushing some row out. The
 * potentials are the LP duals u (rows) and v (columns) of
 *
 *   max Σ w·x  s.t.  Σ_j x_ij ≤ 1,  Σ_i x_ij ≤ c_j,  x ≥ 0
 *   min Σ u_i + Σ c_j·v_j  s.t.  u_i + v_j ≥ w_ij,  u, v ≥ 0
 *
 * and after every step they satisfy complementary slackness for the rows entered so far
 * (matched edges tight, u_i > 0 only for assigned rows, v_j > 0 only for full columns).
 * After the last row this certifies optimality; `solveAssignmentWithCertificate` returns the
 * duals so callers and tests can check it independently. Because each row's search may stop
 * as soon as its gain is settled, it only touches the part of the graph near that row.
 *
 * Zero-score edges and edges into zero-capacity columns never change the optimum, so they are
 * dropped up front; the result therefore never contains a zero-score pair.
 *
 * All arithmetic is on integers well below 2^53 (scores ≤ MAX_SCORE, duals ≤ max score,
 * Dijkstra stops below the entering row's dual), so doubles are exact.
 */
import { AssignmentEngine, type SolverGraph } from './solver-engine';
import { INVALID_INSTANCE_PREFIX, MAX_SCORE, validateAssignmentInstance } from './solver-validate';

export { INVALID_INSTANCE_PREFIX, MAX_DIMENSION, MAX_SCORE, validateAssignmentInstance } from './solver-validate';

export type AssignmentInstance = {
  rows: number;
  cols: number;
  capacity: number[];
  edges: Array<[row: number, col: number, score: number]>;
};

export type AssignmentResult = { total: number; assignment: Array<[row: number, col: number]> };

/** The result plus an optimal dual solution proving it: Σ rowDual + Σ capacity·colDual = total. */
export type AssignmentCertificate = AssignmentResult & { rowDual: number[]; colDual: number[] };

export type SolveOptions = {
  /** Called with a fraction in (0, 1], non-decreasing, at most about 100 times; last call is 1. */
  onProgress?: (fraction: number) => void;
};

/**
 * Solves the instance exactly. The result is sorted by row and depends only on the allowed
 * pairs and their best scores: not on the order of the edges, nor on dominated duplicates.
 */
export function solveAssignment(inst: AssignmentInstance, opts?: SolveOptions): AssignmentResult {
  validateAssignmentInstance(inst);
  const engine = solve(buildGraph(inst), opts?.onProgress);
  return extractAssignment(engine);
}

/** Like solveAssignment, and also returns the optimal duals (an optimality certificate). */
export function solveAssignmentWithCertificate(inst: AssignmentInstance, opts?: SolveOptions): AssignmentCertificate {
  validateAssignmentInstance(inst);
  const engine = solve(buildGraph(inst), opts?.onProgress);
  return { ...extractAssignment(engine), ...extractDuals(inst, engine) };
}

/** Allowed pairs already grouped by row (CSR): row r's pairs are adjCol/adjW[rowStart[r] .. rowStart[r + 1]). */
export type CsrInstance = {
  rows: number;
  cols: number;
  capacity: readonly number[];
  rowStart: Int32Array;
  adjCol: Int32Array;
  /** Non-negative integer scores ≤ MAX_SCORE. */
  adjW: Int32Array;
};

/**
 * Like solveAssignment for callers that produce the pairs row by row (the global suggestion): no array per edge.
 * Each (row, column) pair must appear at most once. The arrays are compacted in place (zero scores dropped).
 */
export function solveAssignmentCsr(inst: CsrInstance, opts?: SolveOptions): AssignmentResult {
  const { rows, cols, capacity, rowStart, adjCol, adjW } = inst;
  if (rowStart.length !== rows + 1 || capacity.length !== cols) {
    throw new Error(`${INVALID_INSTANCE_PREFIX}rowStart ska ha rows + 1 element och capacity cols element`);
  }
  const indegree = new Int32Array(cols);
  let m = 0;
  let readFrom = 0;
  for (let r = 0; r < rows; r++) {
    const readEnd = rowStart[r + 1]!;
    for (let p = readFrom; p < readEnd; p++) {
      const c = adjCol[p]!;
      const w = adjW[p]!;
      if (!(c >= 0 && c < cols) || !(w >= 0 && w <= MAX_SCORE)) {
        throw new Error(`${INVALID_INSTANCE_PREFIX}kant (${r}, ${c}) med poäng ${w} är ogiltig`);
      }
      if (w === 0 || capacity[c]! <= 0) continue;
      adjCol[m] = c;
      adjW[m] = w;
      indegree[c]!++;
      m++;
    }
    readFrom = readEnd;
    rowStart[r + 1] = m;
  }
  const cap = new Int32Array(cols);
  for (let j = 0; j < cols; j++) cap[j] = Math.min(capacity[j]!, indegree[j]!);
  const graph: SolverGraph = { rows, cols, rowStart, adjCol: adjCol.subarray(0, m), adjW: adjW.subarray(0, m), cap };
  return extractAssignment(solve(graph, opts?.onProgress));
}

/**
 * Deduplicated adjacency in CSR form (one edge per row and column, keeping the highest score).
 * Column capacities are capped at the column's degree, which never changes the optimum.
 *
 * Memory is kept small on purpose: freshly allocated pages are expensive to touch on some
 * machines, so the edges are read twice instead of being copied to intermediate arrays, and
 * scores are stored as int32 (MAX_SCORE < 2^31). Each pass is its own small function so that
 * V8 optimizes every loop on its own.
 */
function buildGraph(inst: AssignmentInstance): SolverGraph {
  const { rows, cols, capacity, edges } = inst;
  const rowStart = new Int32Array(rows + 1);
  countUsefulEdges(edges, capacity, rowStart);
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  const kept = rowStart[rows]!;
  const adjCol = new Int32Array(kept);
  const adjW = new Int32Array(kept);
  bucketByRow(edges, capacity, rowStart, adjCol, adjW);
  const indegree = new Int32Array(cols);
  const m = dropDuplicatePairs(rows, rowStart, adjCol, adjW, indegree);
  const cap = new Int32Array(cols);
  for (let j = 0; j < cols; j++) cap[j] = Math.min(capacity[j]!, indegree[j]!);
  return { rows, cols, rowStart, adjCol: adjCol.subarray(0, m), adjW: adjW.subarray(0, m), cap };
}

/** Edges that can matter: positive score, column with capacity. */
const isUseful = (e: [number, number, number], capacity: number[]) => e[2] > 0 && capacity[e[1]]! > 0;

/** Counts the useful edges of row r into rowStart[r + 1]. */
function countUsefulEdges(edges: AssignmentInstance['edges'], capacity: number[], rowStart: Int32Array): void {
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    if (isUseful(e, capacity)) rowStart[e[0] + 1]!++;
  }
}

/** Writes the useful edges into CSR order by row (rowStart already holds the prefix sums). */
function bucketByRow(
  edges: AssignmentInstance['edges'],
  capacity: number[],
  rowStart: Int32Array,
  adjCol: Int32Array,
  adjW: Int32Array,
): void {
  const fill = rowStart.slice(0, rowStart.length - 1);
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    if (isUseful(e, capacity)) {
      const at = fill[e[0]]!++;
      adjCol[at] = e[1];
      adjW[at] = e[2];
    }
  }
}

/** Compacts the CSR in place so each (row, column) pair appears once with its highest score; returns the edge count. */
function dropDuplicatePairs(
  rows: number,
  rowStart: Int32Array,
  adjCol: Int32Array,
  adjW: Int32Array,
  indegree: Int32Array,
): number {
  const posInRow = new Int32Array(indegree.length).fill(-1);
  let m = 0;
  let readFrom = 0;
  for (let r = 0; r < rows; r++) {
    const readEnd = rowStart[r + 1]!;
    const rowFrom = m;
    for (let p = readFrom; p < readEnd; p++) {
      const c = adjCol[p]!;
      const w = adjW[p]!;
      const seen = posInRow[c]!;
      if (seen >= rowFrom) {
        if (w > adjW[seen]!) adjW[seen] = w;
      } else {
        posInRow[c] = m;
        adjCol[m] = c;
        adjW[m] = w;
        indegree[c]!++;
        m++;
      }
    }
    readFrom = readEnd;
    rowStart[r + 1] = m;
  }
  return m;
}

function solve(g: SolverGraph, onProgress: ((fraction: number) => void) | undefined): AssignmentEngine {
  const engine = new AssignmentEngine(g);
  const n = g.rows;
  const progressStep = Math.max(1, Math.floor(n / 100));
  for (let i = 0; i < n; i++) {
    engine.addRow(i);
    if (onProgress !== undefined && (i + 1) % progressStep === 0 && i + 1 < n) onProgress((i + 1) / n);
  }
  onProgress?.(1);
  return engine;
}

function extractAssignment(engine: AssignmentEngine): AssignmentResult {
  const { matchCol, matchW } = engine;
  const assignment: Array<[row: number, col: number]> = [];
  let total = 0;
  for (let r = 0; r < matchCol.length; r++) {
    const j = matchCol[r]!;
    if (j >= 0) {
      assignment.push([r, j]);
      total += matchW[r]!;
    }
  }
  return { total, assignment };
}

function extractDuals(inst: AssignmentInstance, engine: AssignmentEngine): { rowDual: number[]; colDual: number[] } {
  const rowDual = Array.from(engine.u);
  const colDual = Array.from(engine.v);
  // Columns without capacity had their edges dropped; any dual value is free for them (it is
  // multiplied by 0 in the objective), so pick one that covers their edges.
  const { edges, capacity } = inst;
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    const c = e[1];
    if (capacity[c] === 0 && e[2] > colDual[c]!) colDual[c] = e[2];
  }
  return { rowDual, colDual };
}
