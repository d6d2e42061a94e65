import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Proposal } from '../../../shared/domain/proposal';
import { useRpcMutation } from '../../api/hooks';
import { formatDate } from '../../util/format';
import { ConfirmDialog } from '../../components';
import { PROPOSAL_INVALIDATES } from './parts';
import './i18n';

/** Sends a draft to union review; says which meeting it is on. */
export function SubmitProposalDialog({
  proposal,
  onClose,
  onDone,
}: {
  proposal: Proposal;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const submit = useRpcMutation('proposals.submit', { invalidates: PROPOSAL_INVALIDATES });
  return (
    <ConfirmDialog
      title={t('matching.proposals.submitTitle', { who: proposal.participantName })}
      text={t('matching.proposals.submitText', { where: `${proposal.positionTitle}, ${proposal.workplaceName}` })}
      confirmLabel={t('matching.proposals.submit')}
      busy={submit.isPending}
      error={submit.error}
      onClose={onClose}
      onConfirm={() => submit.mutate({ id: proposal.id }, { onSuccess: (res) => onDone(res.message) })}
    />
  );
}

/** Withdraws a proposal with a reason (it leaves the agenda of its review meeting). */
export function WithdrawProposalDialog({
  proposal,
  onClose,
  onDone,
}: {
  proposal: Proposal;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const withdraw = useRpcMutation('proposals.withdraw', { invalidates: PROPOSAL_INVALIDATES });
  return (
    <ConfirmDialog
      title={t('matching.proposals.withdrawTitle', { id: proposal.id })}
      text={t('matching.proposals.withdrawText', { who: proposal.participantName, where: proposal.positionTitle })}
      confirmLabel={t('matching.proposals.withdraw')}
      busy={withdraw.isPending}
      error={withdraw.error}
      onClose={onClose}
      onConfirm={() =>
        withdraw.mutate(
          { id: proposal.id, reason },
          {
            onSuccess: (res) =>
              onDone(
                res.removedFromMeeting
                  ? t('matching.proposals.withdrawnFromMeeting', {
                      id: proposal.id,
                      date: formatDate(res.removedFromMeeting.date),
                    })
                  : t('matching.proposals.withdrawn', { id: proposal.id }),
              ),
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
  );
}
