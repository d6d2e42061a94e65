/**
 * The participant list: server-side search, filters, sorting and paging, and counts per stage.
 *
 * Built to stay fast with 50,000 participants: the search matches the maintained `search_text` column with LIKE
 * (one pass over a narrow column), filters and sort keys are indexed columns, rows come with LIMIT/OFFSET, and the
 * counts per stage are one GROUP BY over the same conditions.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { participants, users } from '../../db/schema';
import type { AuthedContext } from '../context';
import { localToday } from '../../util/clock';
import { AppError } from '../../../shared/errors';
import { hasAnyRole, SOCIAL_CASE_ROLES, type Role } from '../../../shared/domain/roles';
import {
  BORAS_DISTRICTS,
  STAGES,
  searchTerms,
  swedishSortKey,
  type ListSortField,
  type Stage,
  type StageCounts,
} from '../../../shared/domain/participant';
import { toListRow, type UserRef } from './store';

export interface ListQuery {
  search?: string | undefined;
  stages?: Stage[] | undefined;
  district?: string | undefined;
  longTermRecipient?: boolean | undefined;
  hasChildren?: boolean | undefined;
  coordinatorId?: number | null | undefined;
  wishedKind?: string | undefined;
  sort: ListSortField;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** Escapes LIKE wildcards; used with ESCAPE '\'. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Conditions of the search and filters except the stage filter. */
export function filterConditions(q: Omit<ListQuery, 'sort' | 'direction' | 'offset' | 'limit' | 'stages'>): SQL[] {
  const conds: SQL[] = [];
  for (const term of searchTerms(q.search ?? '')) {
    conds.push(sql`${participants.searchText} LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`);
  }
  if (q.district) conds.push(eq(participants.district, q.district));
  if (q.longTermRecipient !== undefined) conds.push(eq(participants.longTermRecipient, q.longTermRecipient));
  if (q.hasChildren !== undefined) {
    conds.push(q.hasChildren ? gt(participants.childrenInHousehold, 0) : eq(participants.childrenInHousehold, 0));
  }
  if (q.coordinatorId !== undefined) {
    conds.push(
      q.coordinatorId === null ? isNull(participants.coordinatorId) : eq(participants.coordinatorId, q.coordinatorId),
    );
  }
  if (q.wishedKind) conds.push(sql`instr(${participants.wishedKinds}, ${JSON.stringify(q.wishedKind)}) > 0`);
  return conds;
}

export function emptyStageCounts(): StageCounts {
  return Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;
}

/**
 * Counts per stage under the given conditions: one GROUP BY. Grouping on `+stage` keeps SQLite from walking the
 * stage index row by row; it scans the covering (stage, search_text) index or uses a filter's own index instead.
 */
export function stageCounts(db: Db, conds: SQL[]): StageCounts {
  const counts = emptyStageCounts();
  const rows = db
    .select({ stage: participants.stage, n: count() })
    .from(participants)
    .where(conds.length ? and(...conds) : undefined)
    .groupBy(sql`+${participants.stage}`)
    .all();
  for (const r of rows) if (r.stage in counts) counts[r.stage as Stage] = r.n;
  return counts;
}

const STAGE_ORDER_SQL = sql.raw(`CASE stage ${STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE 99 END`);

function orderBy(sort: ListSortField, direction: 'asc' | 'desc'): SQL[] {
  const dir = direction === 'asc' ? asc : desc;
  const tail = [asc(participants.sortName), asc(participants.id)];
  switch (sort) {
    case 'name':
      return [dir(participants.sortName), dir(participants.id)];
    case 'ref':
      return [dir(participants.ref)];
    case 'referralDate':
      return [dir(participants.referralDate), ...tail];
    case 'stageSince':
      return [dir(participants.stageSince), ...tail];
    case 'stage':
      return [direction === 'asc' ? sql`${STAGE_ORDER_SQL} ASC` : sql`${STAGE_ORDER_SQL} DESC`, ...tail];
    case 'district':
      // empty districts last in both directions
      return [sql`${participants.district} IS NULL`, dir(participants.district), ...tail];
    case 'caseworker':
      return [
        sql`${participants.caseworkerName} IS NULL`,
        direction === 'asc'
          ? sql`lower(${participants.caseworkerName}) ASC`
          : sql`lower(${participants.caseworkerName}) DESC`,
        ...tail,
      ];
  }
}

export function coordinatorRefs(db: Db): Map<number, UserRef> {
  const map = new Map<number, UserRef>();
  for (const u of db.select({ id: users.id, name: users.displayName }).from(users).all()) map.set(u.id, u);
  return map;
}

export function listParticipants(ctx: AuthedContext, q: ListQuery) {
  if (
    (q.longTermRecipient !== undefined || q.hasChildren !== undefined) &&
    !hasAnyRole(ctx.user.roles, SOCIAL_CASE_ROLES)
  ) {
    throw new AppError('FORBIDDEN', 'Din roll får inte söka på hushåll eller försörjningsstöd.');
  }
  const conds = filterConditions(q);
  const counts = stageCounts(ctx.legacyDb, conds);
  const stages = q.stages && q.stages.length > 0 ? [...new Set(q.stages)] : null;
  let total = 0;
  for (const s of stages ?? STAGES) total += counts[s];
  const where = stages ? [...conds, inArray(participants.stage, stages)] : conds;
  // Deferred join: sort and page over ids only, then read the page's rows.
  const pageIds =
    total === 0 || q.offset >= total
      ? []
      : ctx.legacyDb
          .select({ id: participants.id })
          .from(participants)
          .where(where.length ? and(...where) : undefined)
          .orderBy(...orderBy(q.sort, q.direction))
          .limit(q.limit)
          .offset(q.offset)
          .all()
          .map((r) => r.id);
  const byId = new Map(
    (pageIds.length ? ctx.legacyDb.select().from(participants).where(inArray(participants.id, pageIds)).all() : []).map(
      (r) => [r.id, r],
    ),
  );
  const rows = pageIds.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
  const today = localToday(ctx.clock);
  const coordinators = coordinatorRefs(ctx.legacyDb);
  return { total, stageCounts: counts, rows: rows.map((r) => toListRow(r, today, coordinators)) };
}

const bySwedishName = (a: string, b: string) => {
  const ka = swedishSortKey(a);
  const kb = swedishSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export function filterOptions(db: Db) {
  const inUse = db
    .selectDistinct({ district: participants.district })
    .from(participants)
    .all()
    .map((r) => r.district)
    .filter((d): d is string => !!d);
  const districts = [...new Set([...BORAS_DISTRICTS, ...inUse])].sort(bySwedishName);
  const coordinators = db
    .select({ id: users.id, name: users.displayName, roles: users.roles, active: users.active })
    .from(users)
    .all()
    .filter((u) => u.active && (u.roles as Role[]).includes('coordinator'))
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => bySwedishName(a.name, b.name));
  const caseworkerUnits = db
    .selectDistinct({ unit: participants.caseworkerUnit })
    .from(participants)
    .all()
    .map((r) => r.unit)
    .filter((u): u is string => !!u)
    .sort(bySwedishName);
  return { districts, coordinators, caseworkerUnits };
}
