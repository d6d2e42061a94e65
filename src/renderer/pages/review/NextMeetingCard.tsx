import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import type { MeetingSummary } from '../../../shared/contract/review';
import { formatLongDate } from '../../util/format';
import { FactList, MeetingStatusChip } from '../../components';
import { OpenMeetingDialog } from './AttendeesDialog';
import { meetingDateText, meetingModePath, meetingPath } from './parts';
import './i18n';

/** Why a meeting was moved from its regular day (a holiday), as the main process words it. */
export function MovedNote({ meeting }: { meeting: Pick<MeetingSummary, 'plannedDate' | 'date' | 'movedReason'> }) {
  if (!meeting.movedReason || meeting.plannedDate === meeting.date) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'flex-start', gap: 0.5, color: 'warning.main' }}>
      <EventBusyOutlined fontSize="small" aria-hidden />
      <span>{meeting.movedReason}</span>
    </Box>
  );
}

/** The next meeting (or the one in progress) with what a participant of the meeting needs to know. */
export function NextMeetingCard({ meeting, inProgress }: { meeting: MeetingSummary; inProgress: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const canOpen = !inProgress && meeting.actions.open.allowed;
  return (
    <Paper component="section" aria-labelledby="next-meeting-title" sx={{ p: 2.5, mb: 2 }}>
      <Typography id="next-meeting-title" variant="h2" sx={{ mb: 1.5 }}>
        {inProgress ? t('review.overview.openTitle') : t('review.overview.nextTitle')}
      </Typography>
      <Typography sx={{ fontSize: '1.25rem', fontWeight: 600, mb: 1 }}>{meetingDateText(meeting, t)}</Typography>
      <FactList
        items={[
          { label: t('review.meeting.place'), value: meeting.place },
          { label: t('review.meeting.cutoff'), value: formatLongDate(meeting.cutoffDate) },
          {
            label: t('review.meeting.agenda'),
            value: inProgress
              ? t('review.overview.itemsDecided', { decided: meeting.decidedCount, count: meeting.itemCount })
              : t('review.items', { count: meeting.itemCount }),
          },
          { label: t('review.meeting.status'), value: <MeetingStatusChip status={meeting.status} /> },
          ...(meeting.movedReason ? [{ label: t('review.meeting.date'), value: <MovedNote meeting={meeting} /> }] : []),
        ]}
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
        {inProgress ? (
          <Button
            variant="contained"
            startIcon={<PlayArrowOutlined />}
            component={RouterLink}
            to={meetingModePath(meeting.id)}
          >
            {t('review.overview.toMeetingMode')}
          </Button>
        ) : (
          canOpen && (
            <Button variant="contained" startIcon={<PlayArrowOutlined />} onClick={() => setOpening(true)}>
              {t('review.overview.openMeeting')}
            </Button>
          )
        )}
        <Button
          variant={inProgress || canOpen ? 'outlined' : 'contained'}
          component={RouterLink}
          to={meetingPath(meeting.id)}
        >
          {t('review.overview.showAgenda')}
        </Button>
      </Stack>
      {opening && (
        <OpenMeetingDialog
          meeting={meeting}
          onClose={(opened) => {
            setOpening(false);
            if (opened) void navigate(meetingModePath(meeting.id));
          }}
        />
      )}
    </Paper>
  );
}
