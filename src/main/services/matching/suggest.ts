/**
 * The global suggestion (docs/product.md §5): which waiting participant goes to which free slot so that the total score is
 * as high as possible under every position's (and summer-job period's) capacity.
 *
 * Rows are the waiting participants (stage 'mapped' or 'matching') with no open proposal and no blocking active
 * placement; columns are the active positions and current summer-job periods with room (free − drafts, see
 * SlotRecord.suggestionCapacity); edges are the pairs no hard constraint excludes. The exact solver
 * (src/main/matching/solver.ts) maximises
 *
 *     Σ (score · K + 1)   with K = (largest possible number of pairs) + 1,
 *
 * which is the same as: first the highest total score, then — among equally good answers — as many people placed
 * as possible (an allowed pair with score 0 can still be suggested). Everything is deterministic: rows and columns
 * are in id order and the solver returns the same assignment for the same edges.
 */
import { performance } from 'node:perf_hooks';
import type { Reader } from '../../store';
import { MAX_SCORE, solveAssignmentCsr } from '../../matching/solver';
import {
  allowedColumns,
  explainPair,
  hardColumns,
  maxScore,
  prepareSlot,
  softScore,
  WAITING_STAGES,
  type ScoringContext,
} from '../../matching/scoring';
import type { PositionKind } from '../../../shared/domain/position';
import type { MatchWeights } from '../../../shared/domain/proposal';
import type { Suggestion, SuggestionRow } from '../../../shared/contract/matching';
import { loadPositions } from '../positions/load';
import { countParticipants, loadParticipantLabels, loadPreparedParticipants, slotsOf, type SlotRecord } from './data';

/** Summer jobs have their own allocation run (docs/product.md §5), so the unit-wide suggestion leaves them out by default. */
export const DEFAULT_SUGGESTION_KINDS: readonly PositionKind[] = [
  'bicycle_workshop',
  'carpentry',
  'second_hand',
  'handyman',
  'cleaning',
  'municipal_department',
];

export interface SuggestOptions {
  kinds?: readonly PositionKind[] | undefined;
  workplaceIds?: readonly number[] | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
}

/** Lets the event loop answer other calls (progress polls above all) during a long computation. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function suggestAssignment(
  db: Reader,
  today: string,
  weights: MatchWeights,
  opts: SuggestOptions = {},
): Promise<Suggestion> {
  const started = performance.now();
  const ctx: ScoringContext = { today, weights };
  const kinds = new Set(opts.kinds ?? DEFAULT_SUGGESTION_KINDS);
  const workplaceIds = opts.workplaceIds ? new Set(opts.workplaceIds) : null;

  // Columns: current slots with room.
  const columns: SlotRecord[] = [];
  for (const p of await loadPositions(db, today)) {
    if (!p.active || !p.workplaceActive || !kinds.has(p.kind)) continue;
    if (workplaceIds && !workplaceIds.has(p.workplaceId)) continue;
    for (const s of slotsOf(p, today)) if (s.suggestionCapacity > 0) columns.push(s);
  }
  const capacity = columns.map((c) => c.suggestionCapacity);
  const preparedCols = columns.map((c) => prepareSlot(c.facts));

  // Rows: waiting participants not already in a proposal or a blocking placement.
  const waiting = await countParticipants(db, { stages: WAITING_STAGES });
  const preparedRows = await loadPreparedParticipants(
    db,
    { stages: WAITING_STAGES, noOpenProposal: true, noBlockingPlacement: 'regular' },
    ctx,
  );
  opts.onProgress?.(0.05);

  // Edges: every allowed pair.
  const slotsOffered = capacity.reduce((a, b) => a + b, 0);
  const k = Math.min(preparedRows.length, slotsOffered) + 1;
  const scale = maxScore(weights) * k + 1 <= MAX_SCORE ? k : 0; // 0: no tie-break (never with realistic sizes)
  // Allowed pairs straight into row-grouped typed arrays (CSR): a million pairs without a million small arrays.
  let withoutEligibleSlot = 0;
  const hard = hardColumns(preparedCols);
  const allowed = new Int32Array(preparedCols.length);
  const rowStart = new Int32Array(preparedRows.length + 1);
  let adjCol = new Int32Array(Math.max(1024, preparedRows.length * 64));
  let adjW = new Int32Array(adjCol.length);
  let m = 0;
  for (let i = 0; i < preparedRows.length; i++) {
    const pp = preparedRows[i]!;
    const n = allowedColumns(pp, hard, allowed);
    if (n === 0) withoutEligibleSlot++;
    if (m + n > adjCol.length) {
      const size = Math.max(adjCol.length * 2, m + n);
      const grownCol = new Int32Array(size);
      grownCol.set(adjCol.subarray(0, m));
      const grownW = new Int32Array(size);
      grownW.set(adjW.subarray(0, m));
      adjCol = grownCol;
      adjW = grownW;
    }
    for (let k = 0; k < n; k++) {
      const j = allowed[k]!;
      const s = softScore(pp, preparedCols[j]!, weights);
      adjCol[m] = j;
      adjW[m] = scale > 0 ? s * scale + 1 : s;
      m++;
    }
    rowStart[i + 1] = m;
    if (i % 100 === 99) {
      opts.onProgress?.(0.05 + (0.25 * (i + 1)) / preparedRows.length);
      await yieldToEventLoop();
    }
  }
  const edgeCount = m;
  opts.onProgress?.(0.3);
  await yieldToEventLoop();

  const solveStarted = performance.now();
  const { assignment } = solveAssignmentCsr(
    { rows: preparedRows.length, cols: preparedCols.length, capacity, rowStart, adjCol, adjW },
    { onProgress: (f) => opts.onProgress?.(0.3 + 0.65 * f) },
  );

  const solverMs = performance.now() - solveStarted;

  // Explanations and names only for the suggested pairs.
  const labels = await loadParticipantLabels(
    db,
    assignment.map(([i]) => preparedRows[i]!.facts.id),
  );
  const out: SuggestionRow[] = assignment.map(([i, j]) => {
    const col = columns[j]!;
    const explanation = explainPair(preparedRows[i]!, preparedCols[j]!, ctx);
    const label = labels.get(preparedRows[i]!.facts.id)!;
    return {
      participantId: label.id,
      ref: label.ref,
      name: label.name,
      district: label.district,
      positionId: col.position.id,
      positionPeriodId: col.facts.periodId,
      periodName: col.facts.periodName,
      title: col.position.title,
      kind: col.position.kind,
      workplaceName: col.position.workplaceName,
      workplaceDistrict: col.position.district,
      score: explanation.score,
      max: explanation.max,
      explanation,
    };
  });
  out.sort(
    (a, b) =>
      a.workplaceName.localeCompare(b.workplaceName, 'sv') ||
      a.positionId - b.positionId ||
      (a.positionPeriodId ?? 0) - (b.positionPeriodId ?? 0) ||
      b.score - a.score ||
      a.participantId - b.participantId,
  );
  opts.onProgress?.(1);
  return {
    computedOn: today,
    weights,
    totalScore: out.reduce((sum, r) => sum + r.score, 0),
    rows: out,
    stats: {
      waitingParticipants: waiting,
      consideredParticipants: preparedRows.length,
      columns: columns.length,
      slotsOffered,
      edges: edgeCount,
      assigned: assignment.length,
      withoutEligibleSlot,
      ms: Math.round((performance.now() - started) * 10) / 10,
      solverMs: Math.round(solverMs * 10) / 10,
    },
  };
}
