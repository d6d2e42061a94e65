import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { MeetingSummary } from '../../../shared/contract/review';
import { useRpcMutation } from '../../api/hooks';
import { formatLongDate } from '../../util/format';
import { ErrorAlert } from '../../components';
import { REVIEW_INVALIDATES, useReviewRoles } from './parts';
import './i18n';
import { type AttendeeDraft, AttendeesEditor } from './AttendeesEditor';

const withPending = (list: AttendeeDraft[], extra: AttendeeDraft | null) => (extra ? [...list, extra] : list);

const toDraft = (list: MeetingSummary['attendees']): AttendeeDraft[] =>
  list.map((a) => ({ name: a.name, party: a.party, title: a.title }));

/** Sets who attends a planned or open meeting. */
export function AttendeesDialog({
  meeting,
  onClose,
  container,
}: {
  meeting: MeetingSummary;
  onClose: () => void;
  container?: HTMLElement | null;
}) {
  const { t } = useTranslation();
  const [list, setList] = useState<AttendeeDraft[]>(toDraft(meeting.attendees));
  const pending = useRef<() => AttendeeDraft | null>(() => null);
  const save = useRpcMutation('review.setAttendees', { invalidates: ['review.'] });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="attendees-title" container={container}>
      <DialogTitle id="attendees-title">{t('review.attendees.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('review.attendees.lead')}</DialogContentText>
        <ErrorAlert error={save.error} />
        <AttendeesEditor value={list} onChange={setList} pendingRef={pending} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={save.isPending}
          onClick={() =>
            save.mutate(
              { meetingId: meeting.id, attendees: withPending(list, pending.current()) },
              { onSuccess: onClose },
            )
          }
        >
          {t('review.attendees.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Opens a planned meeting (meeting mode), with the attendees known so far. */
export function OpenMeetingDialog({
  meeting,
  onClose,
}: {
  meeting: MeetingSummary;
  onClose: (opened: boolean) => void;
}) {
  const { t } = useTranslation();
  const { userName, defaultParty } = useReviewRoles();
  const [list, setList] = useState<AttendeeDraft[]>(
    meeting.attendees.length > 0
      ? toDraft(meeting.attendees)
      : userName
        ? [{ name: userName, party: defaultParty, title: null }]
        : [],
  );
  const pending = useRef<() => AttendeeDraft | null>(() => null);
  const open = useRpcMutation('review.openMeeting', { invalidates: REVIEW_INVALIDATES });
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="open-meeting-title">
      <DialogTitle id="open-meeting-title">
        {t('review.open.title', { date: formatLongDate(meeting.date) })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('review.open.lead')}</DialogContentText>
        <ErrorAlert error={open.error} />
        <AttendeesEditor value={list} onChange={setList} pendingRef={pending} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={open.isPending}
          onClick={() =>
            open.mutate(
              { id: meeting.id, attendees: withPending(list, pending.current()) },
              { onSuccess: () => onClose(true) },
            )
          }
        >
          {t('review.open.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
