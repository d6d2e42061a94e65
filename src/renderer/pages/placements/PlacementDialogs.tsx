import { useState, type FormEvent, type ReactNode } from 'react';
import { Controller, useForm, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import type { ZodType } from 'zod';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { EXIT_OUTCOMES, EXIT_OUTCOME_LABELS, type ExitOutcome } from '../../../shared/domain/participant';
import {
  PLACEMENT_END_NEXT,
  PLACEMENT_END_NEXT_LABELS,
  followUpInput,
  placementEndInput,
  placementExtendInput,
  placementUpdateInput,
  type Placement,
} from '../../../shared/domain/placement';
import { isValidIsoDate, minDate } from '../../../shared/rules/dates';
import { extensionStartDate, subsidyEndDate } from '../../../shared/rules/subsidy';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  computedEnd,
  kronorInputToOre,
  oreToKronorInput,
  PLACEMENT_INVALIDATES,
  serverErrorToForm,
  todayIso,
  useMonthsText,
  DecisionFields,
  type DecisionField,
} from './parts';
import './i18n';

const dateLabel = { inputLabel: { shrink: true } } as const;
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** A dialog holding one form: title, an error alert, the fields, Cancel and the submit button. */
function FormDialog({
  id,
  title,
  lead,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit: (e: FormEvent) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={id} scroll="paper">
      <form onSubmit={onSubmit} noValidate style={{ display: 'contents' }}>
        <DialogTitle id={id}>{title}</DialogTitle>
        <DialogContent dividers>
          <ErrorAlert error={error} />
          {lead && <DialogContentText sx={{ mb: 2 }}>{lead}</DialogContentText>}
          <Stack spacing={2}>{children}</Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * Checks the values against the procedure's own zod schema (the rules main applies too) and puts every problem on its
 * field (`preset` holds problems found before parsing, e.g. an amount that is not a number); a problem with no field
 * on the form goes to the dialog's alert. Then sends, and a refusal from main lands on its field or in the alert.
 */
async function parseAndSend<T extends FieldValues, I>(opts: {
  schema: ZodType<I>;
  raw: unknown;
  fields: readonly string[];
  fieldMap?: Record<string, string>;
  preset?: Map<string, string>;
  setFieldError: UseFormSetError<T>;
  setError: (message: string | null) => void;
  send: (input: I) => Promise<unknown>;
  onDone: () => void;
}): Promise<void> {
  const fieldMap = opts.fieldMap ?? {};
  const parsed = opts.schema.safeParse(opts.raw);
  const problems = new Map(opts.preset);
  const issues = parsed.success ? [] : parsed.error.issues;
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    const field = fieldMap[key] ?? key;
    if (opts.fields.includes(field) && !problems.has(field)) problems.set(field, issue.message);
  }
  for (const [field, message] of problems) opts.setFieldError(field as Path<T>, { type: 'client', message });
  if (!parsed.success || problems.size > 0) {
    if (problems.size === 0 && issues[0]) opts.setError(issues[0].message);
    return;
  }
  try {
    await opts.send(parsed.data);
    opts.onDone();
  } catch (e) {
    opts.setError(serverErrorToForm(e, opts.setFieldError, opts.fields, fieldMap));
  }
}

function Preview({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <Box
      role="status"
      aria-live="polite"
      sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover', border: '1px solid', borderColor: 'divider' }}
    >
      <Typography component="span" sx={{ fontWeight: 600 }}>
        {label}{' '}
      </Typography>
      <Typography component="span">{value}</Typography>
      {help && (
        <Typography variant="body2" color="text.secondary">
          {help}
        </Typography>
      )}
    </Box>
  );
}

// ---------------------------------------------------------------------------------------------------------------

type EditValues = {
  startDate: string;
  months: string;
  subsidyTypeId: number | '';
  hoursPercent: string;
  monthlySalary: string;
  collectiveAgreement: string;
  afDecisionNumber: string;
  afDecisionDate: string;
  subsidyPercent: string;
  subsidyCeiling: string;
  nextFollowUpDate: string;
};
const EDIT_FIELDS = [
  'startDate',
  'months',
  'subsidyTypeId',
  'hoursPercent',
  'monthlySalary',
  'collectiveAgreement',
  'afDecisionNumber',
  'afDecisionDate',
  'subsidyPercent',
  'subsidyCeiling',
  'nextFollowUpDate',
] as const;
const MONEY_FIELDS: Record<string, string> = { monthlySalaryOre: 'monthlySalary', subsidyCeilingOre: 'subsidyCeiling' };

/** Corrects an active placement's terms (placements.update). A change to what a contract prints calls for a tillägg. */
export function EditPlacementDialog({ placement: p, onClose }: { placement: Placement; onClose: () => void }) {
  const { t } = useTranslation();
  const monthsText = useMonthsText();
  const [error, setError] = useState<string | null>(null);
  const subsidyTypes = useRpcQuery('subsidyTypes.list', { includeInactive: true });
  const update = useRpcMutation('placements.update', { invalidates: PLACEMENT_INVALIDATES });
  const summer = p.employmentForm === 'summer_job';
  const subsidised = p.employmentForm === 'subsidised_employment';
  const extended = p.extensions.length > 0;
  const {
    register,
    handleSubmit,
    control,
    formState,
    watch,
    setError: setFieldError,
    clearErrors,
  } = useForm<EditValues>({
    defaultValues: {
      startDate: p.startDate,
      months: summer ? '' : String(p.months),
      subsidyTypeId: p.subsidyTypeId ?? '',
      hoursPercent: String(p.hoursPercent),
      monthlySalary: oreToKronorInput(p.monthlySalaryOre),
      collectiveAgreement: p.collectiveAgreement ?? '',
      afDecisionNumber: p.afDecisionNumber ?? '',
      afDecisionDate: p.afDecisionDate ?? '',
      subsidyPercent: p.subsidyPercent === null ? '' : String(p.subsidyPercent),
      subsidyCeiling: oreToKronorInput(p.subsidyCeilingOre),
      nextFollowUpDate: p.nextFollowUpDate ?? '',
    },
  });
  const err = formState.errors;
  const decisionField = (name: DecisionField) => ({
    ...register(name),
    error: Boolean(err[name]),
    helperText: err[name]?.message,
  });
  const end = summer || extended ? p.endDate : computedEnd(watch('startDate'), watch('months'));

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    clearErrors();
    const salary = kronorInputToOre(v.monthlySalary);
    const ceiling = subsidised ? kronorInputToOre(v.subsidyCeiling) : null;
    const preset = new Map<string, string>();
    if (Number.isNaN(salary)) preset.set('monthlySalary', t('placements.form.kronorInvalid'));
    if (ceiling !== null && Number.isNaN(ceiling)) preset.set('subsidyCeiling', t('placements.form.kronorInvalid'));
    const raw = {
      id: p.id,
      startDate: v.startDate,
      ...(summer ? {} : { months: num(v.months) }),
      hoursPercent: num(v.hoursPercent),
      monthlySalaryOre: salary ?? undefined,
      collectiveAgreement: v.collectiveAgreement,
      ...(subsidised
        ? {
            subsidyTypeId: v.subsidyTypeId === '' ? null : v.subsidyTypeId,
            afDecisionNumber: v.afDecisionNumber,
            afDecisionDate: v.afDecisionDate || null,
            subsidyPercent: num(v.subsidyPercent) ?? null,
            subsidyCeilingOre: ceiling,
          }
        : {}),
      nextFollowUpDate: v.nextFollowUpDate || null,
    };
    await parseAndSend({
      schema: placementUpdateInput,
      raw,
      fields: EDIT_FIELDS,
      fieldMap: MONEY_FIELDS,
      preset,
      setFieldError,
      setError,
      send: (input) => update.mutateAsync(input),
      onDone: onClose,
    });
  });

  return (
    <FormDialog
      id="edit-placement-title"
      title={t('placements.edit.title', { name: p.participantName })}
      lead={p.employmentForm !== 'work_training' ? t('placements.edit.contractNote') : undefined}
      submitLabel={t('common.save')}
      busy={formState.isSubmitting}
      error={error}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t('placements.field.startDate')}
          type="date"
          required
          disabled={extended}
          slotProps={dateLabel}
          error={Boolean(err.startDate)}
          helperText={err.startDate?.message}
          {...register('startDate')}
        />
        {!summer && (
          <TextField
            label={t('placements.field.months')}
            type="number"
            required
            disabled={extended}
            slotProps={{ htmlInput: { min: 1, max: 120 } }}
            error={Boolean(err.months)}
            helperText={
              err.months?.message ??
              (p.maxMonths !== null
                ? t('placements.create.monthsHelpMax', { max: monthsText(p.maxMonths) })
                : undefined)
            }
            {...register('months')}
          />
        )}
      </Stack>
      {extended && (
        <Typography variant="body2" color="text.secondary">
          {t('placements.edit.extendedNote')}
        </Typography>
      )}
      <Preview label={t('placements.create.endLabel')} value={end ?? t('placements.create.endUnknown')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t('placements.field.hours')}
          type="number"
          required
          slotProps={{ htmlInput: { min: 1, max: 100 } }}
          error={Boolean(err.hoursPercent)}
          helperText={err.hoursPercent?.message}
          {...register('hoursPercent')}
        />
        <TextField
          label={t('placements.field.salaryKr')}
          required={p.employmentForm !== 'work_training'}
          inputMode="decimal"
          error={Boolean(err.monthlySalary)}
          helperText={err.monthlySalary?.message}
          {...register('monthlySalary')}
        />
      </Stack>
      <TextField
        label={t('placements.field.agreement')}
        error={Boolean(err.collectiveAgreement)}
        helperText={err.collectiveAgreement?.message}
        {...register('collectiveAgreement')}
      />
      {subsidised && (
        <>
          <Typography component="h3" variant="h4" sx={{ pt: 1 }}>
            {t('placements.create.decision')}
          </Typography>
          <Controller
            control={control}
            name="subsidyTypeId"
            render={({ field }) => (
              <TextField
                select
                required
                label={t('placements.field.subsidyType')}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value === '' ? '' : Number(e.target.value))}
                error={Boolean(err.subsidyTypeId)}
                helperText={err.subsidyTypeId?.message}
              >
                {(subsidyTypes.data ?? [])
                  .filter((s) => s.active || s.id === p.subsidyTypeId)
                  .map((s) => (
                    <MenuItem key={s.id} value={s.id}>
                      {s.name}
                    </MenuItem>
                  ))}
              </TextField>
            )}
          />
          <DecisionFields field={decisionField} />
        </>
      )}
      <TextField
        label={t('placements.field.nextFollowUp')}
        type="date"
        slotProps={dateLabel}
        error={Boolean(err.nextFollowUpDate)}
        helperText={err.nextFollowUpDate?.message}
        {...register('nextFollowUpDate')}
      />
    </FormDialog>
  );
}

// ---------------------------------------------------------------------------------------------------------------

type ExtendValues = {
  months: string;
  afDecisionNumber: string;
  afDecisionDate: string;
  subsidyPercent: string;
  subsidyCeiling: string;
  note: string;
};
const EXTEND_FIELDS = [
  'months',
  'afDecisionNumber',
  'afDecisionDate',
  'subsidyPercent',
  'subsidyCeiling',
  'note',
] as const;

/** Extends a placement with a new decision from Arbetsförmedlingen; the server holds the total to the type's maximum. */
export function ExtendDialog({ placement: p, onClose }: { placement: Placement; onClose: () => void }) {
  const { t } = useTranslation();
  const monthsText = useMonthsText();
  const [error, setError] = useState<string | null>(null);
  const extend = useRpcMutation('placements.extend', { invalidates: PLACEMENT_INVALIDATES });
  const {
    register,
    handleSubmit,
    formState,
    watch,
    setError: setFieldError,
    clearErrors,
  } = useForm<ExtendValues>({
    defaultValues: {
      months: p.remainingMonths !== null && p.remainingMonths > 0 ? String(Math.min(12, p.remainingMonths)) : '12',
      afDecisionNumber: '',
      afDecisionDate: todayIso(),
      subsidyPercent: p.subsidyPercent === null ? '' : String(p.subsidyPercent),
      subsidyCeiling: oreToKronorInput(p.subsidyCeilingOre),
      note: '',
    },
  });
  const err = formState.errors;
  const decisionField = (name: DecisionField) => ({
    ...register(name),
    error: Boolean(err[name]),
    helperText: err[name]?.message,
  });
  const start = extensionStartDate(p.endDate);
  const subsidised = p.employmentForm === 'subsidised_employment';
  const m = Number(watch('months'));
  const newEnd = Number.isInteger(m) && m >= 1 && m <= 120 ? subsidyEndDate(start, m) : null;

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    clearErrors();
    const ceiling = subsidised ? kronorInputToOre(v.subsidyCeiling) : null;
    const preset = new Map<string, string>();
    if (ceiling !== null && Number.isNaN(ceiling)) preset.set('subsidyCeiling', t('placements.form.kronorInvalid'));
    await parseAndSend({
      schema: placementExtendInput,
      raw: {
        id: p.id,
        months: num(v.months),
        afDecisionNumber: v.afDecisionNumber,
        afDecisionDate: v.afDecisionDate,
        subsidyPercent: subsidised ? (num(v.subsidyPercent) ?? null) : null,
        subsidyCeilingOre: ceiling,
        note: v.note,
      },
      fields: EXTEND_FIELDS,
      fieldMap: MONEY_FIELDS,
      preset,
      setFieldError,
      setError,
      send: (input) => extend.mutateAsync(input),
      onDone: onClose,
    });
  });

  return (
    <FormDialog
      id="extend-title"
      title={t('placements.extend.title', { name: p.participantName })}
      lead={
        p.maxMonths !== null
          ? t('placements.extend.leadMax', {
              total: monthsText(p.totalMonths),
              max: monthsText(p.maxMonths),
              remaining: monthsText(p.remainingMonths ?? 0),
              type: p.subsidyTypeName ?? '',
            })
          : t('placements.extend.lead', { total: monthsText(p.totalMonths) })
      }
      submitLabel={t('placements.extend.submit')}
      busy={formState.isSubmitting}
      error={error}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
    >
      <TextField
        label={t('placements.field.extendMonths')}
        type="number"
        required
        slotProps={{ htmlInput: { min: 1, max: 120 } }}
        error={Boolean(err.months)}
        helperText={err.months?.message}
        {...register('months')}
      />
      <Preview
        label={t('placements.extend.newPeriod')}
        value={newEnd ? `${start} – ${newEnd}` : t('placements.create.endUnknown')}
        help={t('placements.extend.newPeriodHelp', { end: p.endDate })}
      />
      <DecisionFields subsidy={subsidised} field={decisionField} />
      <TextField
        label={t('placements.field.note')}
        multiline
        minRows={2}
        error={Boolean(err.note)}
        helperText={err.note?.message}
        {...register('note')}
      />
    </FormDialog>
  );
}

// ---------------------------------------------------------------------------------------------------------------

type FollowUpValues = { date: string; note: string; nextStep: string; nextDate: string };
const FOLLOW_UP_FIELDS = ['date', 'note', 'nextStep', 'nextDate'] as const;

/** Records a follow-up of an active placement: date, note, next step and (optionally) the next follow-up date. */
export function PlacementFollowUpDialog({
  placement: p,
  onClose,
}: {
  placement: Pick<Placement, 'id' | 'participantName'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const add = useRpcMutation('placements.addFollowUp', { invalidates: PLACEMENT_INVALIDATES });
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
    clearErrors,
  } = useForm<FollowUpValues>({
    defaultValues: { date: todayIso(), note: '', nextStep: '', nextDate: '' },
  });
  const err = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    clearErrors();
    await parseAndSend({
      schema: followUpInput,
      raw: {
        placementId: p.id,
        date: v.date,
        note: v.note,
        nextStep: v.nextStep,
        nextDate: v.nextDate || null,
      },
      fields: FOLLOW_UP_FIELDS,
      setFieldError,
      setError,
      send: (input) => add.mutateAsync(input),
      onDone: onClose,
    });
  });
  return (
    <FormDialog
      id="placement-followup-title"
      title={t('placements.followUp.title', { name: p.participantName })}
      submitLabel={t('placements.followUp.submit')}
      busy={formState.isSubmitting}
      error={error}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
    >
      <TextField
        label={t('placements.field.followUpDate')}
        type="date"
        required
        slotProps={dateLabel}
        error={Boolean(err.date)}
        helperText={err.date?.message}
        sx={{ maxWidth: { sm: 260 } }}
        {...register('date')}
      />
      <TextField
        label={t('placements.field.note')}
        required
        multiline
        minRows={3}
        autoFocus
        error={Boolean(err.note)}
        helperText={err.note?.message}
        {...register('note')}
      />
      <TextField
        label={t('placements.field.nextStep')}
        multiline
        minRows={2}
        error={Boolean(err.nextStep)}
        helperText={err.nextStep?.message}
        {...register('nextStep')}
      />
      <TextField
        label={t('placements.field.nextFollowUp')}
        type="date"
        slotProps={dateLabel}
        error={Boolean(err.nextDate)}
        helperText={err.nextDate?.message ?? t('placements.followUp.nextHelp')}
        sx={{ maxWidth: { sm: 260 } }}
        {...register('nextDate')}
      />
    </FormDialog>
  );
}

// ---------------------------------------------------------------------------------------------------------------

type EndValues = { date: string; outcome: ExitOutcome | ''; next: (typeof PLACEMENT_END_NEXT)[number]; note: string };
const END_FIELDS = ['date', 'outcome', 'next', 'note'] as const;

/** Ends a placement with the last day and the outcome; the participant moves on in the journey. */
export function EndPlacementDialog({ placement: p, onClose }: { placement: Placement; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const end = useRpcMutation('placements.end', { invalidates: PLACEMENT_INVALIDATES });
  const summer = p.employmentForm === 'summer_job';
  const today = todayIso();
  const {
    register,
    handleSubmit,
    control,
    formState,
    setError: setFieldError,
    clearErrors,
  } = useForm<EndValues>({
    defaultValues: {
      date: isValidIsoDate(p.endDate) ? minDate(today, p.endDate) : today,
      outcome: '',
      next: 'exit',
      note: '',
    },
  });
  const err = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    clearErrors();
    await parseAndSend({
      schema: placementEndInput,
      raw: {
        id: p.id,
        date: v.date,
        outcome: v.outcome === '' ? undefined : v.outcome,
        next: v.next,
        note: v.note,
      },
      fields: END_FIELDS,
      setFieldError,
      setError,
      send: (input) => end.mutateAsync(input),
      onDone: onClose,
    });
  });
  return (
    <FormDialog
      id="end-placement-title"
      title={t('placements.end.title', { name: p.participantName })}
      lead={summer ? t('placements.end.leadSummer') : t('placements.end.lead', { end: p.endDate })}
      submitLabel={t('placements.end.submit')}
      busy={formState.isSubmitting}
      error={error}
      onSubmit={(e) => void onSubmit(e)}
      onClose={onClose}
    >
      <TextField
        label={t('placements.field.lastDay')}
        type="date"
        required
        slotProps={dateLabel}
        error={Boolean(err.date)}
        helperText={err.date?.message}
        sx={{ maxWidth: { sm: 260 } }}
        {...register('date')}
      />
      <Controller
        control={control}
        name="outcome"
        render={({ field }) => (
          <TextField
            select
            required
            label={t('placements.field.outcome')}
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            error={Boolean(err.outcome)}
            helperText={err.outcome?.message}
          >
            {EXIT_OUTCOMES.map((o) => (
              <MenuItem key={o} value={o}>
                {EXIT_OUTCOME_LABELS[o]}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
      {!summer && (
        <Controller
          control={control}
          name="next"
          render={({ field }) => (
            <FormControl component="fieldset">
              <FormLabel component="legend">{t('placements.field.next')}</FormLabel>
              <RadioGroup value={field.value} onChange={(e) => field.onChange(e.target.value)}>
                {PLACEMENT_END_NEXT.map((n) => (
                  <FormControlLabel key={n} value={n} control={<Radio />} label={PLACEMENT_END_NEXT_LABELS[n]} />
                ))}
              </RadioGroup>
            </FormControl>
          )}
        />
      )}
      <TextField
        label={t('placements.field.note')}
        multiline
        minRows={2}
        error={Boolean(err.note)}
        helperText={err.note?.message}
        {...register('note')}
      />
    </FormDialog>
  );
}
