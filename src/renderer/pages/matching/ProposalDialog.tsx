import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { Proposal } from '../../../shared/domain/proposal';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatDate, formatDateTime } from '../../util/format';
import { ErrorAlert, FactList, ProposalStatusChip, useLabel } from '../../components';
import { ExplanationView } from './ExplanationView';
import { meetingText } from './parts';
import './i18n';

/** The proposal as it was created (score and explanation as shown then) and where it stands in the union review. */
export function ProposalDialog({
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
  const label = useLabel();
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
        <FactList
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
                      label('decision', r.effectiveDecision.kind),
                      r.effectiveDecision.reasonCategory
                        ? label('vetoReason', r.effectiveDecision.reasonCategory)
                        : null,
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
        {proposal.actions.withdraw.allowed && <Button onClick={onWithdraw}>{t('matching.proposals.withdraw')}</Button>}
        {proposal.actions.submit.allowed && (
          <Button variant="outlined" onClick={onSubmit}>
            {t('matching.proposals.submit')}
          </Button>
        )}
        {r?.placeable && (
          <Button variant="outlined" component={RouterLink} to={paths.newPlacement(proposal.id)}>
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
