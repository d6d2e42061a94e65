import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import type { MeetingSummary } from '../../../shared/contract/review';
import { useRpcMutation } from '../../api/hooks';
import type { Out } from '../../api/client';
import { formatLongDate } from '../../util/format';
import { ErrorAlert, useLabel } from '../../components';
import { missingParties } from './AttendeesEditor';
import { REVIEW_INVALIDATES } from './parts';
import './i18n';

export type CloseResult = Out<'review.closeMeeting'>;

/**
 * Asks before closing: what was decided, who attended, and what happens to items without a decision. Closing locks
 * the decisions and produces the protocol; it cannot be undone.
 */
export function CloseMeetingDialog({
  meeting,
  counts,
  nextMeetingDate,
  container,
  onEditAttendees,
  onClose,
}: {
  meeting: MeetingSummary;
  counts: { approve: number; veto: number; defer: number; none: number };
  nextMeetingDate: string | null;
  container?: HTMLElement | null;
  onEditAttendees: () => void;
  onClose: (result: CloseResult | null) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [carryOver, setCarryOver] = useState(false);
  const close = useRpcMutation('review.closeMeeting', { invalidates: REVIEW_INVALIDATES });
  const missing = missingParties(meeting.attendees);
  const blocked = missing.length > 0 || (counts.none > 0 && !carryOver);
  return (
    <Dialog
      open
      onClose={() => onClose(null)}
      fullWidth
      maxWidth="sm"
      aria-labelledby="close-title"
      aria-describedby="close-lead"
      container={container}
    >
      <DialogTitle id="close-title">{t('review.close.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="close-lead" sx={{ mb: 2 }}>
          {t('review.close.lead')}
        </DialogContentText>
        <ErrorAlert error={close.error} />
        <Typography component="h3" variant="h4" sx={{ mb: 1 }}>
          {t('review.close.summary')}
        </Typography>
        <Box component="ul" sx={{ mt: 0, mb: 2, pl: 3 }}>
          <li>{t('review.close.approved', { count: counts.approve })}</li>
          <li>{t('review.close.vetoed', { count: counts.veto })}</li>
          <li>{t('review.close.deferred', { count: counts.defer })}</li>
          {counts.none > 0 && <li>{t('review.close.undecided', { count: counts.none })}</li>}
        </Box>
        <Typography component="h3" variant="h4" sx={{ mb: 1 }}>
          {t('review.meeting.attendees')}
        </Typography>
        {meeting.attendees.length > 0 ? (
          <Box component="ul" sx={{ mt: 0, mb: 1, pl: 3 }}>
            {meeting.attendees.map((a) => (
              <li key={`${a.party}-${a.name}`}>
                {a.name} ({label('attendeeParty', a.party)}
                {a.title ? `, ${a.title}` : ''})
              </li>
            ))}
          </Box>
        ) : (
          <Typography color="text.secondary">{t('review.meeting.noAttendees')}</Typography>
        )}
        {missing.length > 0 && (
          <Alert
            severity="warning"
            sx={{ my: 1 }}
            action={
              <Button color="inherit" onClick={onEditAttendees}>
                {t('review.meeting.editAttendees')}
              </Button>
            }
          >
            {t('review.close.missingParty', { party: missing.map((p) => label('attendeeParty', p)).join(', ') })}
          </Alert>
        )}
        {counts.none > 0 && (
          <>
            <FormControlLabel
              sx={{ mt: 1 }}
              control={<Checkbox checked={carryOver} onChange={(e) => setCarryOver(e.target.checked)} />}
              label={
                nextMeetingDate
                  ? t('review.close.carryOver', { count: counts.none, date: formatLongDate(nextMeetingDate) })
                  : t('review.close.carryOverNoDate', { count: counts.none })
              }
            />
            {!carryOver && (
              <Typography variant="body2" color="text.secondary">
                {t('review.close.carryOverRequired')}
              </Typography>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(null)}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={blocked || close.isPending}
          onClick={() =>
            close.mutate({ id: meeting.id, carryOverUndecided: carryOver }, { onSuccess: (r) => onClose(r) })
          }
        >
          {t('review.close.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
