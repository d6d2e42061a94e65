/**
 * The monthly target board (måltavla), reconstructed from history (docs/reports.md, "Target board"). Pure: the
 * inputs are plain arrays a service reads with a few queries (participants, their stage events, placements,
 * follow-ups); every figure of a month depends only on what is dated on or before that month's last day, so a past
 * month says the same thing whatever is recorded later (a correction of a past record is the exception, and it is in
 * the audit log).
 *
 * Definitions (each month, "month end" = its last day, events on that day included):
 * - stage at month end: the stage of the participant's last event dated on or before month end (events of one day
 *   in the order of `seq`); a participant with no event yet is not counted;
 * - open: in a stage other than exited or closed (paused counts as open);
 * - entered: moved from not open (new, exited, closed) to open during the month; left: from open to exited or
 *   closed. A person is counted once per month in each, even after several moves;
 * - long-term open at month end / closed during month: the long-term recipients among open / left;
 * - exits by outcome: exit events dated in the month;
 * - placements started: start date in the month; active: running on at least one day of the month;
 * - time in stage: for every stay in a stage that ended during the month (the participant moved on), the whole
 *   days from entering to leaving; median and 90th percentile by the nearest-rank method (the value at rank
 *   ⌈p/100 · n⌉ of the sorted durations), so both are real observed durations;
 * - follow-ups at 6 and 12 months: those due in the `followUpWindowMonths` months up to month end (default 12);
 *   self-supporting yes / no as recorded on or before month end, everything else unknown; the share is yes among
 *   the known, with the unknown counted beside it.
 */
import { ACTIVE_STAGES, EXIT_OUTCOMES, STAGES, type ExitOutcome, type Stage } from '../domain/participant';
import { dayIndex, firstDayOf, lastDayOf, type YearMonth } from './month';

export type BoardParticipant = {
  id: string | number;
  /** Long-term recipient (assistance in 10 or more of the last 12 months) as recorded at referral. */
  longTerm: boolean;
  childrenInHousehold: boolean;
};

/** A timeline event that set the participant's stage (creation, every transition). */
export type BoardStageEvent = {
  participantId: string | number;
  date: string;
  /** Order of events on the same day (the timeline event's id). */
  seq: number;
  toStage: Stage;
  /** For an exit. */
  outcome?: ExitOutcome | null;
};

export type BoardPlacement = { id: string | number; kind: string; start: string; end: string | null };

export type BoardFollowUp = {
  participantId: string | number;
  monthsAfter: 6 | 12;
  dueDate: string;
  /** When the answer was recorded, null while none. */
  recordedOn: string | null;
  selfSupporting: 'yes' | 'no' | 'unknown' | null;
};

export type StageTime = { count: number; medianDays: number; p90Days: number };

export type FollowUpFigures = {
  due: number;
  yes: number;
  no: number;
  unknown: number;
  /** yes / (yes + no); null when nothing is known. */
  shareSelfSupporting: number | null;
};

export type BoardMonth = {
  month: YearMonth;
  longTerm: {
    openAtMonthEnd: number;
    openWithChildren: number;
    closedDuringMonth: number;
    closedWithChildren: number;
    /** The administrator's target for the month (closed during the month), or null. */
    target: number | null;
  };
  openAtMonthEnd: number;
  stagesAtMonthEnd: Record<Stage, number>;
  entered: number;
  left: number;
  placements: { started: Record<string, number>; active: Record<string, number> };
  exitsByOutcome: Record<ExitOutcome, number>;
  /** Stays that ended in the month, per stage (null when none). */
  timeInStage: Record<Stage, StageTime | null>;
  followUps: { sixMonths: FollowUpFigures; twelveMonths: FollowUpFigures };
};

export type BoardInput = {
  months: readonly YearMonth[];
  participants: readonly BoardParticipant[];
  events: readonly BoardStageEvent[];
  placements: readonly BoardPlacement[];
  followUps: readonly BoardFollowUp[];
  /** Target per month (long-term closed during the month). */
  targets?: Readonly<Record<YearMonth, number>>;
  followUpWindowMonths?: number;
};

const OPEN: ReadonlySet<Stage> = new Set(ACTIVE_STAGES);
const STAGE_INDEX = new Map<Stage, number>(STAGES.map((s, i) => [s, i]));
const OUTCOME_INDEX = new Map<ExitOutcome, number>(EXIT_OUTCOMES.map((o, i) => [o, i]));
const S = STAGES.length;

const byDateSeq = (a: BoardStageEvent, b: BoardStageEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq;

/**
 * The events with each participant's events together, by date and `seq`. A service that reads them ORDER BY
 * participant, date, seq passes them through unchanged (checked in one pass); any other order is sorted here.
 */
function groupedEvents(events: readonly BoardStageEvent[]): readonly BoardStageEvent[] {
  const seen = new Set<string>();
  let ok = true;
  for (let i = 0; i < events.length && ok; i++) {
    const e = events[i]!;
    const key = String(e.participantId);
    const prev = i > 0 ? events[i - 1]! : null;
    if (prev !== null && String(prev.participantId) === key) {
      ok = byDateSeq(prev, e) <= 0;
    } else {
      ok = !seen.has(key);
      seen.add(key);
    }
  }
  if (ok) return events;
  const byPerson = new Map<string, BoardStageEvent[]>();
  for (const e of events) {
    const key = String(e.participantId);
    const list = byPerson.get(key);
    if (list) list.push(e);
    else byPerson.set(key, [e]);
  }
  const out: BoardStageEvent[] = [];
  for (const list of byPerson.values()) out.push(...list.sort(byDateSeq));
  return out;
}

/** Nearest-rank percentile of ascending `sorted` (p in 1…100). */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('No values');
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The same month a year earlier ('2026-03' → '2025-03'), for the comparison column. */
export function sameMonthLastYear(month: YearMonth): YearMonth {
  return `${String(Number(month.slice(0, 4)) - 1).padStart(4, '0')}${month.slice(4)}`;
}

/** Reconstructs the board for each of `months` (any order; output in the same order). */
export function computeBoard(input: BoardInput): BoardMonth[] {
  const months = input.months;
  const M = months.length;
  const monthEnd = months.map((m) => lastDayOf(m));
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  // Month pointers walk in time order; `chrono` maps time order to output order.
  const chrono = months.map((_, i) => i).sort((a, b) => (monthEnd[a]! < monthEnd[b]! ? -1 : 1));
  const endSorted = chrono.map((i) => monthEnd[i]!);

  const stageCounts = new Int32Array(M * S);
  const open = new Int32Array(M);
  const ltOpen = new Int32Array(M);
  const ltOpenChildren = new Int32Array(M);
  const entered = new Int32Array(M);
  const left = new Int32Array(M);
  const ltClosed = new Int32Array(M);
  const ltClosedChildren = new Int32Array(M);
  const exits = new Int32Array(M * EXIT_OUTCOMES.length);
  const durations: number[][] = Array.from({ length: M * S }, () => []);

  const people = new Map<string, BoardParticipant>();
  for (const p of input.participants) people.set(String(p.id), p);
  const events = groupedEvents(input.events);
  const openByIndex = STAGES.map((st) => OPEN.has(st));
  const stageIndex = (st: Stage) => STAGE_INDEX.get(st)!;

  const enteredMark = new Int32Array(M);
  const leftMark = new Int32Array(M);
  let personNo = 0;
  for (let from = 0; from < events.length;) {
    const key = String(events[from]!.participantId);
    let to = from + 1;
    while (to < events.length && String(events[to]!.participantId) === key) to++;
    personNo += 1;
    const person = people.get(key);
    const longTerm = person?.longTerm ?? false;
    const children = person?.childrenInHousehold ?? false;
    let prev = -1; // stage index, -1 before the first event
    let prevDay = 0;
    let c = 0; // chronological month pointer
    for (let i = from; i <= to; i++) {
      const e = i < to ? events[i]! : null;
      // Months that end before this event (all remaining months after the last one) take the stage so far.
      while (c < M && (e === null || endSorted[c]! < e.date)) {
        const m = chrono[c++]!;
        if (prev < 0) continue;
        stageCounts[m * S + prev]! += 1;
        if (openByIndex[prev]) {
          open[m]! += 1;
          if (longTerm) {
            ltOpen[m]! += 1;
            if (children) ltOpenChildren[m]! += 1;
          }
        }
      }
      if (e === null || c === M) break;
      const next = stageIndex(e.toStage);
      const day = dayIndex(e.date);
      const m = monthIndex.get(e.date.slice(0, 7));
      if (m !== undefined) {
        const wasOpen = prev >= 0 && openByIndex[prev]!;
        const nowOpen = openByIndex[next]!;
        if (!wasOpen && nowOpen && enteredMark[m] !== personNo) {
          enteredMark[m] = personNo;
          entered[m]! += 1;
        }
        if (wasOpen && !nowOpen && leftMark[m] !== personNo) {
          leftMark[m] = personNo;
          left[m]! += 1;
          if (longTerm) {
            ltClosed[m]! += 1;
            if (children) ltClosedChildren[m]! += 1;
          }
        }
        if (e.toStage === 'exited') exits[m * EXIT_OUTCOMES.length + OUTCOME_INDEX.get(e.outcome ?? 'other')!]! += 1;
        if (prev >= 0 && prev !== next) durations[m * S + prev]!.push(day - prevDay);
      }
      if (prev !== next) {
        prev = next;
        prevDay = day;
      }
    }
    from = to;
  }

  const started = months.map(() => ({}) as Record<string, number>);
  const active = months.map(() => ({}) as Record<string, number>);
  const monthStart = months.map((m) => firstDayOf(m));
  for (const p of input.placements) {
    for (let m = 0; m < M; m++) {
      if (p.start > monthEnd[m]! || (p.end !== null && p.end < monthStart[m]!)) continue;
      active[m]![p.kind] = (active[m]![p.kind] ?? 0) + 1;
      if (p.start >= monthStart[m]!) started[m]![p.kind] = (started[m]![p.kind] ?? 0) + 1;
    }
  }

  const window = input.followUpWindowMonths ?? 12;
  const windowStart = months.map((m) => {
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5, 7));
    const idx = y * 12 + (mo - 1) - (window - 1);
    return firstDayOf(`${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`);
  });
  const follow = months.map(() => ({ 6: emptyFollowUp(), 12: emptyFollowUp() }));
  for (const f of input.followUps) {
    for (let m = 0; m < M; m++) {
      if (f.dueDate < windowStart[m]! || f.dueDate > monthEnd[m]!) continue;
      const fig = follow[m]![f.monthsAfter];
      fig.due += 1;
      const known = f.recordedOn !== null && f.recordedOn <= monthEnd[m]!;
      if (known && f.selfSupporting === 'yes') fig.yes += 1;
      else if (known && f.selfSupporting === 'no') fig.no += 1;
      else fig.unknown += 1;
    }
  }

  return months.map((month, m) => {
    const stagesAtMonthEnd = Object.fromEntries(STAGES.map((s, i) => [s, stageCounts[m * S + i]!])) as Record<
      Stage,
      number
    >;
    const exitsByOutcome = Object.fromEntries(
      EXIT_OUTCOMES.map((o, i) => [o, exits[m * EXIT_OUTCOMES.length + i]!]),
    ) as Record<ExitOutcome, number>;
    const timeInStage = Object.fromEntries(
      STAGES.map((s, i) => {
        const list = durations[m * S + i]!;
        if (list.length === 0) return [s, null];
        const sorted = Float64Array.from(list).sort();
        return [s, { count: sorted.length, medianDays: nearestRank(sorted, 50), p90Days: nearestRank(sorted, 90) }];
      }),
    ) as Record<Stage, StageTime | null>;
    return {
      month,
      longTerm: {
        openAtMonthEnd: ltOpen[m]!,
        openWithChildren: ltOpenChildren[m]!,
        closedDuringMonth: ltClosed[m]!,
        closedWithChildren: ltClosedChildren[m]!,
        target: input.targets?.[month] ?? null,
      },
      openAtMonthEnd: open[m]!,
      stagesAtMonthEnd,
      entered: entered[m]!,
      left: left[m]!,
      placements: { started: started[m]!, active: active[m]! },
      exitsByOutcome,
      timeInStage,
      followUps: { sixMonths: finishFollowUp(follow[m]![6]), twelveMonths: finishFollowUp(follow[m]![12]) },
    };
  });
}

function emptyFollowUp(): FollowUpFigures {
  return { due: 0, yes: 0, no: 0, unknown: 0, shareSelfSupporting: null };
}

function finishFollowUp(f: FollowUpFigures): FollowUpFigures {
  const known = f.yes + f.no;
  return { ...f, shareSelfSupporting: known === 0 ? null : f.yes / known };
}

// ---------------------------------------------------------------------------------------------------------------
// Small-cell suppression

/** A count as shown to a role that must not identify anyone: 0 or ≥ threshold as the number, 1…threshold−1 hidden. */
export type Cell = number | string;

/** 1…(threshold − 1) become "<threshold" ("<5" by default); 0 and larger counts are shown as they are. */
export function suppressCount(n: number, threshold = 5): Cell {
  return n >= 1 && n < threshold ? `<${threshold}` : n;
}

export type SuppressedFollowUp = { due: Cell; yes: Cell; no: Cell; unknown: Cell; shareSelfSupporting: number | null };

export type SuppressedBoardMonth = {
  month: YearMonth;
  longTerm: {
    openAtMonthEnd: Cell;
    openWithChildren: Cell;
    closedDuringMonth: Cell;
    closedWithChildren: Cell;
    target: number | null;
  };
  openAtMonthEnd: Cell;
  stagesAtMonthEnd: Record<Stage, Cell>;
  entered: Cell;
  left: Cell;
  placements: { started: Record<string, Cell>; active: Record<string, Cell> };
  exitsByOutcome: Record<ExitOutcome, Cell>;
  /** A stage whose stays are fewer than the threshold shows its count only, without durations. */
  timeInStage: Record<Stage, { count: Cell; medianDays: number | null; p90Days: number | null } | null>;
  followUps: { sixMonths: SuppressedFollowUp; twelveMonths: SuppressedFollowUp };
};

const mapValues = <K extends string, V, W>(o: Record<K, V>, f: (v: V) => W): Record<K, W> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as V)])) as Record<K, W>;

/**
 * The board as a role that may see counts only (docs/reports.md, "Who sees what"): every count of 1…threshold−1
 * people becomes "<5", a share computed from fewer than `threshold` known answers is withheld, and so are the
 * durations of fewer than `threshold` stays. The target is not about people and stays.
 */
export function suppressBoard(board: readonly BoardMonth[], threshold = 5): SuppressedBoardMonth[] {
  const c = (n: number) => suppressCount(n, threshold);
  const fu = (f: FollowUpFigures): SuppressedFollowUp => ({
    due: c(f.due),
    yes: c(f.yes),
    no: c(f.no),
    unknown: c(f.unknown),
    shareSelfSupporting: f.yes + f.no >= threshold ? f.shareSelfSupporting : null,
  });
  return board.map((b) => ({
    month: b.month,
    longTerm: {
      openAtMonthEnd: c(b.longTerm.openAtMonthEnd),
      openWithChildren: c(b.longTerm.openWithChildren),
      closedDuringMonth: c(b.longTerm.closedDuringMonth),
      closedWithChildren: c(b.longTerm.closedWithChildren),
      target: b.longTerm.target,
    },
    openAtMonthEnd: c(b.openAtMonthEnd),
    stagesAtMonthEnd: mapValues(b.stagesAtMonthEnd, c),
    entered: c(b.entered),
    left: c(b.left),
    placements: { started: mapValues(b.placements.started, c), active: mapValues(b.placements.active, c) },
    exitsByOutcome: mapValues(b.exitsByOutcome, c),
    timeInStage: mapValues(b.timeInStage, (t) =>
      t === null
        ? null
        : t.count >= threshold
          ? { count: t.count, medianDays: t.medianDays, p90Days: t.p90Days }
          : { count: c(t.count), medianDays: null, p90Days: null },
    ),
    followUps: { sixMonths: fu(b.followUps.sixMonths), twelveMonths: fu(b.followUps.twelveMonths) },
  }));
}
