import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { EXIT_OUTCOME_LABELS, FOLLOW_UP_EARLY_DAYS, SELF_SUPPORTING_LABELS } from '../../../shared/domain/participant';
import type { FollowUpRow } from '../../../shared/contract/participants';
import { useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../util/format';
import { FollowUpDialog, type FollowUpTarget } from './FollowUpDialog';
import { gridLocaleText } from './components';
import './i18n';

type Scope = 'due' | 'upcoming' | 'recorded' | 'all';

export const followUpTarget = (r: FollowUpRow): FollowUpTarget => ({
  id: r.id,
  name: r.name,
  months: r.months,
  exitDate: r.exitDate,
  exitOutcome: r.exitOutcome,
  selfSupporting: r.selfSupporting,
  note: r.note,
});

/** Follow-ups 6 and 12 months after exit: still self-supporting? */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('due');
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [target, setTarget] = useState<FollowUpTarget | null>(null);
  const list = useRpcQuery('participants.followUps', { status: scope, offset: page.page * page.pageSize, limit: page.pageSize }, { placeholderData: (p) => p });

  const columns = useMemo<GridColDef<FollowUpRow>[]>(
    () => [
      {
        field: 'name',
        headerName: t('participants.followUps.col.name'),
        flex: 1,
        minWidth: 200,
        sortable: false,
        renderCell: (p) => (
          <Link component={RouterLink} to={`/deltagare/${p.row.participantId}`}>
            {p.row.name} ({p.row.ref})
          </Link>
        ),
      },
      {
        field: 'exitDate',
        headerName: t('participants.followUps.col.exit'),
        width: 210,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 0.75, lineHeight: 1.3 }}>
            {formatDate(p.row.exitDate)}
            {p.row.exitOutcome && (
              <Typography variant="body2" color="text.secondary" component="div">
                {EXIT_OUTCOME_LABELS[p.row.exitOutcome]}
              </Typography>
            )}
          </Box>
        ),
      },
      { field: 'months', headerName: t('participants.followUps.col.months'), width: 110, sortable: false, valueFormatter: (v: number) => t('participants.followUps.monthsValue', { count: v }) },
      { field: 'dueDate', headerName: t('participants.followUps.col.due'), width: 110, sortable: false, valueFormatter: (v: string) => formatDate(v) },
      {
        field: 'daysOverdue',
        headerName: t('participants.followUps.col.overdue'),
        width: 100,
        sortable: false,
        valueFormatter: (v: number, r) => (r.selfSupporting === null && v > 0 ? t('participants.followUps.overdueDays', { count: v }) : '–'),
      },
      {
        field: 'selfSupporting',
        headerName: t('participants.followUps.col.result'),
        width: 190,
        sortable: false,
        renderCell: (p) =>
          p.row.selfSupporting ? (
            <Chip size="small" variant="outlined" color={p.row.selfSupporting === 'yes' ? 'success' : p.row.selfSupporting === 'no' ? 'error' : 'default'} label={SELF_SUPPORTING_LABELS[p.row.selfSupporting]} />
          ) : (
            '–'
          ),
      },
      { field: 'coordinator', headerName: t('participants.followUps.col.coordinator'), width: 150, sortable: false, valueGetter: (_v, r) => r.coordinator?.name ?? '–' },
      {
        field: 'actions',
        headerName: t('common.actions'),
        width: 130,
        sortable: false,
        renderCell: (p) =>
          p.row.daysOverdue >= -FOLLOW_UP_EARLY_DAYS ? (
            <Button size="small" variant={p.row.selfSupporting ? 'text' : 'outlined'} onClick={() => setTarget(followUpTarget(p.row))} aria-label={`${t('participants.followUps.record')}: ${p.row.name}, ${p.row.months} mån`}>
              {p.row.selfSupporting ? t('common.edit') : t('participants.followUps.record')}
            </Button>
          ) : null,
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('participants.followUps.title')} lead={t('participants.followUps.lead')} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs
          value={scope}
          onChange={(_e, v: Scope) => {
            setScope(v);
            setPage((p) => ({ ...p, page: 0 }));
          }}
        >
          {(['due', 'upcoming', 'recorded', 'all'] as const).map((s) => (
            <Tab key={s} value={s} label={t(`participants.followUps.${s}`)} />
          ))}
        </Tabs>
      </Box>
      <ErrorAlert error={list.error} />
      <Paper>
        <DataGrid
          aria-label={t('participants.followUps.gridLabel')}
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
          autoHeight
          getRowHeight={() => 'auto'}
          initialState={{ columns: { columnVisibilityModel: { coordinator: false } } }}
          localeText={gridLocaleText(t('participants.followUps.empty'))}
          sx={{ border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center', minHeight: 52 } }}
        />
      </Paper>
      {target && <FollowUpDialog target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
