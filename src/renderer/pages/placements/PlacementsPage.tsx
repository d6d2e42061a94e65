import { useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { type GridColDef } from '@mui/x-data-grid';
import { type ContractStatus } from '../../../shared/domain/contract-doc';
import type { PlacementSummary } from '../../../shared/domain/placement';
import { useRpcQuery } from '../../api/hooks';
import { formatDate } from '../../util/format';
import { paths } from '../../app/paths';
import { DataTable, DaysLeftChip, ErrorAlert, PageHeader, useGridState, useLabel } from '../../components';
import { PlacementsTabs, useApprovedWithoutPlacement } from './parts';
import './i18n';

type StatusFilter = 'active' | 'ended' | 'all';
/** Quick views of active placements, from the dashboard. */
export const QUICK_VIEWS = ['30', '60', '90', 'uppfoljning', 'passerat'] as const;
export type QuickView = (typeof QUICK_VIEWS)[number];

/** '/placeringar': placements (active by default) with quick views for ending soon and follow-ups due. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const grid = useGridState({ sortable: 'any', defaultPageSize: 25 });
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const search = params.get('sok') ?? '';
  const status = (params.get('status') ?? 'active') as StatusFilter;
  const mine = params.get('mina') === '1';
  const viewParam = params.get('visa') ?? '';
  const view = (QUICK_VIEWS as readonly string[]).includes(viewParam) ? (viewParam as QuickView) : null;
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

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

  const columns = useMemo<GridColDef<PlacementSummary>[]>(
    () => [
      {
        field: 'participantName',
        headerName: t('placements.col.participant'),
        flex: 1,
        minWidth: 180,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Link component={RouterLink} to={paths.placement(p.row.id)} sx={{ fontWeight: 600 }}>
              {p.row.participantName}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.participantRef}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'positionTitle',
        headerName: t('placements.col.position'),
        flex: 1.3,
        minWidth: 200,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {p.row.positionTitle}
            {p.row.periodName ? ` (${p.row.periodName})` : ''}
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.workplaceName}
              {p.row.district ? `, ${p.row.district}` : ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'endDate',
        headerName: t('placements.col.period'),
        width: 200,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75, whiteSpace: 'nowrap' }}>
            {p.row.startDate} – {p.row.endDate}
            {p.row.status === 'ended' && p.row.endedAt && (
              <Typography variant="body2" color="text.secondary" component="div">
                {t('placements.list.endedAt', { date: p.row.endedAt })}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'daysLeft',
        headerName: t('placements.col.daysLeft'),
        width: 175,
        type: 'number',
        align: 'left',
        headerAlign: 'left',
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <DaysLeftChip p={p.row} />
            {p.row.phase === 'upcoming' && (
              <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 0.25 }}>
                {label('placementPhase', 'upcoming')}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'nextFollowUpDate',
        headerName: t('placements.col.followUp'),
        width: 140,
        renderCell: (p) =>
          p.row.nextFollowUpDate ? (
            <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
              {formatDate(p.row.nextFollowUpDate)}
              {p.row.followUpOverdue && (
                <Typography variant="body2" color="error" component="div" sx={{ fontWeight: 600 }}>
                  {t('placements.list.followUpLate')}
                </Typography>
              )}
            </Box>
          ) : (
            '–'
          ),
      },
      {
        field: 'contractStatus',
        headerName: t('placements.col.contract'),
        width: 160,
        valueGetter: (_v, r) =>
          r.employmentForm === 'work_training'
            ? t('placements.contract.notNeeded')
            : r.contractStatus
              ? `${label('contractStatus', r.contractStatus as ContractStatus) ?? r.contractStatus} (v${r.contractVersion ?? 1})`
              : t('placements.contract.none'),
      },
    ],
    [t, label],
  );

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
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    next.delete('visa');
                    if (e.target.value === 'active') next.delete('status');
                    else next.set('status', e.target.value);
                    return next;
                  },
                  { replace: true },
                )
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
