import { useTranslation } from 'react-i18next';
import type { Workplace } from '../../../shared/domain/position';
import { useRpcMutation } from '../../api/hooks';
import { FormBody, FormDialog, FormSections, useSchemaForm } from '../../components';
import { workplaceForm } from './forms';
import './i18n';

/** Create or edit a workplace (admin). */
export function WorkplaceDialog({
  workplace,
  onClose,
  onSaved,
}: {
  workplace: Workplace | 'new';
  onClose: () => void;
  onSaved?: (w: Workplace) => void;
}) {
  const { t } = useTranslation();
  const isNew = workplace === 'new';
  const create = useRpcMutation('workplaces.create', { invalidates: ['workplaces.', 'positions.'] });
  const update = useRpcMutation('workplaces.update', { invalidates: ['workplaces.', 'positions.', 'matching.'] });
  const sf = useSchemaForm({
    layout: workplaceForm,
    record: isNew ? null : (workplace as unknown as Record<string, unknown>),
    send: (input) => (isNew ? create.mutateAsync(input) : update.mutateAsync({ ...input, id: workplace.id })),
    onDone: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });
  return (
    <FormDialog
      title={
        isNew ? t('positions.workplaces.dialogNew') : t('positions.workplaces.dialogEdit', { name: workplace.name })
      }
      submitLabel={isNew ? t('positions.workplaces.create') : t('common.save')}
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
