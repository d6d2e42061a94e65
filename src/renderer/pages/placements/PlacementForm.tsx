import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PlacementPrefill } from '../../../shared/domain/placement';
import { oreToKronorText } from '../../../shared/rules/numbers';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import {
  ErrorAlert,
  FactList,
  type FieldRenderProps,
  FormBody,
  FormSection,
  Section,
  useLabel,
  useSchemaForm,
} from '../../components';
import { createPlacementForm } from './forms';
import { computedEnd, kronor, PLACEMENT_INVALIDATES, useMonthsText } from './parts';
import './i18n';

/** The period a summer job starts in (the one holding the suggested start, else the first). */
export function startPeriod(p: PlacementPrefill) {
  return p.periods.find((x) => x.startDate <= p.suggestedStart && x.endDate >= p.suggestedStart) ?? p.periods[0];
}

export function defaults(p: PlacementPrefill): Record<string, unknown> {
  const summer = p.employmentForm === 'summer_job';
  const period = summer ? startPeriod(p) : undefined;
  return {
    startDate: period && period.startDate > p.suggestedStart ? period.startDate : p.suggestedStart,
    months: summer ? null : p.suggestedMonths.includes(12) ? 12 : (p.suggestedMonths[0] ?? 12),
    positionPeriodId: period?.id ?? null,
    subsidyTypeId: p.subsidyTypeId,
    hoursPercent: p.hoursPercent,
    monthlySalaryOre: p.employmentForm === 'work_training' ? 0 : null,
    subsidyPercent: p.defaultPercent,
    subsidyCeilingOre: p.monthlyCeilingOre,
  };
}

/** Months as a number field with a button per usual length ("6 månader", "12 månader", the type's maximum). */
export function MonthsField({ props, quick }: { props: FieldRenderProps; quick: readonly number[] }) {
  const { t } = useTranslation();
  const monthsText = useMonthsText();
  const value = String(props.value ?? '');
  return (
    <Box sx={{ width: '100%' }}>
      <TextField
        label={props.label}
        type="number"
        required
        slotProps={{ htmlInput: { min: 1, max: 120, step: 1 } }}
        value={value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        inputRef={props.inputRef}
        error={Boolean(props.error)}
        helperText={props.helperText}
      />
      {quick.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }} role="group" aria-label={t('placements.create.quickMonths')}>
          {quick.map((m) => (
            <Button
              key={m}
              size="small"
              variant={String(m) === value ? 'contained' : 'outlined'}
              aria-pressed={String(m) === value}
              onClick={() => props.onChange(String(m))}
            >
              {monthsText(m)}
            </Button>
          ))}
        </Stack>
      )}
    </Box>
  );
}

export function PlacementForm({ prefill }: { prefill: PlacementPrefill }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const monthsText = useMonthsText();
  const subsidyTypes = useRpcQuery('subsidyTypes.list', { includeInactive: false });
  const create = useRpcMutation('placements.create', { invalidates: PLACEMENT_INVALIDATES });
  const form = prefill.employmentForm;
  const summer = form === 'summer_job';
  const subsidised = form === 'subsidised_employment';
  const decision = ['subsidyTypeId', 'afDecisionNumber', 'afDecisionDate', 'subsidyPercent', 'subsidyCeilingOre'];
  const sf = useSchemaForm({
    layout: createPlacementForm,
    defaults: defaults(prefill),
    extra: { proposalId: prefill.proposalId },
    hidden: () => [...(summer ? ['months'] : ['positionPeriodId']), ...(subsidised ? [] : decision)],
    adjust: (input) => {
      const m = String(input['months'] ?? '').trim();
      return {
        ...input,
        months: summer || m === '' ? undefined : Number(m),
        ...(subsidised ? {} : { subsidyTypeId: null }),
      };
    },
    send: (input) => create.mutateAsync(input),
    onDone: (created) => void navigate(paths.placement(created.id), { state: { created: true } }),
  });

  const startDate = String(sf.watch('startDate') ?? '');
  const months = String(sf.watch('months') ?? '');
  const typeId = Number(sf.watch('subsidyTypeId')) || null;
  const periodId = Number(sf.watch('positionPeriodId')) || null;
  const type = (subsidyTypes.data ?? []).find((s) => s.id === typeId);
  const maxMonths = type?.maxMonths ?? (typeId === prefill.subsidyTypeId ? prefill.maxMonths : null);
  const end = summer
    ? (prefill.periods.find((p) => p.id === periodId)?.endDate ?? null)
    : computedEnd(startDate, months);
  const quickMonths = [...new Set([...prefill.suggestedMonths, ...(maxMonths ? [maxMonths] : [])])]
    .filter((m) => maxMonths === null || m <= maxMonths)
    .sort((a, b) => a - b);

  // A chosen period sets the start; a chosen subsidy type sets percent and ceiling unless the user has typed them.
  const { watch, setValue, getFieldState } = sf.form;
  useEffect(() => {
    const sub = watch((v, { name }) => {
      if (name === 'positionPeriodId') {
        const p = prefill.periods.find((x) => String(x.id) === String(v['positionPeriodId']));
        if (p) setValue('startDate', p.startDate);
      }
      if (name === 'subsidyTypeId') {
        const next = (subsidyTypes.data ?? []).find((s) => String(s.id) === String(v['subsidyTypeId']));
        if (!next) return;
        if (!getFieldState('subsidyPercent').isDirty) setValue('subsidyPercent', String(next.defaultPercent));
        if (!getFieldState('subsidyCeilingOre').isDirty)
          setValue('subsidyCeilingOre', oreToKronorText(next.monthlyCeilingOre));
      }
    });
    return () => sub.unsubscribe();
  }, [watch, setValue, getFieldState, prefill.periods, subsidyTypes.data]);

  const choices = useMemo(
    () => ({
      positionPeriodId: prefill.periods.map((p) => ({
        value: String(p.id),
        label: `${p.name} (${p.startDate} – ${p.endDate})`,
      })),
      subsidyTypeId: (subsidyTypes.data ?? []).map((s) => ({ value: String(s.id), label: s.name })),
    }),
    [prefill.periods, subsidyTypes.data],
  );
  const help = {
    startDate: t('placements.create.startHelp', { date: prefill.suggestedStart }),
    months:
      maxMonths !== null
        ? t('placements.create.monthsHelpMax', { max: monthsText(maxMonths) })
        : t('placements.create.monthsHelp'),
    hoursPercent: t('placements.create.hoursHelp', { hours: prefill.hoursPercent }),
    monthlySalaryOre:
      form === 'work_training' ? t('placements.create.salaryTraining') : t('placements.create.salaryHelp'),
    ...(type
      ? {
          subsidyTypeId: t('placements.create.typeHelp', {
            max: monthsText(type.maxMonths),
            percent: type.defaultPercent,
            ceiling: kronor(type.monthlyCeilingOre),
          }),
        }
      : {}),
  };

  return (
    <form onSubmit={(e) => void sf.submit(e)} noValidate>
      <Section id="proposal-heading" title={t('placements.create.proposal')}>
        <FactList
          columns={2}
          items={[
            {
              label: t('placements.field.participant'),
              value: `${prefill.participantName} (${prefill.participantRef})`,
            },
            { label: t('placements.field.position'), value: prefill.positionTitle },
            { label: t('placements.field.workplace'), value: prefill.workplaceName },
            { label: t('placements.field.form'), value: label('employmentForm', form) },
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
      <FormBody
        form={sf}
        choices={choices}
        help={help}
        render={{ months: (props) => <MonthsField props={props} quick={quickMonths} /> }}
      >
        <FormSection section="time">
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
            <Typography variant="body2" color="text.secondary">
              {end && !summer && t('placements.create.endRule', { months: monthsText(Number(months)) })}
              {end && summer && t('placements.create.endSummer')}
            </Typography>
          </Box>
        </FormSection>
        <FormSection section="employment" />
        <FormSection section="decision" lead={t('placements.create.decisionLead')}>
          <Typography variant="body2" color="text.secondary">
            {t('placements.create.decisionPeriod', { period: end ? `${startDate} – ${end}` : '–' })}
          </Typography>
        </FormSection>
      </FormBody>
      <ErrorAlert error={sf.pageError} />
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mb: 4 }}>
        <Button component={RouterLink} to={paths.toPlace}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="contained" disabled={sf.busy}>
          {t('placements.create.submit')}
        </Button>
      </Box>
    </form>
  );
}
