import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import GroupAddOutlined from '@mui/icons-material/GroupAddOutlined';
import { BOOKING_STATUS_LABELS, MEETING_STATUS_LABELS, type MeetingDetail } from '../../../shared/contract/meetings';
import { downloadFile, rpc } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatLongDate } from '../../util/format';
import { Facts, Section } from '../participants/components';
import { BookDialog } from './BookDialog';
import { MeetingDialog } from './MeetingDialog';
import { STATUS_COLOR, meetingTime } from './MeetingsListPage';
import './i18n';

type Booking = MeetingDetail['bookings'][number];

function CancelMeetingDialog({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useRpcMutation('meetings.cancel', { invalidates: ['meetings.', 'participants.'] });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="cancel-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) cancel.mutate({ id: meeting.id, reason }, { onSuccess: onClose });
        }}
      >
        <DialogTitle id="cancel-title">{t('meetings.cancel.title')}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={cancel.error} />
          <DialogContentText sx={{ mb: 2 }}>{t('meetings.cancel.lead')}</DialogContentText>
          <TextField label={t('meetings.cancel.reason')} required autoFocus multiline minRows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('meetings.form.cancel')}</Button>
          <Button type="submit" variant="contained" color="error" disabled={!reason.trim() || cancel.isPending}>
            {t('meetings.cancel.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function UnbookDialog({ meeting, booking, onClose }: { meeting: MeetingDetail; booking: Booking; onClose: () => void }) {
  const { t } = useTranslation();
  const unbook = useRpcMutation('meetings.unbook', { invalidates: ['meetings.', 'participants.'] });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="unbook-title">
      <DialogTitle id="unbook-title">{t('meetings.detail.unbookLabel', { name: booking.name })}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={unbook.error} />
        <DialogContentText>{t('meetings.detail.unbookConfirm', { name: booking.name })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('meetings.form.cancel')}</Button>
        <Button variant="contained" disabled={unbook.isPending} onClick={() => unbook.mutate({ meetingId: meeting.id, participantId: booking.participantId }, { onSuccess: onClose })}>
          {t('meetings.detail.unbook')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The booked people with, once the meeting has started, a choice per person: attended or no-show. */
function Bookings({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [marks, setMarks] = useState<Record<number, 'attended' | 'no_show'>>({});
  const [unbooking, setUnbooking] = useState<Booking | null>(null);
  const [result, setResult] = useState<{ names: string[] } | null>(null);
  const record = useRpcMutation('meetings.recordAttendance', { invalidates: ['meetings.', 'participants.', 'deviations.'] });
  const active = meeting.bookings.filter((b) => b.status !== 'cancelled');
  const cancelled = meeting.bookings.filter((b) => b.status === 'cancelled');
  const pending = active.filter((b) => b.status === 'booked');
  const marked = Object.entries(marks).filter(([pid]) => pending.some((b) => b.participantId === Number(pid)));
  const recording = meeting.canRecordAttendance && pending.length > 0;

  const save = () =>
    record.mutate(
      { meetingId: meeting.id, entries: marked.map(([pid, v]) => ({ participantId: Number(pid), attended: v === 'attended' })) },
      {
        onSuccess: (r) => {
          setMarks({});
          setResult({ names: r.deviationsCreated.map((d) => d.name) });
        },
      },
    );

  return (
    <Section title={t('meetings.detail.participants')} id="sec-bookings">
      <ErrorAlert error={record.error} />
      {result && (
        <Alert severity={result.names.length ? 'warning' : 'success'} role="status" sx={{ mb: 2 }} onClose={() => setResult(null)}>
          {t('meetings.detail.attendanceSaved')}{' '}
          {result.names.length > 0 && (
            <>
              {t('meetings.detail.deviationsCreated', { names: result.names.join(', ') })}{' '}
              <Link component={RouterLink} to="/informationsmoten/avvikelser" underline="always">
                {t('meetings.detail.toDeviations')}
              </Link>
            </>
          )}
        </Alert>
      )}
      {active.length === 0 ? (
        <Typography color="text.secondary">{t('meetings.detail.noBookings')}</Typography>
      ) : (
        <>
          {recording && <Alert severity="info" sx={{ mb: 2 }}>{t('meetings.detail.attendanceHint')}</Alert>}
          {!meeting.canRecordAttendance && meeting.status === 'upcoming' && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('meetings.detail.notStartedHint')}
            </Typography>
          )}
          <TableContainer>
            <Table size="small" aria-label={t('meetings.detail.gridLabel')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('meetings.detail.col.name')}</TableCell>
                  <TableCell>{t('meetings.detail.col.personnummer')}</TableCell>
                  <TableCell>{t('meetings.detail.col.phone')}</TableCell>
                  <TableCell>{t('meetings.detail.col.languages')}</TableCell>
                  <TableCell>{t('meetings.detail.col.noShows')}</TableCell>
                  <TableCell>{t('meetings.detail.col.status')}</TableCell>
                  <TableCell>{recording ? t('meetings.detail.col.attendance') : t('common.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[...active, ...cancelled].map((b) => (
                  <TableRow key={b.bookingId} sx={b.status === 'cancelled' ? { '& td': { color: 'text.secondary' } } : undefined}>
                    <TableCell>
                      <Link component={RouterLink} to={`/deltagare/${b.participantId}`} sx={{ fontWeight: 600 }}>
                        {b.name}
                      </Link>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{b.personnummerFormatted}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{b.phone ?? '–'}</TableCell>
                    <TableCell>{b.languages.join(', ') || '–'}</TableCell>
                    <TableCell>{b.noShowCount}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        variant={b.status === 'booked' ? 'outlined' : 'filled'}
                        color={b.status === 'attended' ? 'success' : b.status === 'no_show' ? 'warning' : 'default'}
                        label={BOOKING_STATUS_LABELS[b.status]}
                      />
                    </TableCell>
                    <TableCell>
                      {b.status === 'booked' && recording && (
                        <RadioGroup
                          row
                          aria-label={t('meetings.detail.attendanceFor', { name: b.name })}
                          value={marks[b.participantId] ?? ''}
                          onChange={(e) => setMarks((m) => ({ ...m, [b.participantId]: e.target.value as 'attended' | 'no_show' }))}
                        >
                          <FormControlLabel value="attended" control={<Radio size="small" />} label={t('meetings.detail.attended')} slotProps={{ typography: { variant: 'body2' } }} />
                          <FormControlLabel value="no_show" control={<Radio size="small" />} label={t('meetings.detail.noShow')} slotProps={{ typography: { variant: 'body2' } }} />
                        </RadioGroup>
                      )}
                      {b.status === 'booked' && !recording && meeting.status !== 'cancelled' && (
                        <Button size="small" onClick={() => setUnbooking(b)} aria-label={t('meetings.detail.unbookLabel', { name: b.name })}>
                          {t('meetings.detail.unbook')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {recording && (
            <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 2, flexWrap: 'wrap' }}>
              <Button onClick={() => setMarks(Object.fromEntries(pending.map((b) => [b.participantId, 'attended' as const])))}>{t('meetings.detail.allAttended')}</Button>
              <Button variant="contained" disabled={marked.length === 0 || record.isPending} onClick={save}>
                {t('meetings.detail.saveAttendance', { count: marked.length })}
              </Button>
            </Box>
          )}
        </>
      )}
      {unbooking && <UnbookDialog meeting={meeting} booking={unbooking} onClose={() => setUnbooking(null)} />}
    </Section>
  );
}

export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useRpcQuery('meetings.get', { id: Number(id) }, { enabled: Number(id) > 0 });
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [booking, setBooking] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <ErrorAlert error={query.error ?? 'Mötet finns inte.'} />;
  const m = query.data;

  const exportIcs = async () => {
    setExportError(null);
    try {
      downloadFile(await rpc('meetings.exportIcs', { meetingIds: [m.id], scope: 'all' }));
    } catch (e) {
      setExportError(e);
    }
  };

  return (
    <>
      <Button component={RouterLink} to="/informationsmoten" startIcon={<ArrowBack />} size="small" sx={{ mb: 1 }}>
        {t('meetings.detail.back')}
      </Button>
      <PageHeader
        title={t('meetings.detail.title', { date: formatLongDate(m.startsAt.slice(0, 10)) })}
        lead={`${meetingTime(m)} · ${m.place}`}
        actions={
          <>
            <Button variant="outlined" startIcon={<CalendarMonthOutlined />} onClick={() => void exportIcs()}>
              {t('meetings.detail.exportIcs')}
            </Button>
            {m.canEdit && (
              <>
                <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('meetings.detail.edit')}
                </Button>
                <Button variant="outlined" color="error" startIcon={<EventBusyOutlined />} onClick={() => setCancelling(true)}>
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
      <ErrorAlert error={exportError} />
      {m.status === 'cancelled' && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('meetings.detail.cancelled', { reason: m.cancelReason ?? '' })}
        </Alert>
      )}
      <Paper sx={{ p: 2.5, mb: 2 }} component="section" aria-labelledby="sec-facts">
        <Typography id="sec-facts" variant="h3" component="h2" sx={{ mb: 1.5 }}>
          {t('meetings.detail.facts')}
        </Typography>
        <Facts
          items={[
            { label: t('meetings.detail.status'), value: <Chip size="small" color={STATUS_COLOR[m.status]} label={MEETING_STATUS_LABELS[m.status]} /> },
            { label: t('meetings.detail.time'), value: meetingTime(m) },
            { label: t('meetings.detail.place'), value: m.place },
            { label: t('meetings.detail.capacity'), value: t('meetings.detail.capacityValue', { booked: m.booked, capacity: m.capacity, free: m.free }) },
            { label: t('meetings.detail.interpreter'), value: m.interpreterLanguages.join(', ') },
            { label: t('meetings.detail.notes'), value: m.notes, hidden: !m.notes },
          ]}
        />
      </Paper>
      <Bookings key={m.id} meeting={m} />
      {editing && <MeetingDialog meeting={m} onClose={() => setEditing(false)} />}
      {cancelling && <CancelMeetingDialog meeting={m} onClose={() => setCancelling(false)} />}
      {booking && <BookDialog meeting={m} onClose={() => setBooking(false)} />}
    </>
  );
}
