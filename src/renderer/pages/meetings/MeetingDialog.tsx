import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { INTERPRETER_LANGUAGE_SUGGESTIONS } from '../../../shared/domain/languages';
import { RpcClientError } from '../../api/client';
import { useRpcMutation } from '../../api/hooks';
import { DateField, FormDialog, TagsField, TimeField, useErrorText } from '../../components';
import './i18n';

interface Values {
  date: string;
  start: string;
  end: string;
  place: string;
  capacity: string;
  interpreterLanguages: string[];
  notes: string;
}

/** Server field → form field. */
const FIELD_OF: Record<string, keyof Values> = {
  startsAt: 'start',
  endsAt: 'end',
  place: 'place',
  capacity: 'capacity',
  interpreterLanguages: 'interpreterLanguages',
  notes: 'notes',
};

/** Creates or edits an information meeting (time, place, capacity, interpreter languages). */
export function MeetingDialog({ meeting, onClose }: { meeting: MeetingDetail | null; onClose: (id?: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const isNew = meeting === null;
  const create = useRpcMutation('meetings.create', { invalidates: ['meetings.', 'participants.dashboard'] });
  const update = useRpcMutation('meetings.update', { invalidates: ['meetings.', 'participants.'] });
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    control,
    formState,
    setError: setFieldError,
  } = useForm<Values>({
    defaultValues: meeting
      ? {
          date: meeting.startsAt.slice(0, 10),
          start: meeting.startsAt.slice(11, 16),
          end: meeting.endsAt.slice(11, 16),
          place: meeting.place,
          capacity: String(meeting.capacity),
          interpreterLanguages: meeting.interpreterLanguages,
          notes: meeting.notes ?? '',
        }
      : { date: '', start: '09:00', end: '11:00', place: '', capacity: '12', interpreterLanguages: [], notes: '' },
  });
  const err = formState.errors;
  const required = (label: string) => ({ required: t('meetings.form.required', { label }) });

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    const input = {
      startsAt: `${v.date}T${v.start}`,
      endsAt: `${v.date}T${v.end}`,
      place: v.place,
      capacity: Number(v.capacity),
      interpreterLanguages: v.interpreterLanguages,
      notes: v.notes.trim() === '' ? null : v.notes,
    };
    try {
      const saved = isNew ? await create.mutateAsync(input) : await update.mutateAsync({ id: meeting.id, ...input });
      onClose(saved.id);
    } catch (e) {
      const field = e instanceof RpcClientError && e.field ? FIELD_OF[e.field.split('.')[0]!] : undefined;
      if (field) setFieldError(field, { type: 'server', message: errorText(e) });
      else setError(e);
    }
  });

  return (
    <FormDialog
      title={isNew ? t('meetings.form.createTitle') : t('meetings.form.editTitle')}
      submitLabel={isNew ? t('meetings.form.create') : t('meetings.form.save')}
      busy={formState.isSubmitting}
      error={error}
      onSubmit={onSubmit}
      onClose={() => onClose()}
    >
      <Grid container spacing={2} sx={{ mt: 0.5 }}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <Controller
            control={control}
            name="date"
            rules={required(t('meetings.form.date'))}
            render={({ field }) => (
              <DateField
                label={t('meetings.form.date')}
                required
                autoFocus
                value={field.value}
                onChange={field.onChange}
                error={Boolean(err.date)}
                helperText={err.date?.message}
              />
            )}
          />
        </Grid>
        {(['start', 'end'] as const).map((name) => (
          <Grid key={name} size={{ xs: 6, sm: 3 }}>
            <Controller
              control={control}
              name={name}
              rules={required(t(`meetings.form.${name}`))}
              render={({ field }) => (
                <TimeField
                  label={t(`meetings.form.${name}`)}
                  required
                  value={field.value}
                  onChange={field.onChange}
                  error={Boolean(err[name])}
                  helperText={err[name]?.message}
                />
              )}
            />
          </Grid>
        ))}
        <Grid size={{ xs: 12, sm: 9 }}>
          <TextField
            label={t('meetings.form.place')}
            required
            error={Boolean(err.place)}
            helperText={err.place?.message ?? t('meetings.form.placeHelp')}
            {...register('place', required(t('meetings.form.place')))}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <TextField
            type="number"
            label={t('meetings.form.capacity')}
            required
            slotProps={{ htmlInput: { min: 1, max: 500 } }}
            error={Boolean(err.capacity)}
            helperText={err.capacity?.message}
            {...register('capacity', required(t('meetings.form.capacity')))}
          />
        </Grid>
        <Grid size={12}>
          <Controller
            control={control}
            name="interpreterLanguages"
            render={({ field }) => (
              <TagsField
                id="meeting-interpreter"
                label={t('meetings.form.interpreter')}
                value={field.value}
                onChange={field.onChange}
                suggestions={INTERPRETER_LANGUAGE_SUGGESTIONS}
                error={Boolean(err.interpreterLanguages)}
                helperText={err.interpreterLanguages?.message ?? t('meetings.form.interpreterHelp')}
              />
            )}
          />
        </Grid>
        <Grid size={12}>
          <TextField
            label={t('meetings.form.notes')}
            multiline
            minRows={2}
            error={Boolean(err.notes)}
            helperText={err.notes?.message}
            {...register('notes')}
          />
        </Grid>
      </Grid>
    </FormDialog>
  );
}
