import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Link from '@mui/material/Link';
import { type ExitOutcome } from '../../../shared/domain/participant';
import { formatDateTime } from '../../util/format';
import { FactList, Section, useLabel } from '../../components';
import { paths } from '../../app/paths';
import { kronor, useMonthsText } from './parts';
import type { Placement } from '../../../shared/domain/placement';
import './i18n';

/** What the placement is: who, where, the period and its length, hours, salary, follow-up, and how it ended. */
export function PlacementAbout({ p }: { p: Placement }) {
  const { t } = useTranslation();
  const label = useLabel();
  const monthsText = useMonthsText();
  const subsidised = p.employmentForm === 'subsidised_employment';
  const summer = p.employmentForm === 'summer_job';
  return (
    <Section id="placement-heading" title={t('placements.detail.about')}>
      <FactList
        columns={subsidised ? 1 : 2}
        items={[
          {
            label: t('placements.field.participant'),
            value: (
              <>
                <Link component={RouterLink} to={paths.participant(p.participantId)}>
                  {p.participantName}
                </Link>{' '}
                ({p.participantRef})
              </>
            ),
          },
          {
            label: t('placements.field.position'),
            value: (
              <Link component={RouterLink} to={paths.position(p.positionId)}>
                {p.positionTitle}
                {p.periodName ? ` (${p.periodName})` : ''}
              </Link>
            ),
          },
          { label: t('placements.field.workplace'), value: `${p.workplaceName}${p.district ? `, ${p.district}` : ''}` },
          { label: t('placements.field.form'), value: label('employmentForm', p.employmentForm) },
          { label: t('placements.field.startDate'), value: p.startDate },
          { label: t('placements.field.endDate'), value: p.endDate },
          ...(summer
            ? []
            : [
                {
                  label: t('placements.field.length'),
                  value:
                    p.extensions.length > 0
                      ? t('placements.detail.lengthExtended', {
                          first: monthsText(p.months),
                          total: monthsText(p.totalMonths),
                        })
                      : monthsText(p.months),
                },
              ]),
          { label: t('placements.field.hours'), value: `${p.hoursPercent} %` },
          { label: t('placements.field.salary'), value: kronor(p.monthlySalaryOre) },
          { label: t('placements.field.agreement'), value: p.collectiveAgreement ?? '–' },
          {
            label: t('placements.field.nextFollowUp'),
            value: p.nextFollowUpDate
              ? `${p.nextFollowUpDate}${p.followUpOverdue ? ` – ${t('placements.list.followUpLate')}` : ''}`
              : '–',
          },
          {
            label: t('placements.detail.createdBy'),
            value: `${p.createdByName ?? '–'}, ${formatDateTime(p.createdAt)}`,
          },
          ...(p.status === 'ended'
            ? [
                { label: t('placements.field.lastDay'), value: p.endedAt ?? '–' },
                {
                  label: t('placements.field.outcome'),
                  value: p.endOutcome ? (label('exitOutcome', p.endOutcome as ExitOutcome) ?? p.endOutcome) : '–',
                },
                ...(p.endNote ? [{ label: t('placements.detail.endNote'), value: p.endNote }] : []),
              ]
            : []),
        ]}
      />
    </Section>
  );
}

/** The wage-subsidy decision of a subsidised employment: type, number, date, percent, ceiling and months used. */
export function DecisionFacts({ p }: { p: Placement }) {
  const { t } = useTranslation();
  const monthsText = useMonthsText();
  return (
    <Section id="decision-heading" title={t('placements.create.decision')}>
      <FactList
        columns={1}
        items={[
          { label: t('placements.field.subsidyType'), value: p.subsidyTypeName ?? '–' },
          { label: t('placements.field.decisionNumber'), value: p.afDecisionNumber ?? '–' },
          { label: t('placements.field.decisionDate'), value: p.afDecisionDate ?? '–' },
          {
            label: t('placements.field.percent'),
            value: p.subsidyPercent === null ? '–' : `${p.subsidyPercent} %`,
          },
          { label: t('placements.field.ceiling'), value: kronor(p.subsidyCeilingOre) },
          {
            label: t('placements.detail.decisionPeriod'),
            value: `${p.startDate} – ${p.decisionPeriodEnd} (${monthsText(p.months)})`,
          },
          {
            label: t('placements.detail.monthsUsed'),
            value:
              p.maxMonths === null
                ? monthsText(p.totalMonths)
                : t('placements.detail.monthsOfMax', {
                    total: monthsText(p.totalMonths),
                    max: monthsText(p.maxMonths),
                    remaining: monthsText(p.remainingMonths ?? 0),
                  }),
          },
        ]}
      />
    </Section>
  );
}
