import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import type { Proposal, ProposalStatus } from '../../../shared/domain/proposal';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatDate } from '../../util/format';
import { DataTable, ErrorAlert, ProposalStatusChip, useGridState } from '../../components';
import { ProposalDialog } from './ProposalDialog';
import { SubmitProposalDialog, WithdrawProposalDialog } from './ProposalActionDialogs';
import { useMeetingLabels } from './parts';
import './i18n';

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
  const grid = useGridState({ prefix: 'forslag', pageSizes: [10, 25, 50, 100], defaultPageSize: 25 });
  const [viewing, setViewing] = useState<Proposal | null>(null);
  const [submitting, setSubmitting] = useState<Proposal | null>(null);
  const [withdrawing, setWithdrawing] = useState<Proposal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const meetings = useMeetingLabels();
  const list = useRpcQuery(
    'proposals.list',
    {
      ...(positionId ? { positionId } : {}),
      ...(participantId ? { participantId } : {}),
      ...(statuses && statuses.length > 0 ? { statuses } : {}),
      offset: grid.offset,
      limit: grid.limit,
    },
    { placeholderData: (prev) => prev },
  );

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
                <Link component={RouterLink} to={paths.matchParticipant(p.row.participantId)}>
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
                  <Link component={RouterLink} to={paths.position(p.row.positionId)}>
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
          ...(p.row.actions.place.allowed
            ? [
                <GridActionsCellItem
                  key="place"
                  label={t('placements.toPlace.create')}
                  showInMenu
                  onClick={() => void navigate(paths.newPlacement(p.row.id))}
                />,
              ]
            : []),
          ...(p.row.actions.submit.allowed
            ? [
                <GridActionsCellItem
                  key="submit"
                  label={t('matching.proposals.submit')}
                  showInMenu
                  onClick={() => setSubmitting(p.row)}
                />,
              ]
            : []),
          ...(p.row.actions.withdraw.allowed
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
      <DataTable
        label={ariaLabel}
        rows={list.data?.rows}
        columns={columns}
        state={grid}
        server
        total={list.data?.total}
        loading={list.isFetching}
        disableColumnMenu
        surface={false}
        empty={emptyText ?? t('matching.proposals.empty')}
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
        <SubmitProposalDialog
          proposal={submitting}
          onClose={() => setSubmitting(null)}
          onDone={(message) => {
            setNotice(`${submitting.participantName}: ${message}`);
            setSubmitting(null);
          }}
        />
      )}
      {withdrawing && (
        <WithdrawProposalDialog
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
