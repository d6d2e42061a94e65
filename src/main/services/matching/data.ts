/**
 * What the scoring engine needs, from the matching store (src/main/store/matching.ts): participants' facts with an
 * optional SQL prefilter for the cheap hard constraints, positions as slots, open proposals. The engine checks
 * every hard constraint again, so the prefilter only makes things faster, never different.
 */
import type { Reader } from '../../store';
import { activePlacementForms } from '../../store/placements';
import { proposalsInStatus } from '../../store/proposals';
import {
  countParticipants as countMatching,
  participantFactRows,
  participantLabels,
  vetoedPairs,
  type ParticipantFilter as StoreFilter,
  type ParticipantLabel,
} from '../../store/matching';
import type { Position } from '../../../shared/domain/position';
import { OPEN_PROPOSAL_STATUSES, type ProposalStatus } from '../../../shared/domain/proposal';
import { WAITING_STAGES, type ParticipantFacts, type SlotFacts } from '../../matching/scoring';

export type { ParticipantLabel };

export interface ParticipantFilter extends Omit<StoreFilter, 'noOpenProposal'> {
  /** No open proposal (draft, submitted, deferred, approved) at all. */
  noOpenProposal?: boolean;
}

const storeFilter = (f: ParticipantFilter): StoreFilter => {
  const { noOpenProposal, ...rest } = f;
  return noOpenProposal ? { ...rest, noOpenProposal: OPEN_PROPOSAL_STATUSES } : rest;
};

/** The scoring facts of the participants matching the filter, in id order. */
export async function loadParticipantFacts(r: Reader, filter: ParticipantFilter = {}): Promise<ParticipantFacts[]> {
  const selected = await participantFactRows(r, storeFilter(filter));
  if (selected.length === 0) return [];

  // Active placements and vetoes are few; read them all and bucket per participant.
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

  return selected.map((x) => ({
    ...x,
    activePlacementForms: forms.get(x.id) ?? [],
    vetoedPositionIds: vetoes.get(x.id) ?? [],
  }));
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
