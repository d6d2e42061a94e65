import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import { type ExitOutcome } from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../util/format';
import {
  ActionButton,
  DaysLeftChip,
  ErrorAlert,
  FactList,
  Loading,
  PageHeader,
  PhaseChip,
  Section,
  useLabel,
} from '../../components';
import { EditPlacementDialog, EndPlacementDialog, ExtendDialog, PlacementFollowUpDialog } from './PlacementDialogs';
import { paths } from '../../app/paths';
import { kronor, useMonthsText } from './parts';
import { Contracts, Extensions, FollowUps } from './placementSections';
import './i18n';

type DialogKind = 'edit' | 'extend' | 'followUp' | 'end' | null;

/** '/placeringar/:id': every field of one placement, its extensions, follow-ups, contract versions and the actions. */
export function PlacementDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { id } = useParams();
  const location = useLocation();
  const { hasRole } = useAuth();
  const monthsText = useMonthsText();
  const placementId = Number(id);
  const valid = Number.isInteger(placementId) && placementId > 0;
  const query = useRpcQuery(
    'placements.get',
    { id: valid ? placementId : 1 },
    { enabled: valid, retry: false, refetchOnMount: 'always' },
  );
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [created, setCreated] = useState(Boolean((location.state as { created?: boolean } | null)?.created));

  const back = (
    <Button component={RouterLink} to={paths.placements} startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('placements.detail.back')}
    </Button>
  );
  if (!valid) {
    return (
      <>
        {back}
        <Alert severity="warning">{t('placements.detail.notFound')}</Alert>
      </>
    );
  }
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) {
    return (
      <>
        {back}
        <ErrorAlert error={query.error ?? t('placements.detail.notFound')} />
      </>
    );
  }
  const p = query.data;
  const active = p.status === 'active';
  const subsidised = p.employmentForm === 'subsidised_employment';
  const summer = p.employmentForm === 'summer_job';

  const about = (
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

  return (
    <>
      {back}
      <PageHeader
        title={p.participantName}
        lead={`${p.positionTitle}${p.periodName ? ` (${p.periodName})` : ''} · ${p.workplaceName} · ${p.startDate} – ${p.endDate}`}
        actions={
          <>
            <PhaseChip phase={p.phase} size="medium" />
            <DaysLeftChip p={p} size="medium" />
          </>
        }
      />
      {created && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setCreated(false)} role="status">
          {t('placements.detail.created', { end: p.endDate })}
        </Alert>
      )}
      {p.phase === 'overdue' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('placements.detail.overdue', { end: p.endDate })}
        </Alert>
      )}
      {/* What may be done now comes from the main process (placement.actions) with the reason when not. */}
      {active && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'flex-start' }}>
          <ActionButton
            state={p.actions.edit}
            variant="outlined"
            startIcon={<EditOutlined />}
            onClick={() => setDialog('edit')}
          >
            {t('placements.detail.edit')}
          </ActionButton>
          {!summer && (
            <ActionButton
              state={p.actions.extend}
              variant="outlined"
              startIcon={<EventRepeatOutlined />}
              onClick={() => setDialog('extend')}
            >
              {t('placements.detail.extend')}
            </ActionButton>
          )}
          <ActionButton
            state={p.actions.followUp}
            variant="outlined"
            startIcon={<NoteAddOutlined />}
            onClick={() => setDialog('followUp')}
          >
            {t('placements.detail.addFollowUp')}
          </ActionButton>
          <ActionButton
            state={p.actions.end}
            variant="outlined"
            color="error"
            startIcon={<StopCircleOutlined />}
            onClick={() => setDialog('end')}
          >
            {t('placements.detail.end')}
          </ActionButton>
        </Stack>
      )}

      {subsidised ? (
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'stretch' }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>{about}</Box>
          <Box sx={{ flex: 1, minWidth: 0 }}>
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
          </Box>
        </Stack>
      ) : (
        about
      )}
      <Section
        id="contracts-heading"
        title={t('placements.detail.contracts')}
        lead={hasRole('admin') ? undefined : t('placements.detail.contractsLead')}
      >
        <Contracts p={p} canOpen={hasRole('hr', 'admin')} />
      </Section>

      {!summer && (
        <Section id="extensions-heading" title={t('placements.detail.extensions')}>
          <Extensions p={p} />
        </Section>
      )}
      <Section id="followups-heading" title={t('placements.detail.followUps')}>
        <FollowUps p={p} />
      </Section>

      {dialog === 'edit' && <EditPlacementDialog placement={p} onClose={() => setDialog(null)} />}
      {dialog === 'extend' && <ExtendDialog placement={p} onClose={() => setDialog(null)} />}
      {dialog === 'followUp' && <PlacementFollowUpDialog placement={p} onClose={() => setDialog(null)} />}
      {dialog === 'end' && <EndPlacementDialog placement={p} onClose={() => setDialog(null)} />}
    </>
  );
}
