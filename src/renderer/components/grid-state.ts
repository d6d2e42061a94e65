import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { GridPaginationModel, GridSortModel } from '@mui/x-data-grid';

/**
 * A list's paging, sorting and filters, kept in the address (docs/product.md §6), so a list survives a reload, a
 * saved link and the back button:
 *
 *   #/deltagare?sida=3&antal=25&sort=referralDate&ordning=fallande&steg=mapped,matching&q=haddad
 *
 * - `sida` is 1-based (sida=2 shows rows 51–100 at 50 a page); the first page, the default page size and the
 *   default order are left out of the address.
 * - Going to another page or changing the order adds a history entry (Back returns to the previous page); changing a
 *   filter replaces the entry and goes back to the first page (typing in a search box must not fill the history).
 * - Several lists on one page each get a `prefix` ("kandidater.sida=2").
 *
 * Pass the result to `<DataTable state={…}>`; read `offset`, `limit`, `sortBy`, `direction` and `filters` for the
 * procedure's input.
 */
export interface GridStateOptions<S extends string = string> {
  /** Prefix of this list's parameters when a page has more than one list. */
  prefix?: string;
  pageSizes?: readonly number[];
  defaultPageSize?: number;
  /**
   * Sortable columns: grid column field → the value the procedure takes (often the same). Columns not named here
   * cannot be sorted. 'any': a list the grid sorts itself, by any column its definition lets sort. Omit for a list
   * without sorting.
   */
  sortable?: Readonly<Record<string, S>> | 'any';
  /** The column the list is sorted by when the address says nothing. */
  defaultSort?: { column: string; direction?: 'asc' | 'desc' };
}

export interface GridState<S extends string = string> {
  /** 0-based page index. */
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  offset: number;
  limit: number;
  /** The sorted column (grid field) and the procedure's sort value for it. */
  sortColumn: string | null;
  sortBy: S | null;
  direction: 'asc' | 'desc';
  /** Every filter parameter of this list that is set (the prefix removed). */
  filters: Readonly<Record<string, string>>;
  filter(name: string): string;
  /** True when any filter is set. */
  filtered: boolean;
  /** Sets (or, with '' or null, removes) filters; back to the first page; replaces the history entry. */
  setFilters(patch: Record<string, string | null | undefined>): void;
  setFilter(name: string, value: string | null | undefined): void;
  clearFilters(): void;
  setPage(page: number): void;
  /** What the grid needs; `DataTable` spreads it. */
  sortable: Readonly<Record<string, S>> | 'any' | undefined;
  paginationModel: GridPaginationModel;
  onPaginationModelChange(model: GridPaginationModel): void;
  sortModel: GridSortModel;
  onSortModelChange(model: GridSortModel): void;
  /** Remembers the last total the server reported, so the pager keeps its place while the next page loads. */
  rememberTotal(total: number | undefined): number;
}

const PAGE = 'sida';
const SIZE = 'antal';
const SORT = 'sort';
const ORDER = 'ordning';
const DESC = 'fallande';
const ASC = 'stigande';
const RESERVED = new Set([PAGE, SIZE, SORT, ORDER]);

export function useGridState<S extends string = string>(opts: GridStateOptions<S> = {}): GridState<S> {
  const [params, setParams] = useSearchParams();
  const pre = opts.prefix ? `${opts.prefix}.` : '';
  const pageSizes = opts.pageSizes ?? [10, 25, 50, 100];
  const defaultPageSize = opts.defaultPageSize ?? (pageSizes.includes(50) ? 50 : pageSizes[0]!);
  const totalRef = useRef<number | undefined>(undefined);

  const pageParam = Number(params.get(pre + PAGE) ?? '1');
  const page = Number.isInteger(pageParam) && pageParam > 1 ? pageParam - 1 : 0;
  const sizeParam = Number(params.get(pre + SIZE));
  const pageSize = pageSizes.includes(sizeParam) ? sizeParam : defaultPageSize;

  const sortParam = params.get(pre + SORT);
  const sortable = opts.sortable;
  const canSort = (column: string) => sortable === 'any' || Boolean(sortable && Object.hasOwn(sortable, column));
  const sortColumn = sortParam && canSort(sortParam) ? sortParam : (opts.defaultSort?.column ?? null);
  const orderParam = params.get(pre + ORDER);
  const direction: 'asc' | 'desc' =
    orderParam === DESC
      ? 'desc'
      : orderParam === ASC
        ? 'asc'
        : sortParam
          ? 'asc'
          : (opts.defaultSort?.direction ?? 'asc');
  const sortBy = sortColumn && sortable && sortable !== 'any' ? (sortable[sortColumn] ?? null) : null;

  const key = params.toString();
  const filters = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(key)) {
      if (!k.startsWith(pre) || v === '') continue;
      const name = k.slice(pre.length);
      if (name.includes('.') && !pre) continue; // another list's parameter
      if (!RESERVED.has(name)) out[name] = v;
    }
    return out;
  }, [key, pre]);

  const change = useCallback(
    (patch: Record<string, string | null | undefined>, how: { push: boolean; resetPage: boolean }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null || v === undefined || v === '') next.delete(pre + k);
            else next.set(pre + k, v);
          }
          if (how.resetPage) next.delete(pre + PAGE);
          return next;
        },
        { replace: !how.push },
      );
    },
    [setParams, pre],
  );

  const setPage = useCallback(
    (p: number) => change({ [PAGE]: p > 0 ? String(p + 1) : null }, { push: true, resetPage: false }),
    [change],
  );

  const onPaginationModelChange = useCallback(
    (m: GridPaginationModel) => {
      if (m.pageSize !== pageSize) {
        change({ [SIZE]: m.pageSize === defaultPageSize ? null : String(m.pageSize) }, { push: true, resetPage: true });
        return;
      }
      if (m.page === page) return;
      // The grid also moves back by itself when the address names a page past the end (a saved link to a list
      // that has shrunk): that correction replaces the entry instead of adding one.
      const total = totalRef.current;
      const clamped = total !== undefined && total >= 0 && m.page < page && page * pageSize >= total;
      change({ [PAGE]: m.page > 0 ? String(m.page + 1) : null }, { push: !clamped, resetPage: false });
    },
    [change, pageSize, defaultPageSize, page],
  );

  const sortModel = useMemo<GridSortModel>(
    () => (sortColumn ? [{ field: sortColumn, sort: direction }] : []),
    [sortColumn, direction],
  );
  const onSortModelChange = useCallback(
    (model: GridSortModel) => {
      const first = model[0];
      if (!first || !canSort(first.field)) {
        change({ [SORT]: null, [ORDER]: null }, { push: true, resetPage: true });
        return;
      }
      const isDefault =
        first.field === opts.defaultSort?.column && (first.sort ?? 'asc') === (opts.defaultSort?.direction ?? 'asc');
      change(
        isDefault
          ? { [SORT]: null, [ORDER]: null }
          : { [SORT]: first.field, [ORDER]: first.sort === 'desc' ? DESC : ASC },
        { push: true, resetPage: true },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- canSort follows `sortable`
    [change, sortable, opts.defaultSort?.column, opts.defaultSort?.direction],
  );

  const setFilters = useCallback(
    (patch: Record<string, string | null | undefined>) => change(patch, { push: false, resetPage: true }),
    [change],
  );
  const setFilter = useCallback(
    (name: string, value: string | null | undefined) => setFilters({ [name]: value }),
    [setFilters],
  );

  return {
    page,
    pageSize,
    pageSizes,
    offset: page * pageSize,
    limit: pageSize,
    sortColumn,
    sortBy,
    direction,
    filters,
    filter: (name) => filters[name] ?? '',
    filtered: Object.keys(filters).length > 0,
    setFilters,
    setFilter,
    clearFilters: () => setFilters(Object.fromEntries(Object.keys(filters).map((k) => [k, null]))),
    setPage,
    sortable,
    paginationModel: { page, pageSize },
    onPaginationModelChange,
    sortModel,
    onSortModelChange,
    rememberTotal(total) {
      if (total !== undefined) totalRef.current = total;
      return totalRef.current ?? -1;
    },
  };
}

/**
 * A search box's text for a list: what the user types shows at once; the list's `q` filter follows a moment after
 * the last key (replacing the history entry); Back or a link that changes `q` updates the box.
 */
export function useSearchText(grid: Pick<GridState, 'filter' | 'setFilter'>, name = 'q', delayMs = 300) {
  const inUrl = grid.filter(name);
  const [text, setText] = useState(inUrl);
  const sent = useRef(inUrl);
  useEffect(() => {
    if (inUrl !== sent.current) {
      sent.current = inUrl;
      setText(inUrl);
    }
  }, [inUrl]);
  const setFilter = grid.setFilter;
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = trimmed;
      setFilter(name, trimmed);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, name, delayMs, setFilter]);
  return [text, setText] as const;
}
