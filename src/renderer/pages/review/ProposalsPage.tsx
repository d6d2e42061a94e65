import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SendOutlined from '@mui/icons-material/SendOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import type { GridColDef } from '@mui/x-data-grid';
import type { Proposal, ProposalStatus } from '../../../shared/domain/proposal';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatLongDate } from '../../util/format';
import { DataTable, ErrorAlert, PageHeader, ProposalStatusChip, useGridState } from '../../components';
import { IcsButton, ReviewTabs } from './parts';
import { SubmitDialog, WithdrawDialog } from './ProposalDialogs';
import { DecisionCell, MeetingCell } from './proposalCells';
import './i18n';

const FILTERS = {
  waiting: ['submitted', 'deferred'],
  draft: ['draft'],
  decided: ['approved', 'vetoed'],
  all: ['draft', 'submitted', 'deferred', 'approved', 'vetoed'],
  withdrawn: ['withdrawn'],
} satisfies Record<string, ProposalStatus[]>;
type Filter = keyof typeof FILTERS;

/**
 * '/provning/forslag' (coordinators): proposals with their status, the meeting they are on or were decided at, and
 * the decision. Drafts are submitted from here (the reply names the meeting); open ones can be withdrawn.
 */
export function ProposalsPage() {
  const { t } = useTranslation();
  const grid = useGridState({ defaultPageSize: 25 });
  const filterParam = grid.filter('urval');
  const filter: Filter = Object.hasOwn(FILTERS, filterParam) ? (filterParam as Filter) : 'waiting';
  const [submitting, setSubmitting] = useState<Proposal | null>(null);
  const [withdrawing, setWithdrawing] = useState<Proposal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const overview = useRpcQuery('review.overview', {});
  const list = useRpcQuery(
    'proposals.list',
    { statuses: FILTERS[filter], offset: grid.offset, limit: grid.limit },
    { placeholderData: (p) => p },
  );
  const next = overview.data?.nextMeeting ?? null;

  const columns = useMemo<GridColDef<Proposal>[]>(
    () => [
      { field: 'id', headerName: t('review.proposals.col.number'), width: 56, sortable: false },
      {
        field: 'participantName',
        headerName: t('review.proposals.col.participant'),
        flex: 1,
        minWidth: 150,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Link component={RouterLink} to={paths.participant(p.row.participantId)}>
              {p.row.participantName}
            </Link>
            <Typography variant="body2" color="text.secondary">
              {p.row.participantRef}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'positionTitle',
        headerName: t('review.proposals.col.position'),
        flex: 1.2,
        minWidth: 180,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {p.row.positionTitle}
              {p.row.periodName ? ` (${p.row.periodName})` : ''}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {p.row.workplaceName}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'status',
        headerName: t('review.proposals.col.status'),
        width: 235,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
            <ProposalStatusChip status={p.row.status} />
            <MeetingCell proposal={p.row} />
          </Box>
        ),
      },
      {
        field: 'decision',
        headerName: t('review.proposals.col.decision'),
        flex: 1.4,
        minWidth: 220,
        sortable: false,
        renderCell: (p) => <DecisionCell proposal={p.row} />,
      },
      {
        field: 'actions',
        headerName: t('review.proposals.col.actions'),
        width: 190,
        sortable: false,
        renderCell: (p) => (
          <Stack spacing={0.5} sx={{ py: 1, alignItems: 'flex-start' }}>
            {p.row.actions.submit.allowed && (
              <Button
                size="small"
                variant="outlined"
                startIcon={<SendOutlined />}
                onClick={() => setSubmitting(p.row)}
                aria-label={t('review.proposals.submitLabel', { id: p.row.id })}
              >
                {t('review.proposals.submit')}
              </Button>
            )}
            {p.row.actions.withdraw.allowed && (
              <Button
                size="small"
                startIcon={<UndoOutlined />}
                onClick={() => setWithdrawing(p.row)}
                aria-label={t('review.proposals.withdrawLabel', { id: p.row.id })}
              >
                {t('review.proposals.withdraw')}
              </Button>
            )}
          </Stack>
        ),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('review.title')} lead={t('review.proposals.lead')} actions={<IcsButton />} />
      <ReviewTabs value="proposals" />
      {next && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('review.proposals.nextMeeting', {
            date: formatLongDate(next.date),
            cutoff: formatLongDate(next.cutoffDate),
          })}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <ErrorAlert error={list.error} />
      <Paper sx={{ p: 2, mb: 2 }}>
        <TextField
          select
          label={t('review.proposals.filter')}
          value={filter}
          onChange={(e) => grid.setFilter('urval', e.target.value === 'waiting' ? null : e.target.value)}
          sx={{ maxWidth: 320 }}
        >
          {(Object.keys(FILTERS) as Filter[]).map((k) => (
            <MenuItem key={k} value={k}>
              {t(`review.proposals.filters.${k}`)}
            </MenuItem>
          ))}
        </TextField>
      </Paper>
      <DataTable
        label={t('review.proposals.gridLabel')}
        rows={list.data?.rows}
        columns={columns}
        state={grid}
        server
        total={list.data?.total}
        loading={list.isFetching}
        disableColumnMenu
        empty={t('review.proposals.empty')}
      />
      {submitting && (
        <SubmitDialog
          proposal={submitting}
          onClose={() => setSubmitting(null)}
          onDone={(message) => {
            setNotice(message);
            setSubmitting(null);
          }}
        />
      )}
      {withdrawing && (
        <WithdrawDialog
          proposal={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(message) => {
            setNotice(message);
            setWithdrawing(null);
          }}
        />
      )}
    </>
  );
}
