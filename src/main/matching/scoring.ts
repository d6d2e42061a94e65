/**
 * The matching score engine (docs/product.md §5). Pure and deterministic: no database, no clock (today is an input), no
 * randomness. The same participant, position and weights always give the same score and the same explanation.
 *
 * A pair is a participant × "slot", where a slot is a position without periods or one period of a summer-job
 * position. Hard constraints exclude a pair; soft criteria give points. Each criterion gives
 * round(weight × fraction) points, fraction in [0, 1], so the score is an integer and its maximum is the sum of the
 * weights.
 *
 * Two entry points share the same criterion functions:
 * - `scorePair`: the fast path for large runs (no allocation, returns the score or -1 when excluded);
 * - `explainPair`: the full explanation, criterion by criterion, in Swedish.
 * Tests check that they always agree.
 */
import {
  HARD_CONSTRAINT_LABELS,
  MATCH_CRITERION_LABELS,
  SENSITIVE_CRITERIA,
  type HardConstraintKey,
  type MatchCriterion,
  type MatchCriterionKey,
  type MatchExclusion,
  type MatchExplanation,
  type MatchWeights,
} from '../../shared/domain/proposal';
import {
  DISTRICT_COORDINATES,
  districtDistanceKm,
  POSITION_KIND_LABELS,
  SWEDISH_LEVEL_LABELS,
  LICENCE_CLASSES,
  licenceClosure,
  normaliseDistrict,
  swedishLevelRankOf,
  type PositionKind,
  type SwedishLevel,
} from '../../shared/domain/position';
import { diffDays } from '../../shared/rules/dates';

/** Stages of participants who wait for a placement and can be matched. */
export const WAITING_STAGES = ['mapped', 'matching'] as const;

const STAGE_LABELS: Record<string, string> = {
  referred: 'remitterad',
  meeting_booked: 'bokad till informationsmöte',
  attended: 'har varit på informationsmöte',
  mapped: 'kartlagd',
  matching: 'under matchning',
  proposed: 'föreslagen',
  approved: 'godkänd',
  placed: 'placerad',
  exited: 'avslutad',
  paused: 'pausad',
  closed: 'avslutad utan placering',
};

/** Days of waiting that give full points for the waiting criterion. */
export const WAITING_FULL_DAYS = 180;
/** Distance (km) up to which the district criterion gives full points, and from which it gives none. */
export const DISTRICT_FULL_KM = 2;
export const DISTRICT_ZERO_KM = 15;
/** Number of matched skills (or of all the position's skills, if fewer) that gives full points. */
export const SKILLS_FULL_COUNT = 3;
/** Number of experience keywords found that gives full points. */
export const EXPERIENCE_FULL_HITS = 2;
/**
 * Fraction given when a criterion cannot be judged because the participant's side is not known (no wishes, district
 * unknown): neither favoured nor penalised. A criterion the position does not use (no skills or languages asked for)
 * does not apply and scores nothing.
 */
export const NEUTRAL = 0.5;
export const NOT_APPLICABLE = 0;

/**
 * Word stems that suggest experience relevant to a kind of position. A stem matches at the start of a word of the
 * participant's experience text (lower case), so "cykel" finds "cykelreparationer" and "cykelbud", but never the
 * inside of a word ("disk" is not found in "jurisdiktion").
 */
export const KIND_KEYWORDS: Record<PositionKind, readonly string[]> = {
  bicycle_workshop: ['cykel', 'cykl', 'mekanik', 'mekaniker', 'verkstad'],
  carpentry: ['snickar', 'snickeri', 'träarbet', 'möbel', 'möbler', 'byggarbet', 'hantverk'],
  second_hand: ['second hand', 'secondhand', 'butik', 'kassa', 'försäljning', 'sortering', 'lager', 'återbruk'],
  handyman: ['fastighet', 'vaktmästar', 'reparation', 'montering', 'måleri', 'målare', 'renovering', 'hantverk'],
  cleaning: ['städ', 'lokalvård', 'rengöring', 'hotell', 'tvätteri'],
  municipal_department: [
    'kök',
    'kock',
    'restaurang',
    'servering',
    'servitör',
    'disk',
    'omsorg',
    'förskola',
    'barnskötare',
    'park',
    'trädgård',
    'odling',
    'bibliotek',
    'vaktmästar',
  ],
  summer_job: ['park', 'trädgård', 'servering', 'förening', 'barn'],
};

/**
 * The municipal departments and the summer jobs are many trades under one kind: a park worker's position is not
 * helped by experience from a preschool. For these kinds a group of stems counts only when the position's own title,
 * tasks or skills name that trade.
 */
export const KIND_TRADES: Partial<Record<PositionKind, ReadonlyArray<readonly string[]>>> = {
  municipal_department: [
    ['kök', 'kock', 'restaurang', 'servering', 'servitör', 'disk', 'måltid', 'storkök'],
    ['omsorg', 'förskola', 'förskolan', 'barnskötare', 'fritids', 'äldreboende'],
    ['park', 'trädgård', 'odling', 'grönyt', 'skötsel av'],
    ['bibliotek'],
    ['vaktmästar', 'fastighet'],
  ],
  summer_job: [
    ['park', 'trädgård', 'grönyt', 'odling'],
    ['servering', 'kök', 'café', 'kafé'],
    ['förening', 'idrott'],
    ['barn', 'förskola', 'fritids', 'lek'],
  ],
};

/** Whether `term` occurs in `text` at the start of a word (the character before it is not a letter or digit). */
export function mentions(text: string, term: string): boolean {
  if (term === '') return false;
  let i = text.indexOf(term);
  while (i >= 0) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!)) return true;
    i = text.indexOf(term, i + 1);
  }
  return false;
}

/** The experience stems that count for one position: its kind's, or for a broad kind the trades it names. */
export function experienceStemsOf(
  kind: PositionKind,
  title: string,
  tasks: string,
  skills: readonly string[],
): string[] {
  const trades = KIND_TRADES[kind];
  if (!trades) return [...KIND_KEYWORDS[kind]];
  const own = normaliseTag(`${title} ${tasks} ${skills.join(' ')}`);
  const out: string[] = [];
  for (const trade of trades) if (trade.some((w) => mentions(own, w))) out.push(...trade);
  return [...new Set(out)];
}

/**
 * The participant's wished kinds use the participant area's names (PLACEMENT_KINDS in shared/domain/participant.ts:
 * 'workshop_bicycle', …); positions use POSITION_KINDS ('bicycle_workshop', …). Both spellings are accepted.
 */
const WISH_TO_KIND: Record<string, PositionKind> = {
  workshop_bicycle: 'bicycle_workshop',
  workshop_carpentry: 'carpentry',
  workshop_second_hand: 'second_hand',
  workshop_handyman: 'handyman',
};
export function wishedKindOf(wish: string): string {
  return WISH_TO_KIND[wish] ?? wish;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

export interface ParticipantFacts {
  id: number;
  stage: string;
  swedishLevel: string | null;
  licenceClasses: readonly string[];
  skills: readonly string[];
  interests: readonly string[];
  languages: readonly string[];
  experienceText: string | null;
  wishedKinds: readonly string[];
  availablePercent: number | null;
  /** 'YYYY-MM-DD' or null (can start now). */
  earliestStart: string | null;
  district: string | null;
  referralDate: string;
  longTermRecipient: boolean;
  childrenInHousehold: number;
  /** Employment forms of the participant's active placements (usually none). */
  activePlacementForms: readonly string[];
  /** Positions for which a proposal for this participant was vetoed. */
  vetoedPositionIds: readonly number[];
}

export interface SlotFacts {
  positionId: number;
  /** Period id for a summer-job period, null for a position without periods. */
  periodId: number | null;
  periodName: string | null;
  title: string;
  kind: PositionKind;
  employmentForm: string;
  /** Position and its workplace active. */
  active: boolean;
  district: string | null;
  tasks: string;
  skills: readonly string[];
  languages: readonly string[];
  minSwedishLevel: string | null;
  requiredLicence: string | null;
  hoursPercent: number;
  startDate: string;
  endDate: string | null;
  /** Free slots now (slots − placed − reserved). */
  free: number;
  slots: number;
}

export interface ScoringContext {
  /** Today, Europe/Stockholm, 'YYYY-MM-DD'. */
  today: string;
  weights: MatchWeights;
}

// ---------------------------------------------------------------------------------------------------------------
// Prepared forms (normalised once, used for many pairs)

/**
 * What a participant's facts give once normalised, independent of the day and of placements and vetoes: computed
 * once per participant and reusable while the participant's record is unchanged (the matching services keep it for
 * the participants they read; see src/main/services/matching/data.ts).
 */
export interface ParticipantProfile {
  swedishRank: number;
  /** Held licence classes and those they cover, as a bit mask over LICENCE_CLASSES. */
  licenceMask: number;
  skills: readonly string[];
  languages: readonly string[];
  wished: readonly string[];
  /** Experience text in lower case ('' if none). */
  experience: string;
  /** Per kind: the kind keywords found in the experience text (filled lazily by kindHitsOf). */
  kindHits: Partial<Record<string, string[]>> | null;
  /** Interests in normal form. */
  interests: readonly string[];
  /** Per kind: an interest that fits the kind (contains one of its keywords), or null (filled lazily). */
  kindInterest: Partial<Record<string, string | null>> | null;
  /** Index into the district distance table, -1 if the district is unknown. */
  districtIdx: number;
  districtKey: string | null;
}

export interface PreparedParticipant {
  facts: ParticipantFacts;
  profile: ParticipantProfile;
  stageOk: boolean;
  swedishRank: number;
  licenceMask: number;
  skills: readonly string[];
  languages: readonly string[];
  wished: readonly string[];
  experience: string;
  interests: readonly string[];
  districtIdx: number;
  districtKey: string | null;
  /** max(today, earliestStart). */
  earliest: string;
  waitingDays: number;
  hasActiveRegular: boolean;
  hasActiveSummer: boolean;
  vetoed: readonly number[];
}

export interface PreparedSlot {
  facts: SlotFacts;
  isSummer: boolean;
  isPeriod: boolean;
  minRank: number;
  /** Bit of the required licence class in a participant's licence mask; 0 when none is required. */
  licenceBit: number;
  skills: string[];
  /** The experience stems that count for this position (see experienceStemsOf), and their cache key. */
  experienceStems: string[];
  experienceKey: string;
  /** The position's skills that are not among its experience stems (to count experience hits once). */
  extraExperienceTerms: string[];
  languages: string[];
  districtIdx: number;
  districtKey: string | null;
}

/** Lower case, trimmed, inner whitespace collapsed. */
export function normaliseTag(s: string): string {
  // toLowerCase maps Å, Ä, Ö like the Swedish locale does, and is much faster than toLocaleLowerCase.
  const t = s.trim().toLowerCase();
  return /\s\s|[\t\n\r]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** Known districts get an index into a distance table computed once (the hot loop never calls trigonometry). */
const DISTRICT_NAMES = Object.keys(DISTRICT_COORDINATES);
const DISTRICT_INDEX = new Map(DISTRICT_NAMES.map((n, i) => [n, i]));
const DISTANCES: Float64Array = (() => {
  const n = DISTRICT_NAMES.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i * n + j] =
        i === j ? 0 : Math.round((districtDistanceKm(DISTRICT_NAMES[i], DISTRICT_NAMES[j]) ?? 0) * 10) / 10;
    }
  }
  return out;
})();
const districtIndexOf = (district: string | null) =>
  district ? (DISTRICT_INDEX.get(normaliseDistrict(district)) ?? -1) : -1;

const NONE: readonly never[] = Object.freeze([]);

function normaliseTags(tags: readonly string[]): readonly string[] {
  return tags.length === 0 ? NONE : tags.map(normaliseTag);
}

/** Bit of a licence class; an unknown class gets a bit no participant holds. */
function licenceBitOf(cls: string): number {
  const i = (LICENCE_CLASSES as readonly string[]).indexOf(cls.trim().toUpperCase());
  return i < 0 ? 1 << 30 : 1 << i;
}

const licenceMasks = new Map<string, number>();
/** Bit mask of the classes a set of held classes entitles to (the few distinct combinations are cached). */
function licenceMaskOf(held: readonly string[]): number {
  if (held.length === 0) return 0;
  const key = held.join(',');
  let mask = licenceMasks.get(key);
  if (mask === undefined) {
    mask = 0;
    for (const c of licenceClosure(held)) mask |= licenceBitOf(c);
    licenceMasks.set(key, mask);
  }
  return mask;
}

/** The profile of a participant's facts (see ParticipantProfile). */
export function participantProfile(p: ParticipantFacts): ParticipantProfile {
  return {
    swedishRank: swedishLevelRankOf(p.swedishLevel),
    licenceMask: licenceMaskOf(p.licenceClasses),
    skills: normaliseTags(p.skills),
    languages: normaliseTags(p.languages),
    wished: p.wishedKinds.length === 0 ? NONE : p.wishedKinds.map(wishedKindOf),
    experience: p.experienceText ? normaliseTag(p.experienceText) : '',
    kindHits: null,
    interests: normaliseTags(p.interests),
    kindInterest: null,
    districtIdx: districtIndexOf(p.district),
    districtKey: p.district ? normaliseTag(p.district) : null,
  };
}

/** A participant ready for scoring as of ctx.today; `profile` must be participantProfile of the same facts. */
export function prepareParticipant(
  p: ParticipantFacts,
  ctx: ScoringContext,
  profile: ParticipantProfile = participantProfile(p),
): PreparedParticipant {
  const earliest = p.earliestStart && p.earliestStart > ctx.today ? p.earliestStart : ctx.today;
  return {
    facts: p,
    profile,
    stageOk: (WAITING_STAGES as readonly string[]).includes(p.stage),
    swedishRank: profile.swedishRank,
    licenceMask: profile.licenceMask,
    skills: profile.skills,
    languages: profile.languages,
    wished: profile.wished,
    experience: profile.experience,
    interests: profile.interests,
    districtIdx: profile.districtIdx,
    districtKey: profile.districtKey,
    earliest,
    waitingDays: Math.max(0, diffDays(p.referralDate, ctx.today)),
    hasActiveRegular: p.activePlacementForms.some((f) => f !== 'summer_job'),
    hasActiveSummer: p.activePlacementForms.includes('summer_job'),
    vetoed: p.vetoedPositionIds,
  };
}

/** The position's experience stems found in the participant's experience text (cached per set of stems). */
function kindHitsOf(pp: PreparedParticipant, s: PreparedSlot): readonly string[] {
  const p = pp.profile;
  if (!p.experience) return NONE;
  p.kindHits ??= {};
  let hits = p.kindHits[s.experienceKey];
  if (hits === undefined) {
    hits = s.experienceStems.filter((w) => mentions(p.experience, w));
    p.kindHits[s.experienceKey] = hits;
  }
  return hits;
}

/** The first interest (alphabetically) that names one of the position's stems, or null (cached per set of stems). */
function kindInterestOf(pp: PreparedParticipant, s: PreparedSlot): string | null {
  const p = pp.profile;
  if (p.interests.length === 0) return null;
  p.kindInterest ??= {};
  let fit = p.kindInterest[s.experienceKey];
  if (fit === undefined) {
    fit = null;
    const words = s.experienceStems;
    for (const i of [...p.interests].sort()) {
      if (words.some((w) => mentions(i, w))) {
        fit = i;
        break;
      }
    }
    p.kindInterest[s.experienceKey] = fit;
  }
  return fit;
}

export function prepareSlot(s: SlotFacts): PreparedSlot {
  const skills = [...new Set(s.skills.map(normaliseTag))];
  const kindWords = experienceStemsOf(s.kind, s.title, s.tasks, skills);
  return {
    experienceStems: kindWords,
    experienceKey: `${s.kind}:${kindWords.join('|')}`,
    facts: s,
    isSummer: s.employmentForm === 'summer_job',
    isPeriod: s.periodId !== null,
    minRank: s.minSwedishLevel ? swedishLevelRankOf(s.minSwedishLevel) : -1,
    licenceBit: s.requiredLicence === null ? 0 : licenceBitOf(s.requiredLicence),
    skills,
    extraExperienceTerms: skills.filter((t) => !kindWords.includes(t)),
    languages: [...new Set(s.languages.map(normaliseTag))],
    districtIdx: districtIndexOf(s.district),
    districtKey: s.district ? normaliseTag(s.district) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Hard constraints

/** The day the participant could start: for a period, its first day; otherwise max(earliest, position start). */
export function startDateOf(p: PreparedParticipant, s: PreparedSlot): string {
  if (s.isPeriod) return s.facts.startDate;
  return p.earliest > s.facts.startDate ? p.earliest : s.facts.startDate;
}

function startOk(p: PreparedParticipant, s: PreparedSlot): boolean {
  // A summer-job period is taken whole: the participant must be available from its first day (and it must not
  // have begun). Another position can be started any day of its period.
  if (s.isPeriod) return p.earliest <= s.facts.startDate;
  return s.facts.endDate === null || startDateOf(p, s) <= s.facts.endDate;
}

function placedBlocks(p: PreparedParticipant, s: PreparedSlot): boolean {
  // docs/product.md §4 rule 5: at most one active placement, summer jobs apart. An active ordinary placement blocks everything;
  // an active summer job blocks another summer job.
  return p.hasActiveRegular || (s.isSummer && p.hasActiveSummer);
}

function licenceOk(p: PreparedParticipant, s: PreparedSlot): boolean {
  return s.licenceBit === 0 || (p.licenceMask & s.licenceBit) !== 0;
}

function swedishOk(p: PreparedParticipant, s: PreparedSlot): boolean {
  return s.minRank < 0 || p.swedishRank >= s.minRank;
}

function hoursOk(p: PreparedParticipant, s: PreparedSlot): boolean {
  return p.facts.availablePercent !== null && p.facts.availablePercent >= s.facts.hoursPercent;
}

// ---------------------------------------------------------------------------------------------------------------
// Soft criteria: fractions in [0, 1]

function skillsMatched(p: PreparedParticipant, s: PreparedSlot): number {
  let n = 0;
  for (const t of s.skills) if (p.skills.includes(t)) n++;
  return n;
}
const skillsFraction = (matched: number, wanted: number) =>
  wanted === 0 ? NOT_APPLICABLE : Math.min(1, matched / Math.min(wanted, SKILLS_FULL_COUNT));

function experienceHits(p: PreparedParticipant, s: PreparedSlot): number {
  if (!p.experience) return 0;
  let n = kindHitsOf(p, s).length;
  for (const t of s.extraExperienceTerms) if (mentions(p.experience, t)) n++;
  return n;
}
const experienceFraction = (hits: number) => Math.min(1, hits / EXPERIENCE_FULL_HITS);

/** 1: the kind is wished; 0.5: no wishes, or an interest fits the position; 0 otherwise. */
function wishesFraction(p: PreparedParticipant, s: PreparedSlot): number {
  if (p.wished.includes(s.facts.kind)) return 1;
  if (p.wished.length === 0) return NEUTRAL;
  return interestFit(p, s) !== null ? NEUTRAL : 0;
}
function interestFit(p: PreparedParticipant, s: PreparedSlot): string | null {
  for (const t of s.skills) if (p.interests.includes(t)) return t;
  return kindInterestOf(p, s);
}

/** Distance in km (one decimal) between the participant's and the workplace's districts; null if unknown. */
function distanceKm(p: PreparedParticipant, s: PreparedSlot): number | null {
  if (p.districtKey !== null && p.districtKey === s.districtKey) return 0;
  if (p.districtIdx < 0 || s.districtIdx < 0) return null;
  return DISTANCES[p.districtIdx * DISTRICT_NAMES.length + s.districtIdx]!;
}
function districtFraction(km: number | null): number {
  if (km === null) return NEUTRAL;
  if (km <= DISTRICT_FULL_KM) return 1;
  if (km >= DISTRICT_ZERO_KM) return 0;
  return (DISTRICT_ZERO_KM - km) / (DISTRICT_ZERO_KM - DISTRICT_FULL_KM);
}

function languagesMatched(p: PreparedParticipant, s: PreparedSlot): number {
  let n = 0;
  for (const l of s.languages) if (p.languages.includes(l)) n++;
  return n;
}
const languagesFraction = (matched: number, wanted: number) => (wanted === 0 ? NOT_APPLICABLE : matched > 0 ? 1 : 0);

const waitingFraction = (days: number) => Math.min(1, days / WAITING_FULL_DAYS);

const points = (weight: number, fraction: number) => Math.round(weight * fraction);

// ---------------------------------------------------------------------------------------------------------------
// Fast path

/** Sum of the weights: the highest possible score. */
export function maxScore(weights: MatchWeights): number {
  let s = 0;
  for (const k of Object.keys(weights) as MatchCriterionKey[]) s += weights[k];
  return s;
}

/** Is the pair excluded by a hard constraint? (Free slots are checked too.) */
export function isExcluded(p: PreparedParticipant, s: PreparedSlot): boolean {
  return (
    !p.stageOk ||
    !s.facts.active ||
    s.facts.free <= 0 ||
    placedBlocks(p, s) ||
    p.vetoed.includes(s.facts.positionId) ||
    !hoursOk(p, s) ||
    !swedishOk(p, s) ||
    !licenceOk(p, s) ||
    !startOk(p, s)
  );
}

/**
 * The hard constraints of many columns in flat arrays, for scoring one participant against all of them at once (the
 * global suggestion scores about a million pairs). `allowedColumns` gives exactly the columns `isExcluded` allows.
 */
export interface HardColumns {
  readonly n: number;
  /** Active with a free slot, and not a column no participant can take. */
  readonly open: Uint8Array;
  readonly summer: Uint8Array;
  readonly period: Uint8Array;
  readonly minRank: Int32Array;
  readonly licenceBit: Int32Array;
  readonly hours: Float64Array;
  readonly positionId: Int32Array;
  readonly start: readonly string[];
  /** '' when the position has no end. */
  readonly end: readonly string[];
}

export function hardColumns(cols: readonly PreparedSlot[]): HardColumns {
  const n = cols.length;
  const h = {
    n,
    open: new Uint8Array(n),
    summer: new Uint8Array(n),
    period: new Uint8Array(n),
    minRank: new Int32Array(n),
    licenceBit: new Int32Array(n),
    hours: new Float64Array(n),
    positionId: new Int32Array(n),
    start: new Array<string>(n),
    end: new Array<string>(n),
  };
  for (let j = 0; j < n; j++) {
    const s = cols[j]!;
    h.open[j] = s.facts.active && s.facts.free > 0 ? 1 : 0;
    h.summer[j] = s.isSummer ? 1 : 0;
    h.period[j] = s.isPeriod ? 1 : 0;
    h.minRank[j] = s.minRank;
    h.licenceBit[j] = s.licenceBit;
    h.hours[j] = s.facts.hoursPercent;
    h.positionId[j] = s.facts.positionId;
    h.start[j] = s.facts.startDate;
    h.end[j] = s.facts.endDate ?? '';
  }
  return h;
}

/** Writes the indices of the columns this participant may take into `out` (length ≥ h.n); returns how many. */
export function allowedColumns(p: PreparedParticipant, h: HardColumns, out: Int32Array): number {
  if (!p.stageOk || p.hasActiveRegular || p.facts.availablePercent === null) return 0;
  const avail = p.facts.availablePercent;
  const rank = p.swedishRank;
  const mask = p.licenceMask;
  const earliest = p.earliest;
  const blockSummer = p.hasActiveSummer;
  const vetoed = p.vetoed.length > 0 ? p.vetoed : null;
  let k = 0;
  for (let j = 0; j < h.n; j++) {
    if (h.open[j] === 0) continue;
    if (avail < h.hours[j]!) continue;
    const minRank = h.minRank[j]!;
    if (minRank >= 0 && rank < minRank) continue;
    const bit = h.licenceBit[j]!;
    if (bit !== 0 && (mask & bit) === 0) continue;
    if (blockSummer && h.summer[j] === 1) continue;
    const start = h.start[j]!;
    if (h.period[j] === 1) {
      if (earliest > start) continue;
    } else {
      const end = h.end[j]!;
      if (end !== '' && (earliest > start ? earliest : start) > end) continue;
    }
    if (vetoed !== null && vetoed.includes(h.positionId[j]!)) continue;
    out[k++] = j;
  }
  return k;
}

/** The score of an allowed pair, or -1 when a hard constraint excludes it. Equal to explainPair(...).score. */
export function scorePair(p: PreparedParticipant, s: PreparedSlot, ctx: ScoringContext): number {
  if (isExcluded(p, s)) return -1;
  return softScore(p, s, ctx.weights);
}

/** The soft score alone, ignoring hard constraints. */
export function softScore(p: PreparedParticipant, s: PreparedSlot, w: MatchWeights): number {
  return (
    points(w.skills, skillsFraction(skillsMatched(p, s), s.skills.length)) +
    points(w.experience, experienceFraction(experienceHits(p, s))) +
    points(w.wishes, wishesFraction(p, s)) +
    points(w.district, districtFraction(distanceKm(p, s))) +
    points(w.languages, languagesFraction(languagesMatched(p, s), s.languages.length)) +
    points(w.waiting, waitingFraction(p.waitingDays)) +
    points(w.longTerm, p.facts.longTermRecipient ? 1 : 0) +
    points(w.children, p.facts.childrenInHousehold > 0 ? 1 : 0)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Full explanation (Swedish)

/** "a", "a och b", "a, b och c". */
export function swedishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

const kindLabel = (k: string) => POSITION_KIND_LABELS[k as PositionKind] ?? k;
const levelLabel = (l: string | null) => (l ? (SWEDISH_LEVEL_LABELS[l as SwedishLevel] ?? l) : 'ingen kartlagd nivå');
const km = (d: number) => (d < 1 ? 'under 1 km' : `cirka ${Math.round(d)} km`);

function exclusions(p: PreparedParticipant, s: PreparedSlot): MatchExclusion[] {
  const out: MatchExclusion[] = [];
  const add = (constraint: HardConstraintKey, detail: string) =>
    out.push({ constraint, label: HARD_CONSTRAINT_LABELS[constraint], detail });
  const f = p.facts;
  const sf = s.facts;
  if (!p.stageOk) add('stage', `Deltagaren är ${STAGE_LABELS[f.stage] ?? f.stage} och väntar inte på matchning.`);
  if (!sf.active) add('inactive', 'Platsen eller arbetsplatsen är inte aktiv.');
  if (placedBlocks(p, s)) {
    add(
      'placed',
      p.hasActiveRegular
        ? 'Deltagaren har redan en aktiv placering.'
        : 'Deltagaren har redan ett pågående feriearbete.',
    );
  }
  if (p.vetoed.includes(sf.positionId)) {
    add('vetoed', 'Facket har tidigare lagt veto mot ett förslag om just den här deltagaren på den här platsen.');
  }
  if (!hoursOk(p, s)) {
    add(
      'hours',
      f.availablePercent === null
        ? `Platsen är på ${sf.hoursPercent} % men deltagarens tillgängliga arbetstid är inte kartlagd.`
        : `Platsen är på ${sf.hoursPercent} % men deltagaren kan arbeta ${f.availablePercent} %.`,
    );
  }
  if (!swedishOk(p, s)) {
    add(
      'swedish',
      f.swedishLevel === null
        ? `Platsen kräver lägst ${levelLabel(sf.minSwedishLevel)} men deltagarens svenskanivå är inte kartlagd.`
        : `Platsen kräver lägst ${levelLabel(sf.minSwedishLevel)}; deltagaren har ${levelLabel(f.swedishLevel)}.`,
    );
  }
  if (!licenceOk(p, s)) {
    const held = [...f.licenceClasses].map((c) => c.toUpperCase()).sort();
    add(
      'licence',
      held.length === 0
        ? `Platsen kräver körkort ${sf.requiredLicence}; deltagaren har inget körkort.`
        : `Platsen kräver körkort ${sf.requiredLicence}; deltagaren har behörighet ${swedishList(held)}.`,
    );
  }
  if (!startOk(p, s)) {
    if (s.isPeriod) {
      add(
        'start',
        p.earliest === f.earliestStart
          ? `Perioden ${sf.periodName ?? ''} börjar ${sf.startDate} men deltagaren kan börja först ${p.earliest}.`
          : `Perioden ${sf.periodName ?? ''} började ${sf.startDate}; en period tas från första dagen.`,
      );
    } else {
      add('start', `Deltagaren kan börja tidigast ${p.earliest} men platsens period slutar ${sf.endDate}.`);
    }
  }
  if (sf.free <= 0) {
    add(
      'noSlot',
      `Alla ${sf.slots} platser${sf.periodName ? ` i perioden ${sf.periodName}` : ''} är tillsatta eller reserverade.`,
    );
  }
  return out;
}

function criterion(key: MatchCriterionKey, weight: number, fraction: number, detail: string): MatchCriterion {
  return {
    criterion: key,
    label: MATCH_CRITERION_LABELS[key],
    points: points(weight, fraction),
    max: weight,
    detail,
    sensitive: SENSITIVE_CRITERIA.includes(key),
  };
}

/** The full explanation of one pair: every criterion with points and a Swedish sentence, and every exclusion. */
export function explainPair(p: PreparedParticipant, s: PreparedSlot, ctx: ScoringContext): MatchExplanation {
  const w = ctx.weights;
  const f = p.facts;
  const sf = s.facts;
  const criteria: MatchCriterion[] = [];

  // Skills
  {
    const matched = s.skills.filter((t) => p.skills.includes(t));
    const fr = skillsFraction(matched.length, s.skills.length);
    const detail =
      s.skills.length === 0
        ? 'Gäller inte: platsen efterfrågar inga särskilda färdigheter.'
        : matched.length === 0
          ? `Deltagaren har ingen av platsens efterfrågade färdigheter (${swedishList(s.skills)}).`
          : `Deltagaren har ${matched.length} av platsens ${s.skills.length} efterfrågade färdigheter: ${swedishList(matched)}.`;
    criteria.push(criterion('skills', w.skills, fr, detail));
  }
  // Experience
  {
    const hits = p.experience
      ? [...kindHitsOf(p, s), ...s.extraExperienceTerms.filter((t) => mentions(p.experience, t))]
      : [];
    const fr = experienceFraction(hits.length);
    const detail = !p.experience
      ? 'Ingen arbetslivserfarenhet är kartlagd.'
      : hits.length === 0
        ? `Erfarenheten liknar inte arbetsuppgifterna i ${kindLabel(sf.kind).toLocaleLowerCase('sv-SE')}.`
        : `Erfarenheten nämner ${swedishList(hits.map((h) => `”${h}”`))}, som passar platsen.`;
    criteria.push(criterion('experience', w.experience, fr, detail));
  }
  // Wishes
  {
    const fr = wishesFraction(p, s);
    const wishedLabels = [...new Set(p.wished)].map((k) => kindLabel(k).toLocaleLowerCase('sv-SE'));
    let detail: string;
    if (p.wished.includes(sf.kind)) detail = `Deltagaren önskar ${kindLabel(sf.kind).toLocaleLowerCase('sv-SE')}.`;
    else if (p.wished.length === 0) detail = 'Deltagaren har inte angett några önskemål.';
    else {
      const fit = interestFit(p, s);
      detail =
        fit !== null
          ? `Inte bland önskemålen (${swedishList(wishedLabels)}), men intresset ”${fit}” passar platsen.`
          : `Deltagaren önskar i stället ${swedishList(wishedLabels)}.`;
    }
    criteria.push(criterion('wishes', w.wishes, fr, detail));
  }
  // District
  {
    const d = distanceKm(p, s);
    const fr = districtFraction(d);
    const detail =
      d === null
        ? !f.district
          ? 'Deltagarens stadsdel är inte känd, så avståndet kan inte bedömas.'
          : !sf.district
            ? 'Arbetsplatsens stadsdel är inte angiven, så avståndet kan inte bedömas.'
            : `Avståndet mellan ${f.district} och ${sf.district} är okänt.`
        : d === 0
          ? `Deltagaren bor i samma stadsdel som arbetsplatsen (${sf.district}).`
          : `${f.district} – ${sf.district}: ${km(d)}.`;
    criteria.push(criterion('district', w.district, fr, detail));
  }
  // Languages
  {
    const matched = s.languages.filter((l) => p.languages.includes(l));
    const fr = languagesFraction(matched.length, s.languages.length);
    const detail =
      s.languages.length === 0
        ? 'Gäller inte: platsen anger inga språk som merit.'
        : matched.length > 0
          ? `Deltagaren talar ${swedishList(matched)}, som platsen har nytta av.`
          : `Platsen har nytta av ${swedishList(s.languages)}, som deltagaren inte talar.`;
    criteria.push(criterion('languages', w.languages, fr, detail));
  }
  // Waiting
  criteria.push(
    criterion(
      'waiting',
      w.waiting,
      waitingFraction(p.waitingDays),
      `Har väntat ${p.waitingDays} ${p.waitingDays === 1 ? 'dag' : 'dagar'} sedan remissen ${f.referralDate}${p.waitingDays >= WAITING_FULL_DAYS ? ' (full poäng från 180 dagar)' : ''}.`,
    ),
  );
  // Priorities
  criteria.push(
    criterion(
      'longTerm',
      w.longTerm,
      f.longTermRecipient ? 1 : 0,
      f.longTermRecipient
        ? 'Långvarigt försörjningsstöd (10 av de senaste 12 månaderna) ger förtur.'
        : 'Inte långvarigt försörjningsstöd.',
    ),
  );
  criteria.push(
    criterion(
      'children',
      w.children,
      f.childrenInHousehold > 0 ? 1 : 0,
      f.childrenInHousehold > 0 ? `Hushåll med ${f.childrenInHousehold} barn ger förtur.` : 'Inga barn i hushållet.',
    ),
  );

  const excluded = exclusions(p, s);
  return {
    score: criteria.reduce((sum, c) => sum + c.points, 0),
    max: maxScore(w),
    eligible: excluded.length === 0,
    criteria,
    excluded,
    startDate: startOk(p, s) ? startDateOf(p, s) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic orderings

/** Candidates for a position: score desc, then longest waiting (earliest referral), then participant id. */
export function compareCandidates(
  a: { score: number; referralDate: string; participantId: number },
  b: { score: number; referralDate: string; participantId: number },
): number {
  return (
    b.score - a.score ||
    (a.referralDate < b.referralDate ? -1 : a.referralDate > b.referralDate ? 1 : 0) ||
    a.participantId - b.participantId
  );
}

/** Positions for a participant: score desc, then earliest start, then position id, then period id. */
export function compareSlots(
  a: { score: number; startDate: string | null; positionId: number; periodId: number | null },
  b: { score: number; startDate: string | null; positionId: number; periodId: number | null },
): number {
  const sa = a.startDate ?? '9999-12-31';
  const sb = b.startDate ?? '9999-12-31';
  return (
    b.score - a.score ||
    (sa < sb ? -1 : sa > sb ? 1 : 0) ||
    a.positionId - b.positionId ||
    (a.periodId ?? 0) - (b.periodId ?? 0)
  );
}
