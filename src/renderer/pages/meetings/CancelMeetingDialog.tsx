import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import TextField from '@mui/material/TextField';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { useRpcMutation } from '../../api/hooks';
import { FormDialog } from '../../components';
import './i18n';

/** Cancels an information meeting with a reason; the booked people go back to booking. */
export function CancelMeetingDialog({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useRpcMutation('meetings.cancel', { invalidates: ['meetings.', 'participants.'] });
  return (
    <FormDialog
      title={t('meetings.cancel.title')}
      lead={t('meetings.cancel.lead')}
      submitLabel={t('meetings.cancel.confirm')}
      destructive
      busy={cancel.isPending}
      submitDisabled={!reason.trim()}
      error={cancel.error}
      onClose={onClose}
      onSubmit={() => {
        if (reason.trim()) cancel.mutate({ id: meeting.id, reason }, { onSuccess: onClose });
      }}
    >
      <TextField
        label={t('meetings.cancel.reason')}
        required
        autoFocus
        multiline
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </FormDialog>
  );
}
