import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  MATCH_CRITERIA,
  matchWeightsSchema,
  type MatchCriterionKey,
  type MatchWeights,
} from '../../../shared/domain/proposal';
import { RpcClientError } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { formatDateTime } from '../../util/format';
import { ErrorAlert, Loading, PageHeader, useLabel } from '../../components';
import { MatchingTabs } from './MatchingTabs';
import './i18n';

type Values = Record<MatchCriterionKey, string>;

const toValues = (w: MatchWeights): Values =>
  Object.fromEntries(MATCH_CRITERIA.map((k) => [k, String(w[k])])) as Values;
const toWeights = (v: Values) =>
  Object.fromEntries(MATCH_CRITERIA.map((k) => [k, v[k].trim() === '' ? Number.NaN : Number(v[k])]));

/** '/matchning/vikter' (admin): the points each soft criterion can give. New weights apply to new scores only. */
export function WeightsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const view = useRpcQuery('matching.getWeights', {});
  const save = useRpcMutation('matching.setWeights', { invalidates: ['matching.'] });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setValue,
    control,
    formState,
    setError: setFieldError,
    clearErrors,
  } = useForm<Values>({
    defaultValues: Object.fromEntries(MATCH_CRITERIA.map((k) => [k, ''])) as Values,
  });
  const values = useWatch({ control });
  useEffect(() => {
    if (view.data) reset(toValues(view.data.weights));
  }, [view.data, reset]);

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    setSaved(false);
    clearErrors();
    const parsed = matchWeightsSchema.safeParse(toWeights(v));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (typeof key === 'string' && (MATCH_CRITERIA as readonly string[]).includes(key)) {
          setFieldError(key as MatchCriterionKey, { type: 'client', message: issue.message });
        } else setError(issue.message);
      }
      return;
    }
    try {
      const out = await save.mutateAsync({ weights: parsed.data });
      reset(toValues(out.weights));
      setSaved(true);
    } catch (e) {
      const field = e instanceof RpcClientError ? e.field?.replace(/^weights\./, '') : undefined;
      if (field && (MATCH_CRITERIA as readonly string[]).includes(field))
        setFieldError(field as MatchCriterionKey, { type: 'server', message: (e as Error).message });
      else setError(e instanceof Error ? e.message : String(e));
    }
  });

  if (view.isLoading) return <Loading />;
  const data = view.data;
  const sum = MATCH_CRITERIA.reduce((s, k) => s + (Number(values[k]) || 0), 0);

  return (
    <>
      <PageHeader title={t('matching.weights.title')} lead={t('matching.weights.lead')} />
      <MatchingTabs value="weights" />
      <ErrorAlert error={view.error ?? error} />
      {saved && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(false)} role="status">
          {t('matching.weights.saved')}
        </Alert>
      )}
      {data && (
        <Paper component="form" onSubmit={onSubmit} noValidate sx={{ p: 2 }} aria-labelledby="weights-heading">
          <Typography id="weights-heading" component="h2" variant="h3" gutterBottom>
            {t('matching.weights.formTitle')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {data.updatedAt
              ? t('matching.weights.updatedAt', { at: formatDateTime(data.updatedAt) })
              : t('matching.weights.defaultsInUse')}
          </Typography>
          <Stack spacing={2} divider={<Box sx={{ borderTop: 1, borderColor: 'divider' }} />}>
            {data.criteria.map((c) => {
              const share = sum > 0 ? Math.round(((Number(values[c.key]) || 0) / sum) * 100) : 0;
              const fieldError = formState.errors[c.key];
              return (
                <Stack
                  key={c.key}
                  direction={{ xs: 'column', md: 'row' }}
                  spacing={2}
                  sx={{ alignItems: { md: 'center' } }}
                >
                  <Box sx={{ flex: 1 }}>
                    <Typography component="h3" variant="h4" id={`w-${c.key}-label`}>
                      {label('matchCriterion', c.key)}
                      {c.sensitive && (
                        <Chip size="small" variant="outlined" label={t('matching.explain.sensitive')} sx={{ ml: 1 }} />
                      )}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" id={`w-${c.key}-help`}>
                      {label('matchCriterionHelp', c.key)}
                    </Typography>
                  </Box>
                  <TextField
                    id={`weight-${c.key}`}
                    label={t('matching.weights.points')}
                    type="number"
                    sx={{ width: { md: 220 } }}
                    slotProps={{
                      htmlInput: {
                        min: 0,
                        max: 100,
                        step: 1,
                        'aria-labelledby': `w-${c.key}-label weight-${c.key}-label`,
                        'aria-describedby': `w-${c.key}-help weight-${c.key}-helper-text`,
                      },
                    }}
                    error={Boolean(fieldError)}
                    helperText={
                      fieldError?.message ?? t('matching.weights.share', { share, default: data.defaults[c.key] })
                    }
                    {...register(c.key)}
                  />
                </Stack>
              );
            })}
          </Stack>
          <Box sx={{ mt: 3, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography sx={{ flexGrow: 1, fontWeight: 600 }} role="status">
              {t('matching.weights.max', { sum })}
            </Typography>
            <Button
              onClick={() => {
                for (const k of MATCH_CRITERIA) setValue(k, String(data.defaults[k]), { shouldDirty: true });
                setSaved(false);
              }}
            >
              {t('matching.weights.reset')}
            </Button>
            <Button type="submit" variant="contained" disabled={formState.isSubmitting || !formState.isDirty}>
              {t('matching.weights.save')}
            </Button>
          </Box>
        </Paper>
      )}
    </>
  );
}
