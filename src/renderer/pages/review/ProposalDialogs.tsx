import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import TextField from '@mui/material/TextField';
import type { Proposal } from '../../../shared/domain/proposal';
import { useRpcMutation } from '../../api/hooks';
import { formatLongDate } from '../../util/format';
import { ConfirmDialog } from '../../components';
import { REVIEW_INVALIDATES } from './parts';
import './i18n';

interface Props {
  proposal: Proposal;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Sends a draft to the union review with an optional note; the reply names the meeting it is on. */
export function SubmitDialog({ proposal, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const submit = useRpcMutation('proposals.submit', { invalidates: REVIEW_INVALIDATES });
  return (
    <ConfirmDialog
      title={t('review.proposals.submitTitle', { id: proposal.id })}
      text={t('review.proposals.submitText', {
        who: proposal.participantName,
        where: `${proposal.positionTitle}, ${proposal.workplaceName}`,
      })}
      confirmLabel={t('review.proposals.submit')}
      busy={submit.isPending}
      error={submit.error}
      onClose={onClose}
      onConfirm={() =>
        submit.mutate(
          { id: proposal.id, note: note.trim() || null },
          {
            onSuccess: (r) => onDone(`${proposal.participantName}: ${r.message}`),
          },
        )
      }
    >
      <TextField
        sx={{ mt: 2 }}
        label={t('review.proposals.note')}
        multiline
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </ConfirmDialog>
  );
}

/** Withdraws a proposal; a reason is required (it goes on the timeline and in the agenda's history). */
export function WithdrawDialog({ proposal, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const withdraw = useRpcMutation('proposals.withdraw', { invalidates: REVIEW_INVALIDATES });
  return (
    <ConfirmDialog
      title={t('review.proposals.withdrawTitle', { id: proposal.id })}
      text={t('review.proposals.withdrawText', {
        who: proposal.participantName,
        where: `${proposal.positionTitle}, ${proposal.workplaceName}`,
      })}
      confirmLabel={t('review.proposals.withdraw')}
      busy={withdraw.isPending}
      error={withdraw.error}
      onClose={onClose}
      onConfirm={() => {
        if (!reason.trim()) {
          setReasonError(t('review.cancel.reasonRequired'));
          return;
        }
        withdraw.mutate(
          { id: proposal.id, reason: reason.trim() },
          {
            onSuccess: (r) =>
              onDone(
                r.removedFromMeeting
                  ? t('review.proposals.withdrawnFromMeeting', {
                      id: proposal.id,
                      date: formatLongDate(r.removedFromMeeting.date),
                    })
                  : t('review.proposals.withdrawn', { id: proposal.id }),
              ),
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
  );
}
