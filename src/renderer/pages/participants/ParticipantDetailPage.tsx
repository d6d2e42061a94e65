import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import { type NextStep, type ParticipantDetail } from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { formatDate } from '../../util/format';
import { ErrorAlert, Loading, PageHeader, Section, StageChip, useLabel } from '../../components';
import { StepDialog } from './StepDialog';
import { FollowUpDialog, type FollowUpTarget } from './FollowUpDialog';
import { AddNote, NextSteps, Timeline } from './detailParts';
import { DeviationsSection, FollowUpsSection } from './followUpSections';
import { MappingSummary, MeetingsSection, PersonSections, SocialSection } from './detailSections';
import { paths } from '../../app/paths';
import './i18n';

/** Where the person stands: stage, pause, close or exit, and the steps that can be taken next. */
function StageSection({
  p,
  message,
  onMessage,
  onStep,
}: {
  p: ParticipantDetail;
  message: string | null;
  onMessage: (m: string | null) => void;
  onStep: (s: NextStep) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Section title={t('participants.detail.stage')} id="sec-stage">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mb: 2 }}>
        <StageChip stage={p.stage} size="medium" />
        <Typography color="text.secondary">
          {t('participants.detail.since', { date: formatDate(p.stageSince), count: p.daysInStage })}
        </Typography>
      </Box>
      {p.pause && (
        <Alert severity={p.pause.overdue ? 'warning' : 'info'} sx={{ mb: 2 }}>
          {t('participants.detail.pausedInfo', {
            reason: label('pauseReason', p.pause.reason),
            date: formatDate(p.pause.expectedReturn),
          })}{' '}
          {p.pause.overdue && t('participants.detail.pauseOverdue')}
        </Alert>
      )}
      {p.closeReason && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('participants.detail.closedInfo', { reason: label('closeReason', p.closeReason) })}
        </Alert>
      )}
      {p.exit && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('participants.detail.exitInfo', {
            outcome: label('exitOutcome', p.exit.outcome),
            date: formatDate(p.exit.date),
          })}
        </Alert>
      )}
      {message && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => onMessage(null)}>
          {message}
        </Alert>
      )}
      <Typography variant="h4" component="h3" sx={{ mb: 1 }}>
        {t('participants.detail.nextSteps')}
      </Typography>
      <NextSteps
        p={p}
        onStep={(s) => {
          onMessage(null);
          onStep(s);
        }}
      />
    </Section>
  );
}

/** One participant: the journey and timeline on the left, the record's facts on the right. */
export function ParticipantDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const participant = useRpcQuery('participants.get', { id: Number(id) }, { enabled: Number(id) > 0 });
  const status = useRpcQuery('system.status', {});
  const [step, setStep] = useState<NextStep | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [followUp, setFollowUp] = useState<FollowUpTarget | null>(null);

  if (participant.isLoading) return <Loading />;
  if (participant.error || !participant.data)
    return <ErrorAlert error={participant.error ?? t('participants.detail.notFound')} />;
  const p = participant.data;

  return (
    <>
      <Button component={RouterLink} to={paths.participants} startIcon={<ArrowBack />} size="small" sx={{ mb: 1 }}>
        {t('participants.detail.back')}
      </Button>
      <PageHeader
        title={p.name}
        lead={`${p.personnummerFormatted} · ${t('participants.detail.ref')} ${p.ref} · ${t('participants.detail.age', { age: p.age })}`}
        actions={
          <>
            <Button
              component={RouterLink}
              to={paths.participantEdit(p.id)}
              variant="outlined"
              startIcon={<EditOutlined />}
            >
              {t('participants.detail.edit')}
            </Button>
            <Button
              component={RouterLink}
              to={paths.participantMapping(p.id)}
              variant="outlined"
              startIcon={<AssignmentOutlined />}
            >
              {t('participants.detail.mapping')}
            </Button>
          </>
        }
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <StageSection p={p} message={message} onMessage={setMessage} onStep={setStep} />
          <Section title={t('participants.detail.timeline')} id="sec-timeline">
            <AddNote id={p.id} />
            <Timeline p={p} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <PersonSections p={p} />
          <MappingSummary p={p} />
          <SocialSection p={p} />
          <MeetingsSection p={p} />
          <DeviationsSection p={p} />
          <FollowUpsSection p={p} today={status.data?.today ?? null} onRecord={setFollowUp} />
        </Grid>
      </Grid>
      {step && (
        <StepDialog
          participant={p}
          step={step}
          onClose={() => setStep(null)}
          onDone={(msg) => {
            setStep(null);
            setMessage(msg);
          }}
        />
      )}
      {followUp && <FollowUpDialog target={followUp} onClose={() => setFollowUp(null)} />}
    </>
  );
}
