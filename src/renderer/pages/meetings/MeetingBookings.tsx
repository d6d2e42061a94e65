import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { useRpcMutation } from '../../api/hooks';
import { paths } from '../../app/paths';
import { ConfirmDialog, ErrorAlert, Section, StatusChip } from '../../components';
import './i18n';

type Booking = MeetingDetail['bookings'][number];

function UnbookDialog({
  meeting,
  booking,
  onClose,
}: {
  meeting: MeetingDetail;
  booking: Booking;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const unbook = useRpcMutation('meetings.unbook', { invalidates: ['meetings.', 'participants.'] });
  return (
    <ConfirmDialog
      title={t('meetings.detail.unbookLabel', { name: booking.name })}
      text={t('meetings.detail.unbookConfirm', { name: booking.name })}
      confirmLabel={t('meetings.detail.unbook')}
      busy={unbook.isPending}
      error={unbook.error}
      onClose={onClose}
      onConfirm={() =>
        unbook.mutate({ meetingId: meeting.id, participantId: booking.participantId }, { onSuccess: onClose })
      }
    />
  );
}

/** The booked people with, once the meeting has started, a choice per person: attended or no-show. */
export function Bookings({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [marks, setMarks] = useState<Record<number, 'attended' | 'no_show'>>({});
  const [unbooking, setUnbooking] = useState<Booking | null>(null);
  const [result, setResult] = useState<{ names: string[] } | null>(null);
  const record = useRpcMutation('meetings.recordAttendance', {
    invalidates: ['meetings.', 'participants.', 'deviations.'],
  });
  const active = meeting.bookings.filter((b) => b.status !== 'cancelled');
  const cancelled = meeting.bookings.filter((b) => b.status === 'cancelled');
  const pending = active.filter((b) => b.status === 'booked');
  const marked = Object.entries(marks).filter(([pid]) => pending.some((b) => b.participantId === Number(pid)));
  const recording = meeting.canRecordAttendance && pending.length > 0;

  const save = () =>
    record.mutate(
      {
        meetingId: meeting.id,
        entries: marked.map(([pid, v]) => ({ participantId: Number(pid), attended: v === 'attended' })),
      },
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
        <Alert
          severity={result.names.length ? 'warning' : 'success'}
          role="status"
          sx={{ mb: 2 }}
          onClose={() => setResult(null)}
        >
          {t('meetings.detail.attendanceSaved')}{' '}
          {result.names.length > 0 && (
            <>
              {t('meetings.detail.deviationsCreated', { names: result.names.join(', ') })}{' '}
              <Link component={RouterLink} to={paths.deviations} underline="always">
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
          {recording && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('meetings.detail.attendanceHint')}
            </Alert>
          )}
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
                  <TableRow
                    key={b.bookingId}
                    sx={b.status === 'cancelled' ? { '& td': { color: 'text.secondary' } } : undefined}
                  >
                    <TableCell>
                      <Link component={RouterLink} to={paths.participant(b.participantId)} sx={{ fontWeight: 600 }}>
                        {b.name}
                      </Link>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{b.personnummerFormatted}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{b.phone ?? '–'}</TableCell>
                    <TableCell>{b.languages.join(', ') || '–'}</TableCell>
                    <TableCell>{b.noShowCount}</TableCell>
                    <TableCell>
                      <StatusChip kind="bookingStatus" value={b.status} />
                    </TableCell>
                    <TableCell>
                      {b.status === 'booked' && recording && (
                        <RadioGroup
                          row
                          aria-label={t('meetings.detail.attendanceFor', { name: b.name })}
                          value={marks[b.participantId] ?? ''}
                          onChange={(e) =>
                            setMarks((m) => ({ ...m, [b.participantId]: e.target.value as 'attended' | 'no_show' }))
                          }
                        >
                          <FormControlLabel
                            value="attended"
                            control={<Radio size="small" />}
                            label={t('meetings.detail.attended')}
                            slotProps={{ typography: { variant: 'body2' } }}
                          />
                          <FormControlLabel
                            value="no_show"
                            control={<Radio size="small" />}
                            label={t('meetings.detail.noShow')}
                            slotProps={{ typography: { variant: 'body2' } }}
                          />
                        </RadioGroup>
                      )}
                      {b.status === 'booked' && !recording && meeting.status !== 'cancelled' && (
                        <Button
                          size="small"
                          onClick={() => setUnbooking(b)}
                          aria-label={t('meetings.detail.unbookLabel', { name: b.name })}
                        >
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
              <Button
                onClick={() => setMarks(Object.fromEntries(pending.map((b) => [b.participantId, 'attended' as const])))}
              >
                {t('meetings.detail.allAttended')}
              </Button>
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
