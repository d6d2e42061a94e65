/**
 * What the scoring engine needs, from the matching store (src/main/store/matching.ts): participants' facts with an
 * optional prefilter for the cheap hard constraints, positions as slots, open proposals. The engine checks every
 * hard constraint again, so the prefilter only makes things faster, never different.
 *
 * Everyone's facts come from the store's cache of participants (kept exact by following the table's changes), and
 * the prepared form of each is kept with the row it was made from: a participant is normalised again only when
 * their record changes or the day turns, so ranking 50,000 participants is mostly the scoring itself.
 */
import type { Reader } from '../../store';
import { activePlacementForms } from '../../store/placements';
import { proposalsInStatus } from '../../store/proposals';
import {
  countParticipants as countMatching,
  factRowMatches,
  IN_LIST_LIMIT,
  participantFactRows,
  participantFacts,
  participantLabels,
  vetoedPairs,
  type FactRow,
  type ParticipantFilter as StoreFilter,
  type ParticipantLabel,
} from '../../store/matching';
import type { Position } from '../../../shared/domain/position';
import { OPEN_PROPOSAL_STATUSES, type ProposalStatus } from '../../../shared/domain/proposal';
import {
  prepareParticipant,
  WAITING_STAGES,
  type ParticipantFacts,
  type PreparedParticipant,
  type ScoringContext,
  type SlotFacts,
} from '../../matching/scoring';

export type { ParticipantLabel };

export interface ParticipantFilter extends Omit<StoreFilter, 'noOpenProposal'> {
  /** No open proposal (draft, submitted, deferred, approved) at all. */
  noOpenProposal?: boolean;
}

const storeFilter = (f: ParticipantFilter): StoreFilter => {
  const { noOpenProposal, ...rest } = f;
  return noOpenProposal ? { ...rest, noOpenProposal: OPEN_PROPOSAL_STATUSES } : rest;
};

/** Active placements' employment forms and vetoed positions, per participant (both are few: read them whole). */
async function placementsAndVetoes(r: Reader) {
  const forms = new Map<number, string[]>();
  for (const x of await activePlacementForms(r)) {
    const list = forms.get(x.participantId) ?? [];
    list.push(x.form);
    forms.set(x.participantId, list);
  }
  const vetoes = new Map<number, number[]>();
  for (const x of await vetoedPairs(r)) {
    const list = vetoes.get(x.participantId) ?? [];
    list.push(x.positionId);
    vetoes.set(x.participantId, list);
  }
  return { forms, vetoes };
}

interface Selected {
  rows: readonly FactRow[];
  forms: Map<number, string[]>;
  vetoes: Map<number, number[]>;
}

/** The fact rows matching the filter, in id order: a few by id from SQL, otherwise from the store's cache. */
async function select(r: Reader, filter: ParticipantFilter): Promise<Selected> {
  if (filter.ids && filter.ids.length <= IN_LIST_LIMIT) {
    const rows = await participantFactRows(r, storeFilter(filter));
    return { rows, ...(rows.length > 0 ? await placementsAndVetoes(r) : { forms: new Map(), vetoes: new Map() }) };
  }
  const all = await participantFacts(r);
  const { forms, vetoes } = await placementsAndVetoes(r);
  const open = filter.noOpenProposal
    ? new Set((await proposalsInStatus(r, OPEN_PROPOSAL_STATUSES)).map((x) => x.participantId))
    : null;
  const ids = filter.ids ? new Set(filter.ids) : null;
  const sf = storeFilter(filter);
  const regularOnly = filter.noBlockingPlacement === 'regular';
  const rows = all.filter((x) => {
    if (ids && !ids.has(x.id)) return false;
    if (!factRowMatches(x, sf)) return false;
    if (filter.noBlockingPlacement) {
      const f = forms.get(x.id);
      if (f && (!regularOnly || f.some((form) => form !== 'summer_job'))) return false;
    }
    if (filter.notVetoedFor !== undefined && vetoes.get(x.id)?.includes(filter.notVetoedFor)) return false;
    return !open?.has(x.id);
  });
  return { rows, forms, vetoes };
}

const NONE: readonly never[] = Object.freeze([]);

const withPlacements = (x: FactRow, s: Selected): ParticipantFacts => ({
  ...x,
  activePlacementForms: s.forms.get(x.id) ?? NONE,
  vetoedPositionIds: s.vetoes.get(x.id) ?? NONE,
});

/** The scoring facts of the participants matching the filter, in id order. */
export async function loadParticipantFacts(r: Reader, filter: ParticipantFilter = {}): Promise<ParticipantFacts[]> {
  const s = await select(r, filter);
  return s.rows.map((x) => withPlacements(x, s));
}

/**
 * Kept per fact row: its prepared form for one day. Only for participants without active placements and vetoes
 * (nearly everyone); the others are prepared again each time, reusing the row's profile.
 */
const prepared = new WeakMap<FactRow, { today: string; p: PreparedParticipant }>();

/** The participants matching the filter, prepared for scoring as of ctx.today, in id order. */
export async function loadPreparedParticipants(
  r: Reader,
  filter: ParticipantFilter,
  ctx: ScoringContext,
): Promise<PreparedParticipant[]> {
  const s = await select(r, filter);
  return s.rows.map((x) => {
    const kept = prepared.get(x);
    if (s.forms.has(x.id) || s.vetoes.has(x.id)) return prepareParticipant(withPlacements(x, s), ctx, kept?.p.profile);
    if (kept?.today === ctx.today) return kept.p;
    const p = prepareParticipant(withPlacements(x, s), ctx, kept?.p.profile);
    prepared.set(x, { today: ctx.today, p });
    return p;
  });
}

export const countParticipants = (r: Reader, filter: ParticipantFilter): Promise<number> =>
  countMatching(r, storeFilter(filter));

/** Names and references of a few participants (for the rows actually shown). */
export const loadParticipantLabels = (r: Reader, ids: readonly number[]) => participantLabels(r, ids);

export interface SlotRecord {
  facts: SlotFacts;
  position: Position;
  /** Slots the global suggestion may hand out: free − drafts (drafts wait for their own decision). */
  suggestionCapacity: number;
}

/**
 * A position as slots for matching: itself, or one slot per summer-job period. `includeEnded` keeps periods and
 * positions whose dates have passed (for explaining a single pair); otherwise they are left out.
 */
export function slotsOf(p: Position, today: string, includeEnded = false): SlotRecord[] {
  const active = p.active && p.workplaceActive;
  const base = {
    positionId: p.id,
    title: p.title,
    kind: p.kind,
    employmentForm: p.employmentForm,
    active,
    district: p.district,
    tasks: p.tasks,
    skills: p.skills,
    languages: p.languages,
    minSwedishLevel: p.minSwedishLevel,
    requiredLicence: p.requiredLicence,
    hoursPercent: p.hoursPercent,
  };
  if (p.periods.length === 0) {
    if (!includeEnded && p.periodEnd !== null && p.periodEnd < today) return [];
    return [
      {
        facts: {
          ...base,
          periodId: null,
          periodName: null,
          startDate: p.periodStart,
          endDate: p.periodEnd,
          free: p.occupancy.free,
          slots: p.occupancy.slots,
        },
        position: p,
        suggestionCapacity: Math.max(0, p.occupancy.free - p.occupancy.drafts),
      },
    ];
  }
  return p.periods
    .filter((per) => includeEnded || per.endDate >= today)
    .map((per) => ({
      facts: {
        ...base,
        periodId: per.id,
        periodName: per.name,
        startDate: per.startDate,
        endDate: per.endDate,
        free: per.occupancy.free,
        slots: per.slots,
      },
      position: p,
      suggestionCapacity: Math.max(0, per.occupancy.free - per.occupancy.drafts),
    }));
}

export interface OpenProposalRef {
  id: number;
  status: ProposalStatus;
  participantId: number;
  positionId: number;
}

/** Open proposals (draft, submitted, deferred, approved) of a participant or for a position. */
export async function openProposals(
  r: Reader,
  by: { participantId?: number; positionId?: number },
): Promise<OpenProposalRef[]> {
  return (await proposalsInStatus(r, OPEN_PROPOSAL_STATUSES, by)).map((x) => ({
    ...x,
    status: x.status as ProposalStatus,
  }));
}

export { WAITING_STAGES };
