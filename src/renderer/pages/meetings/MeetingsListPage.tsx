import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import AddOutlined from '@mui/icons-material/AddOutlined';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { MEETING_STATUS_LABELS, type MeetingRow } from '../../../shared/contract/meetings';
import { downloadFile, rpc } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../util/format';
import { MeetingDialog } from './MeetingDialog';
import { gridLocaleText } from '../participants/components';
import './i18n';

type Scope = 'upcoming' | 'past' | 'all';

export const STATUS_COLOR = { upcoming: 'primary', ongoing: 'warning', held: 'default', cancelled: 'error' } as const;

/** 'YYYY-MM-DDTHH:MM' pair → "2026-11-24 09:00–11:00". */
export const meetingTime = (m: { startsAt: string; endsAt: string }) => `${formatDateTime(m.startsAt)}–${m.endsAt.slice(11, 16)}`;

export function MeetingsListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [scope, setScope] = useState<Scope>('upcoming');
  const [includeCancelled, setIncludeCancelled] = useState(false);
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [creating, setCreating] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const list = useRpcQuery('meetings.list', { scope, includeCancelled, offset: page.page * page.pageSize, limit: page.pageSize }, { placeholderData: (p) => p });
  const deviations = useRpcQuery('deviations.list', { status: 'open', offset: 0, limit: 1 });

  const exportIcs = async () => {
    setExporting(true);
    setExportError(null);
    try {
      downloadFile(await rpc('meetings.exportIcs', { scope: 'upcoming' }));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const columns = useMemo<GridColDef<MeetingRow>[]>(
    () => [
      {
        field: 'startsAt',
        headerName: t('meetings.list.col.time'),
        width: 185,
        sortable: false,
        renderCell: (p) => (
          <Link component={RouterLink} to={`/informationsmoten/${p.row.id}`} sx={{ fontWeight: 600 }} onClick={(e) => e.stopPropagation()}>
            {meetingTime(p.row)}
          </Link>
        ),
      },
      { field: 'place', headerName: t('meetings.list.col.place'), flex: 1, minWidth: 200, sortable: false, renderCell: (p) => <span title={p.row.place}>{p.row.place}</span> },
      {
        field: 'booked',
        headerName: t('meetings.list.col.booked'),
        width: 140,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%' }}>
            {t('meetings.list.bookedOf', { booked: p.row.booked, capacity: p.row.capacity })}
            {p.row.free === 0 && p.row.status !== 'cancelled' && <Chip size="small" color="warning" variant="outlined" label={t('meetings.list.full')} />}
          </Box>
        ),
      },
      { field: 'interpreterLanguages', headerName: t('meetings.list.col.interpreter'), width: 150, sortable: false, valueFormatter: (v: string[]) => (v.length ? v.join(', ') : '–') },
      {
        field: 'status',
        headerName: t('meetings.list.col.status'),
        width: 115,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <Chip size="small" color={STATUS_COLOR[p.row.status]} variant={p.row.status === 'held' ? 'outlined' : 'filled'} label={MEETING_STATUS_LABELS[p.row.status]} />
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
            : [t('meetings.list.attendance', { attended: r.attended, noShows: r.noShows }), r.unrecorded ? t('meetings.list.unrecorded', { count: r.unrecorded }) : '']
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
            <Button component={RouterLink} to="/informationsmoten/avvikelser" startIcon={<ReportProblemOutlined />}>
              {openCount > 0 ? t('meetings.list.deviationsOpen', { count: openCount }) : t('meetings.list.deviations')}
            </Button>
            <Button variant="outlined" startIcon={<CalendarMonthOutlined />} onClick={() => void exportIcs()} disabled={exporting}>
              {t('meetings.list.exportIcs')}
            </Button>
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
              {t('meetings.list.create')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={exportError ?? list.error} />
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs
          value={scope}
          onChange={(_e, v: Scope) => {
            setScope(v);
            setPage((p) => ({ ...p, page: 0 }));
          }}
        >
          <Tab value="upcoming" label={t('meetings.list.upcoming')} />
          <Tab value="past" label={t('meetings.list.past')} />
          <Tab value="all" label={t('meetings.list.all')} />
        </Tabs>
        <FormControlLabel
          control={
            <Checkbox
              checked={includeCancelled}
              onChange={(e) => {
                setIncludeCancelled(e.target.checked);
                setPage((p) => ({ ...p, page: 0 }));
              }}
            />
          }
          label={t('meetings.list.includeCancelled')}
        />
      </Box>
      <Paper>
        <DataGrid
          aria-label={t('meetings.list.gridLabel')}
          rows={list.data?.rows ?? []}
          columns={columns}
          loading={list.isFetching}
          rowCount={list.data?.total ?? 0}
          paginationMode="server"
          paginationModel={page}
          onPaginationModelChange={setPage}
          pageSizeOptions={[25, 50, 100]}
          disableRowSelectionOnClick
          disableColumnFilter
          onRowClick={(p) => void navigate(`/informationsmoten/${p.id}`)}
          autoHeight
          localeText={gridLocaleText(t('meetings.list.empty'))}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      {creating && (
        <MeetingDialog
          meeting={null}
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/informationsmoten/${id}`);
          }}
        />
      )}
    </>
  );
}
