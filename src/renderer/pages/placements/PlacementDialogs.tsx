import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { placementExtendInput, type Placement } from '../../../shared/domain/placement';
import { extensionStartDate, subsidyEndDate } from '../../../shared/rules/subsidy';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { todayIso } from '../../api/server-time';
import { FormBody, FormDialog, FormSections, useSchemaForm } from '../../components';
import { editPlacementForm, extendPlacementForm } from './forms';
import { computedEnd, PLACEMENT_INVALIDATES, useMonthsText } from './parts';
import './i18n';

export { PlacementFollowUpDialog, EndPlacementDialog } from './FollowUpEndDialogs';

/** A computed value the form shows live (the end date the shared rule gives). */
export function Preview({ label, value, help }: { label: string; value: string; help?: string }) {
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

const DECISION = ['subsidyTypeId', 'afDecisionNumber', 'afDecisionDate', 'subsidyPercent', 'subsidyCeilingOre'];

/** Corrects an active placement's terms (placements.update). A change to what a contract prints calls for a tillägg. */
export function EditPlacementDialog({ placement: p, onClose }: { placement: Placement; onClose: () => void }) {
  const { t } = useTranslation();
  const monthsText = useMonthsText();
  const subsidyTypes = useRpcQuery('subsidyTypes.list', { includeInactive: true });
  const update = useRpcMutation('placements.update', { invalidates: PLACEMENT_INVALIDATES });
  const summer = p.employmentForm === 'summer_job';
  const subsidised = p.employmentForm === 'subsidised_employment';
  const extended = p.extensions.length > 0;
  const sf = useSchemaForm({
    layout: editPlacementForm,
    record: { ...p, months: summer ? null : p.months },
    extra: { id: p.id },
    hidden: () => [...(summer ? ['months'] : []), ...(subsidised ? [] : DECISION)],
    send: (input) => update.mutateAsync(input),
    onDone: onClose,
  });
  const end =
    summer || extended ? p.endDate : computedEnd(String(sf.watch('startDate') ?? ''), String(sf.watch('months') ?? ''));
  const choices = {
    subsidyTypeId: (subsidyTypes.data ?? [])
      .filter((s) => s.active || s.id === p.subsidyTypeId)
      .map((s) => ({ value: String(s.id), label: s.name })),
  };
  return (
    <FormDialog
      title={t('placements.edit.title', { name: p.participantName })}
      lead={p.employmentForm !== 'work_training' ? t('placements.edit.contractNote') : undefined}
      submitLabel={t('common.save')}
      busy={sf.busy}
      error={sf.pageError}
      onSubmit={(e) => sf.submit(e)}
      onClose={onClose}
    >
      <FormBody
        form={sf}
        choices={choices}
        disabled={{ startDate: extended, months: extended }}
        help={
          p.maxMonths !== null ? { months: t('placements.create.monthsHelpMax', { max: monthsText(p.maxMonths) }) } : {}
        }
      >
        {extended && (
          <Typography variant="body2" color="text.secondary">
            {t('placements.edit.extendedNote')}
          </Typography>
        )}
        <FormSections variant="plain" />
        <Preview label={t('placements.create.endLabel')} value={end ?? t('placements.create.endUnknown')} />
      </FormBody>
    </FormDialog>
  );
}

/** Extends a placement with a new decision from Arbetsförmedlingen; the server holds the total to the type's maximum. */
export function ExtendDialog({ placement: p, onClose }: { placement: Placement; onClose: () => void }) {
  const { t } = useTranslation();
  const monthsText = useMonthsText();
  const extend = useRpcMutation('placements.extend', { invalidates: PLACEMENT_INVALIDATES });
  const subsidised = p.employmentForm === 'subsidised_employment';
  const sf = useSchemaForm({
    layout: extendPlacementForm,
    schema: placementExtendInput,
    defaults: {
      months: p.remainingMonths !== null && p.remainingMonths > 0 ? Math.min(12, p.remainingMonths) : 12,
      afDecisionDate: todayIso(),
      subsidyPercent: p.subsidyPercent,
      subsidyCeilingOre: p.subsidyCeilingOre,
    },
    extra: { id: p.id },
    hidden: () => (subsidised ? [] : ['subsidyPercent', 'subsidyCeilingOre']),
    send: (input) => extend.mutateAsync(input),
    onDone: onClose,
  });
  const start = extensionStartDate(p.endDate);
  const m = Number(sf.watch('months'));
  const newEnd = Number.isInteger(m) && m >= 1 && m <= 120 ? subsidyEndDate(start, m) : null;
  return (
    <FormDialog
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
      busy={sf.busy}
      error={sf.pageError}
      onSubmit={(e) => sf.submit(e)}
      onClose={onClose}
    >
      <FormBody form={sf}>
        <FormSections variant="plain" />
        <Preview
          label={t('placements.extend.newPeriod')}
          value={newEnd ? `${start} – ${newEnd}` : t('placements.create.endUnknown')}
          help={t('placements.extend.newPeriodHelp', { end: p.endDate })}
        />
      </FormBody>
    </FormDialog>
  );
}
