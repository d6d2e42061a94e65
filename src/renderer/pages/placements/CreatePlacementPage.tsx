import { useState } from 'react';
import { Controller, useForm, type Path } from 'react-hook-form';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { placementCreateInput, type PlacementPrefill } from '../../../shared/domain/placement';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Facts } from '../positions/parts';
import {
  computedEnd,
  kronor,
  kronorInputToOre,
  oreToKronorInput,
  PLACEMENT_INVALIDATES,
  PLACEMENTS_BASE,
  placementPath,
  Section,
  serverErrorToForm,
  useMonthsText,
  DecisionFields,
} from './parts';
import './i18n';

type Values = {
  startDate: string;
  months: string;
  positionPeriodId: number | '';
  subsidyTypeId: number | '';
  hoursPercent: string;
  monthlySalary: string;
  collectiveAgreement: string;
  afDecisionNumber: string;
  afDecisionDate: string;
  subsidyPercent: string;
  subsidyCeiling: string;
  firstFollowUpDate: string;
};

/** Server field → form field. */
const FIELD_MAP: Record<string, string> = { monthlySalaryOre: 'monthlySalary', subsidyCeilingOre: 'subsidyCeiling' };
const FIELDS: readonly string[] = [
  'startDate',
  'months',
  'positionPeriodId',
  'subsidyTypeId',
  'hoursPercent',
  'monthlySalary',
  'collectiveAgreement',
  'afDecisionNumber',
  'afDecisionDate',
  'subsidyPercent',
  'subsidyCeiling',
  'firstFollowUpDate',
];

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));
const dateLabel = { inputLabel: { shrink: true } } as const;

function defaults(p: PlacementPrefill): Values {
  const summer = p.employmentForm === 'summer_job';
  const period = summer
    ? (p.periods.find((x) => x.startDate <= p.suggestedStart && x.endDate >= p.suggestedStart) ?? p.periods[0])
    : undefined;
  return {
    startDate:
      summer && period ? (period.startDate > p.suggestedStart ? period.startDate : p.suggestedStart) : p.suggestedStart,
    months: summer ? '' : String(p.suggestedMonths.includes(12) ? 12 : (p.suggestedMonths[0] ?? 12)),
    positionPeriodId: period?.id ?? '',
    subsidyTypeId: p.subsidyTypeId ?? '',
    hoursPercent: String(p.hoursPercent),
    monthlySalary: p.employmentForm === 'work_training' ? '0' : '',
    collectiveAgreement: '',
    afDecisionNumber: '',
    afDecisionDate: '',
    subsidyPercent: p.defaultPercent === null ? '' : String(p.defaultPercent),
    subsidyCeiling: oreToKronorInput(p.monthlyCeilingOre),
    firstFollowUpDate: '',
  };
}

function PlacementForm({ prefill }: { prefill: PlacementPrefill }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const monthsText = useMonthsText();
  const [error, setError] = useState<string | null>(null);
  const subsidyTypes = useRpcQuery('subsidyTypes.list', { includeInactive: false });
  const create = useRpcMutation('placements.create', { invalidates: PLACEMENT_INVALIDATES });
  const {
    register,
    handleSubmit,
    control,
    formState,
    watch,
    setValue,
    setError: setFieldError,
    clearErrors,
  } = useForm<Values>({ defaultValues: defaults(prefill) });
  const err = formState.errors;
  const form = prefill.employmentForm;
  const summer = form === 'summer_job';
  const subsidised = form === 'subsidised_employment';

  const startDate = watch('startDate');
  const months = watch('months');
  const periodId = watch('positionPeriodId');
  const typeId = watch('subsidyTypeId');
  const type = (subsidyTypes.data ?? []).find((s) => s.id === typeId);
  const maxMonths = type?.maxMonths ?? (typeId === prefill.subsidyTypeId ? prefill.maxMonths : null);
  const period = prefill.periods.find((p) => p.id === periodId);
  const end = summer ? (period?.endDate ?? null) : computedEnd(startDate, months);
  const quickMonths = [...new Set([...prefill.suggestedMonths, ...(maxMonths ? [maxMonths] : [])])]
    .filter((m) => maxMonths === null || m <= maxMonths)
    .sort((a, b) => a - b);

  const onTypeChange = (id: number | '') => {
    setValue('subsidyTypeId', id);
    const next = (subsidyTypes.data ?? []).find((s) => s.id === id);
    if (next && !formState.dirtyFields.subsidyPercent) setValue('subsidyPercent', String(next.defaultPercent));
    if (next && !formState.dirtyFields.subsidyCeiling)
      setValue('subsidyCeiling', oreToKronorInput(next.monthlyCeilingOre));
  };

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    clearErrors();
    const salary = kronorInputToOre(v.monthlySalary);
    const ceiling = subsidised ? kronorInputToOre(v.subsidyCeiling) : null;
    const problems = new Map<string, string>();
    if (Number.isNaN(salary)) problems.set('monthlySalary', t('placements.form.kronorInvalid'));
    if (ceiling !== null && Number.isNaN(ceiling)) problems.set('subsidyCeiling', t('placements.form.kronorInvalid'));
    const raw = {
      proposalId: prefill.proposalId,
      startDate: v.startDate,
      months: summer ? undefined : num(v.months),
      positionPeriodId: summer && v.positionPeriodId !== '' ? v.positionPeriodId : undefined,
      subsidyTypeId: subsidised && v.subsidyTypeId !== '' ? v.subsidyTypeId : null,
      hoursPercent: num(v.hoursPercent),
      monthlySalaryOre: salary ?? undefined,
      collectiveAgreement: v.collectiveAgreement,
      afDecisionNumber: subsidised ? v.afDecisionNumber : null,
      afDecisionDate: subsidised && v.afDecisionDate ? v.afDecisionDate : null,
      subsidyPercent: subsidised ? (num(v.subsidyPercent) ?? null) : null,
      subsidyCeilingOre: ceiling,
      ...(v.firstFollowUpDate ? { firstFollowUpDate: v.firstFollowUpDate } : {}),
    };
    const parsed = placementCreateInput.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = FIELD_MAP[key] ?? key;
        if (FIELDS.includes(field) && !problems.has(field)) problems.set(field, issue.message);
      }
    }
    if (problems.size > 0 || !parsed.success) {
      for (const [field, message] of problems) setFieldError(field as Path<Values>, { type: 'client', message });
      if (problems.size === 0 && !parsed.success) setError(parsed.error.issues[0]?.message ?? null);
      return;
    }
    try {
      const created = await create.mutateAsync(parsed.data);
      void navigate(placementPath(created.id), { state: { created: true } });
    } catch (e) {
      setError(serverErrorToForm(e, setFieldError, FIELDS, FIELD_MAP));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Section id="proposal-heading" title={t('placements.create.proposal')}>
        <Facts
          items={[
            {
              label: t('placements.field.participant'),
              value: `${prefill.participantName} (${prefill.participantRef})`,
            },
            { label: t('placements.field.position'), value: prefill.positionTitle },
            { label: t('placements.field.workplace'), value: prefill.workplaceName },
            { label: t('placements.field.form'), value: t(`placements.form.employment.${form}`) },
            {
              label: t('placements.field.positionPeriod'),
              value: prefill.periodEnd
                ? `${prefill.periodStart} – ${prefill.periodEnd}`
                : t('placements.create.openEnded', { start: prefill.periodStart }),
            },
            { label: t('placements.field.earliestStart'), value: prefill.earliestStart ?? '–' },
          ]}
        />
        {prefill.fullPeriods.length > 0 && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {t('placements.create.full', {
              periods: prefill.fullPeriods.map((f) => `${f.from} – ${f.to}`).join(', '),
              slots: prefill.slots,
            })}
          </Alert>
        )}
      </Section>

      <Section id="time-heading" title={t('placements.create.time')}>
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            {summer ? (
              <Controller
                control={control}
                name="positionPeriodId"
                render={({ field }) => (
                  <TextField
                    select
                    required
                    label={t('placements.field.period')}
                    value={field.value}
                    onChange={(e) => {
                      const id = e.target.value === '' ? '' : Number(e.target.value);
                      field.onChange(id);
                      const p = prefill.periods.find((x) => x.id === id);
                      if (p) setValue('startDate', p.startDate);
                    }}
                    error={Boolean(err.positionPeriodId)}
                    helperText={err.positionPeriodId?.message}
                  >
                    {prefill.periods.map((p) => (
                      <MenuItem key={p.id} value={p.id}>
                        {p.name} ({p.startDate} – {p.endDate})
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            ) : null}
            <TextField
              label={t('placements.field.startDate')}
              type="date"
              required
              slotProps={dateLabel}
              error={Boolean(err.startDate)}
              helperText={err.startDate?.message ?? t('placements.create.startHelp', { date: prefill.suggestedStart })}
              {...register('startDate')}
            />
            {!summer && (
              <Box sx={{ width: '100%' }}>
                <TextField
                  label={t('placements.field.months')}
                  type="number"
                  required
                  slotProps={{ htmlInput: { min: 1, max: 120, step: 1 } }}
                  error={Boolean(err.months)}
                  helperText={
                    err.months?.message ??
                    (maxMonths !== null
                      ? t('placements.create.monthsHelpMax', { max: monthsText(maxMonths) })
                      : t('placements.create.monthsHelp'))
                  }
                  {...register('months')}
                />
                {quickMonths.length > 0 && (
                  <Stack
                    direction="row"
                    spacing={1}
                    sx={{ mt: 1 }}
                    role="group"
                    aria-label={t('placements.create.quickMonths')}
                  >
                    {quickMonths.map((m) => (
                      <Button
                        key={m}
                        size="small"
                        variant={String(m) === months ? 'contained' : 'outlined'}
                        aria-pressed={String(m) === months}
                        onClick={() => setValue('months', String(m), { shouldDirty: true })}
                      >
                        {monthsText(m)}
                      </Button>
                    ))}
                  </Stack>
                )}
              </Box>
            )}
          </Stack>
          <Box
            role="status"
            aria-live="polite"
            sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover', border: '1px solid', borderColor: 'divider' }}
          >
            <Typography component="span" sx={{ fontWeight: 600 }}>
              {t('placements.create.endLabel')}{' '}
            </Typography>
            <Typography component="span" data-testid="computed-end">
              {end ?? t('placements.create.endUnknown')}
            </Typography>
            {end && !summer && (
              <Typography variant="body2" color="text.secondary">
                {t('placements.create.endRule', { months: monthsText(Number(months)) })}
              </Typography>
            )}
            {end && summer && (
              <Typography variant="body2" color="text.secondary">
                {t('placements.create.endSummer')}
              </Typography>
            )}
          </Box>
          <TextField
            label={t('placements.field.firstFollowUp')}
            type="date"
            slotProps={dateLabel}
            error={Boolean(err.firstFollowUpDate)}
            helperText={err.firstFollowUpDate?.message ?? t('placements.create.firstFollowUpHelp')}
            sx={{ maxWidth: { md: 320 } }}
            {...register('firstFollowUpDate')}
          />
        </Stack>
      </Section>

      <Section id="employment-heading" title={t('placements.create.employment')}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label={t('placements.field.hours')}
            type="number"
            required
            slotProps={{ htmlInput: { min: 1, max: 100 } }}
            error={Boolean(err.hoursPercent)}
            helperText={err.hoursPercent?.message ?? t('placements.create.hoursHelp', { hours: prefill.hoursPercent })}
            {...register('hoursPercent')}
          />
          <TextField
            label={t('placements.field.salaryKr')}
            required={form !== 'work_training'}
            inputMode="decimal"
            error={Boolean(err.monthlySalary)}
            helperText={
              err.monthlySalary?.message ??
              (form === 'work_training' ? t('placements.create.salaryTraining') : t('placements.create.salaryHelp'))
            }
            {...register('monthlySalary')}
          />
          <TextField
            label={t('placements.field.agreement')}
            error={Boolean(err.collectiveAgreement)}
            helperText={err.collectiveAgreement?.message ?? t('placements.create.agreementHelp')}
            {...register('collectiveAgreement')}
          />
        </Stack>
      </Section>

      {subsidised && (
        <Section
          id="decision-heading"
          title={t('placements.create.decision')}
          lead={t('placements.create.decisionLead')}
        >
          <Stack spacing={2}>
            <Controller
              control={control}
              name="subsidyTypeId"
              render={({ field }) => (
                <TextField
                  select
                  required
                  label={t('placements.field.subsidyType')}
                  value={field.value}
                  onChange={(e) => onTypeChange(e.target.value === '' ? '' : Number(e.target.value))}
                  error={Boolean(err.subsidyTypeId)}
                  helperText={
                    err.subsidyTypeId?.message ??
                    (type
                      ? t('placements.create.typeHelp', {
                          max: monthsText(type.maxMonths),
                          percent: type.defaultPercent,
                          ceiling: kronor(type.monthlyCeilingOre),
                        })
                      : undefined)
                  }
                >
                  {(subsidyTypes.data ?? []).map((s) => (
                    <MenuItem key={s.id} value={s.id}>
                      {s.name}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
            <DecisionFields
              breakpoint="md"
              field={(name) => ({
                ...register(name),
                error: Boolean(err[name]),
                helperText:
                  err[name]?.message ??
                  (name === 'subsidyPercent'
                    ? t('placements.create.percentHelp')
                    : name === 'subsidyCeiling'
                      ? t('placements.create.ceilingHelp')
                      : undefined),
              })}
            />
            <Typography variant="body2" color="text.secondary">
              {t('placements.create.decisionPeriod', {
                period: end ? `${startDate} – ${end}` : '–',
              })}
            </Typography>
          </Stack>
        </Section>
      )}

      <ErrorAlert error={error} />
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mb: 4 }}>
        <Button component={RouterLink} to={`${PLACEMENTS_BASE}/att-placera`}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
          {t('placements.create.submit')}
        </Button>
      </Box>
    </form>
  );
}

/** '/placeringar/ny/:proposalId': a new placement from an approved proposal (placements.prefill → placements.create). */
export function CreatePlacementPage() {
  const { t } = useTranslation();
  const { proposalId } = useParams();
  const id = Number(proposalId);
  const valid = Number.isInteger(id) && id > 0;
  const prefill = useRpcQuery('placements.prefill', { proposalId: valid ? id : 1 }, { enabled: valid, retry: false });
  const back = (
    <Button component={RouterLink} to={`${PLACEMENTS_BASE}/att-placera`} startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('placements.create.back')}
    </Button>
  );
  if (!valid) {
    return (
      <>
        {back}
        <Alert severity="warning">{t('placements.create.notFound')}</Alert>
      </>
    );
  }
  if (prefill.isLoading) return <Loading />;
  return (
    <>
      {back}
      <PageHeader
        title={t('placements.create.title')}
        lead={
          prefill.data
            ? t('placements.create.lead', {
                id,
                name: prefill.data.participantName,
                position: prefill.data.positionTitle,
                workplace: prefill.data.workplaceName,
              })
            : undefined
        }
      />
      <ErrorAlert error={prefill.error} />
      {prefill.data && <PlacementForm prefill={prefill.data} />}
    </>
  );
}
