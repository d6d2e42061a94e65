/**
 * Benchmark of the report engines (issue 15 point 5), in process on synthetic history from a seeded generator (no
 * database): the target board for 24 months over 50,000 participants (their stage events) and 5,000 placements, and
 * the savings ledger for a year over the 5,000 placements. Goal: under 300 ms each. Times are milliseconds, the
 * median of the timed runs after one warm-up run.
 */
import { performance } from 'node:perf_hooks';
import { computeBoard, type BoardFollowUp, type BoardPlacement, type BoardStageEvent } from '../../shared/rules/board';
import { computeLedger, monthRange, type LedgerPlacement } from '../../shared/rules/ledger';
import { addDays } from '../../shared/rules/dates';
import { seededRandom } from './random';
import { STAGES, type Stage } from '../../shared/domain/participant';
import { POSITION_KINDS } from '../../shared/domain/position';

/** The journey in order, referral to exit (the side states paused and closed end a path early). */
const PATH: Stage[] = STAGES.filter((s) => s !== 'paused' && s !== 'closed');
const KINDS = POSITION_KINDS;
const FIRST_DAY = '2024-01-01';

export function generateHistory(participants = 50_000, placements = 5_000, seed = 15) {
  const rnd = seededRandom(seed);
  const events: BoardStageEvent[] = [];
  const people = [];
  const followUps: BoardFollowUp[] = [];
  let seq = 0;
  for (let i = 0; i < participants; i++) {
    const id = `P${i}`;
    people.push({ id, longTerm: rnd() < 0.4, childrenInHousehold: rnd() < 0.3 });
    let day = addDays(FIRST_DAY, Math.floor(rnd() * 800));
    const steps = 1 + Math.floor(rnd() * PATH.length);
    for (let s = 0; s < steps; s++) {
      const toStage = s === steps - 1 && rnd() < 0.2 ? (rnd() < 0.5 ? 'paused' : 'closed') : PATH[s]!;
      events.push({
        participantId: id,
        date: day,
        seq: ++seq,
        toStage,
        outcome: toStage === 'exited' ? 'ordinary_job' : null,
      });
      if (toStage === 'exited') {
        followUps.push({
          participantId: id,
          monthsAfter: 6,
          dueDate: addDays(day, 182),
          recordedOn: rnd() < 0.7 ? addDays(day, 190) : null,
          selfSupporting: rnd() < 0.8 ? 'yes' : 'no',
        });
      }
      if (toStage !== PATH[s]) break;
      day = addDays(day, Math.floor(rnd() * 40));
    }
  }
  const boardPlacements: BoardPlacement[] = [];
  const ledgerPlacements: LedgerPlacement[] = [];
  for (let i = 0; i < placements; i++) {
    const start = addDays(FIRST_DAY, Math.floor(rnd() * 700));
    const end = rnd() < 0.2 ? null : addDays(start, 30 + Math.floor(rnd() * 360));
    const kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
    boardPlacements.push({ id: i, kind, start, end });
    const extension = addDays(start, 180);
    ledgerPlacements.push({
      id: i,
      kind,
      start,
      end,
      monthlySalaryOre: 20_000_00 + Math.floor(rnd() * 800_000),
      hoursPercent: rnd() < 0.3 ? 75 : 100,
      assistanceBeforeOre: 3_000_00 + Math.floor(rnd() * 900_000),
      assistanceResumedOn: rnd() < 0.05 ? addDays(start, 100) : null,
      decisions: [
        { number: `AF-${i}`, start, end: addDays(extension, -1), percent: 80, ceilingOre: 20_000_00 },
        { number: `AF-${i}-F`, start: extension, percent: 50, ceilingOre: 20_000_00 },
      ],
    });
  }
  return { people, events, followUps, boardPlacements, ledgerPlacements };
}

function median(run: () => void, times = 5): { ms: number; minMs: number } {
  run();
  const t: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { ms: Math.round(t[Math.floor(t.length / 2)]! * 10) / 10, minMs: Math.round(t[0]! * 10) / 10 };
}

export async function benchReports(): Promise<unknown> {
  const h = generateHistory();
  const months = monthRange('2024-07', '2026-06');
  const board = median(() =>
    computeBoard({
      months,
      participants: h.people,
      events: h.events,
      placements: h.boardPlacements,
      followUps: h.followUps,
    }),
  );
  const parameters = [2024, 2025, 2026].map((year) => ({ year, poPercent: 44.5 }));
  let rows = 0;
  const ledger = median(() => {
    const r = computeLedger({ placements: h.ledgerPlacements, parameters, from: '2025-01', to: '2025-12' });
    if (!r.ok) throw new Error(r.message);
    rows = r.rows.length;
  });
  return {
    board: {
      ...board,
      months: months.length,
      participants: h.people.length,
      events: h.events.length,
      placements: h.boardPlacements.length,
      followUps: h.followUps.length,
    },
    ledger: { ...ledger, months: 12, placements: h.ledgerPlacements.length, rows },
  };
}
