/**
 * What matching reads: participants' scoring facts (with an optional SQL prefilter for the cheap hard constraints),
 * their names for the rows shown, active placements and vetoes. The scoring engine never touches the database, and
 * every hard constraint the prefilter applies is checked again by the engine, so the prefilter only makes things
 * faster, never different.
 *
 * The facts of tens of thousands of participants are read as arrays (one per row, in select order) and mapped by
 * position: several times faster than mapping an object per row and column. Reads of all participants outside a
 * unit of work come from a cache that follows the table's changes (see `participantFacts`).
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { canWatch, type Database, type Reader, type RowWatch } from '../db/engine';

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
  noOpenProposal?: readonly string[];
}

/** Ids above this count are filtered in memory instead of in an IN (...) list. */
export const IN_LIST_LIMIT = 500;

function conditions(r: Reader, f: ParticipantFilter): SQL | undefined {
  const { participants, placements, positions, proposals } = r.tables;
  const c: Array<SQL | undefined> = [];
  if (f.ids && f.ids.length <= IN_LIST_LIMIT) c.push(inArray(participants.id, [...f.ids]));
  if (f.stages) c.push(inArray(participants.stage, [...f.stages]));
  if (f.minAvailablePercent !== undefined) c.push(sql`${participants.availablePercent} >= ${f.minAvailablePercent}`);
  if (f.swedishLevels) c.push(inArray(participants.swedishLevel, [...f.swedishLevels]));
  if (f.licences) c.push(r.dialect.jsonArrayAnyUpperIn(participants.licenceClasses, f.licences));
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
             f.noOpenProposal.map((s) => sql`${s}`),
             sql`, `,
           )}))`,
    );
  }
  const list = c.filter((x): x is SQL => x !== undefined);
  return list.length ? and(...list) : undefined;
}

export interface FactRow {
  id: number;
  stage: string;
  swedishLevel: string | null;
  licenceClasses: string[];
  skills: string[];
  interests: string[];
  languages: string[];
  experienceText: string | null;
  wishedKinds: string[];
  availablePercent: number | null;
  earliestStart: string | null;
  district: string | null;
  referralDate: string;
  longTermRecipient: boolean;
  childrenInHousehold: number;
}

/** A JSON array of strings as the driver hands it over: text on SQLite, already parsed on PostgreSQL. */
const jsonList = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string' || v === '[]' || v === '') return [];
  const parsed: unknown = JSON.parse(v);
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

/** The query of participantFactRows (exported for the bench's store-against-driver comparison). */
export function factRowsQuery(r: Reader, filter: ParticipantFilter = {}) {
  const { participants: p } = r.tables;
  return r.db
    .select({
      id: p.id,
      stage: p.stage,
      swedishLevel: p.swedishLevel,
      licenceClasses: p.licenceClasses,
      skills: p.skills,
      interests: p.interests,
      languages: p.languages,
      experienceText: p.experienceText,
      wishedKinds: p.wishedKinds,
      availablePercent: p.availablePercent,
      earliestStart: p.earliestStart,
      district: p.district,
      referralDate: p.referralDate,
      longTermRecipient: p.longTermRecipient,
      childrenInHousehold: p.childrenInHousehold,
    })
    .from(p)
    .where(conditions(r, filter))
    .orderBy(asc(p.id));
}

/** One row of factRowsQuery (driver values in select order) as a FactRow. */
export const toFactRow = (x: unknown[]): FactRow => ({
  id: x[0] as number,
  stage: x[1] as string,
  swedishLevel: x[2] as string | null,
  licenceClasses: jsonList(x[3]),
  skills: jsonList(x[4]),
  interests: jsonList(x[5]),
  languages: jsonList(x[6]),
  experienceText: x[7] as string | null,
  wishedKinds: jsonList(x[8]),
  availablePercent: x[9] as number | null,
  earliestStart: x[10] as string | null,
  district: x[11] as string | null,
  referralDate: x[12] as string,
  longTermRecipient: x[13] === 1 || x[13] === true,
  childrenInHousehold: x[14] as number,
});

/** The scoring facts (without placements and vetoes) of the participants matching the filter, in id order. */
export async function participantFactRows(r: Reader, filter: ParticipantFilter = {}): Promise<FactRow[]> {
  const rows = (await r.arrays(factRowsQuery(r, filter))).map(toFactRow);
  const wanted = filter.ids && filter.ids.length > IN_LIST_LIMIT ? new Set(filter.ids) : null;
  return wanted ? rows.filter((x) => wanted.has(x.id)) : rows;
}

/** The in-memory twin of `conditions` for the columns of a FactRow (placements and proposals are checked by the caller). */
export function factRowMatches(x: FactRow, f: ParticipantFilter): boolean {
  if (f.stages && !f.stages.includes(x.stage)) return false;
  if (
    f.minAvailablePercent !== undefined &&
    !(x.availablePercent !== null && x.availablePercent >= f.minAvailablePercent)
  )
    return false;
  if (f.swedishLevels && !(x.swedishLevel !== null && f.swedishLevels.includes(x.swedishLevel))) return false;
  if (f.licences && !x.licenceClasses.some((c) => f.licences!.includes(c.toUpperCase()))) return false;
  if (f.latestEarliestStart !== undefined && x.earliestStart !== null && x.earliestStart > f.latestEarliestStart)
    return false;
  return true;
}

interface FactCache {
  watch: RowWatch;
  /** Every participant's facts in id order; a changed participant gets a new object, the others keep theirs. */
  rows: FactRow[];
  /** Refreshes run one at a time (a second caller must not take changes the first has yet to apply). */
  tail: Promise<unknown>;
}
const factCaches = new WeakMap<Database, FactCache>();

async function refresh(db: Database, cache: FactCache): Promise<FactRow[]> {
  const changes = await cache.watch.next();
  if (changes.all) {
    cache.rows = await participantFactRows(db);
    return cache.rows;
  }
  if (changes.ids.size === 0) return cache.rows;
  const changed = [...changes.ids];
  const fresh = new Map<number, FactRow>();
  for (let i = 0; i < changed.length; i += IN_LIST_LIMIT) {
    for (const x of await participantFactRows(db, { ids: changed.slice(i, i + IN_LIST_LIMIT) })) fresh.set(x.id, x);
  }
  const rows: FactRow[] = [];
  for (const x of cache.rows) {
    if (!changes.ids.has(x.id)) rows.push(x);
    else if (fresh.has(x.id)) {
      rows.push(fresh.get(x.id)!);
      fresh.delete(x.id);
    } // else: deleted
  }
  if (fresh.size > 0) {
    const last = rows.length > 0 ? rows[rows.length - 1]!.id : 0;
    const added = Array.from(fresh, ([, x]) => x).sort((a, b) => a.id - b.id);
    rows.push(...added);
    if (added[0]!.id < last) rows.sort((a, b) => a.id - b.id);
  }
  cache.rows = rows;
  return rows;
}

/**
 * The scoring facts (without placements and vetoes) of every participant, in id order. Outside a unit of work they
 * come from a cache per database handle that follows the participants table (Database.watchRows): the first call
 * reads everyone, later calls re-read only the participants changed since — by this process or any other — so
 * the answer is what a fresh read would give. Inside a unit of work (which may hold uncommitted changes) it reads.
 * The rows are shared: never modify them.
 */
export async function participantFacts(r: Reader): Promise<readonly FactRow[]> {
  if (!canWatch(r)) return participantFactRows(r);
  let cache = factCaches.get(r);
  if (!cache) {
    cache = { watch: r.watchRows('participants'), rows: [], tail: Promise.resolve() };
    factCaches.set(r, cache);
  }
  const c = cache;
  const run = c.tail.then(() =>
    refresh(r, c).catch((e: unknown) => {
      // The changes taken by next() were not applied: a new watcher makes the next call read everyone again.
      c.watch.close();
      c.watch = r.watchRows('participants');
      throw e;
    }),
  );
  c.tail = run.catch(() => {});
  return run;
}

export async function countParticipants(r: Reader, filter: ParticipantFilter): Promise<number> {
  const { participants } = r.tables;
  const [row] = await r.db.select({ n: count() }).from(participants).where(conditions(r, filter));
  return row?.n ?? 0;
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
export async function participantLabels(r: Reader, ids: readonly number[]): Promise<Map<number, ParticipantLabel>> {
  const { participants: p } = r.tables;
  const out = new Map<number, ParticipantLabel>();
  for (let i = 0; i < ids.length; i += IN_LIST_LIMIT) {
    const chunk = ids.slice(i, i + IN_LIST_LIMIT);
    for (const x of await r.db
      .select({
        id: p.id,
        ref: p.ref,
        firstName: p.firstName,
        lastName: p.lastName,
        district: p.district,
        stage: p.stage,
        referralDate: p.referralDate,
      })
      .from(p)
      .where(inArray(p.id, [...chunk]))) {
      out.set(x.id, {
        id: x.id,
        ref: x.ref,
        name: `${x.firstName} ${x.lastName}`,
        district: x.district,
        stage: x.stage,
        referralDate: x.referralDate,
      });
    }
  }
  return out;
}

/** Vetoed pairs (participant, position). */
export async function vetoedPairs(r: Reader): Promise<Array<{ participantId: number; positionId: number }>> {
  const { proposals } = r.tables;
  return r.db
    .select({ participantId: proposals.participantId, positionId: proposals.positionId })
    .from(proposals)
    .where(eq(proposals.status, 'vetoed'));
}
