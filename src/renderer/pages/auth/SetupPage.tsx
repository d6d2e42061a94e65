import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { rpc } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyServerError } from '../../components/form';
import { ErrorAlert } from '../../components';
import { AuthCard } from './AuthCard';

type Values = { displayName: string; username: string; password: string; repeat: string };

/** First run: the database has no users; create the first admin. */
export function SetupPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
  } = useForm<Values>({
    defaultValues: { displayName: '', username: '', password: '', repeat: '' },
  });

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    if (v.password !== v.repeat) return setFieldError('repeat', { message: t('setup.mismatch') });
    try {
      const r = await rpc('system.setup', { displayName: v.displayName, username: v.username, password: v.password });
      signIn(r.token, r.user);
      await qc.invalidateQueries({ queryKey: ['system.status'] });
    } catch (e) {
      setError(applyServerError(e, setFieldError, ['displayName', 'username', 'password']));
    }
  });

  const err = formState.errors;
  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <ErrorAlert error={error} />
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          <TextField
            label={t('setup.displayName')}
            autoComplete="name"
            required
            autoFocus
            error={Boolean(err.displayName)}
            helperText={err.displayName?.message}
            {...register('displayName')}
          />
          <TextField
            label={t('setup.username')}
            autoComplete="username"
            required
            error={Boolean(err.username)}
            helperText={err.username?.message}
            {...register('username')}
          />
          <TextField
            label={t('setup.password')}
            type="password"
            autoComplete="new-password"
            required
            error={Boolean(err.password)}
            helperText={err.password?.message ?? t('setup.passwordHelp')}
            {...register('password')}
          />
          <TextField
            label={t('setup.passwordRepeat')}
            type="password"
            autoComplete="new-password"
            required
            error={Boolean(err.repeat)}
            helperText={err.repeat?.message}
            {...register('repeat')}
          />
          <Button type="submit" variant="contained" size="large" disabled={formState.isSubmitting}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
