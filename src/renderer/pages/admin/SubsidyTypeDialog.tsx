import { useTranslation } from 'react-i18next';
import { subsidyTypeInput, type SubsidyType } from '../../../shared/contract/subsidy-types';
import { useRpcMutation } from '../../api/hooks';
import { defineForm, FormBody, FormDialog, FormSections, useSchemaForm } from '../../components';
import './SubsidyTypes.i18n';

/** A subsidy type: the fields of `subsidyTypeInput`; the ceiling is typed in kronor and stored in öre. */
export const subsidyTypeForm = defineForm('subsidyType', subsidyTypeInput, [
  {
    key: 'main',
    rows: [
      [{ name: 'name', autoFocus: true }],
      [
        { name: 'maxMonths', initial: 12 },
        { name: 'defaultPercent', widget: 'percent' },
      ],
      [{ name: 'monthlyCeilingOre', widget: 'money' }],
      [{ name: 'notes', widget: 'multiline' }],
    ],
  },
]);

/** Create or edit a subsidy type (admin). */
export function SubsidyTypeDialog({ type, onClose }: { type: SubsidyType | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const isNew = type === 'new';
  const create = useRpcMutation('subsidyTypes.create', { invalidates: ['subsidyTypes.'] });
  const update = useRpcMutation('subsidyTypes.update', { invalidates: ['subsidyTypes.'] });
  const sf = useSchemaForm({
    layout: subsidyTypeForm,
    record: isNew ? null : (type as unknown as Record<string, unknown>),
    send: (input) => (isNew ? create.mutateAsync(input) : update.mutateAsync({ ...input, id: type.id })),
    onDone: onClose,
  });
  return (
    <FormDialog
      title={isNew ? t('subsidyTypes.dialogNew') : t('subsidyTypes.dialogEdit', { name: type.name })}
      lead={!isNew && type.usedByPlacements > 0 ? t('subsidyTypes.editNote') : undefined}
      submitLabel={isNew ? t('subsidyTypes.create') : t('common.save')}
      busy={sf.busy}
      error={sf.pageError}
      onSubmit={(e) => sf.submit(e)}
      onClose={onClose}
    >
      <FormBody form={sf}>
        <FormSections variant="plain" />
      </FormBody>
    </FormDialog>
  );
}
