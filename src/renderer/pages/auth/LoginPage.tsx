import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { rpc } from '../../api/client';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components';
import { AuthCard } from './AuthCard';

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn, expired } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<{ username: string; password: string }>({
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    try {
      const r = await rpc('auth.login', values);
      signIn(r.token, r.user);
    } catch (e) {
      setError(e);
    }
  });

  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      {expired && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('login.expired')}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          <TextField
            label={t('login.username')}
            autoComplete="username"
            autoFocus
            required
            {...register('username', { required: true })}
          />
          <TextField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            required
            {...register('password', { required: true })}
          />
          <Button type="submit" variant="contained" size="large" disabled={formState.isSubmitting}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
