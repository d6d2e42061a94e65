import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { positionInputProblems, type Position, type PositionInput } from '../../../shared/domain/position';
import { couplePositionFields, employmentFormsFor, type PeriodDraft } from '../../../shared/rules/position-form';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { type Choice, FormBody, FormDialog, FormSections, useLabel, useSchemaForm } from '../../components';
import { PeriodsField } from './PeriodsField';
import { positionForm, type PeriodValue } from './forms';
import './i18n';

const SUMMER_HIDDEN = ['slots', 'periodStart', 'periodEnd'] as const;
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

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
  const label = useLabel();
  const isNew = position === 'new';
  const workplaces = useRpcQuery('workplaces.list', { includeInactive: true });
  const subsidyTypes = useRpcQuery('subsidyTypes.list', { includeInactive: false });
  const invalidates = ['positions.', 'workplaces.', 'matching.'];
  const create = useRpcMutation('positions.create', { invalidates });
  const update = useRpcMutation('positions.update', { invalidates });

  const sf = useSchemaForm({
    layout: positionForm,
    record: isNew ? null : (position as unknown as Record<string, unknown>),
    defaults: isNew ? { workplaceId: defaultWorkplaceId ?? null, periods: [] } : {},
    // a summer job has periods; other positions one slot count and date range (the shared rule checks both)
    hidden: (v) => (v['kind'] === 'summer_job' ? SUMMER_HIDDEN : ['periods']),
    adjust: (input) => ({
      ...input,
      periods:
        input['kind'] === 'summer_job'
          ? ((input['periods'] as PeriodValue[] | undefined) ?? []).map((p) => ({
              ...(p.periodId !== null ? { id: p.periodId } : {}),
              name: p.name,
              startDate: p.startDate,
              endDate: p.endDate,
              slots: num(p.slots),
            }))
          : [],
    }),
    check: (parsed) => positionInputProblems(parsed as PositionInput),
    send: (input) => (isNew ? create.mutateAsync(input) : update.mutateAsync({ ...input, id: position.id })),
    onDone: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });

  // The kind, the employment form, the subsidy type and union review follow each other (src/shared/rules/position-form.ts).
  const { watch, setValue, getValues } = sf.form;
  const unionChosen = useMemo(() => ({ current: !isNew }), [isNew]);
  useEffect(() => {
    const sub = watch((_v, { name }) => {
      if (name === 'unionReviewRequired') {
        unionChosen.current = true;
        return;
      }
      if (name !== 'kind' && name !== 'employmentForm') return;
      const v = getValues();
      const next = couplePositionFields({
        kind: (v['kind'] as never) ?? '',
        employmentForm: (v['employmentForm'] as never) ?? '',
        subsidyTypeId: String(v['subsidyTypeId'] ?? ''),
        unionReviewRequired: Boolean(v['unionReviewRequired']),
        unionChosen: unionChosen.current,
        periodCount: ((v['periods'] as PeriodDraft[] | undefined) ?? []).length,
      });
      if (next.employmentForm !== v['employmentForm']) setValue('employmentForm', next.employmentForm);
      if (next.subsidyTypeId !== String(v['subsidyTypeId'] ?? '')) setValue('subsidyTypeId', next.subsidyTypeId);
      if (next.unionReviewRequired !== v['unionReviewRequired'])
        setValue('unionReviewRequired', next.unionReviewRequired, { shouldDirty: false });
      if (next.addPeriod)
        setValue('periods', [{ periodId: null, name: 'Period 1', startDate: '', endDate: '', slots: '1' }]);
    });
    return () => sub.unsubscribe();
  }, [watch, setValue, getValues, unionChosen]);

  const kind = sf.watch('kind') as string;
  const form = sf.watch('employmentForm') as string;
  const workplaceId = String(sf.watch('workplaceId') ?? '');
  const choices = useMemo<Record<string, Choice[]>>(
    () => ({
      workplaceId: (workplaces.data ?? [])
        .filter((w) => w.active || String(w.id) === workplaceId)
        .map((w) => ({ value: String(w.id), label: `${w.name}${w.district ? ` (${w.district})` : ''}` })),
      subsidyTypeId: (subsidyTypes.data ?? []).map((s) => ({ value: String(s.id), label: s.name })),
      employmentForm: employmentFormsFor(kind as never).map((f) => ({ value: f, label: label('employmentForm', f) })),
    }),
    [workplaces.data, subsidyTypes.data, kind, workplaceId, label],
  );

  return (
    <FormDialog
      title={isNew ? t('positions.editor.dialogNew') : t('positions.editor.dialogEdit', { title: position.title })}
      submitLabel={isNew ? t('positions.editor.create') : t('common.save')}
      busy={sf.busy}
      error={sf.pageError ?? workplaces.error ?? subsidyTypes.error}
      onSubmit={(e) => sf.submit(e)}
      onClose={onClose}
      maxWidth="md"
    >
      <FormBody
        form={sf}
        choices={choices}
        disabled={{ subsidyTypeId: form !== 'subsidised_employment' }}
        render={{ periods: (props) => <PeriodsField props={props} /> }}
      >
        <FormSections variant="plain" />
      </FormBody>
    </FormDialog>
  );
}
