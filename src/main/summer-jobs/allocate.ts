/**
 * The summer-job allocation engine (docs/summer-jobs.md; docs/product.md §4 rule 6). Pure: no database, no clock;
 * the same seed and instance always give the same result, whatever the order of the rows.
 *
 * 1. Order: priority tier (0 first), then ONE shared lottery inside the tier (lottery.ts: lower number first).
 * 2. Each applicant in that order, once (one summer job per youth), gets the best-ranked wished area that has a free
 *    place they may take, in a period they offered; if none and they said any area is fine, a place in any other
 *    area. A place may be taken when
 *      - the applicant offered its period,
 *      - they are at least the position's minimum age on the period's first day,
 *      - the position's hours keep the hours rules for minors, by their age on the period's first day
 *        (under 16: at most 7 h a day; 16–17: at most 8 h a day and 40 h a week),
 *      - for work with children, they have shown an extract from the criminal-record register,
 *      - the position still has a free place in that period.
 * 3. Tie-breaks inside an area (the applicant has no preference between them): the position and period with the
 *    most free places left; then the earlier period (start date, then period id); then the lower position id
 *    (code-point order of its text form). For "any area", the same rule across every area the applicant did not
 *    wish.
 *
 * Because each applicant takes the best place still open to them before anyone later in the order is considered,
 * nobody envies a place given to someone later or left free (serial dictatorship); the property tests check it.
 *
 * Eligibility (birth years, residence, an earlier summer job) is decided before the run (eligibility.ts): the
 * service passes eligible applicants only.
 */
import { isoDateParts, type IsoDate } from '../../shared/rules/dates';
import { compareKeys, drawLottery, instanceHash } from './lottery';
import {
  DEFAULT_MINOR_HOURS_RULES,
  type AllocationApplicant,
  type AllocationInstance,
  type AllocationOptions,
  type Assignment,
  type EntityId,
  type MinorHoursRule,
} from './model';

// ---------------------------------------------------------------------------------------------------------------
// Explanations as data (explain.ts renders them in Swedish)

/** Why a wished area (or "any area") gave no place. Several may apply to the places of one area. */
export type WishReason =
  /** The area has no places in any period. */
  | { code: 'no_places' }
  /** The area's places are only in periods the applicant did not offer. */
  | { code: 'not_available'; periods: EntityId[] }
  /** Too young on the period's first day for the area's places (lowest minimum age among them). */
  | { code: 'too_young'; minAge: number; age: number }
  /** The places' hours exceed the hours rules for the applicant's age. */
  | {
      code: 'hours';
      age: number;
      hoursPerDay: number;
      maxPerDay: number;
      hoursPerWeek: number;
      maxPerWeek: number | null;
    }
  /** Work with children and no criminal-record extract shown. */
  | { code: 'record_extract' }
  /** Every place the applicant could take was already given, in these periods. */
  | { code: 'full'; periods: EntityId[] };

export type AllocationStep =
  | { kind: 'wish'; rank: number; area: string; given: boolean; reasons: WishReason[] }
  | { kind: 'any_area'; given: boolean; reasons: WishReason[] };

export type Placement = {
  position: EntityId;
  period: EntityId;
  area: string;
  periodStart: IsoDate;
  /** Rank (1-based) of the wish that gave the place, or null for "any area". */
  wishRank: number | null;
};

export type ApplicantExplanation = {
  applicant: EntityId;
  tier: number;
  lotteryNumber: number;
  /** 1-based place in the allocation order of the whole run. */
  orderPosition: number;
  anyArea: boolean;
  /** The round that decided: 0 the main run, 1… reserve rounds. */
  round: number;
  steps: AllocationStep[];
  placement: Placement | null;
};

export type AllocationResult = {
  seed: string;
  referenceDate: IsoDate;
  /** SHA-256 of the canonical instance without the seed (lottery.ts). */
  inputHash: string;
  /** Lottery number per applicant, in allocation order. */
  lottery: Array<{ applicant: EntityId; number: number }>;
  /** Every applicant in allocation order (tier, then lottery). */
  order: EntityId[];
  /** Places given, in allocation order. */
  assignment: Assignment[];
  /** Applicants without a place, in allocation order (the reserve list). */
  unassigned: EntityId[];
  /** One per applicant considered in this round, in allocation order. */
  explanations: ApplicantExplanation[];
};

// ---------------------------------------------------------------------------------------------------------------
// Ages and hours

/**
 * Age in whole years on `date`. A birthday on 29 February counts as reached on 1 March in a common year.
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const b = isoDateParts(birthDate);
  const d = isoDateParts(date);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

/** The hours rule that applies at `age`, or undefined from 18 (or whatever the rules' top age is). */
export function hoursRuleFor(age: number, rules: readonly MinorHoursRule[]): MinorHoursRule | undefined {
  return rules.find((r) => age < r.belowAge);
}

// ---------------------------------------------------------------------------------------------------------------
// Preparation: flat arrays in a row-order-independent layout

type PreparedPeriod = { id: EntityId; key: string; start: IsoDate };
type PreparedPosition = {
  id: EntityId;
  key: string;
  area: string;
  minAge: number;
  hoursPerDay: number;
  hoursPerWeek: number;
  childFacing: boolean;
};
type PreparedApplicant = {
  source: AllocationApplicant;
  key: string;
  lottery: number;
  digest: string;
  /** 1 when the applicant offered period t. */
  available: Uint8Array;
  /** Age on the first day of period t. */
  ages: Int32Array;
  wishes: string[];
};

type Prepared = {
  seed: string;
  referenceDate: IsoDate;
  periods: PreparedPeriod[];
  positions: PreparedPosition[];
  /** capacity[p * T + t]: places of position p in period t. */
  capacity: Int32Array;
  /** Position indexes per area, ascending. */
  areaPositions: Map<string, number[]>;
  /** Every area, code-point order. */
  areas: string[];
  /** Applicants in allocation order. */
  applicants: PreparedApplicant[];
  rules: readonly MinorHoursRule[];
};

function prepare(instance: AllocationInstance, options: AllocationOptions): Prepared {
  const rules = [...(options.minorHoursRules ?? DEFAULT_MINOR_HOURS_RULES)].sort((a, b) => a.belowAge - b.belowAge);
  const daysPerWeek = options.daysPerWeek ?? 5;

  const periods = instance.periods
    .map((p) => ({ id: p.id, key: String(p.id), start: p.start }))
    .sort((a, b) => compareKeys(a.start, b.start) || compareKeys(a.key, b.key));
  const T = periods.length;
  const periodIndex = new Map(periods.map((p, i) => [p.key, i]));

  const sortedPositions = [...instance.positions].sort((a, b) => compareKeys(String(a.id), String(b.id)));
  const capacity = new Int32Array(sortedPositions.length * T);
  const positions: PreparedPosition[] = sortedPositions.map((p, i) => {
    for (const [periodKey, n] of Object.entries(p.slots)) {
      const t = periodIndex.get(periodKey);
      if (t !== undefined) capacity[i * T + t] = n;
    }
    return {
      id: p.id,
      key: String(p.id),
      area: p.area,
      minAge: p.minAge,
      hoursPerDay: p.hoursPerDay,
      hoursPerWeek: p.hoursPerWeek ?? p.hoursPerDay * daysPerWeek,
      childFacing: p.childFacing,
    };
  });
  const areaPositions = new Map<string, number[]>();
  positions.forEach((p, i) => {
    const list = areaPositions.get(p.area);
    if (list) list.push(i);
    else areaPositions.set(p.area, [i]);
  });
  const areas = [...areaPositions.keys()].sort(compareKeys);

  const applicants = instance.applicants.map((a): PreparedApplicant => {
    const draw = drawLottery(instance.seed, a.id);
    const available = new Uint8Array(T);
    for (const p of a.periods) {
      const t = periodIndex.get(String(p));
      if (t !== undefined) available[t] = 1;
    }
    const ages = new Int32Array(T);
    periods.forEach((p, t) => (ages[t] = ageOn(a.birthDate, p.start)));
    return {
      source: a,
      key: String(a.id),
      lottery: draw.number,
      digest: draw.digest,
      available,
      ages,
      wishes: a.wishes,
    };
  });
  applicants.sort(
    (a, b) =>
      a.source.tier - b.source.tier ||
      a.lottery - b.lottery ||
      compareKeys(a.digest, b.digest) ||
      compareKeys(a.key, b.key),
  );

  return {
    seed: instance.seed,
    referenceDate: instance.referenceDate,
    periods,
    positions,
    capacity,
    areaPositions,
    areas,
    applicants,
    rules,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Feasibility

const OK = 0;
const NOT_AVAILABLE = 1;
const TOO_YOUNG = 2;
const HOURS = 3;
const RECORD = 4;

function check(prep: Prepared, a: PreparedApplicant, p: number, t: number): number {
  if (a.available[t] === 0) return NOT_AVAILABLE;
  const pos = prep.positions[p]!;
  const age = a.ages[t]!;
  if (age < pos.minAge) return TOO_YOUNG;
  const rule = hoursRuleFor(age, prep.rules);
  if (rule && (pos.hoursPerDay > rule.maxPerDay || (rule.maxPerWeek !== null && pos.hoursPerWeek > rule.maxPerWeek))) {
    return HOURS;
  }
  if (pos.childFacing && !a.source.recordShown) return RECORD;
  return OK;
}

type Choice = { p: number; t: number };

/** The best free place for `a` among the positions of `positionLists` (tie-breaks in the module comment). */
function choose(prep: Prepared, free: Int32Array, a: PreparedApplicant, positionLists: number[][]): Choice | null {
  const T = prep.periods.length;
  let best: Choice | null = null;
  let bestFree = 0;
  for (const list of positionLists) {
    for (const p of list) {
      for (let t = 0; t < T; t++) {
        const f = free[p * T + t]!;
        if (f <= 0 || check(prep, a, p, t) !== OK) continue;
        if (best === null || f > bestFree || (f === bestFree && (t < best.t || (t === best.t && p < best.p)))) {
          best = { p, t };
          bestFree = f;
        }
      }
    }
  }
  return best;
}

/** Why none of the places in `positionLists` could be given to `a` (one entry per kind of reason). */
function reasonsFor(prep: Prepared, free: Int32Array, a: PreparedApplicant, positionLists: number[][]): WishReason[] {
  const T = prep.periods.length;
  let any = false;
  const notAvailable = new Set<number>();
  const full = new Set<number>();
  let young: { minAge: number; age: number } | null = null;
  let hours: Extract<WishReason, { code: 'hours' }> | null = null;
  let record = false;
  for (const list of positionLists) {
    for (const p of list) {
      const pos = prep.positions[p]!;
      for (let t = 0; t < T; t++) {
        if (prep.capacity[p * T + t]! <= 0) continue;
        any = true;
        const c = check(prep, a, p, t);
        if (c === NOT_AVAILABLE) notAvailable.add(t);
        else if (c === TOO_YOUNG) {
          if (young === null || pos.minAge < young.minAge) young = { minAge: pos.minAge, age: a.ages[t]! };
        } else if (c === HOURS) {
          const age = a.ages[t]!;
          const rule = hoursRuleFor(age, prep.rules)!;
          if (hours === null || pos.hoursPerDay < hours.hoursPerDay) {
            hours = {
              code: 'hours',
              age,
              hoursPerDay: pos.hoursPerDay,
              maxPerDay: rule.maxPerDay,
              hoursPerWeek: pos.hoursPerWeek,
              maxPerWeek: rule.maxPerWeek,
            };
          }
        } else if (c === RECORD) record = true;
        else if (free[p * T + t]! <= 0) full.add(t);
      }
    }
  }
  if (!any) return [{ code: 'no_places' }];
  const periodIds = (set: Set<number>) => [...set].sort((x, y) => x - y).map((t) => prep.periods[t]!.id);
  const out: WishReason[] = [];
  if (full.size > 0) out.push({ code: 'full', periods: periodIds(full) });
  if (young) out.push({ code: 'too_young', ...young });
  if (hours) out.push(hours);
  if (record) out.push({ code: 'record_extract' });
  if (notAvailable.size > 0) out.push({ code: 'not_available', periods: periodIds(notAvailable) });
  return out;
}

/** Allocates `candidates` (in order) into `free`, which it updates. */
function runRound(
  prep: Prepared,
  free: Int32Array,
  candidates: PreparedApplicant[],
  orderPosition: Map<string, number>,
  round: number,
): { assignment: Assignment[]; unassigned: EntityId[]; explanations: ApplicantExplanation[] } {
  const T = prep.periods.length;
  const assignment: Assignment[] = [];
  const unassigned: EntityId[] = [];
  const explanations: ApplicantExplanation[] = [];
  for (const a of candidates) {
    const steps: AllocationStep[] = [];
    let placement: Placement | null = null;
    const place = (c: Choice, wishRank: number | null) => {
      free[c.p * T + c.t]! -= 1;
      const pos = prep.positions[c.p]!;
      const period = prep.periods[c.t]!;
      placement = { position: pos.id, period: period.id, area: pos.area, periodStart: period.start, wishRank };
      assignment.push({ applicant: a.source.id, position: pos.id, period: period.id });
    };
    for (let i = 0; i < a.wishes.length && placement === null; i++) {
      const area = a.wishes[i]!;
      const lists = [prep.areaPositions.get(area) ?? []];
      const c = choose(prep, free, a, lists);
      if (c) {
        place(c, i + 1);
        steps.push({ kind: 'wish', rank: i + 1, area, given: true, reasons: [] });
      } else {
        steps.push({ kind: 'wish', rank: i + 1, area, given: false, reasons: reasonsFor(prep, free, a, lists) });
      }
    }
    if (placement === null && a.source.anyArea) {
      const wished = new Set(a.wishes);
      const lists = prep.areas.filter((area) => !wished.has(area)).map((area) => prep.areaPositions.get(area)!);
      const c = choose(prep, free, a, lists);
      if (c) {
        place(c, null);
        steps.push({ kind: 'any_area', given: true, reasons: [] });
      } else {
        steps.push({ kind: 'any_area', given: false, reasons: reasonsFor(prep, free, a, lists) });
      }
    }
    if (placement === null) unassigned.push(a.source.id);
    explanations.push({
      applicant: a.source.id,
      tier: a.source.tier,
      lotteryNumber: a.lottery,
      orderPosition: orderPosition.get(a.key)!,
      anyArea: a.source.anyArea,
      round,
      steps,
      placement,
    });
  }
  return { assignment, unassigned, explanations };
}

function orderPositions(prep: Prepared): Map<string, number> {
  return new Map(prep.applicants.map((a, i) => [a.key, i + 1]));
}

/** Runs the allocation (module comment). */
export function allocate(instance: AllocationInstance, options: AllocationOptions = {}): AllocationResult {
  const prep = prepare(instance, options);
  const free = prep.capacity.slice();
  const round = runRound(prep, free, prep.applicants, orderPositions(prep), 0);
  return {
    seed: prep.seed,
    referenceDate: prep.referenceDate,
    inputHash: instanceHash(instance),
    lottery: prep.applicants.map((a) => ({ applicant: a.source.id, number: a.lottery })),
    order: prep.applicants.map((a) => a.source.id),
    ...round,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reserve rounds

/** What became of an offer: kept (accepted, or still waiting for an answer) or freed (declined, expired, withdrawn). */
export type OfferAnswer = 'accepted' | 'pending' | 'declined' | 'expired' | 'withdrawn';

const FREES_PLACE: ReadonlySet<OfferAnswer> = new Set(['declined', 'expired', 'withdrawn']);

export type ReserveRoundResult = AllocationResult & {
  /** Places held from earlier rounds (accepted or still pending), untouched. */
  kept: Assignment[];
  /** Places freed by a decline, an expired deadline or a withdrawal. */
  released: Assignment[];
  /** The places this round gives (also included in `assignment`). */
  added: Assignment[];
};

/**
 * A reserve round (docs/summer-jobs.md, "Reserve rounds"). `instance` is the season as it is now (same seed);
 * `previous` every place given in earlier rounds; `answers` the answer to each of those offers (a place with no
 * answer is treated as pending).
 *
 * - A place whose offer was accepted or is still pending is kept exactly as it is: nobody who holds a place is moved.
 * - A declined, expired or withdrawn offer frees its place; that applicant is not considered again in this round.
 * - Every applicant of `instance` who holds no place and had none, in allocation order (tier, then the same
 *   lottery), is offered the best place still open to them by the same rules as the main run. An application
 *   received after the main run takes part in the same order by its lottery number.
 *
 * `round` numbers the explanation (1 for the first reserve round).
 */
export function reserveRound(
  instance: AllocationInstance,
  previous: readonly Assignment[],
  answers: Readonly<Record<string, OfferAnswer>>,
  round = 1,
  options: AllocationOptions = {},
): ReserveRoundResult {
  const prep = prepare(instance, options);
  const T = prep.periods.length;
  const free = prep.capacity.slice();
  const positionIndex = new Map(prep.positions.map((p, i) => [p.key, i]));
  const periodIndex = new Map(prep.periods.map((p, i) => [p.key, i]));
  const kept: Assignment[] = [];
  const released: Assignment[] = [];
  const hadPlace = new Set<string>();
  for (const a of previous) {
    hadPlace.add(String(a.applicant));
    const answer = answers[String(a.applicant)] ?? 'pending';
    if (FREES_PLACE.has(answer)) {
      released.push(a);
      continue;
    }
    kept.push(a);
    const p = positionIndex.get(String(a.position));
    const t = periodIndex.get(String(a.period));
    // A held place whose position or period has since left the instance holds no capacity here.
    if (p !== undefined && t !== undefined) free[p * T + t]! -= 1;
  }
  const candidates = prep.applicants.filter((a) => !hadPlace.has(a.key));
  const result = runRound(prep, free, candidates, orderPositions(prep), round);
  const order = prep.applicants.map((a) => a.source.id);
  const rank = new Map(prep.applicants.map((a, i) => [a.key, i]));
  const assignment = [...kept, ...result.assignment].sort(
    (x, y) => (rank.get(String(x.applicant)) ?? Infinity) - (rank.get(String(y.applicant)) ?? Infinity),
  );
  return {
    seed: prep.seed,
    referenceDate: prep.referenceDate,
    inputHash: instanceHash(instance),
    lottery: prep.applicants.map((a) => ({ applicant: a.source.id, number: a.lottery })),
    order,
    assignment,
    unassigned: result.unassigned,
    explanations: result.explanations,
    kept,
    released,
    added: result.assignment,
  };
}

/** The output shape of `npm run -s allocate` (issue 14 point 9): lottery, order, assignment, unassigned. */
export function toAllocationJson(result: AllocationResult): {
  lottery: Record<string, number>;
  order: EntityId[];
  assignment: Assignment[];
  unassigned: EntityId[];
} {
  return {
    lottery: Object.fromEntries(result.lottery.map((l) => [String(l.applicant), l.number])),
    order: result.order,
    assignment: result.assignment.map((a) => ({ applicant: a.applicant, position: a.position, period: a.period })),
    unassigned: result.unassigned,
  };
}
