import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { FOLLOW_UP_EARLY_DAYS } from '../../../shared/domain/participant';
import type { FollowUpRow } from '../../../shared/contract/participants';
import { useRpcQuery } from '../../api/hooks';
import { formatDate } from '../../util/format';
import { DataTable, ErrorAlert, PageHeader, useGridState, useLabel } from '../../components';
import { FollowUpDialog, type FollowUpTarget } from './FollowUpDialog';
import { paths } from '../../app/paths';
import './i18n';

type Scope = 'due' | 'upcoming' | 'recorded' | 'all';
const SCOPES: readonly Scope[] = ['due', 'upcoming', 'recorded', 'all'];

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
  const label = useLabel();
  const grid = useGridState();
  const scopeParam = grid.filter('urval');
  const scope: Scope = SCOPES.includes(scopeParam as Scope) ? (scopeParam as Scope) : 'due';
  const [target, setTarget] = useState<FollowUpTarget | null>(null);
  const list = useRpcQuery(
    'participants.followUps',
    { status: scope, offset: grid.offset, limit: grid.limit },
    { placeholderData: (p) => p },
  );

  const columns = useMemo<GridColDef<FollowUpRow>[]>(
    () => [
      {
        field: 'name',
        headerName: t('participants.followUps.col.name'),
        flex: 1,
        minWidth: 200,
        sortable: false,
        renderCell: (p) => (
          <Link component={RouterLink} to={paths.participant(p.row.participantId)}>
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
                {label('exitOutcome', p.row.exitOutcome)}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'months',
        headerName: t('participants.followUps.col.months'),
        width: 110,
        sortable: false,
        valueFormatter: (v: number) => t('participants.followUps.monthsValue', { count: v }),
      },
      {
        field: 'dueDate',
        headerName: t('participants.followUps.col.due'),
        width: 110,
        sortable: false,
        valueFormatter: (v: string) => formatDate(v),
      },
      {
        field: 'daysOverdue',
        headerName: t('participants.followUps.col.overdue'),
        width: 100,
        sortable: false,
        valueFormatter: (v: number, r) =>
          r.selfSupporting === null && v > 0 ? t('participants.followUps.overdueDays', { count: v }) : '–',
      },
      {
        field: 'selfSupporting',
        headerName: t('participants.followUps.col.result'),
        width: 190,
        sortable: false,
        renderCell: (p) =>
          p.row.selfSupporting ? (
            <Chip
              size="small"
              variant="outlined"
              color={p.row.selfSupporting === 'yes' ? 'success' : p.row.selfSupporting === 'no' ? 'error' : 'default'}
              label={label('selfSupporting', p.row.selfSupporting)}
            />
          ) : (
            '–'
          ),
      },
      {
        field: 'coordinator',
        headerName: t('participants.followUps.col.coordinator'),
        width: 150,
        sortable: false,
        valueGetter: (_v, r) => r.coordinator?.name ?? '–',
      },
      {
        field: 'actions',
        headerName: t('common.actions'),
        width: 130,
        sortable: false,
        renderCell: (p) =>
          p.row.daysOverdue >= -FOLLOW_UP_EARLY_DAYS ? (
            <Button
              size="small"
              variant={p.row.selfSupporting ? 'text' : 'outlined'}
              onClick={() => setTarget(followUpTarget(p.row))}
              aria-label={`${t('participants.followUps.record')}: ${p.row.name}, ${p.row.months} mån`}
            >
              {p.row.selfSupporting ? t('common.edit') : t('participants.followUps.record')}
            </Button>
          ) : null,
      },
    ],
    [t, label],
  );

  return (
    <>
      <PageHeader title={t('participants.followUps.title')} lead={t('participants.followUps.lead')} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={scope} onChange={(_e, v: Scope) => grid.setFilter('urval', v === 'due' ? null : v)}>
          {SCOPES.map((s) => (
            <Tab key={s} value={s} label={t(`participants.followUps.${s}`)} />
          ))}
        </Tabs>
      </Box>
      <ErrorAlert error={list.error} />
      <DataTable
        label={t('participants.followUps.gridLabel')}
        rows={list.data?.rows}
        columns={columns}
        state={grid}
        server
        total={list.data?.total}
        loading={list.isFetching}
        initialState={{ columns: { columnVisibilityModel: { coordinator: false } } }}
        empty={t('participants.followUps.empty')}
      />
      {target && <FollowUpDialog target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
