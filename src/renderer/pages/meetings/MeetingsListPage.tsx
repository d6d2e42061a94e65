import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import AddOutlined from '@mui/icons-material/AddOutlined';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import type { GridColDef } from '@mui/x-data-grid';
import type { MeetingRow } from '../../../shared/contract/meetings';
import { rpc } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { DataTable, DownloadButton, ErrorAlert, PageHeader, StatusChip, useGridState } from '../../components';
import { MeetingDialog } from './MeetingDialog';
import { meetingTime } from './format';
import './i18n';

type Scope = 'upcoming' | 'past' | 'all';
/** The list's parts as the address names them (urval=tidigare). */
const SCOPES: Record<string, Scope> = { kommande: 'upcoming', tidigare: 'past', alla: 'all' };
const SCOPE_PARAM: Record<Scope, string> = { upcoming: 'kommande', past: 'tidigare', all: 'alla' };

export function MeetingsListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const grid = useGridState({ defaultPageSize: 25 });
  const scope: Scope = SCOPES[grid.filter('urval')] ?? 'upcoming';
  const includeCancelled = grid.filter('installda') === 'ja';
  const [creating, setCreating] = useState(false);
  const list = useRpcQuery(
    'meetings.list',
    { scope, includeCancelled, offset: grid.offset, limit: grid.limit },
    { placeholderData: (p) => p },
  );
  const deviations = useRpcQuery('deviations.list', { status: 'open', offset: 0, limit: 1 });

  const columns = useMemo<GridColDef<MeetingRow>[]>(
    () => [
      {
        field: 'startsAt',
        headerName: t('meetings.list.col.time'),
        width: 185,
        sortable: false,
        renderCell: (p) => (
          <Link
            component={RouterLink}
            to={paths.meeting(p.row.id)}
            sx={{ fontWeight: 600 }}
            onClick={(e) => e.stopPropagation()}
          >
            {meetingTime(p.row)}
          </Link>
        ),
      },
      {
        field: 'place',
        headerName: t('meetings.list.col.place'),
        flex: 1,
        minWidth: 200,
        sortable: false,
        renderCell: (p) => <span title={p.row.place}>{p.row.place}</span>,
      },
      {
        field: 'booked',
        headerName: t('meetings.list.col.booked'),
        width: 140,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%' }}>
            {t('meetings.list.bookedOf', { booked: p.row.booked, capacity: p.row.capacity })}
            {p.row.free === 0 && p.row.status !== 'cancelled' && (
              <Chip size="small" color="warning" variant="outlined" label={t('meetings.list.full')} />
            )}
          </Box>
        ),
      },
      {
        field: 'interpreterLanguages',
        headerName: t('meetings.list.col.interpreter'),
        width: 150,
        sortable: false,
        valueFormatter: (v: string[]) => (v.length ? v.join(', ') : '–'),
      },
      {
        field: 'status',
        headerName: t('meetings.list.col.status'),
        width: 115,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <StatusChip kind="infoMeetingStatus" value={p.row.status} />
          </Box>
        ),
      },
      {
        field: 'attendance',
        headerName: t('meetings.list.col.attendance'),
        width: 210,
        sortable: false,
        valueGetter: (_v, r) =>
          r.status === 'upcoming' || r.status === 'cancelled'
            ? '–'
            : [
                t('meetings.list.attendance', { attended: r.attended, noShows: r.noShows }),
                r.unrecorded ? t('meetings.list.unrecorded', { count: r.unrecorded }) : '',
              ]
                .filter(Boolean)
                .join(' · '),
      },
    ],
    [t],
  );

  const openCount = deviations.data?.counts.open ?? 0;
  return (
    <>
      <PageHeader
        title={t('meetings.list.title')}
        lead={t('meetings.list.lead')}
        actions={
          <>
            <Button component={RouterLink} to={paths.deviations} startIcon={<ReportProblemOutlined />}>
              {openCount > 0 ? t('meetings.list.deviationsOpen', { count: openCount }) : t('meetings.list.deviations')}
            </Button>
            <DownloadButton
              icon={<CalendarMonthOutlined />}
              fetchFile={() => rpc('meetings.exportIcs', { scope: 'upcoming' })}
            >
              {t('meetings.list.exportIcs')}
            </DownloadButton>
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
              {t('meetings.list.create')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={list.error} />
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          borderBottom: 1,
          borderColor: 'divider',
          mb: 2,
        }}
      >
        <Tabs
          value={scope}
          onChange={(_e, v: Scope) => grid.setFilter('urval', v === 'upcoming' ? null : SCOPE_PARAM[v])}
        >
          <Tab value="upcoming" label={t('meetings.list.upcoming')} />
          <Tab value="past" label={t('meetings.list.past')} />
          <Tab value="all" label={t('meetings.list.all')} />
        </Tabs>
        <FormControlLabel
          control={
            <Checkbox
              checked={includeCancelled}
              onChange={(e) => grid.setFilter('installda', e.target.checked ? 'ja' : null)}
            />
          }
          label={t('meetings.list.includeCancelled')}
        />
      </Box>
      <DataTable
        label={t('meetings.list.gridLabel')}
        rows={list.data?.rows}
        columns={columns}
        state={grid}
        server
        total={list.data?.total}
        loading={list.isFetching}
        autoRowHeight={false}
        onRowClick={(p) => void navigate(paths.meeting(Number(p.id)))}
        empty={t('meetings.list.empty')}
        sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
      {creating && (
        <MeetingDialog
          meeting={null}
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(paths.meeting(id));
          }}
        />
      )}
    </>
  );
}
