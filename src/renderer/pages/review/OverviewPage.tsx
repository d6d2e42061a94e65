import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { MeetingSummary } from '../../../shared/contract/review';
import { useRpcQuery } from '../../api/hooks';
import { formatDate, formatLongDate } from '../../util/format';
import { DataTable, ErrorAlert, Loading, MeetingStatusChip, PageHeader, useGridState } from '../../components';
import { useScheduleText } from './scheduleParts';
import { IcsButton, meetingPath, REVIEW_BASE, ReviewTabs, useReviewRoles } from './parts';
import './i18n';
import { MovedNote, NextMeetingCard } from './NextMeetingCard';

type Scope = 'upcoming' | 'past' | 'all';

/** '/provning': the meeting in progress or the next one, meetings that were never held, and every meeting. */
export function OverviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isAdmin, isCoordination } = useReviewRoles();
  const grid = useGridState({ pageSizes: [10, 25, 50], defaultPageSize: 10 });
  const scopeParam = grid.filter('urval');
  const scope: Scope = scopeParam === 'past' || scopeParam === 'all' ? scopeParam : 'upcoming';
  const setScope = (v: Scope) => grid.setFilter('urval', v === 'upcoming' ? null : v);
  const status = useRpcQuery('system.status', {});
  const overview = useRpcQuery('review.overview', {}, { refetchInterval: 30_000 });
  const schedule = useRpcQuery('review.getSchedule', {});
  const scheduleText = useScheduleText();
  const meetings = useRpcQuery('review.listMeetings', {});
  const today = status.data?.today ?? '';

  const rows = useMemo(() => {
    const all = meetings.data ?? [];
    if (scope === 'upcoming')
      return all.filter((m) => m.date >= today && (m.status === 'planned' || m.status === 'open'));
    if (scope === 'past')
      return all.filter((m) => m.date < today || m.status === 'closed' || m.status === 'cancelled').reverse();
    return all;
  }, [meetings.data, scope, today]);

  const columns = useMemo<GridColDef<MeetingSummary>[]>(
    () => [
      {
        field: 'date',
        headerName: t('review.overview.col.date'),
        flex: 1,
        minWidth: 230,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 0.75, lineHeight: 1.35 }}>
            <Link
              component={RouterLink}
              to={meetingPath(p.row.id)}
              sx={{ fontWeight: 600 }}
              onClick={(e) => e.stopPropagation()}
            >
              {formatLongDate(p.row.date)}
            </Link>
            {p.row.movedReason && (
              <Typography variant="body2" component="div">
                <MovedNote meeting={p.row} />
              </Typography>
            )}
          </Box>
        ),
      },
      { field: 'time', headerName: t('review.overview.col.time'), width: 80, sortable: false },
      { field: 'place', headerName: t('review.overview.col.place'), flex: 1.4, minWidth: 200, sortable: false },
      {
        field: 'cutoffDate',
        headerName: t('review.overview.col.cutoff'),
        width: 170,
        sortable: false,
        valueFormatter: (v: string) => formatDate(v),
      },
      {
        field: 'itemCount',
        headerName: t('review.overview.col.items'),
        width: 150,
        sortable: false,
        valueGetter: (_v, r) =>
          r.status === 'open' || r.status === 'closed'
            ? t('review.overview.itemsDecided', { decided: r.decidedCount, count: r.itemCount })
            : t('review.items', { count: r.itemCount }),
      },
      {
        field: 'status',
        headerName: t('review.overview.col.status'),
        width: 130,
        sortable: false,
        renderCell: (p) => <MeetingStatusChip status={p.row.status} overdue={p.row.overdue} />,
      },
    ],
    [t],
  );

  if (overview.isLoading || status.isLoading) return <Loading />;
  const o = overview.data;
  const highlighted = o?.openMeeting ?? o?.nextMeeting ?? null;

  return (
    <>
      <PageHeader
        title={t('review.title')}
        lead={
          <>
            {t('review.lead')}
            {schedule.data?.schedule ? (
              <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
                {scheduleText(schedule.data.schedule)}
              </Box>
            ) : null}
          </>
        }
        actions={<IcsButton />}
      />
      <ReviewTabs value="meetings" />
      <ErrorAlert error={overview.error ?? meetings.error ?? status.error} />
      {o && !o.scheduleConfigured && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            isAdmin ? (
              <Button color="inherit" component={RouterLink} to={`${REVIEW_BASE}/schema`}>
                {t('review.toSchedule')}
              </Button>
            ) : undefined
          }
        >
          {isAdmin ? t('review.noScheduleAdmin') : t('review.noSchedule')}
        </Alert>
      )}
      {o?.overdueMeetings.map((m) => (
        <Alert
          key={m.id}
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" component={RouterLink} to={meetingPath(m.id)}>
              {t('review.overview.showAgenda')}
            </Button>
          }
        >
          <AlertTitle>{formatLongDate(m.date)}</AlertTitle>
          {t('review.overview.overdue', { date: formatLongDate(m.date), count: m.itemCount })}
        </Alert>
      ))}
      {o && isCoordination && o.waitingCount > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('review.overview.waiting', { count: o.waitingCount })}
        </Alert>
      )}
      {highlighted ? (
        <NextMeetingCard meeting={highlighted} inProgress={highlighted.status === 'open'} />
      ) : (
        o?.scheduleConfigured && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('review.overview.noNext')}
          </Alert>
        )
      )}
      <Paper component="section" aria-labelledby="all-meetings-title">
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 2,
            flexWrap: 'wrap',
            px: 2,
            pt: 2,
          }}
        >
          <Typography id="all-meetings-title" variant="h2">
            {t('review.overview.gridLabel')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={scope}
            onChange={(_e, v: Scope | null) => v && setScope(v)}
            aria-label={t('review.overview.gridLabel')}
          >
            <ToggleButton value="upcoming">{t('review.overview.upcoming')}</ToggleButton>
            <ToggleButton value="past">{t('review.overview.past')}</ToggleButton>
            <ToggleButton value="all">{t('review.overview.all')}</ToggleButton>
          </ToggleButtonGroup>
        </Box>
        <DataTable
          label={t('review.overview.gridLabel')}
          rows={rows}
          columns={columns}
          state={grid}
          loading={meetings.isFetching && !meetings.data}
          disableColumnMenu
          onRowClick={(p) => void navigate(meetingPath(Number(p.id)))}
          surface={false}
          empty={t('review.overview.empty')}
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
    </>
  );
}
