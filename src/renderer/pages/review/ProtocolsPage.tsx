import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import type { GridColDef } from '@mui/x-data-grid';
import type { MeetingSummary } from '../../../shared/contract/review';
import { useRpcQuery } from '../../api/hooks';
import { formatDateTime, formatLongDate } from '../../util/format';
import { DataTable, ErrorAlert, PageHeader, useGridState } from '../../components';
import { ProtocolDownloadButton } from './protocolParts';
import { IcsButton, meetingPath, ReviewTabs } from './parts';
import './i18n';

/** '/provning/protokoll': the locked protocols of closed meetings, newest first, each downloadable as PDF. */
export function ProtocolsPage() {
  const { t } = useTranslation();
  const list = useRpcQuery('review.listMeetings', { statuses: ['closed'] });
  const grid = useGridState({ defaultPageSize: 25 });
  const rows = useMemo(() => [...(list.data ?? [])].reverse(), [list.data]);
  const columns = useMemo<GridColDef<MeetingSummary>[]>(
    () => [
      {
        field: 'date',
        headerName: t('review.protocols.col.date'),
        flex: 1,
        minWidth: 240,
        sortable: false,
        renderCell: (p) => (
          <Link component={RouterLink} to={meetingPath(p.row.id)} sx={{ fontWeight: 600 }}>
            {formatLongDate(p.row.date)}
          </Link>
        ),
      },
      { field: 'place', headerName: t('review.overview.col.place'), flex: 1, minWidth: 200, sortable: false },
      {
        field: 'itemCount',
        headerName: t('review.protocols.col.items'),
        width: 110,
        sortable: false,
        valueGetter: (_v, r) => t('review.items', { count: r.itemCount }),
      },
      {
        field: 'closedAt',
        headerName: t('review.protocols.col.closed'),
        width: 160,
        sortable: false,
        valueFormatter: (v: string | null) => formatDateTime(v),
      },
      {
        field: 'closedByName',
        headerName: t('review.protocols.col.closedBy'),
        width: 180,
        sortable: false,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'download',
        headerName: t('review.protocols.col.download'),
        width: 150,
        sortable: false,
        renderCell: (p) => (
          <Box>
            <ProtocolDownloadButton
              meetingId={p.row.id}
              variant="text"
              label={t('review.protocols.downloadLabel', { date: formatLongDate(p.row.date) })}
            />
          </Box>
        ),
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('review.title')} lead={t('review.protocols.lead')} actions={<IcsButton />} />
      <ReviewTabs value="protocols" />
      <ErrorAlert error={list.error} />
      <DataTable
        label={t('review.protocols.gridLabel')}
        rows={rows}
        columns={columns}
        state={grid}
        loading={list.isLoading}
        autoRowHeight={false}
        disableColumnMenu
        empty={t('review.protocols.empty')}
      />
    </>
  );
}
