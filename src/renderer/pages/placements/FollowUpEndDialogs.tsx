import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../shared/domain/placement';
import { isValidIsoDate, minDate } from '../../../shared/rules/dates';
import { useRpcMutation } from '../../api/hooks';
import { todayIso } from '../../api/server-time';
import { FormBody, FormDialog, FormSections, useSchemaForm } from '../../components';
import { endPlacementForm, placementFollowUpForm } from './forms';
import { PLACEMENT_INVALIDATES } from './parts';
import './i18n';

/** Records a follow-up of an active placement: date, note, next step and (optionally) the next follow-up date. */
export function PlacementFollowUpDialog({
  placement: p,
  onClose,
}: {
  placement: Pick<Placement, 'id' | 'participantName'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useRpcMutation('placements.addFollowUp', { invalidates: PLACEMENT_INVALIDATES });
  const sf = useSchemaForm({
    layout: placementFollowUpForm,
    defaults: { date: todayIso() },
    extra: { placementId: p.id },
    send: (input) => add.mutateAsync(input),
    onDone: onClose,
  });
  return (
    <FormDialog
      title={t('placements.followUp.title', { name: p.participantName })}
      submitLabel={t('placements.followUp.submit')}
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

/** Ends a placement with the last day and the outcome; the participant moves on in the journey. */
export function EndPlacementDialog({ placement: p, onClose }: { placement: Placement; onClose: () => void }) {
  const { t } = useTranslation();
  const end = useRpcMutation('placements.end', { invalidates: PLACEMENT_INVALIDATES });
  const summer = p.employmentForm === 'summer_job';
  const today = todayIso();
  const sf = useSchemaForm({
    layout: endPlacementForm,
    defaults: { date: isValidIsoDate(p.endDate) ? minDate(today, p.endDate) : today, next: 'exit' },
    extra: { id: p.id },
    hidden: () => (summer ? ['next'] : []),
    send: (input) => end.mutateAsync(input),
    onDone: onClose,
  });
  return (
    <FormDialog
      title={t('placements.end.title', { name: p.participantName })}
      lead={summer ? t('placements.end.leadSummer') : t('placements.end.lead', { end: p.endDate })}
      submitLabel={t('placements.end.submit')}
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
