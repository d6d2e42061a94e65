import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, GridActionsCellItem, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { Proposal, ProposalStatus } from '../../../shared/domain/proposal';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../util/format';
import { Facts, gridLocale } from '../positions/parts';
import { ConfirmDialog } from '../positions/ConfirmDialog';
import { newPlacementPath } from '../placements/parts';
import { ExplanationView } from './ExplanationView';
import { meetingText, ProposalStatusChip, PROPOSAL_INVALIDATES, useMeetingLabels } from './parts';
import './i18n';

const WITHDRAWABLE: readonly ProposalStatus[] = ['draft', 'submitted', 'deferred', 'approved'];

/** The proposal as it was created (score and explanation as shown then) and where it stands in the union review. */
function ProposalDialog({
  proposal,
  onClose,
  onSubmit,
  onWithdraw,
}: {
  proposal: Proposal;
  onClose: () => void;
  onSubmit: () => void;
  onWithdraw: () => void;
}) {
  const { t, i18n } = useTranslation();
  const review = useRpcQuery('review.forProposal', { proposalId: proposal.id });
  const r = review.data;
  const status = r?.status ?? proposal.status;
  const where = `${proposal.positionTitle}${proposal.periodName ? ` (${proposal.periodName})` : ''}`;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="proposal-title" scroll="paper">
      <DialogTitle id="proposal-title">
        {t('matching.proposals.dialogTitle', { id: proposal.id, who: proposal.participantName, where })}
      </DialogTitle>
      <DialogContent dividers>
        <ErrorAlert error={review.error} />
        <Facts
          items={[
            { label: t('matching.proposals.status'), value: <ProposalStatusChip status={status} /> },
            { label: t('matching.col.participant'), value: `${proposal.participantName} (${proposal.participantRef})` },
            { label: t('matching.col.position'), value: `${where}, ${proposal.workplaceName}` },
            {
              label: t('matching.proposals.createdBy'),
              value: `${proposal.createdByName ?? '–'}, ${formatDateTime(proposal.createdAt)}`,
            },
            { label: t('matching.proposals.submittedAt'), value: formatDateTime(proposal.submittedAt) },
            {
              label: t('matching.proposals.meeting'),
              value: r?.meeting
                ? `${meetingText(r.meeting, i18n.language)} (${r.meeting.place})`
                : r && !r.unionReviewRequired
                  ? t('matching.proposals.noReviewNeeded')
                  : '–',
            },
            ...(r?.effectiveDecision
              ? [
                  {
                    label: t('matching.proposals.decision'),
                    value: [
                      r.effectiveDecision.label,
                      r.effectiveDecision.reasonLabel,
                      r.effectiveDecision.text,
                      r.effectiveDecision.question,
                    ]
                      .filter(Boolean)
                      .join(' – '),
                  },
                ]
              : []),
            ...(proposal.note ? [{ label: t('matching.proposals.note'), value: proposal.note }] : []),
          ]}
        />
        {r?.notPlaceableReason && status === 'approved' && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {r.notPlaceableReason}
          </Alert>
        )}
        <Typography component="h3" variant="h4" sx={{ mt: 3, mb: 1 }}>
          {t('matching.proposals.snapshotTitle', { date: formatDate(proposal.explanation.computedOn) })}
        </Typography>
        <ExplanationView
          explanation={proposal.explanation}
          caption={t('matching.proposals.snapshotTitle', { date: formatDate(proposal.explanation.computedOn) })}
        />
      </DialogContent>
      <DialogActions>
        {WITHDRAWABLE.includes(status) && <Button onClick={onWithdraw}>{t('matching.proposals.withdraw')}</Button>}
        {status === 'draft' && (
          <Button variant="outlined" onClick={onSubmit}>
            {t('matching.proposals.submit')}
          </Button>
        )}
        {r?.placeable && (
          <Button variant="outlined" component={RouterLink} to={newPlacementPath(proposal.id)}>
            {t('placements.toPlace.create')}
          </Button>
        )}
        <Button variant="contained" onClick={onClose}>
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Proposals (for a position, a participant, or all) with their status and the review meeting they are on; drafts can
 * be submitted for union review, open ones withdrawn.
 */
export function ProposalsTable({
  positionId,
  participantId,
  statuses,
  ariaLabel,
  emptyText,
  showPeriod = false,
}: {
  positionId?: number;
  participantId?: number;
  statuses?: ProposalStatus[];
  ariaLabel: string;
  emptyText?: string;
  /** Show a period column (positions with summer-job periods). */
  showPeriod?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [viewing, setViewing] = useState<Proposal | null>(null);
  const [submitting, setSubmitting] = useState<Proposal | null>(null);
  const [withdrawing, setWithdrawing] = useState<Proposal | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const meetings = useMeetingLabels();
  const list = useRpcQuery(
    'proposals.list',
    {
      ...(positionId ? { positionId } : {}),
      ...(participantId ? { participantId } : {}),
      ...(statuses && statuses.length > 0 ? { statuses } : {}),
      offset: page.page * page.pageSize,
      limit: page.pageSize,
    },
    { placeholderData: (prev) => prev },
  );
  const submit = useRpcMutation('proposals.submit', { invalidates: PROPOSAL_INVALIDATES });
  const withdraw = useRpcMutation('proposals.withdraw', { invalidates: PROPOSAL_INVALIDATES });

  const columns = useMemo<GridColDef<Proposal>[]>(
    () => [
      { field: 'id', headerName: t('matching.col.number'), width: 60, type: 'number', sortable: false },
      ...(participantId
        ? []
        : [
            {
              field: 'participantName',
              headerName: t('matching.col.participant'),
              flex: 1,
              minWidth: 160,
              sortable: false,
              renderCell: (p) => (
                <Link component={RouterLink} to={`/matchning/deltagare/${p.row.participantId}`}>
                  {p.row.participantName}
                </Link>
              ),
            } as GridColDef<Proposal>,
          ]),
      ...(positionId
        ? []
        : [
            {
              field: 'positionTitle',
              headerName: t('matching.col.position'),
              flex: 1.2,
              minWidth: 200,
              sortable: false,
              renderCell: (p) => (
                <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
                  <Link component={RouterLink} to={`/platser/${p.row.positionId}`}>
                    {p.row.positionTitle}
                    {p.row.periodName ? ` (${p.row.periodName})` : ''}
                  </Link>
                  <Typography variant="body2" color="text.secondary" component="div">
                    {p.row.workplaceName}
                  </Typography>
                </Box>
              ),
            } as GridColDef<Proposal>,
          ]),
      ...(showPeriod
        ? [
            {
              field: 'periodName',
              headerName: t('matching.col.period'),
              width: 110,
              sortable: false,
              valueFormatter: (v: string | null) => v ?? '–',
            } as GridColDef<Proposal>,
          ]
        : []),
      {
        field: 'score',
        headerName: t('matching.col.score'),
        width: 105,
        sortable: false,
        valueGetter: (_v, r) => t('matching.score.of', { score: r.score, max: r.maxScore }),
      },
      {
        field: 'status',
        headerName: t('matching.col.status'),
        width: 205,
        sortable: false,
        renderCell: (p) => <ProposalStatusChip status={p.row.status} />,
      },
      {
        field: 'reviewMeetingId',
        headerName: t('matching.col.meeting'),
        width: 165,
        sortable: false,
        valueGetter: (_v, r) =>
          r.reviewMeetingId ? (meetings.get(r.reviewMeetingId)?.short ?? `#${r.reviewMeetingId}`) : '–',
      },
      {
        field: 'createdAt',
        headerName: t('matching.col.created'),
        width: 125,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            {formatDate(p.row.createdAt)}
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.createdByName ?? ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('matching.col.actions'),
        width: 90,
        getActions: (p) => [
          <GridActionsCellItem
            key="show"
            label={t('matching.proposals.show')}
            showInMenu
            onClick={() => setViewing(p.row)}
          />,
          ...(p.row.status === 'approved'
            ? [
                <GridActionsCellItem
                  key="place"
                  label={t('placements.toPlace.create')}
                  showInMenu
                  onClick={() => void navigate(newPlacementPath(p.row.id))}
                />,
              ]
            : []),
          ...(p.row.status === 'draft'
            ? [
                <GridActionsCellItem
                  key="submit"
                  label={t('matching.proposals.submit')}
                  showInMenu
                  onClick={() => setSubmitting(p.row)}
                />,
              ]
            : []),
          ...(WITHDRAWABLE.includes(p.row.status)
            ? [
                <GridActionsCellItem
                  key="withdraw"
                  label={t('matching.proposals.withdraw')}
                  showInMenu
                  onClick={() => setWithdrawing(p.row)}
                />,
              ]
            : []),
        ],
      },
    ],
    [t, participantId, positionId, meetings, showPeriod, navigate],
  );

  return (
    <>
      <ErrorAlert error={list.error} />
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <DataGrid
        aria-label={ariaLabel}
        rows={list.data?.rows ?? []}
        columns={columns}
        loading={list.isFetching}
        autoHeight
        getRowHeight={() => 'auto'}
        disableRowSelectionOnClick
        disableColumnMenu
        paginationMode="server"
        rowCount={list.data?.total ?? 0}
        paginationModel={page}
        onPaginationModelChange={setPage}
        pageSizeOptions={[10, 25, 50, 100]}
        localeText={gridLocale(emptyText ?? t('matching.proposals.empty'))}
        sx={{ border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
      />
      {viewing && (
        <ProposalDialog
          proposal={viewing}
          onClose={() => setViewing(null)}
          onSubmit={() => {
            setSubmitting(viewing);
            setViewing(null);
          }}
          onWithdraw={() => {
            setWithdrawing(viewing);
            setViewing(null);
          }}
        />
      )}
      {submitting && (
        <ConfirmDialog
          title={t('matching.proposals.submitTitle', { who: submitting.participantName })}
          text={t('matching.proposals.submitText', {
            where: `${submitting.positionTitle}, ${submitting.workplaceName}`,
          })}
          confirmLabel={t('matching.proposals.submit')}
          busy={submit.isPending}
          error={submit.error}
          onClose={() => {
            submit.reset();
            setSubmitting(null);
          }}
          onConfirm={() =>
            submit.mutate(
              { id: submitting.id },
              {
                onSuccess: (res) => {
                  setNotice(`${submitting.participantName}: ${res.message}`);
                  setSubmitting(null);
                },
              },
            )
          }
        />
      )}
      {withdrawing && (
        <ConfirmDialog
          title={t('matching.proposals.withdrawTitle', { id: withdrawing.id })}
          text={t('matching.proposals.withdrawText', {
            who: withdrawing.participantName,
            where: withdrawing.positionTitle,
          })}
          confirmLabel={t('matching.proposals.withdraw')}
          busy={withdraw.isPending}
          error={withdraw.error}
          onClose={() => {
            withdraw.reset();
            setWithdrawing(null);
            setReason('');
          }}
          onConfirm={() =>
            withdraw.mutate(
              { id: withdrawing.id, reason },
              {
                onSuccess: (res) => {
                  setNotice(
                    res.removedFromMeeting
                      ? t('matching.proposals.withdrawnFromMeeting', {
                          id: withdrawing.id,
                          date: formatDate(res.removedFromMeeting.date),
                        })
                      : t('matching.proposals.withdrawn', { id: withdrawing.id }),
                  );
                  setWithdrawing(null);
                  setReason('');
                },
              },
            )
          }
        >
          <Stack sx={{ mt: 2 }}>
            <TextField
              label={t('matching.proposals.reason')}
              required
              multiline
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          </Stack>
        </ConfirmDialog>
      )}
    </>
  );
}
