import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import { useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { ActionButton, DaysLeftChip, ErrorAlert, Loading, PageHeader, PhaseChip, Section } from '../../components';
import { EditPlacementDialog, EndPlacementDialog, ExtendDialog, PlacementFollowUpDialog } from './PlacementDialogs';
import { paths } from '../../app/paths';
import { Contracts, Extensions, FollowUps } from './placementSections';
import './i18n';
import { DecisionFacts, PlacementAbout } from './placementFacts';

type DialogKind = 'edit' | 'extend' | 'followUp' | 'end' | null;

/** '/placeringar/:id': every field of one placement, its extensions, follow-ups, contract versions and the actions. */
export function PlacementDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const { hasRole } = useAuth();
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

  const about = <PlacementAbout p={p} />;

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
            <DecisionFacts p={p} />
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
