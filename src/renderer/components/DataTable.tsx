import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import type { SxProps, Theme } from '@mui/material/styles';
import {
  DataGrid,
  type DataGridProps,
  type GridColDef,
  type GridLocaleText,
  type GridRowIdGetter,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { enUS, svSE } from '@mui/x-data-grid/locales';
import type { GridState } from './grid-state';

const LOCALE_TEXT = {
  sv: svSE.components.MuiDataGrid.defaultProps.localeText,
  en: enUS.components.MuiDataGrid.defaultProps.localeText,
} as const;

/** The grid's texts in the user's language with an own empty-state sentence (a `localeText` prop replaces them all). */
export function useGridLocale(noRowsLabel?: string): Partial<GridLocaleText> {
  const { i18n, t } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  return useMemo(() => ({ ...LOCALE_TEXT[lang], noRowsLabel: noRowsLabel ?? t('kit.empty') }), [lang, noRowsLabel, t]);
}

type Passed<R extends GridValidRowModel> = Omit<
  DataGridProps<R>,
  | 'rows'
  | 'columns'
  | 'localeText'
  | 'paginationModel'
  | 'onPaginationModelChange'
  | 'sortModel'
  | 'onSortModelChange'
  | 'paginationMode'
  | 'sortingMode'
  | 'rowCount'
  | 'pageSizeOptions'
>;

export interface DataTableProps<R extends GridValidRowModel> extends Passed<R> {
  /** The accessible name of the grid (`getByRole('grid', { name })`). */
  label: string;
  rows: readonly R[] | undefined;
  columns: readonly GridColDef<R>[];
  getRowId?: GridRowIdGetter<R>;
  /**
   * The list's state in the address (`useGridState`). Without it the table shows every row it is given, in the
   * order given, without a pager (for short lists: a meeting's bookings, a protocol).
   */
  state?: GridState;
  /**
   * Server-side paging and sorting: the total number of rows the procedure reports. Leave out for lists the
   * procedure returns whole (the grid pages and sorts them itself, still through the address).
   */
  total?: number | undefined;
  server?: boolean;
  loading?: boolean;
  /** The empty-state sentence; `emptyFiltered` when a filter of `state` is set. */
  empty?: string;
  emptyFiltered?: string;
  /** Row height follows the content (cells with two lines, chips). Default true. */
  autoRowHeight?: boolean;
  /** Draw the table on its own surface (default) or bare, inside a section that has one. */
  surface?: boolean;
  sx?: SxProps<Theme>;
}

/**
 * The kit's table: MUI X DataGrid with the user's language, an own empty state, keyboard navigation, and paging
 * and sorting kept in the address through `state`. Columns not listed in `state.sortable` cannot be sorted, so an
 * arrow is never shown on a column the list is not sorted by; the sort order toggles between ascending and
 * descending (never "unsorted").
 */
export function DataTable<R extends GridValidRowModel>({
  label,
  rows,
  columns,
  state,
  total,
  server = false,
  loading = false,
  empty,
  emptyFiltered,
  autoRowHeight = true,
  surface = true,
  sx,
  ...rest
}: DataTableProps<R>) {
  const filtered = Boolean(state?.filtered);
  const localeText = useGridLocale(filtered && emptyFiltered ? emptyFiltered : empty);
  const sortable = state?.sortable;
  const cols = useMemo(
    () =>
      columns.map((c) => ({
        ...c,
        sortable:
          sortable === 'any'
            ? c.sortable !== false
            : Boolean(sortable && Object.hasOwn(sortable, c.field) && c.sortable !== false),
      })),
    [columns, sortable],
  );
  const rowCount =
    server && state ? state.rememberTotal(loading && total === undefined ? undefined : total) : undefined;
  const paged = state !== undefined;
  const grid = (
    <DataGrid<R>
      aria-label={label}
      rows={(rows ?? []) as R[]}
      columns={cols}
      loading={loading}
      localeText={localeText}
      autoHeight
      disableRowSelectionOnClick
      disableColumnFilter
      sortingOrder={['asc', 'desc']}
      {...(autoRowHeight ? { getRowHeight: () => 'auto' as const } : {})}
      {...(paged
        ? {
            paginationModel: state.paginationModel,
            onPaginationModelChange: state.onPaginationModelChange,
            sortModel: state.sortModel,
            onSortModelChange: state.onSortModelChange,
            pageSizeOptions: [...state.pageSizes],
            ...(server ? { paginationMode: 'server' as const, sortingMode: 'server' as const, rowCount } : {}),
          }
        : { hideFooter: (rows?.length ?? 0) <= 100, sortingMode: 'server' as const })}
      sx={[
        { border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center', py: autoRowHeight ? 0.75 : 0 } },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
      {...rest}
    />
  );
  return surface ? <Paper sx={{ mb: 2 }}>{grid}</Paper> : grid;
}
