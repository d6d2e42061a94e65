/**
 * The search engine behind solveAssignment: incremental shortest augmenting paths (Hungarian
 * method for b-matching with optional rows), Dijkstra on reduced costs. See solver.ts for the
 * model; this module only assumes a validated, deduplicated graph.
 *
 * Node ids in the search: rows are 0..n-1, column j is n+j. The sink is not a node; the
 * cheapest known way to reach it is tracked in `best`/`bestEnd` while scanning.
 *
 * Potentials h(row r) = u_r, h(col j) = −v_j, h(sink) = 0. Residual arcs and their reduced
 * costs (cost + h(tail) − h(head)), all ≥ 0 by the invariants kept between rows:
 *   row r → col j   (edge not used by r)      u_r + v_j − w  ≥ 0
 *   col j → row r   (r assigned to j)         w − v_j − u_r  = 0 (tight)
 *   col j → sink    (j has a free slot)       −v_j           = 0
 *   row r → sink    (r assigned: push it out) u_r            ≥ 0
 *   entering row i → sink ("stay unassigned") u_i
 * Invariants: u, v ≥ 0; u_r = 0 for unassigned rows; v_j = 0 for columns with a free slot.
 * Over time v only grows, so w − v_j only shrinks, which the per-edge `bound` below uses.
 */
import { IndexedMinHeap } from './solver-heap';

export type SolverGraph = {
  rows: number;
  cols: number;
  /** Row r's edges are adjCol/adjW[rowStart[r] .. rowStart[r+1]), one per column, in any order. */
  rowStart: Int32Array;
  adjCol: Int32Array;
  /** Scores (≤ MAX_SCORE < 2^31). */
  adjW: Int32Array;
  /** Capacity of each column (> 0 for every column that has edges). */
  cap: Int32Array;
};

const UNSEEN = 0;
const QUEUED = 1;
const SETTLED = 2;

/**
 * A row is sorted (again) once its scans since the last sort have examined more than
 * WASTE_BASE + degree × WASTE_FACTOR edges in vain, which keeps sorting cost on the order
 * of the scanning it saves.
 */
const WASTE_BASE = 8;
const WASTE_FACTOR = 1;

export class AssignmentEngine {
  /** Column of each row, or -1. */
  readonly matchCol: Int32Array;
  /** Score of each row's assigned edge (0 when unassigned). */
  readonly matchW: Float64Array;
  /** Row duals. */
  readonly u: Float64Array;
  /** Column duals. */
  readonly v: Float64Array;

  private readonly n: number;
  private readonly rowStart: Int32Array;
  // The adjacency is owned by the engine: rows are reordered in place by refreshRow.
  private readonly adjCol: Int32Array;
  private readonly adjW: Int32Array;
  /**
   * Per edge, an upper bound on w − v_col (exact when its row was last refreshed). Each row is
   * kept sorted by it, descending, so a scan can stop at the first edge that cannot help.
   */
  private readonly bound: Int32Array;
  private readonly cap: Int32Array;
  /** Per row: edges examined in vain (bound stale) by scans since the row was last sorted. */
  private readonly wasted: Int32Array;

  // Column slots: the rows assigned to column j are slotRow[slotStart[j] .. slotStart[j] + load[j]).
  private readonly slotStart: Int32Array;
  private readonly slotRow: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly load: Int32Array;

  // Dijkstra state, reset after every search for the touched nodes only.
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  /** For a column node: the score of the edge it was reached by. */
  private readonly predW: Float64Array;
  private readonly mark: Uint8Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly heap: IndexedMinHeap;
  /** Shortest known distance to the sink in the current search. */
  private best = 0;
  /** How the best path reaches the sink: -1 entering row stays out; row node: pushed out; column node: free slot. */
  private bestEnd = -1;

  // Scratch for the merge sort in refreshRow.
  private readonly tmpBound: Int32Array;
  private readonly tmpCol: Int32Array;
  private readonly tmpW: Int32Array;

  constructor(g: SolverGraph) {
    const n = g.rows;
    const m = g.cols;
    this.n = n;
    this.rowStart = g.rowStart;
    this.adjCol = g.adjCol;
    this.adjW = g.adjW;
    this.bound = new Int32Array(g.adjW.length); // filled per row when the row enters (v = 0 before)
    this.cap = g.cap;

    this.wasted = new Int32Array(n);
    this.matchCol = new Int32Array(n).fill(-1);
    this.matchW = new Float64Array(n);
    this.u = new Float64Array(n);
    this.v = new Float64Array(m);

    this.slotStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.slotStart[j + 1] = this.slotStart[j]! + g.cap[j]!;
    this.slotRow = new Int32Array(this.slotStart[m]!);
    this.slotOf = new Int32Array(n).fill(-1);
    this.load = new Int32Array(m);

    const nodes = n + m;
    this.dist = new Float64Array(nodes);
    this.pred = new Int32Array(nodes);
    this.predW = new Float64Array(nodes);
    this.mark = new Uint8Array(nodes);
    this.touched = new Int32Array(nodes);
    this.heap = new IndexedMinHeap(this.dist);

    let maxDegree = 0;
    for (let r = 0; r < n; r++) maxDegree = Math.max(maxDegree, g.rowStart[r + 1]! - g.rowStart[r]!);
    this.tmpBound = new Int32Array(maxDegree);
    this.tmpCol = new Int32Array(maxDegree);
    this.tmpW = new Int32Array(maxDegree);
  }

  /**
   * Lets row i take part. If the assignment was optimal for the rows added so far, it is
   * optimal including row i afterwards, and the duals certify it.
   */
  addRow(i: number): void {
    const from = this.rowStart[i]!;
    const end = this.rowStart[i + 1]!;
    if (from === end) return;
    // Sort the row by exact w − v_j (ties by column, so the result never depends on the input
    // order of the edges). The first bound is the smallest feasible dual for row i; a dual of 0
    // means no positive-gain path exists and the row stays unassigned.
    this.refreshRow(from, end);
    const ui = this.bound[from]!;
    if (ui <= 0) return;
    this.u[i] = ui;

    this.best = ui;
    this.bestEnd = -1;
    this.touchedCount = 0;
    this.dist[i] = 0;
    this.pred[i] = -1;
    this.mark[i] = QUEUED;
    this.touched[this.touchedCount++] = i;
    const heap = this.heap;
    heap.push(i);
    while (heap.size > 0) {
      const x = heap.pop();
      const dx = this.dist[x]!;
      if (dx >= this.best) break;
      this.mark[x] = SETTLED;
      if (x < this.n) this.scanRow(x, dx);
      else this.scanCol(x - this.n, dx);
    }
    heap.clear();

    this.updateDualsAndReset();
    if (this.bestEnd !== -1) this.augment(i);
  }

  /** Relaxes the arcs row x → columns (every edge except x's own). */
  private scanRow(x: number, dx: number): void {
    const { adjCol, adjW, bound, v, mark, dist, pred, predW, load, cap } = this;
    const n = this.n;
    const base = dx + this.u[x]!;
    const own = this.matchCol[x]!;
    const from = this.rowStart[x]!;
    const end = this.rowStart[x + 1]!;
    let wasted = 0;
    for (let k = from; k < end; k++) {
      // An edge helps only if nd = base − (w − v_j) < best, i.e. w − v_j > base − best. The
      // row is sorted by bound ≥ w − v_j, so the first bound at or below that ends the scan.
      const limit = base - this.best;
      if (bound[k]! <= limit) break;
      const j = adjCol[k]!;
      const w = adjW[k]!;
      const g = w - v[j]!;
      if (g <= limit) {
        wasted++;
        continue;
      }
      if (j === own) continue;
      const nd = base - g;
      const y = n + j;
      if (load[j]! < cap[j]!) {
        // A free slot reaches the sink at no extra cost; no need to search beyond it.
        this.best = nd;
        this.bestEnd = y;
        pred[y] = x;
        predW[y] = w;
        continue;
      }
      const my = mark[y]!;
      if (my === UNSEEN) {
        dist[y] = nd;
        pred[y] = x;
        predW[y] = w;
        mark[y] = QUEUED;
        this.touched[this.touchedCount++] = y;
        this.heap.push(y);
      } else if (my === QUEUED && nd < dist[y]!) {
        dist[y] = nd;
        pred[y] = x;
        predW[y] = w;
        this.heap.decreaseKey(y);
      }
    }
    if (wasted > 0) {
      const total = this.wasted[x]! + wasted;
      if (total > WASTE_BASE + (end - from) * WASTE_FACTOR) {
        this.refreshRow(from, end);
        this.wasted[x] = 0;
      } else {
        this.wasted[x] = total;
      }
    }
  }

  /** Relaxes the arcs full column j → its rows (each may move elsewhere or out). */
  private scanCol(j: number, dx: number): void {
    const { mark, dist, pred, u, matchW, slotRow } = this;
    const colNode = this.n + j;
    const vj = this.v[j]!;
    const slotEnd = this.slotStart[j]! + this.load[j]!;
    for (let s = this.slotStart[j]!; s < slotEnd; s++) {
      const r = slotRow[s]!;
      const mr = mark[r]!;
      if (mr === SETTLED) continue;
      const nd = dx + matchW[r]! - vj - u[r]!;
      if (nd >= this.best) continue;
      if (mr === UNSEEN) {
        dist[r] = nd;
        pred[r] = colNode;
        mark[r] = QUEUED;
        this.touched[this.touchedCount++] = r;
        this.heap.push(r);
      } else if (nd < dist[r]!) {
        dist[r] = nd;
        pred[r] = colNode;
        this.heap.decreaseKey(r);
      } else {
        continue;
      }
      // Pushing r out of the assignment reaches the sink at cost u_r.
      if (nd + u[r]! < this.best) {
        this.best = nd + u[r]!;
        this.bestEnd = r;
      }
    }
  }

  /** Moves the potentials of nodes settled closer than the sink (keeps reduced costs ≥ 0), clears marks. */
  private updateDualsAndReset(): void {
    const { touched, mark, dist, u, v } = this;
    const n = this.n;
    const best = this.best;
    for (let t = 0; t < this.touchedCount; t++) {
      const x = touched[t]!;
      const dx = dist[x]!;
      if (mark[x] === SETTLED && dx < best) {
        if (x < n) u[x]! -= best - dx;
        else v[x - n]! += best - dx;
      }
      mark[x] = UNSEEN;
    }
    this.touchedCount = 0;
  }

  /** Flips the assignment along the best path found for entering row i. */
  private augment(i: number): void {
    const { pred, predW } = this;
    let col = this.bestEnd;
    if (col < this.n) {
      const pushedOut = col;
      col = pred[pushedOut]!;
      this.removeFromCol(pushedOut);
    }
    for (;;) {
      const r = pred[col]!;
      if (this.matchCol[r]! >= 0) this.removeFromCol(r);
      this.addToCol(r, col - this.n, predW[col]!);
      if (r === i) return;
      col = pred[r]!;
    }
  }

  private addToCol(r: number, j: number, w: number): void {
    const at = this.slotStart[j]! + this.load[j]!++;
    this.slotRow[at] = r;
    this.slotOf[r] = at;
    this.matchCol[r] = j;
    this.matchW[r] = w;
  }

  private removeFromCol(r: number): void {
    const j = this.matchCol[r]!;
    const last = this.slotStart[j]! + --this.load[j]!;
    const at = this.slotOf[r]!;
    const moved = this.slotRow[last]!;
    this.slotRow[at] = moved;
    this.slotOf[moved] = at;
    this.slotOf[r] = -1;
    this.matchCol[r] = -1;
    this.matchW[r] = 0;
  }

  /**
   * Recomputes the exact bounds of one row's edges and sorts the row by bound descending, ties
   * by column ascending (a total order, so the result does not depend on the previous order).
   */
  private refreshRow(from: number, end: number): void {
    const { adjCol, adjW, bound, v } = this;
    for (let k = from; k < end; k++) bound[k] = adjW[k]! - v[adjCol[k]!]!;
    // Insertion-sort short runs in place, then merge runs bottom-up, alternating between the
    // row and the scratch arrays.
    for (let lo = from; lo < end; lo += RUN) {
      const hi = Math.min(lo + RUN, end);
      for (let k = lo + 1; k < hi; k++) {
        const b = bound[k]!;
        const c = adjCol[k]!;
        const w = adjW[k]!;
        let t = k - 1;
        while (t >= lo && (b > bound[t]! || (b === bound[t]! && c < adjCol[t]!))) {
          bound[t + 1] = bound[t]!;
          adjCol[t + 1] = adjCol[t]!;
          adjW[t + 1] = adjW[t]!;
          t--;
        }
        bound[t + 1] = b;
        adjCol[t + 1] = c;
        adjW[t + 1] = w;
      }
    }
    const len = end - from;
    const { tmpBound, tmpCol, tmpW } = this;
    let inRow = true;
    for (let width = RUN; width < len; width *= 2) {
      if (inRow) mergePass(bound, adjCol, adjW, from, tmpBound, tmpCol, tmpW, 0, len, width);
      else mergePass(tmpBound, tmpCol, tmpW, 0, bound, adjCol, adjW, from, len, width);
      inRow = !inRow;
    }
    if (!inRow) {
      for (let t = 0; t < len; t++) {
        bound[from + t] = tmpBound[t]!;
        adjCol[from + t] = tmpCol[t]!;
        adjW[from + t] = tmpW[t]!;
      }
    }
  }
}

/** Run length for the insertion-sort stage of refreshRow. */
const RUN = 16;

/**
 * One bottom-up merge pass over `len` entries: merges adjacent sorted runs of `width` from the
 * source (offset `so`) into the destination (offset `dOff`). Order: bound descending, then
 * column ascending.
 */
function mergePass(
  sb: Int32Array,
  sc: Int32Array,
  sw: Int32Array,
  so: number,
  db: Int32Array,
  dc: Int32Array,
  dw: Int32Array,
  dOff: number,
  len: number,
  width: number,
): void {
  for (let lo = 0; lo < len; lo += 2 * width) {
    const mid = Math.min(lo + width, len);
    const hi = Math.min(lo + 2 * width, len);
    let a = so + lo;
    let b = so + mid;
    const aEnd = so + mid;
    const bEnd = so + hi;
    let out = dOff + lo;
    while (a < aEnd && b < bEnd) {
      const ba = sb[a]!;
      const bb = sb[b]!;
      let take: number;
      if (bb > ba || (bb === ba && sc[b]! < sc[a]!)) take = b++;
      else take = a++;
      db[out] = sb[take]!;
      dc[out] = sc[take]!;
      dw[out] = sw[take]!;
      out++;
    }
    for (; a < aEnd; a++, out++) {
      db[out] = sb[a]!;
      dc[out] = sc[a]!;
      dw[out] = sw[a]!;
    }
    for (; b < bEnd; b++, out++) {
      db[out] = sb[b]!;
      dc[out] = sc[b]!;
      dw[out] = sw[b]!;
    }
  }
}
