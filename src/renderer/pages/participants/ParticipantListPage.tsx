import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
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
import type { GridColDef } from '@mui/x-data-grid';
import {
  PLACEMENT_KINDS,
  STAGES,
  type ListSortField,
  type ParticipantListInput,
  type ParticipantListRow,
  type PlacementKind,
  type Stage,
} from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { formatDate, formatNumber } from '../../util/format';
import { paths } from '../../app/paths';
import { DataTable, ErrorAlert, PageHeader, StageChip, useGridState, useLabel, useSearchText } from '../../components';
import './i18n';

/** Grid column → the list's sort field on the server (docs/product.md §6: the order lives in the address). */
const SORTABLE: Record<string, ListSortField> = {
  name: 'name',
  ref: 'ref',
  referralDate: 'referralDate',
  daysInStage: 'stageSince',
  stage: 'stage',
  district: 'district',
  caseworkerName: 'caseworker',
};

const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);
const isKind = (s: string): s is PlacementKind => (PLACEMENT_KINDS as readonly string[]).includes(s);

export function ParticipantListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useLabel();
  const grid = useGridState<ListSortField>({ sortable: SORTABLE, defaultSort: { column: 'name' } });
  const [searchText, setSearchText] = useSearchText(grid);
  const options = useRpcQuery('participants.filterOptions', {});
  const f = grid.filter;
  const stages = f('steg').split(',').filter(isStage);
  const coordinator = f('koordinator');
  const kind = f('onskemal');

  const input: ParticipantListInput = {
    ...(f('q') ? { search: f('q') } : {}),
    ...(stages.length ? { stages } : {}),
    ...(f('stadsdel') ? { district: f('stadsdel') } : {}),
    ...(coordinator === 'none' ? { coordinatorId: null } : coordinator ? { coordinatorId: Number(coordinator) } : {}),
    ...(f('langvarigt') ? { longTermRecipient: f('langvarigt') === 'ja' } : {}),
    ...(f('barn') ? { hasChildren: f('barn') === 'ja' } : {}),
    ...(isKind(kind) ? { wishedKind: kind } : {}),
    sort: grid.sortBy ?? 'name',
    direction: grid.direction,
    offset: grid.offset,
    limit: grid.limit,
  };
  const list = useRpcQuery('participants.list', input, { placeholderData: (prev) => prev });
  const counts = list.data?.stageCounts;
  const totalAllStages = counts ? STAGES.reduce((sum, s) => sum + counts[s], 0) : undefined;

  const toggleStage = (s: Stage) => {
    const next = stages.includes(s) ? stages.filter((x) => x !== s) : [...stages, s];
    grid.setFilter('steg', next.join(','));
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
            <Link
              component={RouterLink}
              to={paths.participant(p.row.id)}
              sx={{ fontWeight: 600 }}
              onClick={(e) => e.stopPropagation()}
            >
              {p.row.lastName}, {p.row.firstName}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div" sx={{ fontSize: '0.8rem' }}>
              {p.row.ref}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'personnummerFormatted',
        headerName: t('participants.list.col.personnummer'),
        width: 120,
        sortable: false,
      },
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
      {
        field: 'district',
        headerName: t('participants.list.col.district'),
        width: 105,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'referralDate',
        headerName: t('participants.list.col.referralDate'),
        width: 115,
        valueFormatter: (v: string) => formatDate(v),
      },
      {
        field: 'caseworkerName',
        headerName: t('participants.list.col.caseworker'),
        flex: 1,
        minWidth: 110,
        valueFormatter: (v: string | null) => v ?? '–',
      },
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
            {p.row.longTermRecipient && (
              <Chip size="small" variant="outlined" label={t('participants.list.flagLongTerm')} />
            )}
            {p.row.childrenInHousehold > 0 && (
              <Chip
                size="small"
                variant="outlined"
                label={t('participants.list.flagChildren', { count: p.row.childrenInHousehold })}
              />
            )}
            {p.row.noShowCount > 0 && (
              <Chip
                size="small"
                color="warning"
                variant="outlined"
                label={t('participants.list.flagNoShows', { count: p.row.noShowCount })}
              />
            )}
          </Box>
        ),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('participants.list.title')}
        lead={t('participants.list.lead')}
        actions={
          <>
            <Button component={RouterLink} to={paths.followUps} startIcon={<EventRepeatOutlined />}>
              {t('participants.list.followUps')}
            </Button>
            <Button
              component={RouterLink}
              to={paths.referralImport}
              variant="outlined"
              startIcon={<UploadFileOutlined />}
            >
              {t('participants.list.import')}
            </Button>
            <Button
              component={RouterLink}
              to={paths.newParticipant}
              variant="contained"
              startIcon={<PersonAddOutlined />}
            >
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
            color={stages.length === 0 ? 'primary' : 'default'}
            variant={stages.length === 0 ? 'filled' : 'outlined'}
            onClick={() => grid.setFilter('steg', null)}
            aria-pressed={stages.length === 0}
          />
          {STAGES.map((s) => {
            const on = stages.includes(s);
            return (
              <Chip
                key={s}
                label={`${label('stage', s)} ${counts ? formatNumber(counts[s]) : ''}`}
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
              slotProps={{
                input: {
                  startAdornment: (
                    <InputAdornment position="start">
                      <SearchOutlined aria-hidden />
                    </InputAdornment>
                  ),
                },
              }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3, lg: 3 }}>
            <TextField
              select
              label={t('participants.list.district')}
              value={f('stadsdel')}
              onChange={(e) => grid.setFilter('stadsdel', e.target.value)}
            >
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              {(options.data?.districts ?? []).map((d) => (
                <MenuItem key={d} value={d}>
                  {d}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3, lg: 4 }}>
            <TextField
              select
              label={t('participants.list.coordinator')}
              value={coordinator}
              onChange={(e) => grid.setFilter('koordinator', e.target.value)}
            >
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
            <TextField
              select
              label={t('participants.list.wishedKind')}
              value={kind}
              onChange={(e) => grid.setFilter('onskemal', e.target.value)}
            >
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              {PLACEMENT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {label('placementKind', k)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
            <TextField
              select
              label={t('participants.list.longTerm')}
              value={f('langvarigt')}
              onChange={(e) => grid.setFilter('langvarigt', e.target.value)}
            >
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              <MenuItem value="ja">{t('participants.list.yes')}</MenuItem>
              <MenuItem value="nej">{t('participants.list.no')}</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4, lg: 2 }}>
            <TextField
              select
              label={t('participants.list.children')}
              value={f('barn')}
              onChange={(e) => grid.setFilter('barn', e.target.value)}
            >
              <MenuItem value="">{t('participants.list.all')}</MenuItem>
              <MenuItem value="ja">{t('participants.list.withChildren')}</MenuItem>
              <MenuItem value="nej">{t('participants.list.withoutChildren')}</MenuItem>
            </TextField>
          </Grid>
          <Grid
            size={{ xs: 12, md: 'grow' }}
            sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end' }}
          >
            <Button
              disabled={!grid.filtered}
              onClick={() => {
                setSearchText('');
                grid.clearFilters();
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
      <DataTable
        label={t('participants.list.gridLabel')}
        rows={list.data?.rows}
        columns={columns}
        state={grid}
        server
        total={list.data?.total}
        loading={list.isFetching}
        initialState={{ columns: { columnVisibilityModel: { ref: false, coordinator: false } } }}
        onRowClick={(p) => void navigate(paths.participant(Number(p.id)))}
        empty={t('participants.list.emptyAll')}
        emptyFiltered={t('participants.list.empty')}
        sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .MuiDataGrid-cell': { minHeight: 52 } }}
      />
    </>
  );
}
