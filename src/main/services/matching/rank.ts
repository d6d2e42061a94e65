/**
 * Ranked lists: candidates for a position, positions for a participant, and the explanation of one pair.
 */
import type { Reader } from '../../store';
import {
  compareCandidates,
  compareSlots,
  explainPair,
  maxScore,
  prepareParticipant,
  prepareSlot,
  scorePair,
  WAITING_STAGES,
  type PreparedParticipant,
  type ScoringContext,
} from '../../matching/scoring';
import {
  levelsMeeting,
  licencesSatisfying,
  type LicenceClass,
  type SwedishLevel,
} from '../../../shared/domain/position';
import type { MatchExplanation, MatchWeights } from '../../../shared/domain/proposal';
import type { Candidate, RankedSlot } from '../../../shared/contract/matching';
import { notFound, validation } from '../../../shared/errors';
import { loadPosition, loadPositions } from '../positions/load';
import {
  loadParticipantFacts,
  loadParticipantLabels,
  loadPreparedParticipants,
  openProposals,
  slotsOf,
  type ParticipantFilter,
  type SlotRecord,
} from './data';

export interface RankContext {
  db: Reader;
  today: string;
  weights: MatchWeights;
}

export interface CandidatesResult {
  positionId: number;
  title: string;
  computedOn: string;
  maxScore: number;
  considered: number;
  eligible: number;
  free: number;
  rows: Candidate[];
}

/**
 * Candidates for a position, best first. The prefilter applies the cheap hard constraints (stage, hours, Swedish
 * level, licence, start, active placement, veto); the engine then checks every constraint and scores.
 */
export async function rankCandidates(
  rc: RankContext,
  input: { positionId: number; positionPeriodId: number | null; offset: number; limit: number },
): Promise<CandidatesResult> {
  const position = await loadPosition(rc.db, input.positionId, rc.today);
  if (input.positionPeriodId !== null && !position.periods.some((p) => p.id === input.positionPeriodId)) {
    throw validation('Period: perioden hör inte till platsen.', 'positionPeriodId');
  }
  const slots = slotsOf(position, rc.today).filter(
    (s) => input.positionPeriodId === null || s.facts.periodId === input.positionPeriodId,
  );
  const ctx: ScoringContext = { today: rc.today, weights: rc.weights };
  const free = slots.reduce((sum, s) => sum + s.facts.free, 0);
  const result: CandidatesResult = {
    positionId: position.id,
    title: position.title,
    computedOn: rc.today,
    maxScore: maxScore(rc.weights),
    considered: 0,
    eligible: 0,
    free,
    rows: [],
  };
  const open = slots.filter((s) => s.facts.active && s.facts.free > 0);
  if (open.length === 0) return result;

  const participants = await loadPreparedParticipants(rc.db, candidatePrefilter(position.id, open, rc.today), ctx);
  result.considered = participants.length;
  const prepared = open.map((s) => prepareSlot(s.facts));
  // Each participant's best slot and its score (-1: none allowed), in flat arrays: 50,000 of them.
  const score = new Int32Array(participants.length);
  const slotOf = new Int32Array(participants.length);
  for (let i = 0; i < participants.length; i++) {
    const pp = participants[i]!;
    let best = -1;
    let bestSlot = -1;
    for (let k = 0; k < prepared.length; k++) {
      const s = scorePair(pp, prepared[k]!, ctx);
      if (s > best) {
        best = s;
        bestSlot = k;
      }
    }
    score[i] = best;
    slotOf[i] = bestSlot;
    if (best >= 0) result.eligible++;
  }

  const page = bestFirst(participants, score, input.offset + input.limit)
    .slice(input.offset)
    .map((i) => ({ pp: participants[i]!, slot: slotOf[i]!, participantId: participants[i]!.facts.id }));
  const labels = await loadParticipantLabels(
    rc.db,
    page.map((c) => c.participantId),
  );
  const openByParticipant = new Map(
    (await openProposals(rc.db, { positionId: position.id })).map((o) => [o.participantId, o]),
  );
  result.rows = page.map((c) => {
    const slot = prepared[c.slot]!;
    const label = labels.get(c.participantId)!;
    const explanation = explainPair(c.pp, slot, ctx);
    const op = openByParticipant.get(c.participantId);
    return {
      participantId: c.participantId,
      ref: label.ref,
      name: label.name,
      district: label.district,
      stage: label.stage,
      referralDate: label.referralDate,
      positionPeriodId: slot.facts.periodId,
      periodName: slot.facts.periodName,
      score: explanation.score,
      max: explanation.max,
      explanation,
      openProposal: op ? { id: op.id, status: op.status } : null,
    };
  });
  return result;
}

/**
 * The indices of the first `k` allowed participants (score ≥ 0) in candidate order (compareCandidates), without
 * sorting them all: scores are small integers, so counting them gives the lowest score on the page, and only the
 * participants at or above it are sorted.
 */
export function bestFirst(participants: readonly PreparedParticipant[], score: Int32Array, k: number): number[] {
  let max = -1;
  for (const s of score) if (s > max) max = s;
  if (max < 0 || k <= 0) return [];
  const counts = new Int32Array(max + 1);
  for (const s of score) if (s >= 0) counts[s]!++;
  let threshold = 0;
  for (let v = max, seen = 0; v >= 0; v--) {
    seen += counts[v]!;
    if (seen >= k) {
      threshold = v;
      break;
    }
  }
  const picked: number[] = [];
  for (let i = 0; i < score.length; i++) if (score[i]! >= threshold) picked.push(i);
  const key = (i: number) => ({
    score: score[i]!,
    referralDate: participants[i]!.facts.referralDate,
    participantId: participants[i]!.facts.id,
  });
  return picked
    .map((i) => ({ i, ...key(i) }))
    .sort(compareCandidates)
    .slice(0, k)
    .map((x) => x.i);
}

/** The prefilter for a position's candidates: only what every one of the open slots requires. */
export function candidatePrefilter(positionId: number, open: readonly SlotRecord[], today: string): ParticipantFilter {
  const first = open[0]!.facts; // all slots of a position share its requirements
  const isSummer = first.employmentForm === 'summer_job';
  const filter: ParticipantFilter = {
    stages: WAITING_STAGES,
    minAvailablePercent: first.hoursPercent,
    noBlockingPlacement: isSummer ? 'any' : 'regular',
    notVetoedFor: positionId,
  };
  if (first.minSwedishLevel) filter.swedishLevels = levelsMeeting(first.minSwedishLevel as SwedishLevel);
  if (first.requiredLicence) filter.licences = licencesSatisfying(first.requiredLicence as LicenceClass);
  // The latest day a participant may become available and still fit some slot.
  let latest: string | null = '';
  for (const s of open) {
    const bound = s.facts.periodId !== null ? s.facts.startDate : s.facts.endDate;
    if (bound === null) {
      latest = null;
      break;
    }
    if (bound > latest!) latest = bound;
  }
  if (latest !== null) filter.latestEarliestStart = latest < today ? today : latest;
  return filter;
}

export interface ParticipantRanking {
  participantId: number;
  computedOn: string;
  maxScore: number;
  eligible: RankedSlot[];
  excluded: RankedSlot[];
}

/** Every current position (and summer-job period) for one participant: allowed ones ranked, the others with reasons. */
export async function rankPositionsForParticipant(
  rc: RankContext,
  participantId: number,
  includeExcluded: boolean,
): Promise<ParticipantRanking> {
  const facts = (await loadParticipantFacts(rc.db, { ids: [participantId] }))[0];
  if (!facts) throw notFound('Deltagaren');
  const ctx: ScoringContext = { today: rc.today, weights: rc.weights };
  const pp = prepareParticipant(facts, ctx);
  const openByPosition = new Map((await openProposals(rc.db, { participantId })).map((o) => [o.positionId, o]));
  const eligible: RankedSlot[] = [];
  const excluded: RankedSlot[] = [];
  for (const position of await loadPositions(rc.db, rc.today)) {
    if (!position.active || !position.workplaceActive) continue;
    for (const slot of slotsOf(position, rc.today)) {
      const explanation = explainPair(pp, prepareSlot(slot.facts), ctx);
      if (!explanation.eligible && !includeExcluded) continue;
      const op = openByPosition.get(position.id);
      const row: RankedSlot = {
        positionId: position.id,
        positionPeriodId: slot.facts.periodId,
        periodName: slot.facts.periodName,
        title: position.title,
        kind: position.kind,
        employmentForm: position.employmentForm,
        workplaceName: position.workplaceName,
        district: position.district,
        hoursPercent: position.hoursPercent,
        slots: slot.facts.slots,
        free: slot.facts.free,
        score: explanation.score,
        max: explanation.max,
        explanation,
        openProposal: op ? { id: op.id, status: op.status } : null,
      };
      (explanation.eligible ? eligible : excluded).push(row);
    }
  }
  const order = (a: RankedSlot, b: RankedSlot) =>
    compareSlots(
      { score: a.score, startDate: a.explanation.startDate, positionId: a.positionId, periodId: a.positionPeriodId },
      { score: b.score, startDate: b.explanation.startDate, positionId: b.positionId, periodId: b.positionPeriodId },
    );
  eligible.sort(order);
  excluded.sort(order);
  return { participantId, computedOn: rc.today, maxScore: maxScore(rc.weights), eligible, excluded };
}

/**
 * The explanation of one pair as of today, whatever its state (inactive positions and ended periods included, so
 * the coordinator can see why). Throws NOT_FOUND / VALIDATION for unknown ids or a period that does not fit.
 */
export async function explainOne(
  rc: RankContext,
  pair: { participantId: number; positionId: number; positionPeriodId: number | null },
): Promise<{ explanation: MatchExplanation; slot: SlotRecord }> {
  const facts = (await loadParticipantFacts(rc.db, { ids: [pair.participantId] }))[0];
  if (!facts) throw notFound('Deltagaren');
  const position = await loadPosition(rc.db, pair.positionId, rc.today);
  const slots = slotsOf(position, rc.today, true);
  let slot: SlotRecord | undefined;
  if (position.periods.length > 0) {
    if (pair.positionPeriodId === null)
      throw validation('Period: välj vilken period förslaget gäller.', 'positionPeriodId');
    slot = slots.find((s) => s.facts.periodId === pair.positionPeriodId);
    if (!slot) throw validation('Period: perioden hör inte till platsen.', 'positionPeriodId');
  } else {
    if (pair.positionPeriodId !== null) throw validation('Period: platsen har inga perioder.', 'positionPeriodId');
    slot = slots[0]!;
  }
  const ctx: ScoringContext = { today: rc.today, weights: rc.weights };
  return { explanation: explainPair(prepareParticipant(facts, ctx), prepareSlot(slot.facts), ctx), slot };
}
