import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import {
  LIST_SORT_FIELDS,
  PLACEMENT_KINDS,
  PLACEMENT_KIND_LABELS,
  STAGES,
  STAGE_LABELS,
  type ListSortField,
  type ParticipantListInput,
  type ParticipantListRow,
  type PlacementKind,
  type Stage,
} from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../util/format';
import { StageChip, gridLocaleText } from './components';
import './i18n';

/** Grid column → server sort field. */
const SORT_OF_COLUMN: Record<string, ListSortField> = {
  name: 'name',
  ref: 'ref',
  referralDate: 'referralDate',
  daysInStage: 'stageSince',
  stage: 'stage',
  district: 'district',
  caseworkerName: 'caseworker',
};
const COLUMN_OF_SORT = Object.fromEntries(Object.entries(SORT_OF_COLUMN).map(([c, s]) => [s, c])) as Record<ListSortField, string>;

const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);
const isKind = (s: string): s is PlacementKind => (PLACEMENT_KINDS as readonly string[]).includes(s);

/** Reads the list's state from the URL, so a search survives going to a person and back. */
function useListState() {
  const [params, setParams] = useSearchParams();
  const stages = (params.get('steg') ?? '').split(',').filter(isStage);
  const sortParam = params.get('sort') ?? 'name';
  const state = {
    search: params.get('q') ?? '',
    stages,
    district: params.get('stadsdel') ?? '',
    coordinator: params.get('koordinator') ?? '',
    longTerm: params.get('langvarigt') ?? '',
    children: params.get('barn') ?? '',
    kind: params.get('onskemal') ?? '',
    sort: ((LIST_SORT_FIELDS as readonly string[]).includes(sortParam) ? sortParam : 'name') as ListSortField,
    direction: (params.get('ordning') === 'desc' ? 'desc' : 'asc') as 'asc' | 'desc',
    page: Math.max(0, Number(params.get('sida') ?? '0') || 0),
    pageSize: [25, 50, 100].includes(Number(params.get('antal'))) ? Number(params.get('antal')) : 50,
  };
  const update = (patch: Record<string, string | null>, resetPage = true) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (resetPage) next.delete('sida');
        return next;
      },
      { replace: true },
    );
  };
  return { state, update, clear: () => setParams(new URLSearchParams(), { replace: true }) };
}

export function ParticipantListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, update, clear } = useListState();
  const [searchText, setSearchText] = useState(state.search);
  const options = useRpcQuery('participants.filterOptions', {});

  // Search as the user types, a moment after the last key.
  useEffect(() => {
    if (searchText.trim() === state.search) return;
    const timer = setTimeout(() => update({ q: searchText.trim() }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- update is recreated each render; the text is what matters
  }, [searchText]);

  const input: ParticipantListInput = {
    ...(state.search ? { search: state.search } : {}),
    ...(state.stages.length ? { stages: state.stages } : {}),
    ...(state.district ? { district: state.district } : {}),
    ...(state.coordinator === 'none' ? { coordinatorId: null } : state.coordinator ? { coordinatorId: Number(state.coordinator) } : {}),
    ...(state.longTerm ? { longTermRecipient: state.longTerm === 'ja' } : {}),
    ...(state.children ? { hasChildren: state.children === 'ja' } : {}),
    ...(isKind(state.kind) ? { wishedKind: state.kind } : {}),
    sort: state.sort,
    direction: state.direction,
    offset: state.page * state.pageSize,
    limit: state.pageSize,
  };
  const list = useRpcQuery('participants.list', input, { placeholderData: (prev) => prev });
  const counts = list.data?.stageCounts;
  const totalAllStages = counts ? STAGES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  const filtered = Boolean(
    state.search || state.stages.length || state.district || state.coordinator || state.longTerm || state.children || state.kind,
  );

  const toggleStage = (s: Stage) => {
    const next = state.stages.includes(s) ? state.stages.filter((x) => x !== s) : [...state.stages, s];
    update({ steg: next.join(',') });
  };

  const columns = useMemo<GridColDef<ParticipantListRow>[]>(
    () => [
      {
        field: 'name',
        headerName: t('participants.list.col.name'),
        flex: 1,
        minWidth: 180,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            <Link component={RouterLink} to={`/deltagare/${p.row.id}`} sx={{ fontWeight: 600 }} onClick={(e) => e.stopPropagation()}>
              {p.row.lastName}, {p.row.firstName}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div" sx={{ fontSize: '0.8rem' }}>
              {p.row.ref}
            </Typography>
          </Box>
        ),
      },
      { field: 'personnummerFormatted', headerName: t('participants.list.col.personnummer'), width: 120, sortable: false },
      { field: 'ref', headerName: t('participants.list.col.ref'), width: 100 },
      {
        field: 'stage',
        headerName: t('participants.list.col.stage'),
        width: 210,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <StageChip stage={p.row.stage} />
          </Box>
        ),
      },
      {
        field: 'daysInStage',
        headerName: t('participants.list.col.stageSince'),
        width: 70,
        align: 'right',
        headerAlign: 'right',
        valueFormatter: (v: number) => t('participants.list.days', { count: v }),
      },
      { field: 'district', headerName: t('participants.list.col.district'), width: 105, valueFormatter: (v: string | null) => v ?? '–' },
      { field: 'referralDate', headerName: t('participants.list.col.referralDate'), width: 115, valueFormatter: (v: string) => formatDate(v) },
      { field: 'caseworkerName', headerName: t('participants.list.col.caseworker'), flex: 1, minWidth: 110, valueFormatter: (v: string | null) => v ?? '–' },
      {
        field: 'coordinator',
        headerName: t('participants.list.col.coordinator'),
        width: 150,
        sortable: false,
        valueGetter: (_v, r) => r.coordinator?.name ?? '–',
      },
      {
        field: 'flags',
        headerName: t('participants.list.col.flags'),
        width: 195,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center', height: '100%', py: 0.5 }}>
            {p.row.longTermRecipient && <Chip size="small" variant="outlined" label={t('participants.list.flagLongTerm')} />}
            {p.row.childrenInHousehold > 0 && (
              <Chip size="small" variant="outlined" label={t('participants.list.flagChildren', { count: p.row.childrenInHousehold })} />
            )}
            {p.row.noShowCount > 0 && (
              <Chip size="small" color="warning" variant="outlined" label={t('participants.list.flagNoShows', { count: p.row.noShowCount })} />
            )}
          </Box>
        ),
      },
    ],
    [t],
  );

  const sortModel: GridSortModel = [{ field: COLUMN_OF_SORT[state.sort], sort: state.direction }];
  const onSort = (model: GridSortModel) => {
    const first = model[0];
    const sort = first ? SORT_OF_COLUMN[first.field] : undefined;
    if (!first || !sort) update({ sort: null, ordning: null });
    else update({ sort, ordning: first.sort === 'desc' ? 'desc' : null });
  };
  const onPage = (m: GridPaginationModel) => update({ sida: m.page ? String(m.page) : null, antal: m.pageSize === 50 ? null : String(m.pageSize) }, false);

  return (
    <>
      <PageHeader
        title={t('participants.list.title')}
        lead={t('participants.list.lead')}
        actions={
          <>
            <Button component={RouterLink} to="/deltagare/uppfoljningar" startIcon={<EventRepeatOutlined />}>
              {t('participants.list.followUps')}
            </Button>
            <Button component={RouterLink} to="/deltagare/import" variant="outlined" startIcon={<UploadFileOutlined />}>
              {t('participants.list.import')}
            </Button>
            <Button component={RouterLink} to="/deltagare/ny" variant="contained" startIcon={<PersonAddOutlined />}>
              {t('participants.list.newParticipant')}
            </Button>
          </>
        }
      />

      <Box component="section" aria-labelledby="stage-counts-heading" sx={{ mb: 2 }}>
        <Typography id="stage-counts-heading" variant="h2" sx={{ fontSize: '1rem', fontWeight: 600, mb: 1 }}>
          {t('participants.list.stageCounts')}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          <Chip
            label={`${t('participants.list.allStages')} ${totalAllStages === undefined ? '' : formatNumber(totalAllStages)}`}
            color={state.stages.length === 0 ? 'primary' : 'default'}
            variant={state.stages.length === 0 ? 'filled' : 'outlined'}
            onClick={() => update({ steg: null })}
            aria-pressed={state.stages.length === 0}
          />
          {STAGES.map((s) => {
            const on = state.stages.includes(s);
            return (
              <Chip
                key={s}
                label={`${STAGE_LABELS[s]} ${counts ? formatNumber(counts[s]) : ''}`}
                color={on ? 'primary' : 'default'}
                variant={on ? 'filled' : 'outlined'}
                onClick={() => toggleStage(s)}
                aria-pressed={on}
              />
            );
          })}
        </Box>
      </Box>

      <Paper role="search" sx={{ p: 2, mb: 2 }} aria-label={t('participants.list.search')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6, lg: 5 }}>
            <TextField
              label={t('participants.list.search')}
              type="search"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              helperText={t('participants.list.searchHelp')}
              slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchOutlined aria-hidden /></InputAdornment> } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3, lg: 3 }}>
            <TextField select label={t('participants.list.district')} value={state.district} onChange={(e) => update({ stadsdel: e.target.value })}>
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              {(options.data?.districts ?? []).map((d) => (
                <MenuItem key={d} value={d}>
                  {d}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3, lg: 4 }}>
            <TextField select label={t('participants.list.coordinator')} value={state.coordinator} onChange={(e) => update({ koordinator: e.target.value })}>
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              <MenuItem value="none">{t('participants.list.noCoordinator')}</MenuItem>
              {(options.data?.coordinators ?? []).map((c) => (
                <MenuItem key={c.id} value={String(c.id)}>
                  {c.name}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4, lg: 5 }}>
            <TextField select label={t('participants.list.wishedKind')} value={state.kind} onChange={(e) => update({ onskemal: e.target.value })}>
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              {PLACEMENT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {PLACEMENT_KIND_LABELS[k]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
            <TextField select label={t('participants.list.longTerm')} value={state.longTerm} onChange={(e) => update({ langvarigt: e.target.value })}>
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              <MenuItem value="ja">{t('participants.list.yes')}</MenuItem>
              <MenuItem value="nej">{t('participants.list.no')}</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4, lg: 2 }}>
            <TextField select label={t('participants.list.children')} value={state.children} onChange={(e) => update({ barn: e.target.value })}>
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              <MenuItem value="ja">{t('participants.list.withChildren')}</MenuItem>
              <MenuItem value="nej">{t('participants.list.withoutChildren')}</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 'grow' }} sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end' }}>
            <Button
              disabled={!filtered}
              onClick={() => {
                setSearchText('');
                clear();
              }}
            >
              {t('participants.list.clear')}
            </Button>
          </Grid>
        </Grid>
      </Paper>

      <ErrorAlert error={list.error} />
      <Typography role="status" aria-live="polite" sx={{ mb: 1, color: 'text.secondary' }}>
        {list.data ? t('participants.list.count', { formatted: formatNumber(list.data.total) }) : '\u00a0'}
      </Typography>
      <Paper>
        <DataGrid
          aria-label={t('participants.list.gridLabel')}
          rows={list.data?.rows ?? []}
          columns={columns}
          loading={list.isFetching}
          rowCount={list.data?.total ?? 0}
          paginationMode="server"
          sortingMode="server"
          paginationModel={{ page: state.page, pageSize: state.pageSize }}
          onPaginationModelChange={onPage}
          sortModel={sortModel}
          onSortModelChange={onSort}
          disableColumnFilter
          pageSizeOptions={[25, 50, 100]}
          disableRowSelectionOnClick
          initialState={{ columns: { columnVisibilityModel: { ref: false, coordinator: false } } }}
          getRowHeight={() => 'auto'}
          onRowClick={(p) => void navigate(`/deltagare/${p.id}`)}
          autoHeight
          localeText={gridLocaleText(filtered ? t('participants.list.empty') : t('participants.list.emptyAll'))}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center', minHeight: 52 } }}
        />
      </Paper>
    </>
  );
}
