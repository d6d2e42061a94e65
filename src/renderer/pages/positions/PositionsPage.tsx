import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import type { GridColDef } from '@mui/x-data-grid';
import {
  EMPLOYMENT_FORMS,
  POSITION_KINDS,
  type EmploymentForm,
  type Position,
  type PositionKind,
} from '../../../shared/domain/position';
import { useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { paths } from '../../app/paths';
import {
  DataTable,
  ErrorAlert,
  FreeChip,
  PageHeader,
  SectionTabs,
  useGridState,
  useLabel,
  useSearchText,
} from '../../components';
import { usePeriodText } from './parts';
import { PositionDialog } from './PositionDialog';
import './i18n';

/** A select whose empty value is a real choice ("Alla"): show it instead of the bare label. */
const SHOW_EMPTY = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

/** How many positions the list fetches at once; sorting and paging happen in the grid (through the address). */
const FETCH_LIMIT = 1000;

/** Columns the grid sorts (client-side; the order is kept in the address like every list's). */
const SORTABLE = {
  title: 'title',
  workplaceName: 'workplaceName',
  employmentForm: 'employmentForm',
  hoursPercent: 'hoursPercent',
  free: 'free',
  period: 'period',
  unionReviewRequired: 'unionReviewRequired',
  active: 'active',
};

/** The two tabs of the catalogue: positions and workplaces (links, so each has its own address). */
export function CatalogueTabs({ value }: { value: 'positions' | 'workplaces' }) {
  const { t } = useTranslation();
  return (
    <SectionTabs
      label={t('positions.tabs.label')}
      value={value}
      tabs={[
        { key: 'positions', label: t('positions.tabs.positions'), to: paths.positions },
        { key: 'workplaces', label: t('positions.tabs.workplaces'), to: paths.workplaces },
      ]}
    />
  );
}

type StatusFilter = 'active' | 'inactive' | 'all';

/** The position catalogue: filters, the list with computed free slots, and (for the admin) a new position. */
export function PositionsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const isAdmin = hasRole('admin');
  const navigate = useNavigate();
  const periodText = usePeriodText();
  const label = useLabel();
  const [creating, setCreating] = useState(false);
  const grid = useGridState({ sortable: SORTABLE, defaultSort: { column: 'workplaceName' }, defaultPageSize: 25 });
  const [searchText, setSearchText] = useSearchText(grid, 'sok');

  const search = grid.filter('sok');
  const kindParam = grid.filter('typ');
  const kind = (POSITION_KINDS as readonly string[]).includes(kindParam) ? (kindParam as PositionKind) : '';
  const formParam = grid.filter('form');
  const form = (EMPLOYMENT_FORMS as readonly string[]).includes(formParam) ? (formParam as EmploymentForm) : '';
  const workplaceId = Number(grid.filter('arbetsplats')) || null;
  const statusParam = grid.filter('status');
  const status: StatusFilter = statusParam === 'inactive' || statusParam === 'all' ? statusParam : 'active';
  const onlyFree = grid.filter('lediga') === '1';
  const setParam = grid.setFilter;

  const workplaces = useRpcQuery('workplaces.list', { includeInactive: true });
  const list = useRpcQuery(
    'positions.list',
    {
      ...(search.trim() ? { search: search.trim() } : {}),
      ...(kind ? { kind } : {}),
      ...(form ? { employmentForm: form } : {}),
      ...(workplaceId ? { workplaceId } : {}),
      status,
      onlyWithFreeSlots: onlyFree,
      offset: 0,
      limit: FETCH_LIMIT,
    },
    { placeholderData: (prev) => prev },
  );

  const columns = useMemo<GridColDef<Position>[]>(
    () => [
      {
        field: 'title',
        headerName: t('positions.col.title'),
        flex: 1.3,
        minWidth: 200,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Link component={RouterLink} to={paths.position(p.row.id)}>
              {p.row.title}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {label('positionKind', p.row.kind)}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'workplaceName',
        headerName: t('positions.col.workplace'),
        flex: 1,
        minWidth: 170,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {p.row.workplaceName}
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.district ?? ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'employmentForm',
        headerName: t('positions.col.form'),
        flex: 1,
        minWidth: 170,
        valueGetter: (_v, r) => label('employmentForm', r.employmentForm),
      },
      {
        field: 'hoursPercent',
        headerName: t('positions.col.hours'),
        width: 105,
        type: 'number',
        valueFormatter: (v: number) => `${v} %`,
      },
      {
        field: 'free',
        headerName: t('positions.col.free'),
        width: 125,
        type: 'number',
        valueGetter: (_v, r) => r.occupancy.free,
        renderCell: (p) => <FreeChip free={p.row.occupancy.free} slots={p.row.occupancy.slots} />,
      },
      {
        field: 'period',
        headerName: t('positions.col.period'),
        width: 185,
        valueGetter: (_v, r) => r.periodStart,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {periodText(p.row.periodStart, p.row.periodEnd)}
            {p.row.periods.length > 0 && (
              <Typography variant="body2" color="text.secondary" component="div">
                {t('positions.list.periodCount', { count: p.row.periods.length })}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'unionReviewRequired',
        headerName: t('positions.col.union'),
        width: 130,
        valueFormatter: (v: boolean) => (v ? t('common.yes') : t('common.no')),
      },
      ...(status === 'active'
        ? []
        : [
            {
              field: 'active',
              headerName: t('positions.col.status'),
              width: 150,
              valueGetter: (_v, r) => (!r.active ? 'inactive' : !r.workplaceActive ? 'workplaceInactive' : 'active'),
              renderCell: (p) => (
                <Chip
                  size="small"
                  variant="outlined"
                  color={p.value === 'active' ? 'success' : 'default'}
                  label={t(`positions.status.${p.value as string}`)}
                />
              ),
            } as GridColDef<Position>,
          ]),
    ],
    [t, label, periodText, status],
  );

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('positions.list.title')}
        lead={t('positions.list.lead')}
        actions={
          isAdmin ? (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
              {t('positions.list.newPosition')}
            </Button>
          ) : undefined
        }
      />
      <CatalogueTabs value="positions" />
      <Paper sx={{ p: 2, mb: 2 }} component="section" aria-label={t('common.filter')}>
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ flexWrap: 'wrap', alignItems: 'center', '& > .MuiTextField-root': { flex: '1 1 180px' } }}
        >
          <TextField
            label={t('positions.list.search')}
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            sx={{ minWidth: 240 }}
          />
          <TextField
            select
            slotProps={SHOW_EMPTY}
            label={t('positions.list.kind')}
            value={kind}
            onChange={(e) => setParam('typ', e.target.value)}
            sx={{ minWidth: 180 }}
          >
            <MenuItem value="">{t('positions.list.all')}</MenuItem>
            {POSITION_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {label('positionKind', k)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            slotProps={SHOW_EMPTY}
            label={t('positions.list.form')}
            value={form}
            onChange={(e) => setParam('form', e.target.value)}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('positions.list.all')}</MenuItem>
            {EMPLOYMENT_FORMS.map((f) => (
              <MenuItem key={f} value={f}>
                {label('employmentForm', f)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            slotProps={SHOW_EMPTY}
            label={t('positions.list.workplace')}
            value={workplaceId ?? ''}
            onChange={(e) => setParam('arbetsplats', String(e.target.value))}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('positions.list.all')}</MenuItem>
            {(workplaces.data ?? []).map((w) => (
              <MenuItem key={w.id} value={w.id}>
                {w.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('positions.list.status')}
            value={status}
            onChange={(e) => setParam('status', e.target.value === 'active' ? null : e.target.value)}
            sx={{ minWidth: 130 }}
          >
            <MenuItem value="active">{t('positions.list.statusActive')}</MenuItem>
            <MenuItem value="inactive">{t('positions.list.statusInactive')}</MenuItem>
            <MenuItem value="all">{t('positions.list.statusAll')}</MenuItem>
          </TextField>
          <FormControlLabel
            sx={{ flexShrink: 0 }}
            control={<Switch checked={onlyFree} onChange={(e) => setParam('lediga', e.target.checked ? '1' : null)} />}
            label={t('positions.list.onlyFree')}
          />
        </Stack>
      </Paper>
      <ErrorAlert error={list.error ?? workplaces.error} />
      {total > rows.length && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('positions.list.truncated', { shown: rows.length, total })}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} role="status">
        {list.data ? t('positions.list.count', { count: total }) : ''}
      </Typography>
      <DataTable
        label={t('positions.list.gridLabel')}
        rows={rows}
        columns={columns}
        state={grid}
        loading={list.isLoading}
        empty={isAdmin ? t('positions.list.empty') : t('positions.list.emptyReadonly')}
      />
      {creating && (
        <PositionDialog
          position="new"
          defaultWorkplaceId={workplaceId ?? undefined}
          onClose={() => setCreating(false)}
          onSaved={(p) => void navigate(paths.position(p.id))}
        />
      )}
    </>
  );
}
