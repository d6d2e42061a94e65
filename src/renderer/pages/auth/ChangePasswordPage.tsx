import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { rpc } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyServerError } from '../../components/form';
import { ErrorAlert } from '../../components';
import { AuthCard } from './AuthCard';

type Values = { currentPassword: string; newPassword: string; repeat: string };

export function ChangePasswordPage({ forced }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { refresh, signOut } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
    reset,
  } = useForm<Values>({
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    if (v.newPassword !== v.repeat) return setFieldError('repeat', { message: t('setup.mismatch') });
    try {
      await rpc('auth.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      reset();
      setDone(true);
      await refresh();
    } catch (e) {
      setError(applyServerError(e, setFieldError, ['currentPassword', 'newPassword']));
    }
  });

  const err = formState.errors;
  return (
    <AuthCard
      title={t('changePassword.title')}
      intro={forced ? t('changePassword.mustChange') : undefined}
      embedded={!forced}
    >
      {done && (
        <Alert severity="success" sx={{ mb: 2 }}>
          {t('changePassword.done')}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          <TextField
            label={t('changePassword.current')}
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            error={Boolean(err.currentPassword)}
            helperText={err.currentPassword?.message}
            {...register('currentPassword')}
          />
          <TextField
            label={t('changePassword.next')}
            type="password"
            autoComplete="new-password"
            required
            error={Boolean(err.newPassword)}
            helperText={err.newPassword?.message ?? t('setup.passwordHelp')}
            {...register('newPassword')}
          />
          <TextField
            label={t('changePassword.repeat')}
            type="password"
            autoComplete="new-password"
            required
            error={Boolean(err.repeat)}
            helperText={err.repeat?.message}
            {...register('repeat')}
          />
          <Button type="submit" variant="contained" size="large" disabled={formState.isSubmitting}>
            {t('changePassword.submit')}
          </Button>
          {forced && (
            <Button variant="text" onClick={() => void signOut()}>
              {t('user.logout')}
            </Button>
          )}
        </Stack>
      </form>
    </AuthCard>
  );
}
