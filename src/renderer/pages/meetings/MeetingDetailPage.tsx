import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import ArrowBack from '@mui/icons-material/ArrowBack';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import GroupAddOutlined from '@mui/icons-material/GroupAddOutlined';
import { rpc } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatLongDate } from '../../util/format';
import { DownloadButton, ErrorAlert, FactList, Loading, PageHeader, Section, StatusChip } from '../../components';
import { BookDialog } from './BookDialog';
import { Bookings } from './MeetingBookings';
import { CancelMeetingDialog } from './CancelMeetingDialog';
import { MeetingDialog } from './MeetingDialog';
import { meetingTime } from './format';
import './i18n';

/** '/informationsmoten/:id': one information meeting, its bookings and (once it has started) attendance. */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useRpcQuery('meetings.get', { id: Number(id) }, { enabled: Number(id) > 0 });
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [booking, setBooking] = useState(false);
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <ErrorAlert error={query.error ?? t('meetings.detail.notFound')} />;
  const m = query.data;

  return (
    <>
      <Button component={RouterLink} to={paths.meetings} startIcon={<ArrowBack />} size="small" sx={{ mb: 1 }}>
        {t('meetings.detail.back')}
      </Button>
      <PageHeader
        title={t('meetings.detail.title', { date: formatLongDate(m.startsAt.slice(0, 10)) })}
        lead={`${meetingTime(m)} · ${m.place}`}
        actions={
          <>
            <DownloadButton
              icon={<CalendarMonthOutlined />}
              fetchFile={() => rpc('meetings.exportIcs', { meetingIds: [m.id], scope: 'all' })}
            >
              {t('meetings.detail.exportIcs')}
            </DownloadButton>
            {m.canEdit && (
              <>
                <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('meetings.detail.edit')}
                </Button>
                <Button
                  variant="outlined"
                  color="error"
                  startIcon={<EventBusyOutlined />}
                  onClick={() => setCancelling(true)}
                >
                  {t('meetings.detail.cancelMeeting')}
                </Button>
              </>
            )}
            {m.canBook && (
              <Button variant="contained" startIcon={<GroupAddOutlined />} onClick={() => setBooking(true)}>
                {t('meetings.detail.book')}
              </Button>
            )}
          </>
        }
      />
      {m.status === 'cancelled' && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('meetings.detail.cancelled', { reason: m.cancelReason ?? '' })}
        </Alert>
      )}
      <Section title={t('meetings.detail.facts')} id="sec-facts">
        <FactList
          items={[
            { label: t('meetings.detail.status'), value: <StatusChip kind="infoMeetingStatus" value={m.status} /> },
            { label: t('meetings.detail.time'), value: meetingTime(m) },
            { label: t('meetings.detail.place'), value: m.place },
            {
              label: t('meetings.detail.capacity'),
              value: t('meetings.detail.capacityValue', { booked: m.booked, capacity: m.capacity, free: m.free }),
            },
            { label: t('meetings.detail.interpreter'), value: m.interpreterLanguages.join(', ') },
            { label: t('meetings.detail.notes'), value: m.notes, hidden: !m.notes },
          ]}
        />
      </Section>
      <Bookings key={m.id} meeting={m} />
      {editing && <MeetingDialog meeting={m} onClose={() => setEditing(false)} />}
      {cancelling && <CancelMeetingDialog meeting={m} onClose={() => setCancelling(false)} />}
      {booking && <BookDialog meeting={m} onClose={() => setBooking(false)} />}
    </>
  );
}
