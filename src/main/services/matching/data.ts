/**
 * Loading what the scoring engine needs from the database: participants' facts (with an optional SQL prefilter
 * for the cheap hard constraints), positions as slots, open proposals. The scoring engine itself never touches
 * the database; every hard constraint the prefilter applies is checked again by the engine, so the prefilter only
 * makes things faster, never different.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { participants, placements, positions, proposals } from '../../db/schema';
import type { Position } from '../../../shared/domain/position';
import { OPEN_PROPOSAL_STATUSES, type ProposalStatus } from '../../../shared/domain/proposal';
import { WAITING_STAGES, type ParticipantFacts, type SlotFacts } from '../../matching/scoring';

export interface ParticipantFilter {
  ids?: readonly number[];
  /** Only these stages (default: any). */
  stages?: readonly string[];
  /** available_percent ≥ this. */
  minAvailablePercent?: number;
  /** swedish_level in this list. */
  swedishLevels?: readonly string[];
  /** holds at least one of these licence classes. */
  licences?: readonly string[];
  /** earliest_start is empty or not after this day. */
  latestEarliestStart?: string;
  /** No active placement that blocks the target (docs/product.md §4 rule 5): 'regular' = no active non-summer placement. */
  noBlockingPlacement?: 'regular' | 'any';
  /** No vetoed proposal for this position. */
  notVetoedFor?: number;
  /** No open proposal (draft, submitted, deferred, approved) at all. */
  noOpenProposal?: boolean;
}

const IN_LIST_LIMIT = 500;

function conditions(f: ParticipantFilter): SQL | undefined {
  const c: Array<SQL | undefined> = [];
  if (f.ids && f.ids.length <= IN_LIST_LIMIT) c.push(inArray(participants.id, [...f.ids]));
  if (f.stages) c.push(inArray(participants.stage, [...f.stages]));
  if (f.minAvailablePercent !== undefined) c.push(sql`${participants.availablePercent} >= ${f.minAvailablePercent}`);
  if (f.swedishLevels) c.push(inArray(participants.swedishLevel, [...f.swedishLevels]));
  if (f.licences) {
    c.push(
      sql`EXISTS (SELECT 1 FROM json_each(${participants.licenceClasses}) j WHERE upper(j.value) IN (${sql.join(
        f.licences.map((l) => sql`${l}`),
        sql`, `,
      )}))`,
    );
  }
  if (f.latestEarliestStart !== undefined) {
    c.push(sql`(${participants.earliestStart} IS NULL OR ${participants.earliestStart} <= ${f.latestEarliestStart})`);
  }
  if (f.noBlockingPlacement) {
    c.push(
      sql`NOT EXISTS (SELECT 1 FROM ${placements} pl JOIN ${positions} po ON po.id = pl.position_id
           WHERE pl.participant_id = ${participants.id} AND pl.status = 'active'
           ${f.noBlockingPlacement === 'regular' ? sql`AND po.employment_form <> 'summer_job'` : sql``})`,
    );
  }
  if (f.notVetoedFor !== undefined) {
    c.push(
      sql`NOT EXISTS (SELECT 1 FROM ${proposals} pr WHERE pr.participant_id = ${participants.id}
           AND pr.position_id = ${f.notVetoedFor} AND pr.status = 'vetoed')`,
    );
  }
  if (f.noOpenProposal) {
    c.push(
      sql`NOT EXISTS (SELECT 1 FROM ${proposals} pr WHERE pr.participant_id = ${participants.id}
           AND pr.status IN (${sql.join(
             OPEN_PROPOSAL_STATUSES.map((s) => sql`${s}`),
             sql`, `,
           )}))`,
    );
  }
  const list = c.filter((x): x is SQL => x !== undefined);
  return list.length ? and(...list) : undefined;
}

/**
 * The columns scoring needs, in select order (the mapping below reads them by position). Read with a raw statement (the SQL still built by drizzle): for tens
 * of thousands of rows, mapping arrays by position is several times faster than mapping objects per column.
 */
const FACT_COLUMNS = [
  ['id', participants.id],
  ['stage', participants.stage],
  ['swedishLevel', participants.swedishLevel],
  ['licenceClasses', participants.licenceClasses],
  ['skills', participants.skills],
  ['interests', participants.interests],
  ['languages', participants.languages],
  ['experienceText', participants.experienceText],
  ['wishedKinds', participants.wishedKinds],
  ['availablePercent', participants.availablePercent],
  ['earliestStart', participants.earliestStart],
  ['district', participants.district],
  ['referralDate', participants.referralDate],
  ['longTermRecipient', participants.longTermRecipient],
  ['childrenInHousehold', participants.childrenInHousehold],
] as const;

const jsonList = (v: unknown): string[] => {
  if (typeof v !== 'string' || v === '[]' || v === '') return [];
  const parsed: unknown = JSON.parse(v);
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

/** The scoring facts of the participants matching the filter, in id order. */
export function loadParticipantFacts(db: Db, filter: ParticipantFilter = {}): ParticipantFacts[] {
  const query = db
    .select(Object.fromEntries(FACT_COLUMNS.map(([key, column]) => [key, column])))
    .from(participants)
    .where(conditions(filter))
    .orderBy(participants.id)
    .toSQL();
  const raw = db.$client
    .prepare(query.sql)
    .raw()
    .all(...(query.params as unknown[])) as unknown[][];
  const rows = raw.map((r) => ({
    id: r[0] as number,
    stage: r[1] as string,
    swedishLevel: r[2] as string | null,
    licenceClasses: jsonList(r[3]),
    skills: jsonList(r[4]),
    interests: jsonList(r[5]),
    languages: jsonList(r[6]),
    experienceText: r[7] as string | null,
    wishedKinds: jsonList(r[8]),
    availablePercent: r[9] as number | null,
    earliestStart: r[10] as string | null,
    district: r[11] as string | null,
    referralDate: r[12] as string,
    longTermRecipient: r[13] === 1,
    childrenInHousehold: r[14] as number,
  }));
  const wanted = filter.ids && filter.ids.length > IN_LIST_LIMIT ? new Set(filter.ids) : null;
  const selected = wanted ? rows.filter((r) => wanted.has(r.id)) : rows;
  if (selected.length === 0) return [];

  // Active placements and vetoes are few; read them all and bucket per participant.
  const forms = new Map<number, string[]>();
  for (const r of db
    .select({ participantId: placements.participantId, form: positions.employmentForm })
    .from(placements)
    .innerJoin(positions, eq(positions.id, placements.positionId))
    .where(eq(placements.status, 'active'))
    .all()) {
    const list = forms.get(r.participantId) ?? [];
    list.push(r.form);
    forms.set(r.participantId, list);
  }
  const vetoes = new Map<number, number[]>();
  for (const r of db
    .select({ participantId: proposals.participantId, positionId: proposals.positionId })
    .from(proposals)
    .where(eq(proposals.status, 'vetoed'))
    .all()) {
    const list = vetoes.get(r.participantId) ?? [];
    list.push(r.positionId);
    vetoes.set(r.participantId, list);
  }

  return selected.map((r) => ({
    ...r,
    activePlacementForms: forms.get(r.id) ?? [],
    vetoedPositionIds: vetoes.get(r.id) ?? [],
  }));
}

export function countParticipants(db: Db, filter: ParticipantFilter): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(participants)
      .where(conditions(filter))
      .get()?.n ?? 0
  );
}

export interface ParticipantLabel {
  id: number;
  ref: string;
  name: string;
  district: string | null;
  stage: string;
  referralDate: string;
}

/** Names and references of a few participants (for the rows actually shown). */
export function loadParticipantLabels(db: Db, ids: readonly number[]): Map<number, ParticipantLabel> {
  const out = new Map<number, ParticipantLabel>();
  for (let i = 0; i < ids.length; i += IN_LIST_LIMIT) {
    const chunk = ids.slice(i, i + IN_LIST_LIMIT);
    for (const r of db
      .select({
        id: participants.id,
        ref: participants.ref,
        firstName: participants.firstName,
        lastName: participants.lastName,
        district: participants.district,
        stage: participants.stage,
        referralDate: participants.referralDate,
      })
      .from(participants)
      .where(inArray(participants.id, [...chunk]))
      .all()) {
      out.set(r.id, {
        id: r.id,
        ref: r.ref,
        name: `${r.firstName} ${r.lastName}`,
        district: r.district,
        stage: r.stage,
        referralDate: r.referralDate,
      });
    }
  }
  return out;
}

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
export function openProposals(db: Db, by: { participantId?: number; positionId?: number }): OpenProposalRef[] {
  return db
    .select({
      id: proposals.id,
      status: proposals.status,
      participantId: proposals.participantId,
      positionId: proposals.positionId,
    })
    .from(proposals)
    .where(
      and(
        inArray(proposals.status, [...OPEN_PROPOSAL_STATUSES]),
        by.participantId !== undefined ? eq(proposals.participantId, by.participantId) : undefined,
        by.positionId !== undefined ? eq(proposals.positionId, by.positionId) : undefined,
      ),
    )
    .orderBy(proposals.id)
    .all()
    .map((r) => ({ ...r, status: r.status as ProposalStatus }));
}

export { WAITING_STAGES };
