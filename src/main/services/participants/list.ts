/**
 * The participant list: server-side search, filters, sorting and paging, and counts per stage.
 *
 * Built to stay fast with 50,000 participants: the search matches the maintained `search_text` column with LIKE
 * (one pass over a narrow column), filters and sort keys are indexed columns, rows come with LIMIT/OFFSET, and the
 * counts per stage are one GROUP BY over the same conditions.
 */
import type { Reader } from '../../store';
import {
  countByStage,
  participantConditions,
  participantFilterValues,
  participantPage,
} from '../../store/participants';
import { allUserNames } from '../../store/users';
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
import { toListRow, type UserRef } from './views';

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

/** The store's filter for the search and filters of a list query (everything but the stage filter). */
export function filterOf(q: Omit<ListQuery, 'sort' | 'direction' | 'offset' | 'limit' | 'stages'>) {
  return {
    search: searchTerms(q.search ?? ''),
    district: q.district,
    longTermRecipient: q.longTermRecipient,
    hasChildren: q.hasChildren,
    coordinatorId: q.coordinatorId,
    wishedKind: q.wishedKind,
  };
}

export function emptyStageCounts(): StageCounts {
  return Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;
}

/** Counts per stage under the filter (coordinatorId narrows to one coordinator's people). */
export async function stageCounts(
  r: Reader,
  filter: Parameters<typeof participantConditions>[1],
): Promise<StageCounts> {
  const counts = emptyStageCounts();
  for (const [stage, n] of await countByStage(r, participantConditions(r, filter))) {
    if (stage in counts) counts[stage as Stage] = n;
  }
  return counts;
}

export async function coordinatorRefs(r: Reader): Promise<Map<number, UserRef>> {
  return new Map((await allUserNames(r)).map((u) => [u.id, { id: u.id, name: u.name }]));
}

export async function listParticipants(ctx: AuthedContext, q: ListQuery) {
  if (
    (q.longTermRecipient !== undefined || q.hasChildren !== undefined) &&
    !hasAnyRole(ctx.user.roles, SOCIAL_CASE_ROLES)
  ) {
    throw new AppError('FORBIDDEN', 'Din roll får inte söka på hushåll eller försörjningsstöd.');
  }
  const conds = participantConditions(ctx.db, filterOf(q));
  const counts = emptyStageCounts();
  for (const [stage, n] of await countByStage(ctx.db, conds)) if (stage in counts) counts[stage as Stage] = n;
  const stages = q.stages && q.stages.length > 0 ? [...new Set(q.stages)] : null;
  let total = 0;
  for (const s of stages ?? STAGES) total += counts[s];
  const rows =
    total === 0 || q.offset >= total
      ? []
      : await participantPage(ctx.db, {
          conds,
          stages,
          sort: q.sort,
          direction: q.direction,
          stageOrder: STAGES,
          offset: q.offset,
          limit: q.limit,
        });
  const today = localToday(ctx.clock);
  const coordinators = await coordinatorRefs(ctx.db);
  return { total, stageCounts: counts, rows: rows.map((r) => toListRow(r, today, coordinators)) };
}

const bySwedishName = (a: string, b: string) => {
  const ka = swedishSortKey(a);
  const kb = swedishSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export async function filterOptions(r: Reader) {
  const inUse = await participantFilterValues(r);
  const districts = [...new Set([...BORAS_DISTRICTS, ...inUse.districts])].sort(bySwedishName);
  const coordinators = (await allUserNames(r))
    .filter((u) => u.active && (u.roles as Role[]).includes('coordinator'))
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => bySwedishName(a.name, b.name));
  const caseworkerUnits = [...new Set(inUse.caseworkerUnits)].sort(bySwedishName);
  return { districts, coordinators, caseworkerUnits };
}
