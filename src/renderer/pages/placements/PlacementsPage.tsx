import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import FormControlLabel from '@mui/material/FormControlLabel';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { PlacementSummary } from '../../../shared/domain/placement';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { DataTable, ErrorAlert, PageHeader, useGridState } from '../../components';
import { PlacementsTabs, useApprovedWithoutPlacement } from './parts';
import './i18n';
import { usePlacementColumns } from './placementColumns';

type StatusFilter = 'active' | 'ended' | 'all';
/** Quick views of active placements, from the dashboard. */
export const QUICK_VIEWS = ['30', '60', '90', 'uppfoljning', 'passerat'] as const;
export type QuickView = (typeof QUICK_VIEWS)[number];

/** '/placeringar': placements (active by default) with quick views for ending soon and follow-ups due. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const grid = useGridState({ sortable: 'any', defaultPageSize: 25 });
  const search = grid.filter('sok');
  const status = (grid.filter('status') || 'active') as StatusFilter;
  const mine = grid.filter('mina') === '1';
  const viewParam = grid.filter('visa');
  const view = (QUICK_VIEWS as readonly string[]).includes(viewParam) ? (viewParam as QuickView) : null;
  // A filter goes back to the first page and replaces the history entry (issue 10.1), as in every grid of the kit.
  const setParam = (key: string, value: string | null) => grid.setFilter(key, value);

  const dashboard = useRpcQuery('placements.dashboard', { mine, followUpHorizonDays: 7 }, { refetchOnMount: 'always' });
  const list = useRpcQuery(
    'placements.list',
    { status, mine, ...(search.trim() ? { search: search.trim() } : {}) },
    { placeholderData: (prev) => prev, enabled: view === null, refetchOnMount: 'always' },
  );
  const toPlace = useApprovedWithoutPlacement();

  const d = dashboard.data;
  const viewRows = (v: QuickView): PlacementSummary[] => {
    if (!d) return [];
    switch (v) {
      case '30':
        return d.within30;
      case '60':
        return [...d.within30, ...d.within60];
      case '90':
        return [...d.within30, ...d.within60, ...d.within90];
      case 'uppfoljning':
        return d.followUpsDue;
      case 'passerat':
        return d.overdue;
    }
  };
  const q = search.trim().toLocaleLowerCase('sv-SE');
  const rows = view
    ? viewRows(view).filter(
        (r) =>
          !q ||
          [r.participantName, r.participantRef, r.positionTitle, r.workplaceName].some((s) =>
            s.toLocaleLowerCase('sv-SE').includes(q),
          ),
      )
    : (list.data ?? []);

  const columns = usePlacementColumns();

  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  const c = d?.counts;
  const viewCounts: Record<QuickView, number | undefined> = {
    '30': c?.within30,
    '60': c ? c.within30 + c.within60 : undefined,
    '90': c ? c.within30 + c.within60 + c.within90 : undefined,
    uppfoljning: c?.followUpsDue,
    passerat: c?.overdue,
  };

  return (
    <>
      <PageHeader
        title={t('placements.list.title')}
        lead={t('placements.list.lead')}
        actions={
          <Button variant="contained" component={RouterLink} to={paths.toPlace}>
            {t('placements.list.newPlacement')}
          </Button>
        }
      />
      <PlacementsTabs value="placements" toPlaceCount={toPlace.isLoading ? undefined : toPlace.rows.length} />
      <Paper sx={{ p: 2, mb: 2 }} component="section" aria-label={t('common.filter')}>
        <Stack spacing={2}>
          <ToggleButtonGroup
            exclusive
            size="small"
            color="primary"
            value={view ?? 'all'}
            onChange={(_e, v: string | null) => {
              if (v !== null) setParam('visa', v === 'all' ? null : v);
            }}
            aria-label={t('placements.list.quickViews')}
            sx={{ flexWrap: 'wrap' }}
          >
            <ToggleButton value="all">{t('placements.list.viewAll')}</ToggleButton>
            {QUICK_VIEWS.map((v) => (
              <ToggleButton key={v} value={v}>
                {t(`placements.list.view.${v}`)}
                {count(viewCounts[v])}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <TextField
              label={t('placements.list.search')}
              type="search"
              value={search}
              onChange={(e) => setParam('sok', e.target.value)}
            />
            <TextField
              select
              label={t('placements.list.status')}
              value={view ? 'active' : status}
              onChange={(e) =>
                grid.setFilters({ visa: null, status: e.target.value === 'active' ? null : e.target.value })
              }
              sx={{ maxWidth: { sm: 240 } }}
            >
              <MenuItem value="active">{t('placements.list.statusActive')}</MenuItem>
              <MenuItem value="ended">{t('placements.list.statusEnded')}</MenuItem>
              <MenuItem value="all">{t('placements.list.statusAll')}</MenuItem>
            </TextField>
            <FormControlLabel
              sx={{ flexShrink: 0 }}
              control={<Switch checked={mine} onChange={(e) => setParam('mina', e.target.checked ? '1' : null)} />}
              label={t('placements.list.mine')}
            />
          </Stack>
        </Stack>
      </Paper>
      <ErrorAlert error={list.error ?? dashboard.error} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} role="status">
        {(view ? d : list.data) ? t('placements.list.count', { count: rows.length }) : ''}
      </Typography>
      <DataTable
        label={t('placements.list.gridLabel')}
        rows={rows}
        columns={columns}
        state={grid}
        loading={view ? dashboard.isLoading : list.isLoading}
        empty={view ? t(`placements.list.emptyView.${view}`) : t('placements.list.empty')}
      />
    </>
  );
}
