import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Workplace } from '../../../shared/domain/position';
import { BORAS_DISTRICTS } from '../../../shared/domain/participant';
import { useRpcMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/form';
import './i18n';

type Values = { name: string; organisation: string; address: string; district: string; notes: string };
const FIELDS = ['name', 'organisation', 'address', 'district', 'notes'];

/** Create or edit a workplace (admin). */
export function WorkplaceDialog({
  workplace,
  onClose,
  onSaved,
}: {
  workplace: Workplace | 'new';
  onClose: () => void;
  onSaved?: (w: Workplace) => void;
}) {
  const { t } = useTranslation();
  const isNew = workplace === 'new';
  const [error, setError] = useState<string | null>(null);
  const create = useRpcMutation('workplaces.create', { invalidates: ['workplaces.', 'positions.'] });
  const update = useRpcMutation('workplaces.update', { invalidates: ['workplaces.', 'positions.', 'matching.'] });
  const {
    register,
    handleSubmit,
    control,
    formState,
    setError: setFieldError,
  } = useForm<Values>({
    defaultValues: isNew
      ? { name: '', organisation: '', address: '', district: '', notes: '' }
      : {
          name: workplace.name,
          organisation: workplace.organisation ?? '',
          address: workplace.address ?? '',
          district: workplace.district ?? '',
          notes: workplace.notes ?? '',
        },
  });
  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    try {
      const saved = isNew ? await create.mutateAsync(v) : await update.mutateAsync({ id: workplace.id, ...v });
      onSaved?.(saved);
      onClose();
    } catch (e) {
      setError(applyServerError(e, setFieldError, FIELDS));
    }
  });
  const err = formState.errors;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="workplace-dialog-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="workplace-dialog-title">
          {isNew ? t('positions.workplaces.dialogNew') : t('positions.workplaces.dialogEdit', { name: workplace.name })}
        </DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField
              label={t('positions.workplaces.name')}
              required
              autoFocus
              error={Boolean(err.name)}
              helperText={err.name?.message}
              {...register('name', {
                validate: (v) =>
                  v.trim() !== '' || t('positions.editor.required', { field: t('positions.workplaces.name') }),
              })}
            />
            <TextField
              label={t('positions.workplaces.organisation')}
              error={Boolean(err.organisation)}
              helperText={err.organisation?.message}
              {...register('organisation')}
            />
            <TextField
              label={t('positions.workplaces.address')}
              error={Boolean(err.address)}
              helperText={err.address?.message}
              {...register('address')}
            />
            <Controller
              control={control}
              name="district"
              render={({ field }) => (
                <Autocomplete
                  freeSolo
                  options={BORAS_DISTRICTS as readonly string[]}
                  value={field.value}
                  onInputChange={(_e, v) => field.onChange(v)}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      label={t('positions.workplaces.district')}
                      error={Boolean(err.district)}
                      helperText={err.district?.message}
                    />
                  )}
                />
              )}
            />
            <TextField
              label={t('positions.workplaces.notes')}
              multiline
              minRows={2}
              error={Boolean(err.notes)}
              helperText={err.notes?.message}
              {...register('notes')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {isNew ? t('positions.workplaces.create') : t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
