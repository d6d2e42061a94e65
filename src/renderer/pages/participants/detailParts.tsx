import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type NextStep, type ParticipantDetail } from '../../../shared/domain/participant';
import { type JourneyVia } from '../../../shared/rules/journey';
import { useRpcMutation } from '../../api/hooks';
import { formatDateTime } from '../../util/format';
import { ErrorAlert, SwedishText, useLabel } from '../../components';
import { VIA_PATHS } from './components';
import { DIALOG_COMMANDS } from './StepDialog';
import { useStepLabel, useStepReason } from './steps';
import { paths } from '../../app/paths';
import './i18n';

/** Steps that move the person forward get the strong button; side steps (pause, close) a quieter one. */
const SIDE_STEPS = new Set(['pause', 'close', 'cancel_booking', 'back_to_mapping', 'record_no_show']);

export function NextSteps({ p, onStep }: { p: ParticipantDetail; onStep: (s: NextStep) => void }) {
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

export function Timeline({ p }: { p: ParticipantDetail }) {
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

export function AddNote({ id }: { id: number }) {
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
