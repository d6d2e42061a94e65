import { useState } from 'react';
import { Controller, useFieldArray, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import {
  EMPLOYMENT_FORMS,
  LICENCE_CLASSES,
  PHYSICAL_DEMANDS,
  POSITION_KINDS,
  SKILL_SUGGESTIONS,
  SWEDISH_LEVELS,
  defaultUnionReviewRequired,
  positionInput,
  positionInputProblems,
  type EmploymentForm,
  type LicenceClass,
  type PhysicalDemands,
  type Position,
  type PositionKind,
  type SwedishLevel,
} from '../../../shared/domain/position';
import { addDays } from '../../../shared/rules/dates';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/form';
import './i18n';

/** A select whose empty value is a real choice ("Inget krav"): show it instead of the bare label. */
const SHOW_EMPTY = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

type PeriodValues = { periodId: number | null; name: string; startDate: string; endDate: string; slots: string };
type Values = {
  workplaceId: number | '';
  kind: PositionKind | '';
  title: string;
  tasks: string;
  supervisorName: string;
  supervisorPhone: string;
  supervisorEmail: string;
  minSwedishLevel: SwedishLevel | '';
  requiredLicence: LicenceClass | '';
  physicalDemands: PhysicalDemands | '';
  languages: string[];
  skills: string[];
  hoursPercent: string;
  slots: string;
  periodStart: string;
  periodEnd: string;
  periods: PeriodValues[];
  employmentForm: EmploymentForm | '';
  unionReviewRequired: boolean;
  subsidyTypeId: number | '';
};

const LANGUAGE_SUGGESTIONS = [
  'svenska',
  'engelska',
  'arabiska',
  'somaliska',
  'tigrinja',
  'dari',
  'persiska',
  'bosniska',
  'finska',
  'polska',
  'ukrainska',
  'turkiska',
  'kurdiska',
];

function toValues(p: Position | null, workplaceId?: number): Values {
  if (!p) {
    return {
      workplaceId: workplaceId ?? '',
      kind: '',
      title: '',
      tasks: '',
      supervisorName: '',
      supervisorPhone: '',
      supervisorEmail: '',
      minSwedishLevel: '',
      requiredLicence: '',
      physicalDemands: '',
      languages: [],
      skills: [],
      hoursPercent: '100',
      slots: '1',
      periodStart: '',
      periodEnd: '',
      periods: [],
      employmentForm: '',
      unionReviewRequired: true,
      subsidyTypeId: '',
    };
  }
  return {
    workplaceId: p.workplaceId,
    kind: p.kind,
    title: p.title,
    tasks: p.tasks,
    supervisorName: p.supervisorName ?? '',
    supervisorPhone: p.supervisorPhone ?? '',
    supervisorEmail: p.supervisorEmail ?? '',
    minSwedishLevel: p.minSwedishLevel ?? '',
    requiredLicence: p.requiredLicence ?? '',
    physicalDemands: p.physicalDemands ?? '',
    languages: p.languages,
    skills: p.skills,
    hoursPercent: String(p.hoursPercent),
    slots: String(p.slots),
    periodStart: p.periodStart,
    periodEnd: p.periodEnd ?? '',
    periods: p.periods.map((x) => ({
      periodId: x.id,
      name: x.name,
      startDate: x.startDate,
      endDate: x.endDate,
      slots: String(x.slots),
    })),
    employmentForm: p.employmentForm,
    unionReviewRequired: p.unionReviewRequired,
    subsidyTypeId: p.subsidyTypeId ?? '',
  };
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** The request as the contract takes it; undefined where the user left a required choice empty (zod says so). */
function toInput(v: Values) {
  const summer = v.kind === 'summer_job';
  return {
    workplaceId: v.workplaceId === '' ? undefined : v.workplaceId,
    kind: v.kind === '' ? undefined : v.kind,
    title: v.title,
    tasks: v.tasks,
    supervisorName: v.supervisorName,
    supervisorPhone: v.supervisorPhone,
    supervisorEmail: v.supervisorEmail,
    minSwedishLevel: v.minSwedishLevel === '' ? null : v.minSwedishLevel,
    requiredLicence: v.requiredLicence === '' ? null : v.requiredLicence,
    physicalDemands: v.physicalDemands === '' ? null : v.physicalDemands,
    languages: v.languages,
    skills: v.skills,
    hoursPercent: num(v.hoursPercent),
    slots: summer ? undefined : num(v.slots),
    periodStart: summer ? undefined : v.periodStart || undefined,
    periodEnd: summer ? undefined : v.periodEnd || null,
    periods: summer
      ? v.periods.map((p) => ({
          ...(p.periodId !== null ? { id: p.periodId } : {}),
          name: p.name,
          startDate: p.startDate,
          endDate: p.endDate,
          slots: num(p.slots),
        }))
      : [],
    employmentForm: v.employmentForm === '' ? undefined : v.employmentForm,
    unionReviewRequired: v.unionReviewRequired,
    subsidyTypeId: v.subsidyTypeId === '' ? null : v.subsidyTypeId,
  };
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography component="h3" variant="h4" sx={{ mt: 1 }}>
      {children}
    </Typography>
  );
}

/** Create or edit a placement position with every field of docs/product.md §3 (admin). */
export function PositionDialog({
  position,
  defaultWorkplaceId,
  onClose,
  onSaved,
}: {
  position: Position | 'new';
  defaultWorkplaceId?: number;
  onClose: () => void;
  onSaved?: (p: Position) => void;
}) {
  const { t } = useTranslation();
  const isNew = position === 'new';
  const [error, setError] = useState<string | null>(null);
  const [unionTouched, setUnionTouched] = useState(!isNew);
  const workplaces = useRpcQuery('workplaces.list', { includeInactive: true });
  const subsidyTypes = useRpcQuery('subsidyTypes.list', { includeInactive: false });
  const create = useRpcMutation('positions.create', { invalidates: ['positions.', 'workplaces.', 'matching.'] });
  const update = useRpcMutation('positions.update', { invalidates: ['positions.', 'workplaces.', 'matching.'] });
  const {
    register,
    handleSubmit,
    control,
    formState,
    watch,
    setValue,
    getValues,
    setError: setFieldError,
    clearErrors,
  } = useForm<Values>({
    defaultValues: toValues(isNew ? null : position, defaultWorkplaceId),
  });
  const periods = useFieldArray({ control, name: 'periods' });
  const kind = watch('kind');
  const form = watch('employmentForm');
  const summer = kind === 'summer_job';
  const err = formState.errors;

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    clearErrors();
    const raw = toInput(v);
    const parsed = positionInput.safeParse(raw);
    const problems: Array<{ field: string; message: string }> = [];
    if (raw.workplaceId === undefined)
      problems.push({
        field: 'workplaceId',
        message: t('positions.editor.required', { field: t('positions.editor.workplace') }),
      });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        if (field === 'workplaceId') continue;
        problems.push({ field, message: issue.message });
      }
    } else {
      problems.push(...positionInputProblems(parsed.data));
    }
    if (problems.length > 0 || !parsed.success) {
      const shown = new Set<string>();
      for (const p of problems) {
        const field = p.field.replace(/^periods\.(\d+)\.id$/, 'periods.$1.name');
        if (shown.has(field)) continue;
        shown.add(field);
        setFieldError(field as Path<Values>, { type: 'client', message: p.message });
      }
      return;
    }
    try {
      const saved = isNew
        ? await create.mutateAsync(parsed.data)
        : await update.mutateAsync({ ...parsed.data, id: position.id });
      onSaved?.(saved);
      onClose();
    } catch (e) {
      const fields = [
        ...Object.keys(v).filter((k) => k !== 'periods'),
        'periods',
        ...v.periods.flatMap((_p, i) => ['name', 'startDate', 'endDate', 'slots'].map((f) => `periods.${i}.${f}`)),
      ];
      setError(applyServerError(e, setFieldError, fields));
    }
  });

  const onKindChange = (next: PositionKind) => {
    setValue('kind', next);
    if (next === 'summer_job') {
      setValue('employmentForm', 'summer_job');
      setValue('subsidyTypeId', '');
      if (getValues('periods').length === 0) addPeriod();
    } else if (getValues('employmentForm') === 'summer_job') {
      setValue('employmentForm', '');
    }
    const f = getValues('employmentForm');
    if (!unionTouched && f !== '') setValue('unionReviewRequired', defaultUnionReviewRequired(f));
  };
  const onFormChange = (next: EmploymentForm) => {
    setValue('employmentForm', next);
    if (next !== 'subsidised_employment') setValue('subsidyTypeId', '');
    if (!unionTouched) setValue('unionReviewRequired', defaultUnionReviewRequired(next));
  };
  /** A new period follows the last one: starts the Monday after (3 days after a Friday) and lasts three weeks. */
  function addPeriod() {
    const list = getValues('periods');
    const last = list[list.length - 1];
    let start = '';
    let end = '';
    try {
      if (last && /^\d{4}-\d{2}-\d{2}$/.test(last.endDate)) {
        start = addDays(last.endDate, 3);
        end = addDays(start, 18);
      }
    } catch {
      // an impossible date typed by hand: leave the new period's dates empty
    }
    periods.append({
      periodId: null,
      name: `Period ${list.length + 1}`,
      startDate: start,
      endDate: end,
      slots: last?.slots ?? '1',
    });
  }

  const activeWorkplaces = (workplaces.data ?? []).filter((w) => w.active || w.id === getValues('workplaceId'));
  const dateLabel = { inputLabel: { shrink: true } };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="position-dialog-title" scroll="paper">
      <form onSubmit={onSubmit} noValidate style={{ display: 'contents' }}>
        <DialogTitle id="position-dialog-title">
          {isNew ? t('positions.editor.dialogNew') : t('positions.editor.dialogEdit', { title: position.title })}
        </DialogTitle>
        <DialogContent dividers>
          <ErrorAlert error={error ?? workplaces.error ?? subsidyTypes.error} />
          <Stack spacing={2}>
            <SectionTitle>{t('positions.editor.basics')}</SectionTitle>
            <Controller
              control={control}
              name="workplaceId"
              render={({ field }) => (
                <TextField
                  select
                  label={t('positions.editor.workplace')}
                  required
                  value={field.value}
                  onChange={(e) => field.onChange(e.target.value === '' ? '' : Number(e.target.value))}
                  error={Boolean(err.workplaceId)}
                  helperText={err.workplaceId?.message}
                >
                  {activeWorkplaces.map((w) => (
                    <MenuItem key={w.id} value={w.id}>
                      {w.name}
                      {w.district ? ` (${w.district})` : ''}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <Controller
                control={control}
                name="kind"
                render={({ field }) => (
                  <TextField
                    select
                    label={t('positions.editor.kind')}
                    required
                    value={field.value}
                    onChange={(e) => onKindChange(e.target.value as PositionKind)}
                    error={Boolean(err.kind)}
                    helperText={err.kind?.message}
                  >
                    {POSITION_KINDS.map((k) => (
                      <MenuItem key={k} value={k}>
                        {t(`positions.kind.${k}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
              <TextField
                label={t('positions.editor.title')}
                required
                error={Boolean(err.title)}
                helperText={err.title?.message}
                {...register('title')}
              />
            </Stack>
            <TextField
              label={t('positions.editor.tasks')}
              required
              multiline
              minRows={3}
              error={Boolean(err.tasks)}
              helperText={err.tasks?.message ?? t('positions.editor.tasksHelp')}
              {...register('tasks')}
            />

            <SectionTitle>{t('positions.editor.employment')}</SectionTitle>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <Controller
                control={control}
                name="employmentForm"
                render={({ field }) => (
                  <TextField
                    select
                    label={t('positions.editor.employmentForm')}
                    required
                    value={field.value}
                    onChange={(e) => onFormChange(e.target.value as EmploymentForm)}
                    error={Boolean(err.employmentForm)}
                    helperText={err.employmentForm?.message}
                  >
                    {EMPLOYMENT_FORMS.filter((f) => (summer ? f === 'summer_job' : f !== 'summer_job')).map((f) => (
                      <MenuItem key={f} value={f}>
                        {t(`positions.form.${f}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
              <Controller
                control={control}
                name="subsidyTypeId"
                render={({ field }) => (
                  <TextField
                    select
                    label={t('positions.editor.subsidyType')}
                    slotProps={SHOW_EMPTY}
                    disabled={form !== 'subsidised_employment'}
                    value={field.value}
                    onChange={(e) => field.onChange(e.target.value === '' ? '' : Number(e.target.value))}
                    error={Boolean(err.subsidyTypeId)}
                    helperText={err.subsidyTypeId?.message}
                  >
                    <MenuItem value="">{t('positions.editor.subsidyNone')}</MenuItem>
                    {(subsidyTypes.data ?? []).map((s) => (
                      <MenuItem key={s.id} value={s.id}>
                        {s.name}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            </Stack>
            <Controller
              control={control}
              name="unionReviewRequired"
              render={({ field }) => (
                <Box>
                  <FormControlLabel
                    label={t('positions.editor.union')}
                    control={
                      <Checkbox
                        checked={field.value}
                        onChange={(e) => {
                          setUnionTouched(true);
                          field.onChange(e.target.checked);
                        }}
                      />
                    }
                  />
                  <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{t('positions.editor.unionHelp')}</FormHelperText>
                </Box>
              )}
            />

            <SectionTitle>{t('positions.editor.capacity')}</SectionTitle>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                label={t('positions.editor.hours')}
                required
                type="number"
                slotProps={{ htmlInput: { min: 1, max: 100 } }}
                error={Boolean(err.hoursPercent)}
                helperText={err.hoursPercent?.message}
                {...register('hoursPercent')}
              />
              {!summer && (
                <TextField
                  label={t('positions.editor.slots')}
                  required
                  type="number"
                  slotProps={{ htmlInput: { min: 1, max: 500 } }}
                  error={Boolean(err.slots)}
                  helperText={err.slots?.message}
                  {...register('slots')}
                />
              )}
            </Stack>
            {!summer && (
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField
                  label={t('positions.editor.periodStart')}
                  type="date"
                  required
                  slotProps={dateLabel}
                  error={Boolean(err.periodStart)}
                  helperText={err.periodStart?.message}
                  {...register('periodStart')}
                />
                <TextField
                  label={t('positions.editor.periodEnd')}
                  type="date"
                  slotProps={dateLabel}
                  error={Boolean(err.periodEnd)}
                  helperText={err.periodEnd?.message ?? t('positions.editor.periodEndHelp')}
                  {...register('periodEnd')}
                />
              </Stack>
            )}
            {summer && (
              <Box
                component="fieldset"
                sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1, p: 2, m: 0 }}
              >
                <Typography component="legend" variant="body2" sx={{ px: 0.5, fontWeight: 600 }}>
                  {t('positions.editor.periods')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                  {t('positions.editor.periodsHelp')}
                </Typography>
                {err.periods?.message && (
                  <FormHelperText error sx={{ mb: 1 }}>
                    {err.periods.message}
                  </FormHelperText>
                )}
                <Stack spacing={1.5}>
                  {periods.fields.length === 0 && (
                    <Typography variant="body2">{t('positions.editor.noPeriods')}</Typography>
                  )}
                  {periods.fields.map((f, i) => {
                    const pe = err.periods?.[i];
                    return (
                      <Stack
                        key={f.id}
                        direction={{ xs: 'column', sm: 'row' }}
                        spacing={1.5}
                        sx={{ alignItems: 'flex-start' }}
                      >
                        <TextField
                          label={t('positions.editor.periodName')}
                          required
                          error={Boolean(pe?.name)}
                          helperText={pe?.name?.message}
                          {...register(`periods.${i}.name`)}
                        />
                        <TextField
                          label={t('positions.editor.periodStartDate')}
                          type="date"
                          required
                          slotProps={dateLabel}
                          error={Boolean(pe?.startDate)}
                          helperText={pe?.startDate?.message}
                          {...register(`periods.${i}.startDate`)}
                        />
                        <TextField
                          label={t('positions.editor.periodEndDate')}
                          type="date"
                          required
                          slotProps={dateLabel}
                          error={Boolean(pe?.endDate)}
                          helperText={pe?.endDate?.message}
                          {...register(`periods.${i}.endDate`)}
                        />
                        <TextField
                          label={t('positions.editor.periodSlots')}
                          type="number"
                          required
                          sx={{ maxWidth: { sm: 120 } }}
                          slotProps={{ htmlInput: { min: 1, max: 500 } }}
                          error={Boolean(pe?.slots)}
                          helperText={pe?.slots?.message}
                          {...register(`periods.${i}.slots`)}
                        />
                        <IconButton
                          aria-label={t('positions.editor.removePeriod', {
                            name: getValues(`periods.${i}.name`) || i + 1,
                          })}
                          onClick={() => periods.remove(i)}
                          sx={{ mt: 0.5 }}
                        >
                          <DeleteOutlined />
                        </IconButton>
                      </Stack>
                    );
                  })}
                </Stack>
                <Button
                  startIcon={<AddOutlined />}
                  onClick={addPeriod}
                  sx={{ mt: 1.5 }}
                  disabled={periods.fields.length >= 12}
                >
                  {t('positions.editor.addPeriod')}
                </Button>
              </Box>
            )}

            <SectionTitle>{t('positions.editor.requirements')}</SectionTitle>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <Controller
                control={control}
                name="minSwedishLevel"
                render={({ field }) => (
                  <TextField
                    select
                    slotProps={SHOW_EMPTY}
                    label={t('positions.editor.minSwedish')}
                    value={field.value}
                    onChange={field.onChange}
                    error={Boolean(err.minSwedishLevel)}
                    helperText={err.minSwedishLevel?.message}
                  >
                    <MenuItem value="">{t('positions.editor.noRequirement')}</MenuItem>
                    {SWEDISH_LEVELS.map((l) => (
                      <MenuItem key={l} value={l}>
                        {t(`positions.swedish.${l}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
              <Controller
                control={control}
                name="requiredLicence"
                render={({ field }) => (
                  <TextField
                    select
                    slotProps={SHOW_EMPTY}
                    label={t('positions.editor.licence')}
                    value={field.value}
                    onChange={field.onChange}
                    error={Boolean(err.requiredLicence)}
                    helperText={err.requiredLicence?.message}
                  >
                    <MenuItem value="">{t('positions.editor.noRequirement')}</MenuItem>
                    {LICENCE_CLASSES.map((l) => (
                      <MenuItem key={l} value={l}>
                        {t(`positions.licence.${l}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            </Stack>
            <Controller
              control={control}
              name="physicalDemands"
              render={({ field }) => (
                <TextField
                  select
                  slotProps={SHOW_EMPTY}
                  label={t('positions.editor.physical')}
                  value={field.value}
                  onChange={field.onChange}
                  error={Boolean(err.physicalDemands)}
                  helperText={err.physicalDemands?.message}
                >
                  <MenuItem value="">{t('positions.editor.notStated')}</MenuItem>
                  {PHYSICAL_DEMANDS.map((l) => (
                    <MenuItem key={l} value={l}>
                      {t(`positions.physical.${l}`)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
            <Controller
              control={control}
              name="skills"
              render={({ field }) => (
                <Autocomplete
                  multiple
                  freeSolo
                  options={SKILL_SUGGESTIONS as readonly string[]}
                  value={field.value}
                  onChange={(_e, v) => field.onChange(v.map((s) => s.trim()).filter(Boolean))}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      label={t('positions.editor.skills')}
                      error={Boolean(err.skills)}
                      helperText={err.skills?.message ?? t('positions.editor.skillsHelp')}
                    />
                  )}
                />
              )}
            />
            <Controller
              control={control}
              name="languages"
              render={({ field }) => (
                <Autocomplete
                  multiple
                  freeSolo
                  options={LANGUAGE_SUGGESTIONS}
                  value={field.value}
                  onChange={(_e, v) => field.onChange(v.map((s) => s.trim()).filter(Boolean))}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      label={t('positions.editor.languages')}
                      error={Boolean(err.languages)}
                      helperText={err.languages?.message ?? t('positions.editor.languagesHelp')}
                    />
                  )}
                />
              )}
            />

            <SectionTitle>{t('positions.editor.supervisor')}</SectionTitle>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                label={t('positions.editor.supervisorName')}
                error={Boolean(err.supervisorName)}
                helperText={err.supervisorName?.message}
                {...register('supervisorName')}
              />
              <TextField
                label={t('positions.editor.supervisorPhone')}
                type="tel"
                error={Boolean(err.supervisorPhone)}
                helperText={err.supervisorPhone?.message}
                {...register('supervisorPhone')}
              />
              <TextField
                label={t('positions.editor.supervisorEmail')}
                type="email"
                error={Boolean(err.supervisorEmail)}
                helperText={err.supervisorEmail?.message}
                {...register('supervisorEmail')}
              />
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {isNew ? t('positions.editor.create') : t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
