import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { MeetingSummary } from '../../../shared/contract/review';
import { useRpcMutation } from '../../api/hooks';
import { formatDateTime, formatLongDate } from '../../util/format';
import { ConfirmDialog, FactList, MeetingStatusChip, useLabel } from '../../components';
import { meetingDateText, REVIEW_INVALIDATES } from './parts';
import './i18n';

type Meeting = MeetingSummary;

/** The meeting's facts: date, place, last day for items, status, when it was opened and closed, who attended. */
export function MeetingFacts({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Paper component="section" aria-labelledby="facts-title" sx={{ p: 2.5, mb: 2 }}>
      <Typography id="facts-title" variant="h2" sx={{ mb: 1.5 }}>
        {t('review.meeting.facts')}
      </Typography>
      <FactList
        items={[
          { label: t('review.meeting.date'), value: meetingDateText(meeting, t) },
          { label: t('review.meeting.place'), value: meeting.place },
          { label: t('review.meeting.cutoff'), value: formatLongDate(meeting.cutoffDate) },
          {
            label: t('review.meeting.status'),
            value: <MeetingStatusChip status={meeting.status} overdue={meeting.overdue} />,
          },
          ...(meeting.openedAt
            ? [{ label: t('review.meeting.openedAt'), value: formatDateTime(meeting.openedAt) }]
            : []),
          ...(meeting.closedAt
            ? [
                {
                  label: t('review.meeting.closedAt'),
                  value: `${formatDateTime(meeting.closedAt)}${meeting.closedByName ? `, ${meeting.closedByName}` : ''}`,
                },
              ]
            : []),
          {
            label: t('review.meeting.attendees'),
            value:
              meeting.attendees.length === 0 ? (
                t('review.meeting.noAttendees')
              ) : (
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {meeting.attendees.map((a) => (
                    <li key={`${a.party}-${a.name}`}>
                      {a.name} – {label('attendeeParty', a.party)}
                      {a.title ? `, ${a.title}` : ''}
                    </li>
                  ))}
                </Box>
              ),
          },
        ]}
      />
    </Paper>
  );
}

/** Asks for the reason before a planned meeting is cancelled (its items move to the next meeting). */
export function CancelMeetingDialog({
  meeting,
  onClose,
  onDone,
}: {
  meeting: Meeting;
  onClose: () => void;
  onDone: (movedItems: number) => void;
}) {
  const { t } = useTranslation();
  const [cancelReason, setCancelReason] = useState('');
  const [cancelError, setCancelError] = useState<string | null>(null);
  const cancel = useRpcMutation('review.cancelMeeting', { invalidates: REVIEW_INVALIDATES });
  return (
    <ConfirmDialog
      title={t('review.cancel.title', { date: formatLongDate(meeting.date) })}
      text={t('review.cancel.lead')}
      confirmLabel={t('review.cancel.confirm')}
      busy={cancel.isPending}
      error={cancel.error}
      onClose={() => {
        cancel.reset();
        onClose();
      }}
      onConfirm={() => {
        if (!cancelReason.trim()) {
          setCancelError(t('review.cancel.reasonRequired'));
          return;
        }
        cancel.mutate(
          { id: meeting.id, reason: cancelReason.trim() },
          {
            onSuccess: (r) => onDone(r.movedItems),
          },
        );
      }}
    >
      <TextField
        sx={{ mt: 2 }}
        label={t('review.cancel.reason')}
        required
        multiline
        minRows={2}
        value={cancelReason}
        onChange={(e) => setCancelReason(e.target.value)}
        error={Boolean(cancelError)}
        helperText={cancelError ?? undefined}
        autoFocus
      />
    </ConfirmDialog>
  );
}
