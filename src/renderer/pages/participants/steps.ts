import { useTranslation } from 'react-i18next';
import type { NextStep, ParticipantDetail, Stage } from '../../../shared/domain/participant';
import type { JourneyCommand, MappingRequirement } from '../../../shared/rules/journey';
import { useLabel } from '../../components';
import './i18n';

/** A step's name in the language of the UI; resuming names the stage the person returns to. */
export function useStepLabel(): (step: Pick<NextStep, 'command' | 'to'>) => string {
  const { t } = useTranslation();
  const label = useLabel();
  return (step) =>
    step.command === 'resume'
      ? t('participants.detail.resumeTo', { stage: label('stage', step.to as Stage).toLocaleLowerCase() })
      : label('journeyCommand', step.command as JourneyCommand);
}

/**
 * Why a step cannot be taken now, in the language of the UI when the reason is a known one (the mapping lacks
 * fields); otherwise the main process's Swedish reason, and `swedish` is true.
 */
export function useStepReason(): (step: NextStep, p: ParticipantDetail) => { text: string; swedish: boolean } {
  const { t } = useTranslation();
  const label = useLabel();
  return (step, p) => {
    const mapping = step.command === 'mark_mapped' || step.command === 'start_matching';
    if (mapping && !p.mappingStatus.complete) {
      const fields = p.mappingStatus.missing.map((x) =>
        label('mappingRequirement', x.field as MappingRequirement).toLocaleLowerCase(),
      );
      return { text: t('participants.detail.mappingIncomplete', { fields: fields.join(', ') }), swedish: false };
    }
    return { text: step.reason ?? '', swedish: true };
  };
}
