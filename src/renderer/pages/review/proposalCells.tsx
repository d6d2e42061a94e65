import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { Proposal } from '../../../shared/domain/proposal';
import { rpc, type Out, type RpcClientError } from '../../api/client';
import { paths } from '../../app/paths';
import { formatDate, formatLongDate } from '../../util/format';
import { DecisionChip, useErrorText, useRelabel } from '../../components';
import './i18n';

/**
 * A proposal's review state (meeting, decisions, placeability). The key carries the row's status and update time, so
 * the cell refreshes when the list shows the proposal changed (e.g. decided at a meeting that just closed).
 */
export function useProposalReview(proposal: Proposal) {
  return useQuery<Out<'review.forProposal'>, RpcClientError>({
    queryKey: ['review.forProposal', { proposalId: proposal.id }, proposal.status, proposal.updatedAt],
    queryFn: () => rpc('review.forProposal', { proposalId: proposal.id }),
    enabled: proposal.status !== 'draft',
  });
}

/** The meeting a proposal is on (or that decided it), from its review state. */
export function MeetingCell({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const r = useProposalReview(proposal);
  if (proposal.status === 'draft') return <span>–</span>;
  if (!r.data) return <span>{r.error ? errorText(r.error) : '…'}</span>;
  if (!r.data.unionReviewRequired) return <Typography variant="body2">{t('review.proposals.noReview')}</Typography>;
  if (!r.data.meeting) return <span>–</span>;
  return (
    <Link component={RouterLink} to={paths.reviewMeeting(r.data.meeting.id)} variant="body2">
      {formatLongDate(r.data.meeting.date)}
    </Link>
  );
}

/** The decision in force on a proposal (or the draft of an open meeting), and whether it can become a placement. */
export function DecisionCell({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const relabel = useRelabel();
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
              {relabel('vetoReason', d.reasonLabel)}
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
          {r.data.placeable
            ? t('review.proposals.placeable')
            : t('review.proposals.notPlaceable', { reason: r.data.notPlaceableReason ?? '' })}
        </Typography>
      )}
    </Box>
  );
}
