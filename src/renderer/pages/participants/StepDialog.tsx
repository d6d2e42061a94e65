import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  CLOSE_REASONS,
  CLOSE_REASON_LABELS,
  EXIT_OUTCOMES,
  EXIT_OUTCOME_LABELS,
  PAUSE_REASONS,
  PAUSE_REASON_LABELS,
  STAGE_LABELS,
  type CloseReason,
  type ExitOutcome,
  type NextStep,
  type ParticipantDetail,
  type PauseReason,
} from '../../../shared/domain/participant';
import { useQueryClient } from '@tanstack/react-query';
import { RpcClientError, rpc } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import { formatDateTime } from '../../util/format';
import { ErrorAlert, useLabel } from '../../components';
import { useStepLabel } from './steps';
import './i18n';
import { todayIso } from '../../api/server-time';

/** The commands this dialog carries out (every manual step of the journey). */
export const DIALOG_COMMANDS = new Set([
  'book_meeting',
  'cancel_booking',
  'record_attended',
  'record_no_show',
  'mark_mapped',
  'start_matching',
  'back_to_mapping',
  'pause',
  'resume',
  'close',
  'exit',
  'reopen',
]);

const meetingText = (m: { startsAt: string; place: string }) => `${formatDateTime(m.startsAt)}, ${m.place}`;

function ReasonSelect<T extends string>({
  label,
  value,
  onChange,
  options,
  labels,
}: {
  label: string;
  value: T | '';
  onChange: (v: T) => void;
  options: readonly T[];
  labels: Record<T, string>;
}) {
  return (
    <TextField select required label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {labels[o]}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Upcoming meetings with free places, to book one person. */
function MeetingChoice({ value, onChange }: { value: number | null; onChange: (id: number) => void }) {
  const { t } = useTranslation();
  const meetings = useRpcQuery('meetings.list', { scope: 'upcoming', includeCancelled: false, offset: 0, limit: 50 });
  const bookable = (meetings.data?.rows ?? []).filter((m) => m.free > 0 && m.status !== 'cancelled');
  if (meetings.isLoading) return <DialogContentText>{t('app.loading')}</DialogContentText>;
  if (meetings.error) return <ErrorAlert error={meetings.error} />;
  if (bookable.length === 0) return <Alert severity="info">{t('participants.steps.bookEmpty')}</Alert>;
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{t('participants.steps.bookMeeting')}</FormLabel>
      <RadioGroup value={value === null ? '' : String(value)} onChange={(e) => onChange(Number(e.target.value))}>
        {bookable.map((m) => (
          <FormControlLabel
            key={m.id}
            value={String(m.id)}
            control={<Radio />}
            label={
              <span>
                <strong>{formatDateTime(m.startsAt)}</strong>–{m.endsAt.slice(11, 16)}, {m.place} ·{' '}
                {t('participants.steps.free', { count: m.free, capacity: m.capacity })}
                {m.interpreterLanguages.length > 0 &&
                  ` · ${t('participants.steps.interpreter', { languages: m.interpreterLanguages.join(', ') })}`}
              </span>
            }
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}

/**
 * One dialog per manual step of the journey: the fields the step needs (reason, dates, meeting), an optional note,
 * and the call to the procedure that carries it out. The stage the page showed goes along, so a person someone
 * else has just moved is not moved twice.
 */
export function StepDialog({
  participant: p,
  step,
  onClose,
  onDone,
}: {
  participant: ParticipantDetail;
  step: NextStep;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const label = useLabel();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const [pauseReason, setPauseReason] = useState<PauseReason | ''>('');
  const [closeReason, setCloseReason] = useState<CloseReason | ''>('');
  const [outcome, setOutcome] = useState<ExitOutcome | ''>('');
  const [date, setDate] = useState(step.command === 'exit' || step.command === 'reopen' ? todayIso() : '');
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const activeBooking = p.bookings.find((b) => b.status === 'booked') ?? null;
  const expectedStage = p.stage;
  const noteValue = note.trim() === '' ? null : note.trim();
  const name = p.name;

  const stepName = stepLabel(step);
  let title = stepName;
  let lead: ReactNode = null;
  let fields: ReactNode = null;
  let submitLabel = t('participants.steps.confirm');
  let canSubmit = true;
  let noteLabel = t('participants.steps.noteOptional');
  let run: () => Promise<string>;

  switch (step.command) {
    case 'pause':
      title = t('participants.steps.pauseTitle', { name });
      lead = t('participants.steps.pauseLead');
      noteLabel = pauseReason === 'other' ? t('participants.steps.note') : noteLabel;
      fields = (
        <>
          <ReasonSelect
            label={t('participants.steps.reason')}
            value={pauseReason}
            onChange={setPauseReason}
            options={PAUSE_REASONS}
            labels={PAUSE_REASON_LABELS}
          />
          <TextField
            type="date"
            required
            label={t('participants.steps.expectedReturn')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            error={fieldError?.field === 'expectedReturn'}
            helperText={fieldError?.field === 'expectedReturn' ? fieldError.message : undefined}
          />
        </>
      );
      canSubmit = pauseReason !== '' && date !== '';
      submitLabel = stepName;
      run = async () => {
        const r = await rpc('participants.pause', {
          id: p.id,
          reason: pauseReason as PauseReason,
          expectedReturn: date,
          expectedStage,
          note: noteValue,
        });
        return t('participants.steps.done', { stage: r.stageLabel });
      };
      break;
    case 'resume':
      title = t('participants.steps.resumeTitle', { name });
      lead = stepName;
      submitLabel = stepName;
      run = async () => {
        const r = await rpc('participants.resume', { id: p.id, expectedStage, note: noteValue });
        return t('participants.steps.done', { stage: r.stageLabel });
      };
      break;
    case 'close':
      title = t('participants.steps.closeTitle', { name });
      lead = t('participants.steps.closeLead');
      noteLabel = closeReason === 'other' ? t('participants.steps.note') : noteLabel;
      fields = (
        <ReasonSelect
          label={t('participants.steps.reason')}
          value={closeReason}
          onChange={setCloseReason}
          options={CLOSE_REASONS}
          labels={CLOSE_REASON_LABELS}
        />
      );
      canSubmit = closeReason !== '';
      submitLabel = stepName;
      run = async () => {
        const r = await rpc('participants.close', {
          id: p.id,
          reason: closeReason as CloseReason,
          expectedStage,
          note: noteValue,
        });
        return t('participants.steps.done', { stage: r.stageLabel });
      };
      break;
    case 'exit':
      title = t('participants.steps.exitTitle', { name });
      lead = t('participants.steps.exitLead');
      noteLabel = outcome === 'other' ? t('participants.steps.note') : noteLabel;
      fields = (
        <>
          <ReasonSelect
            label={t('participants.steps.outcome')}
            value={outcome}
            onChange={setOutcome}
            options={EXIT_OUTCOMES}
            labels={EXIT_OUTCOME_LABELS}
          />
          <TextField
            type="date"
            required
            label={t('participants.steps.exitDate')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            error={fieldError?.field === 'date'}
            helperText={fieldError?.field === 'date' ? fieldError.message : undefined}
          />
        </>
      );
      canSubmit = outcome !== '' && date !== '';
      submitLabel = stepName;
      run = async () => {
        const r = await rpc('participants.exit', {
          id: p.id,
          outcome: outcome as ExitOutcome,
          date,
          expectedStage,
          note: noteValue,
        });
        return t('participants.steps.done', { stage: r.stageLabel });
      };
      break;
    case 'reopen':
      title = t('participants.steps.reopenTitle', { name });
      fields = (
        <TextField
          type="date"
          required
          label={t('participants.steps.referralDate')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          error={fieldError?.field === 'referralDate'}
          helperText={fieldError?.field === 'referralDate' ? fieldError.message : undefined}
        />
      );
      canSubmit = date !== '';
      submitLabel = stepName;
      run = async () => {
        const r = await rpc('participants.reopen', { id: p.id, referralDate: date, expectedStage, note: noteValue });
        return t('participants.steps.done', { stage: r.stageLabel });
      };
      break;
    case 'book_meeting':
      title = t('participants.steps.bookTitle', { name });
      fields = <MeetingChoice value={meetingId} onChange={setMeetingId} />;
      noteLabel = '';
      canSubmit = meetingId !== null;
      submitLabel = t('participants.steps.book');
      run = async () => {
        await rpc('meetings.book', { meetingId: meetingId!, participantIds: [p.id] });
        return t('participants.steps.done', { stage: STAGE_LABELS.meeting_booked });
      };
      break;
    case 'cancel_booking':
      title = t('participants.steps.unbookTitle', { name });
      lead = activeBooking ? t('participants.steps.unbookLead', { meeting: meetingText(activeBooking) }) : null;
      canSubmit = activeBooking !== null;
      submitLabel = stepName;
      run = async () => {
        await rpc('meetings.unbook', { meetingId: activeBooking!.meetingId, participantId: p.id, note: noteValue });
        return t('participants.steps.done', { stage: STAGE_LABELS.referred });
      };
      break;
    case 'record_attended':
    case 'record_no_show': {
      const attended = step.command === 'record_attended';
      const meeting = activeBooking ? meetingText(activeBooking) : '';
      title = attended
        ? t('participants.steps.attendedTitle', { name })
        : t('participants.steps.noShowTitle', { name });
      lead = attended
        ? t('participants.steps.attendedLead', { name, meeting })
        : t('participants.steps.noShowLead', { name, meeting });
      noteLabel = '';
      canSubmit = activeBooking !== null;
      submitLabel = stepName;
      run = async () => {
        const r = await rpc('meetings.recordAttendance', {
          meetingId: activeBooking!.meetingId,
          entries: [{ participantId: p.id, attended }],
        });
        const done = t('participants.steps.done', { stage: label('stage', attended ? 'attended' : 'referred') });
        return r.deviationsCreated.length > 0 ? `${done} ${t('participants.steps.deviationCreated')}` : done;
      };
      break;
    }
    default:
      // mark_mapped, start_matching, back_to_mapping: the generic transition
      title = t('participants.steps.transitionTitle', { label: stepName });
      lead = t('participants.steps.transitionLead', {
        name,
        from: label('stage', p.stage),
        to: label('stage', step.to),
      });
      submitLabel = stepName;
      run = async () => {
        const r = await rpc('participants.transition', { id: p.id, to: step.to, expectedStage, note: noteValue });
        return t('participants.steps.done', { stage: r.stageLabel });
      };
  }

  // "Annan orsak"/"Annat" needs a description; the main process refuses it without one.
  const noteRequired = noteLabel === t('participants.steps.note');
  if (noteRequired && noteValue === null) canSubmit = false;

  const submit = async () => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      const message = await run();
      await qc.invalidateQueries({
        predicate: (q) =>
          typeof q.queryKey[0] === 'string' && /^(participants|meetings|deviations)\./.test(q.queryKey[0]),
      });
      onDone(message);
    } catch (e) {
      if (e instanceof RpcClientError && e.field && ['expectedReturn', 'date', 'referralDate'].includes(e.field)) {
        setFieldError({ field: e.field, message: e.message });
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="step-dialog-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit && !busy) void submit();
        }}
      >
        <DialogTitle id="step-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          {lead && <DialogContentText sx={{ mb: 2 }}>{lead}</DialogContentText>}
          <Stack spacing={2} sx={{ mt: 1 }}>
            {fields}
            {noteLabel && (
              <TextField
                label={noteLabel}
                required={noteRequired}
                multiline
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                helperText={noteRequired ? t('participants.steps.noteRequiredForOther') : undefined}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('participants.form.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!canSubmit || busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
