import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import { type ReviewSchedule } from '../../../shared/domain/review';
import { RpcClientError } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { formatLongDate } from '../../util/format';
import { DateField, ErrorAlert, FormDialog, TimeField, useErrorText } from '../../components';
import { REVIEW_INVALIDATES } from './parts';
import './i18n';

/** The schedule in one line in the language of the UI: "Tisdagar, jämna veckor, kl. 09:00, … ". */
export function useScheduleText(): (s: ReviewSchedule) => string {
  const { t } = useTranslation();
  return (s) =>
    t('review.schedule.describe', {
      days: t(`review.schedule.everyWeekday.${s.weekday}`),
      parity: t(`enum.parity.${s.parity}`),
      time: s.time,
      place: s.place,
      count: s.cutoffWorkingDays,
    });
}

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** The coming meetings for the schedule in the form, with holiday moves and cutoffs. */
export function Preview({ schedule }: { schedule: ReviewSchedule | null }) {
  const { t } = useTranslation();
  const debounced = useDebounced(schedule, 300);
  const preview = useRpcQuery(
    'review.previewSchedule',
    { schedule: debounced!, count: 26 },
    { enabled: debounced !== null, placeholderData: (p) => p },
  );
  return (
    <Paper component="section" aria-labelledby="preview-title" sx={{ p: 2.5, height: '100%' }}>
      <Typography id="preview-title" variant="h2" sx={{ mb: 0.5 }}>
        {t('review.schedule.preview')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        {t('review.schedule.previewLead')}
      </Typography>
      <ErrorAlert error={preview.error} />
      {preview.isFetching && !preview.data ? (
        <Box role="status" sx={{ display: 'flex', gap: 1.5, alignItems: 'center', py: 2 }}>
          <CircularProgress size={20} aria-hidden />
          {t('review.schedule.previewLoading')}
        </Box>
      ) : (
        <Table size="small" aria-label={t('review.schedule.previewLabel')}>
          <TableHead>
            <TableRow>
              <TableCell scope="col">{t('review.schedule.col.date')}</TableCell>
              <TableCell scope="col" sx={{ whiteSpace: 'nowrap' }}>
                {t('review.schedule.col.cutoff')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(preview.data ?? []).map((m) => (
              <TableRow key={m.plannedDate} sx={m.movedReason ? { bgcolor: 'rgba(138, 83, 0, 0.06)' } : undefined}>
                <TableCell>
                  <Box sx={{ fontWeight: 600 }}>{formatLongDate(m.date)}</Box>
                  {m.movedReason && (
                    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, color: 'warning.main', mt: 0.25 }}>
                      <EventBusyOutlined fontSize="small" aria-hidden />
                      <span>{m.movedReason}</span>
                    </Box>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{m.cutoffDate}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/** An extra meeting outside the schedule. */
export function ExtraMeetingDialog({ onClose }: { onClose: (date: string | null) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const add = useRpcMutation('review.addMeeting', { invalidates: REVIEW_INVALIDATES });
  const fieldError = (f: string) =>
    add.error instanceof RpcClientError && add.error.field === f ? errorText(add.error) : undefined;
  const generalError =
    add.error instanceof RpcClientError && add.error.field && ['date', 'time', 'place'].includes(add.error.field)
      ? null
      : add.error;
  return (
    <FormDialog
      title={t('review.schedule.extraTitle')}
      lead={t('review.schedule.extraLead')}
      submitLabel={t('review.schedule.extraSave')}
      busy={add.isPending}
      submitDisabled={!date}
      error={generalError}
      maxWidth="xs"
      onClose={() => onClose(null)}
      onSubmit={() =>
        add.mutate(
          { date, ...(time ? { time } : {}), ...(place.trim() ? { place: place.trim() } : {}) },
          { onSuccess: (m) => onClose(m.date) },
        )
      }
    >
      <DateField
        label={t('review.schedule.extraDate')}
        required
        value={date}
        onChange={setDate}
        error={Boolean(fieldError('date'))}
        helperText={fieldError('date')}
        autoFocus
      />
      <TimeField
        label={t('review.schedule.extraTime')}
        value={time}
        onChange={setTime}
        error={Boolean(fieldError('time'))}
        helperText={fieldError('time') ?? t('review.schedule.timeHelp')}
      />
      <TextField
        label={t('review.schedule.extraPlace')}
        value={place}
        onChange={(e) => setPlace(e.target.value)}
        error={Boolean(fieldError('place'))}
        helperText={fieldError('place')}
      />
    </FormDialog>
  );
}
