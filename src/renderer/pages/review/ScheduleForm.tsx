import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  DEFAULT_REVIEW_CUTOFF_WORKING_DAYS,
  DEFAULT_REVIEW_DURATION_MINUTES,
  type ReviewSchedule,
} from '../../../shared/domain/review';
import { useRpcMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components';
import { REVIEW_INVALIDATES } from './parts';
import { Preview } from './scheduleParts';
import './i18n';

export interface FormValues {
  weekday: 1 | 2 | 3 | 4 | 5;
  parity: 'even' | 'odd';
  time: string;
  place: string;
  cutoffWorkingDays: string;
  durationMinutes: string;
}

export type FieldErrors = Partial<Record<keyof FormValues, string>>;

export const fromSchedule = (s: ReviewSchedule | null): FormValues => ({
  weekday: s?.weekday ?? 2,
  parity: s?.parity ?? 'even',
  time: s?.time ?? '09:00',
  place: s?.place ?? '',
  cutoffWorkingDays: String(s?.cutoffWorkingDays ?? DEFAULT_REVIEW_CUTOFF_WORKING_DAYS),
  durationMinutes: String(s?.durationMinutes ?? DEFAULT_REVIEW_DURATION_MINUTES),
});

/** The form as a schedule, or null while it is incomplete (the preview waits for a complete one). */
export function toSchedule(v: FormValues): ReviewSchedule | null {
  const cutoff = Number(v.cutoffWorkingDays);
  const duration = Number(v.durationMinutes);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time) || v.place.trim() === '') return null;
  if (
    !Number.isInteger(cutoff) ||
    cutoff < 0 ||
    cutoff > 10 ||
    !Number.isInteger(duration) ||
    duration < 15 ||
    duration > 480
  )
    return null;
  return {
    weekday: v.weekday,
    parity: v.parity,
    time: v.time,
    place: v.place.trim(),
    cutoffWorkingDays: cutoff,
    durationMinutes: duration,
  };
}

/** The admin's form: weekday, ISO-week parity, time, place, cutoff and length. Saving regenerates a year ahead. */
export function ScheduleForm({ current }: { current: ReviewSchedule | null }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(fromSchedule(current));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const save = useRpcMutation('review.setSchedule', { invalidates: REVIEW_INVALIDATES });
  const schedule = useMemo(() => toSchedule(values), [values]);
  const set = <K extends keyof FormValues>(k: K, v: FormValues[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: undefined }));
  };

  const submit = () => {
    setNotice(null);
    const e: FieldErrors = {};
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time)) e.time = t('review.schedule.timeInvalid');
    if (!values.place.trim()) e.place = t('review.schedule.placeRequired');
    const cutoff = Number(values.cutoffWorkingDays);
    if (!Number.isInteger(cutoff) || cutoff < 0 || cutoff > 10)
      e.cutoffWorkingDays = t('review.schedule.cutoffInvalid');
    const duration = Number(values.durationMinutes);
    if (!Number.isInteger(duration) || duration < 15 || duration > 480)
      e.durationMinutes = t('review.schedule.durationInvalid');
    setErrors(e);
    if (Object.keys(e).length > 0 || !schedule) return;
    save.mutate(schedule, {
      onSuccess: (r) =>
        setNotice(
          t('review.schedule.saved', { created: r.created, updated: r.updated, removed: r.removed, kept: r.kept }),
        ),
      onError: (err) => {
        if (err.field && err.field in values)
          setErrors((old) => ({ ...old, [err.field as keyof FormValues]: err.message }));
      },
    });
  };

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Paper component="section" aria-labelledby="schedule-form-title" sx={{ p: 2.5 }}>
          <Typography id="schedule-form-title" variant="h2" sx={{ mb: 2 }}>
            {t('review.schedule.form')}
          </Typography>
          {notice && (
            <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          <ErrorAlert error={save.error && !(save.error.field && save.error.field in values) ? save.error : null} />
          <Box
            component="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack spacing={2.5}>
              <TextField
                select
                label={t('review.schedule.weekday')}
                value={values.weekday}
                onChange={(e) => set('weekday', Number(e.target.value) as FormValues['weekday'])}
                required
              >
                {([1, 2, 3, 4, 5] as const).map((d) => (
                  <MenuItem key={d} value={d}>
                    {t(`review.schedule.weekdays.${d}`)}
                  </MenuItem>
                ))}
              </TextField>
              <FormControl required>
                <FormLabel id="parity-label">{t('review.schedule.parity')}</FormLabel>
                <RadioGroup
                  row
                  aria-labelledby="parity-label"
                  value={values.parity}
                  onChange={(e) => set('parity', e.target.value as 'even' | 'odd')}
                >
                  <FormControlLabel value="even" control={<Radio />} label={t('review.schedule.even')} />
                  <FormControlLabel value="odd" control={<Radio />} label={t('review.schedule.odd')} />
                </RadioGroup>
              </FormControl>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField
                  label={t('review.schedule.time')}
                  required
                  value={values.time}
                  onChange={(e) => set('time', e.target.value)}
                  error={Boolean(errors.time)}
                  helperText={errors.time ?? t('review.schedule.timeHelp')}
                  slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5 } }}
                />
                <TextField
                  type="number"
                  label={t('review.schedule.duration')}
                  required
                  value={values.durationMinutes}
                  onChange={(e) => set('durationMinutes', e.target.value)}
                  error={Boolean(errors.durationMinutes)}
                  helperText={errors.durationMinutes}
                  slotProps={{ htmlInput: { min: 15, max: 480, step: 15 } }}
                />
              </Stack>
              <TextField
                label={t('review.schedule.place')}
                required
                value={values.place}
                onChange={(e) => set('place', e.target.value)}
                error={Boolean(errors.place)}
                helperText={errors.place}
              />
              <TextField
                type="number"
                label={t('review.schedule.cutoff')}
                required
                value={values.cutoffWorkingDays}
                onChange={(e) => set('cutoffWorkingDays', e.target.value)}
                error={Boolean(errors.cutoffWorkingDays)}
                helperText={errors.cutoffWorkingDays ?? t('review.schedule.cutoffHelp')}
                slotProps={{
                  htmlInput: { min: 0, max: 10 },
                  input: {
                    endAdornment: <InputAdornment position="end">{t('review.schedule.cutoffUnit')}</InputAdornment>,
                  },
                }}
              />
              <Box>
                <Button type="submit" variant="contained" disabled={save.isPending}>
                  {t('review.schedule.save')}
                </Button>
              </Box>
            </Stack>
          </Box>
        </Paper>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Preview schedule={schedule} />
      </Grid>
    </Grid>
  );
}
