import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
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
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { Proposal, ProposalStatus } from '../../../shared/domain/proposal';
import { rpc, type Out, type RpcClientError } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatLongDate } from '../../util/format';
import { ProposalStatusChip } from '../matching/parts';
import { ConfirmDialog } from '../positions/ConfirmDialog';
import { DecisionChip, gridLocale, IcsButton, meetingPath, REVIEW_INVALIDATES, ReviewTabs } from './parts';
import './i18n';

const FILTERS = {
  waiting: ['submitted', 'deferred'],
  draft: ['draft'],
  decided: ['approved', 'vetoed'],
  all: ['draft', 'submitted', 'deferred', 'approved', 'vetoed'],
  withdrawn: ['withdrawn'],
} satisfies Record<string, ProposalStatus[]>;
type Filter = keyof typeof FILTERS;

const WITHDRAWABLE: readonly ProposalStatus[] = ['draft', 'submitted', 'deferred', 'approved'];

/**
 * A proposal's review state (meeting, decisions, placeability). The key carries the row's status and update time, so
 * the cell refreshes when the list shows the proposal changed (e.g. decided at a meeting that just closed).
 */
function useProposalReview(proposal: Proposal) {
  return useQuery<Out<'review.forProposal'>, RpcClientError>({
    queryKey: ['review.forProposal', { proposalId: proposal.id }, proposal.status, proposal.updatedAt],
    queryFn: () => rpc('review.forProposal', { proposalId: proposal.id }),
    enabled: proposal.status !== 'draft',
  });
}

/** The meeting a proposal is on (or that decided it), from its review state. */
function MeetingCell({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const r = useProposalReview(proposal);
  if (proposal.status === 'draft') return <span>–</span>;
  if (!r.data) return <span>{r.error ? r.error.message : '…'}</span>;
  if (!r.data.unionReviewRequired) return <Typography variant="body2">{t('review.proposals.noReview')}</Typography>;
  if (!r.data.meeting) return <span>–</span>;
  return (
    <Link component={RouterLink} to={meetingPath(r.data.meeting.id)} variant="body2">
      {formatLongDate(r.data.meeting.date)}
    </Link>
  );
}

/** The decision in force on a proposal (or the draft of an open meeting), and whether it can become a placement. */
function DecisionCell({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const r = useProposalReview(proposal);
  if (proposal.status === 'draft' || !r.data) return <span>–</span>;
  const d = r.data.effectiveDecision ?? r.data.draftDecision;
  return (
    <Box sx={{ py: 1 }}>
      {d ? (
        <>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <DecisionChip kind={d.kind} draft={!d.final} />
            <Typography variant="body2" color="text.secondary">
              {formatDate(d.meetingDate)}
            </Typography>
          </Box>
          {d.reasonLabel && (
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {d.reasonLabel}
            </Typography>
          )}
          {(d.text ?? d.question) && (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {d.text ?? d.question}
            </Typography>
          )}
          {d.correctsDecisionId !== null && (
            <Typography variant="body2" color="text.secondary">
              {t('review.meeting.correctionOf', { id: d.correctsDecisionId })}
            </Typography>
          )}
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t('review.mode.noDecision')}
        </Typography>
      )}
      {proposal.status === 'approved' && (
        <Typography variant="body2" color={r.data.placeable ? 'success.main' : 'text.secondary'}>
          {r.data.placeable ? t('review.proposals.placeable') : t('review.proposals.notPlaceable', { reason: r.data.notPlaceableReason ?? '' })}
        </Typography>
      )}
    </Box>
  );
}

/**
 * '/provning/forslag' (coordinators): proposals with their status, the meeting they are on or were decided at, and
 * the decision. Drafts are submitted from here (the reply names the meeting); open ones can be withdrawn.
 */
export function ProposalsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('waiting');
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [submitting, setSubmitting] = useState<Proposal | null>(null);
  const [note, setNote] = useState('');
  const [withdrawing, setWithdrawing] = useState<Proposal | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const overview = useRpcQuery('review.overview', {});
  const list = useRpcQuery('proposals.list', { statuses: FILTERS[filter], offset: page.page * page.pageSize, limit: page.pageSize }, { placeholderData: (p) => p });
  const submit = useRpcMutation('proposals.submit', { invalidates: REVIEW_INVALIDATES });
  const withdraw = useRpcMutation('proposals.withdraw', { invalidates: REVIEW_INVALIDATES });
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
            <Link component={RouterLink} to={`/deltagare/${p.row.participantId}`}>
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
      { field: 'decision', headerName: t('review.proposals.col.decision'), flex: 1.4, minWidth: 220, sortable: false, renderCell: (p) => <DecisionCell proposal={p.row} /> },
      {
        field: 'actions',
        headerName: t('review.proposals.col.actions'),
        width: 190,
        sortable: false,
        renderCell: (p) => (
          <Stack spacing={0.5} sx={{ py: 1, alignItems: 'flex-start' }}>
            {p.row.status === 'draft' && (
              <Button size="small" variant="outlined" startIcon={<SendOutlined />} onClick={() => setSubmitting(p.row)} aria-label={t('review.proposals.submitLabel', { id: p.row.id })}>
                {t('review.proposals.submit')}
              </Button>
            )}
            {WITHDRAWABLE.includes(p.row.status) && (
              <Button size="small" startIcon={<UndoOutlined />} onClick={() => setWithdrawing(p.row)} aria-label={t('review.proposals.withdrawLabel', { id: p.row.id })}>
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
          {t('review.proposals.nextMeeting', { date: formatLongDate(next.date), cutoff: formatLongDate(next.cutoffDate) })}
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
          onChange={(e) => {
            setFilter(e.target.value as Filter);
            setPage((p) => ({ ...p, page: 0 }));
          }}
          sx={{ maxWidth: 320 }}
        >
          {(Object.keys(FILTERS) as Filter[]).map((k) => (
            <MenuItem key={k} value={k}>
              {t(`review.proposals.filters.${k}`)}
            </MenuItem>
          ))}
        </TextField>
      </Paper>
      <Paper>
        <DataGrid
          aria-label={t('review.proposals.gridLabel')}
          rows={list.data?.rows ?? []}
          columns={columns}
          loading={list.isFetching}
          rowCount={list.data?.total ?? 0}
          paginationMode="server"
          paginationModel={page}
          onPaginationModelChange={setPage}
          pageSizeOptions={[25, 50, 100]}
          autoHeight
          getRowHeight={() => 'auto'}
          disableRowSelectionOnClick
          disableColumnMenu
          localeText={gridLocale(t('review.proposals.empty'))}
          sx={{ border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
        />
      </Paper>
      {submitting && (
        <ConfirmDialog
          title={t('review.proposals.submitTitle', { id: submitting.id })}
          text={t('review.proposals.submitText', { who: submitting.participantName, where: `${submitting.positionTitle}, ${submitting.workplaceName}` })}
          confirmLabel={t('review.proposals.submit')}
          busy={submit.isPending}
          error={submit.error}
          onClose={() => {
            submit.reset();
            setSubmitting(null);
            setNote('');
          }}
          onConfirm={() =>
            submit.mutate(
              { id: submitting.id, note: note.trim() || null },
              {
                onSuccess: (r) => {
                  setNotice(`${submitting.participantName}: ${r.message}`);
                  setSubmitting(null);
                  setNote('');
                },
              },
            )
          }
        >
          <TextField sx={{ mt: 2 }} label={t('review.proposals.note')} multiline minRows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </ConfirmDialog>
      )}
      {withdrawing && (
        <ConfirmDialog
          title={t('review.proposals.withdrawTitle', { id: withdrawing.id })}
          text={t('review.proposals.withdrawText', { who: withdrawing.participantName, where: `${withdrawing.positionTitle}, ${withdrawing.workplaceName}` })}
          confirmLabel={t('review.proposals.withdraw')}
          busy={withdraw.isPending}
          error={withdraw.error}
          onClose={() => {
            withdraw.reset();
            setWithdrawing(null);
            setReason('');
            setReasonError(null);
          }}
          onConfirm={() => {
            if (!reason.trim()) {
              setReasonError(t('review.cancel.reasonRequired'));
              return;
            }
            withdraw.mutate(
              { id: withdrawing.id, reason: reason.trim() },
              {
                onSuccess: (r) => {
                  setNotice(
                    r.removedFromMeeting
                      ? t('review.proposals.withdrawnFromMeeting', { id: withdrawing.id, date: formatLongDate(r.removedFromMeeting.date) })
                      : t('review.proposals.withdrawn', { id: withdrawing.id }),
                  );
                  setWithdrawing(null);
                  setReason('');
                  setReasonError(null);
                },
              },
            );
          }}
        >
          <TextField
            sx={{ mt: 2 }}
            label={t('review.proposals.withdrawReason')}
            required
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={Boolean(reasonError)}
            helperText={reasonError ?? undefined}
            autoFocus
          />
        </ConfirmDialog>
      )}
    </>
  );
}
