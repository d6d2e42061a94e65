import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import { FOLLOW_UP_EARLY_DAYS, type NextStep, type ParticipantDetail } from '../../../shared/domain/participant';
import { type JourneyVia, type MappingRequirement } from '../../../shared/rules/journey';
import { addDays, compare } from '../../../shared/rules/dates';
import { downloadFile, rpc } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { formatDate, formatDateTime, formatMoney } from '../../util/format';
import { ErrorAlert, FactList, Loading, PageHeader, Section, StageChip, SwedishText, useLabel } from '../../components';
import { VIA_PATHS } from './components';
import { DIALOG_COMMANDS, StepDialog } from './StepDialog';
import { useStepLabel, useStepReason } from './steps';
import { FollowUpDialog, type FollowUpTarget } from './FollowUpDialog';
import { paths } from '../../app/paths';
import './i18n';

/** Steps that move the person forward get the strong button; side steps (pause, close) a quieter one. */
const SIDE_STEPS = new Set(['pause', 'close', 'cancel_booking', 'back_to_mapping', 'record_no_show']);

function NextSteps({ p, onStep }: { p: ParticipantDetail; onStep: (s: NextStep) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const stepLabel = useStepLabel();
  const stepReason = useStepReason();
  const manual = p.nextSteps.filter((s) => s.manual && DIALOG_COMMANDS.has(s.command));
  const blocked = manual.filter((s) => !s.enabled && s.reason);
  const elsewhere = p.nextSteps.filter((s) => !s.manual || !DIALOG_COMMANDS.has(s.command));
  if (p.nextSteps.length === 0)
    return <Typography color="text.secondary">{t('participants.detail.noSteps')}</Typography>;
  return (
    <Stack spacing={1.5}>
      {manual.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {manual.map((s) => (
            <Button
              key={s.command}
              variant={SIDE_STEPS.has(s.command) ? 'outlined' : 'contained'}
              color={s.command === 'close' ? 'error' : 'primary'}
              disabled={!s.enabled}
              onClick={() => onStep(s)}
            >
              {stepLabel(s)}
            </Button>
          ))}
        </Box>
      )}
      {blocked.map((s) => {
        const reason = stepReason(s, p);
        return (
          <Typography key={s.command} variant="body2" color="text.secondary">
            <strong>{stepLabel(s)}:</strong> {reason.swedish ? <SwedishText>{reason.text}</SwedishText> : reason.text}
            {(s.command === 'mark_mapped' || s.command === 'start_matching') && (
              <>
                {' '}
                <Link component={RouterLink} to={paths.participantMapping(p.id)} underline="always">
                  {t('participants.detail.openMapping')}
                </Link>
              </>
            )}
          </Typography>
        );
      })}
      {elsewhere.map((s) => {
        const path = VIA_PATHS[s.via];
        const where = label('journeyVia', s.via as JourneyVia) ?? s.via;
        return (
          <Typography key={s.command} variant="body2" color="text.secondary">
            {stepLabel(s)} –{' '}
            {path ? (
              <Link component={RouterLink} to={path} underline="always">
                {t('participants.detail.elsewhere', { where })}
              </Link>
            ) : (
              t('participants.detail.elsewhere', { where })
            )}
          </Typography>
        );
      })}
    </Stack>
  );
}

function Timeline({ p }: { p: ParticipantDetail }) {
  const { t } = useTranslation();
  return (
    <Box component="ol" aria-label={t('participants.detail.timelineLabel')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {p.timeline.map((e) => (
        <Box
          component="li"
          key={e.id}
          sx={{
            position: 'relative',
            pl: 3,
            pb: 2,
            borderLeft: '2px solid',
            borderColor: 'divider',
            ml: 1,
            '&:last-of-type': { borderColor: 'transparent', pb: 0 },
          }}
        >
          <Box
            aria-hidden
            sx={{
              position: 'absolute',
              left: -7,
              top: 4,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: e.toStage ? 'primary.main' : 'background.paper',
              border: '2px solid',
              borderColor: 'primary.main',
            }}
          />
          <Typography variant="body2" color="text.secondary">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
            {t([`enum.timelineKind.${e.kind}`, 'participants.detail.event'], { defaultValue: e.kind })} ·{' '}
            {e.user ? t('participants.detail.by', { name: e.user.name }) : t('participants.detail.system')}
          </Typography>
          <Typography sx={{ fontWeight: 600 }}>
            <SwedishText>{e.summary}</SwedishText>
          </Typography>
          {e.note && (
            <Typography
              variant="body2"
              sx={{ whiteSpace: 'pre-wrap', mt: 0.5, pl: 1.5, borderLeft: '3px solid', borderColor: 'divider' }}
            >
              {e.note}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}

function AddNote({ id }: { id: number }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const add = useRpcMutation('participants.addNote', { invalidates: ['participants.'] });
  return (
    <Box
      component="form"
      noValidate
      sx={{ mb: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim() === '') return;
        add.mutate(
          { id, note },
          {
            onSuccess: () => {
              setNote('');
              setSaved(true);
            },
          },
        );
      }}
    >
      <ErrorAlert error={add.error} />
      <TextField
        label={t('participants.detail.addNote')}
        multiline
        minRows={2}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          setSaved(false);
        }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
        <Button type="submit" variant="outlined" disabled={note.trim() === '' || add.isPending}>
          {t('participants.detail.saveNote')}
        </Button>
        {saved && (
          <Typography role="status" variant="body2" color="success.main">
            {t('participants.detail.noteSaved')}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

export function ParticipantDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { id } = useParams();
  const participant = useRpcQuery('participants.get', { id: Number(id) }, { enabled: Number(id) > 0 });
  const status = useRpcQuery('system.status', {});
  const [step, setStep] = useState<NextStep | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [followUp, setFollowUp] = useState<FollowUpTarget | null>(null);
  const [letterError, setLetterError] = useState<unknown>(null);

  if (participant.isLoading) return <Loading />;
  if (participant.error || !participant.data)
    return <ErrorAlert error={participant.error ?? t('participants.detail.notFound')} />;
  const p = participant.data;
  const today = status.data?.today ?? null;
  const m = p.mapping;

  const letter = async (deviationId: number) => {
    setLetterError(null);
    try {
      downloadFile(await rpc('deviations.letter', { id: deviationId }));
    } catch (e) {
      setLetterError(e);
    }
  };

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
              <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setMessage(null)}>
                {message}
              </Alert>
            )}
            <Typography variant="h4" component="h3" sx={{ mb: 1 }}>
              {t('participants.detail.nextSteps')}
            </Typography>
            <NextSteps
              p={p}
              onStep={(s) => {
                setMessage(null);
                setStep(s);
              }}
            />
          </Section>
          <Section title={t('participants.detail.timeline')} id="sec-timeline">
            <AddNote id={p.id} />
            <Timeline p={p} />
          </Section>
        </Grid>

        <Grid size={{ xs: 12, lg: 5 }}>
          <Section title={t('participants.detail.person')} id="sec-person">
            <FactList
              items={[
                { label: t(`participants.field.${p.identityKind}`), value: p.personnummerFormatted },
                { label: t('participants.field.phone'), value: p.phone },
                { label: t('participants.field.email'), value: p.email },
                {
                  label: t('participants.field.address'),
                  value: [p.address, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
                },
                { label: t('participants.field.district'), value: p.district },
                { label: t('participants.field.coordinator'), value: p.coordinator?.name },
              ]}
            />
          </Section>
          <Section title={t('participants.detail.referral')} id="sec-referral">
            <FactList
              items={[
                { label: t('participants.field.referralDate'), value: formatDate(p.referralDate) },
                { label: t('participants.field.caseworker'), value: p.caseworker.name },
                { label: t('participants.form.caseworkerUnit'), value: p.caseworker.unit },
                { label: t('participants.form.caseworkerPhone'), value: p.caseworker.phone },
                { label: t('participants.form.caseworkerEmail'), value: p.caseworker.email },
              ]}
            />
          </Section>
          <Section
            title={t('participants.detail.mappingSummary')}
            id="sec-mapping"
            actions={
              <Button component={RouterLink} to={paths.participantMapping(p.id)} size="small">
                {t('participants.detail.openMapping')}
              </Button>
            }
          >
            {p.mappingStatus.complete ? (
              <Alert severity="success" sx={{ mb: 1.5 }}>
                {t('participants.detail.mappingComplete')}
              </Alert>
            ) : (
              <Alert severity="warning" sx={{ mb: 1.5 }}>
                {t('participants.detail.mappingMissing', {
                  fields: p.mappingStatus.missing
                    .map((x) => label('mappingRequirement', x.field as MappingRequirement).toLocaleLowerCase())
                    .join(', '),
                })}
              </Alert>
            )}
            <FactList
              items={[
                { label: t('participants.mapping.languages'), value: m.languages.join(', ') },
                {
                  label: t('participants.mapping.swedishLevel'),
                  value: m.swedishLevel ? label('swedishLevel', m.swedishLevel) : null,
                },
                {
                  label: t('participants.mapping.educationLevel'),
                  value: m.educationLevel ? label('educationLevel', m.educationLevel) : null,
                },
                { label: t('participants.mapping.licence'), value: m.licenceClasses.join(', ') },
                {
                  label: t('participants.mapping.experience'),
                  value: [m.experienceText, m.ssykCode ? `SSYK ${m.ssykCode}` : null].filter(Boolean).join('\n'),
                },
                { label: t('participants.mapping.skills'), value: m.skills.join(', ') },
                { label: t('participants.mapping.interests'), value: m.interests.join(', ') },
                {
                  label: t('participants.mapping.wishedKinds'),
                  value: m.wishedKinds.map((k) => label('placementKind', k)).join(', '),
                },
                {
                  label: t('participants.mapping.availablePercent'),
                  value: m.availablePercent === null ? null : `${m.availablePercent} %`,
                },
                {
                  label: t('participants.mapping.earliestStart'),
                  value: m.earliestStart ? formatDate(m.earliestStart) : null,
                },
              ]}
            />
          </Section>
          <Section title={t('participants.detail.social')} sensitive id="sec-social">
            <FactList
              items={[
                {
                  label: t('participants.field.longTerm'),
                  value: p.longTermRecipient ? t('participants.list.yes') : t('participants.list.no'),
                },
                { label: t('participants.field.children'), value: String(p.childrenInHousehold) },
                {
                  label: t('participants.field.assistance'),
                  value: p.monthlyAssistance === null ? null : formatMoney(p.monthlyAssistance),
                },
                { label: t('participants.field.restrictions'), value: p.restrictions },
                { label: t('participants.field.caseNotes'), value: p.caseNotes },
              ]}
            />
          </Section>
          <Section title={t('participants.detail.meetings')} id="sec-meetings">
            {p.bookings.length === 0 ? (
              <Typography color="text.secondary">{t('participants.detail.noMeetings')}</Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {p.bookings.map((b) => (
                  <li key={`${b.meetingId}-${b.status}`}>
                    <Link component={RouterLink} to={paths.meeting(b.meetingId)}>
                      {formatDateTime(b.startsAt)}, {b.place}
                    </Link>{' '}
                    – {label('bookingStatus', b.status)}
                  </li>
                ))}
              </Box>
            )}
            {p.noShowCount > 0 && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {t('participants.detail.noShows')}: {p.noShowCount}
              </Typography>
            )}
          </Section>
          {p.deviations.length > 0 && (
            <Section title={t('participants.detail.deviations')} id="sec-deviations">
              <ErrorAlert error={letterError} />
              <Stack spacing={1}>
                {p.deviations.map((d) => (
                  <Box key={d.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                    <Typography sx={{ flexGrow: 1 }}>
                      {formatDate(d.createdAt)}: {d.reason}
                    </Typography>
                    <Chip size="small" variant="outlined" label={label('deviationStatus', d.status)} />
                    <Button size="small" startIcon={<PictureAsPdfOutlined />} onClick={() => void letter(d.id)}>
                      {t('participants.detail.letter')}
                    </Button>
                  </Box>
                ))}
              </Stack>
            </Section>
          )}
          {p.followUps.length > 0 && (
            <Section title={t('participants.detail.followUps')} id="sec-followups">
              <Stack spacing={1}>
                {p.followUps.map((f) => {
                  const open = today !== null && compare(addDays(f.dueDate, -FOLLOW_UP_EARLY_DAYS), today) <= 0;
                  return (
                    <Box key={f.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                      <Typography sx={{ flexGrow: 1 }}>
                        <strong>{t('participants.detail.followUpMonths', { months: f.months })}</strong> (
                        {t('participants.detail.due', { date: formatDate(f.dueDate) })}):{' '}
                        {f.selfSupporting
                          ? label('selfSupporting', f.selfSupporting)
                          : t('participants.detail.notRecorded')}
                      </Typography>
                      {open && (
                        <Button
                          size="small"
                          variant={f.selfSupporting ? 'text' : 'outlined'}
                          onClick={() =>
                            setFollowUp({
                              id: f.id,
                              name: p.name,
                              months: f.months,
                              exitDate: f.exitDate,
                              exitOutcome: p.exit?.outcome ?? null,
                              selfSupporting: f.selfSupporting,
                              note: f.note,
                            })
                          }
                        >
                          {f.selfSupporting ? t('common.edit') : t('participants.detail.record')}
                        </Button>
                      )}
                    </Box>
                  );
                })}
              </Stack>
            </Section>
          )}
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
