import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import type { DecisionKind } from '../../../shared/domain/review';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatLongDate } from '../../util/format';
import { ErrorAlert, Loading, PageHeader } from '../../components';
import { AgendaSection } from './AgendaSection';
import { AttendeesDialog, OpenMeetingDialog } from './AttendeesDialog';
import type { CloseResult } from './CloseMeetingDialog';
import { ProtocolSection } from './ProtocolSection';
import { meetingModePath, useReviewRoles } from './parts';
import './i18n';
import { CancelMeetingDialog, MeetingFacts } from './meetingFacts';

/** '/provning/moten/:id': one meeting — its facts and attendees, its agenda, or once closed its locked protocol. */
export function MeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const id = Number(useParams().id);
  const { canDecide, isCoordination, pseudonymous } = useReviewRoles();
  // An open meeting is followed live (decisions are recorded on another screen in meeting mode).
  const q = useRpcQuery(
    'review.getMeeting',
    { id },
    {
      enabled: Number.isInteger(id) && id > 0,
      refetchInterval: (query) => (query.state.data?.meeting.status === 'open' ? 10_000 : false),
    },
  );
  const [opening, setOpening] = useState(false);
  const [editingAttendees, setEditingAttendees] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const closed = (location.state as { closed?: CloseResult } | null)?.closed ?? null;

  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const { meeting, items, protocol, corrections, nextMeeting, previousMeeting } = q.data;
  const can = meeting.actions;
  const counts = items.reduce<Record<DecisionKind | 'none', number>>(
    (c, i) => {
      c[i.decision?.kind ?? 'none'] += 1;
      return c;
    },
    { approve: 0, veto: 0, defer: 0, none: 0 },
  );

  return (
    <>
      <Link
        component={RouterLink}
        to={paths.review}
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}
      >
        <ArrowBackOutlined fontSize="small" aria-hidden />
        {t('review.meeting.back')}
      </Link>
      <PageHeader
        title={t('review.meetingTitle', { date: formatLongDate(meeting.date) })}
        lead={`${t('review.at')} ${meeting.time} · ${meeting.place}`}
        actions={
          <>
            {can.editAttendees.allowed && (
              <Button startIcon={<GroupsOutlined />} onClick={() => setEditingAttendees(true)}>
                {t('review.meeting.editAttendees')}
              </Button>
            )}
            {can.cancel.allowed && isCoordination && (
              <Button startIcon={<EventBusyOutlined />} onClick={() => setCancelling(true)}>
                {t('review.meeting.cancel')}
              </Button>
            )}
            {can.open.allowed && (
              <Button variant="contained" startIcon={<PlayArrowOutlined />} onClick={() => setOpening(true)}>
                {t('review.meeting.open')}
              </Button>
            )}
            {can.meetingMode.allowed && (
              <Button
                variant="contained"
                startIcon={<PlayArrowOutlined />}
                component={RouterLink}
                to={meetingModePath(meeting.id)}
              >
                {t('review.meeting.meetingMode')}
              </Button>
            )}
          </>
        }
      />
      {closed && meeting.status === 'closed' && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {t('review.close.done', { decided: closed.decided, deferred: closed.deferred, carried: closed.carriedOver })}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {meeting.movedReason && (
        <Alert severity="warning" icon={<EventBusyOutlined />} sx={{ mb: 2 }}>
          {meeting.movedReason}
        </Alert>
      )}
      {meeting.status === 'cancelled' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('review.meeting.cancelled', { reason: meeting.cancelledReason ?? '' })}
        </Alert>
      )}
      {meeting.overdue && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('review.overview.overdue', { date: formatLongDate(meeting.date), count: meeting.itemCount })}
        </Alert>
      )}
      {meeting.status === 'planned' && can.open.reasonRef?.key === 'actions.meeting.notYet' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('review.meeting.notYet', { date: formatLongDate(meeting.date) })}
        </Alert>
      )}

      <MeetingFacts meeting={meeting} />

      {meeting.status === 'closed' && protocol ? (
        <ProtocolSection
          protocol={protocol}
          corrections={corrections}
          items={items}
          canDecide={canDecide}
          meetingId={meeting.id}
        />
      ) : (
        meeting.status !== 'cancelled' && (
          <>
            {meeting.status === 'open' && (
              <Alert severity="info" sx={{ mb: 2 }}>
                {t('review.overview.openText', {
                  date: formatLongDate(meeting.date),
                  decided: meeting.itemCount - counts.none,
                  count: meeting.itemCount,
                })}
              </Alert>
            )}
            <AgendaSection items={items} cutoff={meeting.cutoffDate} pseudonymous={pseudonymous} />
          </>
        )
      )}

      <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', flexWrap: 'wrap' }}>
        {previousMeeting ? (
          <Link component={RouterLink} to={paths.reviewMeeting(previousMeeting.id)}>
            ← {t('review.meeting.previous')}: {formatLongDate(previousMeeting.date)}
          </Link>
        ) : (
          <span />
        )}
        {nextMeeting && (
          <Link component={RouterLink} to={paths.reviewMeeting(nextMeeting.id)}>
            {t('review.meeting.next')}: {formatLongDate(nextMeeting.date)} →
          </Link>
        )}
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
      {editingAttendees && <AttendeesDialog meeting={meeting} onClose={() => setEditingAttendees(false)} />}
      {cancelling && (
        <CancelMeetingDialog
          meeting={meeting}
          onClose={() => setCancelling(false)}
          onDone={(moved) => {
            setCancelling(false);
            setNotice(t('review.cancel.done', { count: moved }));
          }}
        />
      )}
    </>
  );
}
