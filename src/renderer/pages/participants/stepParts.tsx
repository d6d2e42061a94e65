import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import DialogContentText from '@mui/material/DialogContentText';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import type { NextStep, ParticipantDetail } from '../../../shared/domain/participant';
import { RpcClientError } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import { formatDateTime } from '../../util/format';
import { ErrorAlert, FormDialog, useErrorText, useLabel, type EnumName } from '../../components';
import './i18n';

export interface StepDialogProps {
  participant: ParticipantDetail;
  step: NextStep;
  onClose: () => void;
  /** Called with the message for the page once the step is taken. */
  onDone: (message: string) => void;
}

export const meetingText = (m: { startsAt: string; place: string }) => `${formatDateTime(m.startsAt)}, ${m.place}`;
export const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Runs a step: busy while it runs, the refusal in the dialog (a date the main process refuses under its field),
 * the participant's and the meetings' queries refreshed, the page told what happened.
 */
export function useStepRun(onDone: (message: string) => void) {
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const run = async (work: () => Promise<string>, dateFields: readonly string[] = []) => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      const message = await work();
      await qc.invalidateQueries({
        predicate: (q) =>
          typeof q.queryKey[0] === 'string' && /^(participants|meetings|deviations)\./.test(q.queryKey[0]),
      });
      onDone(message);
    } catch (e) {
      if (e instanceof RpcClientError && e.field && dateFields.includes(e.field))
        setFieldError({ field: e.field, message: errorText(e) });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  /** Props for a field the main process may refuse: error flag and message. */
  const fieldProps = (field: string) =>
    fieldError?.field === field ? { error: true, helperText: fieldError.message } : {};
  return { busy, error, run, fieldProps };
}

/** The dialog every step uses: the kit's FormDialog with the optional (or, for "other", required) note. */
export function StepFormDialog({
  title,
  lead,
  submitLabel,
  canSubmit,
  busy,
  error,
  note,
  onSubmit,
  onClose,
  destructive,
  children,
}: {
  title: string;
  lead?: ReactNode;
  submitLabel: string;
  canSubmit: boolean;
  busy: boolean;
  error: unknown;
  /** The note field, or null for a step without one. */
  note: { value: string; onChange: (v: string) => void; required: boolean } | null;
  onSubmit: () => void;
  onClose: () => void;
  destructive?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const missingNote = note !== null && note.required && note.value.trim() === '';
  return (
    <FormDialog
      title={title}
      lead={lead}
      submitLabel={submitLabel}
      busy={busy}
      error={error}
      submitDisabled={!canSubmit || missingNote}
      destructive={destructive}
      onClose={onClose}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (canSubmit && !missingNote && !busy) onSubmit();
      }}
    >
      {children}
      {note && (
        <TextField
          label={note.required ? t('participants.steps.note') : t('participants.steps.noteOptional')}
          required={note.required}
          multiline
          minRows={2}
          value={note.value}
          onChange={(e) => note.onChange(e.target.value)}
          helperText={note.required ? t('participants.steps.noteRequiredForOther') : undefined}
        />
      )}
    </FormDialog>
  );
}

/** A required choice among an enum's values, labelled through i18n (`enum.<name>.<value>`). */
export function ReasonSelect<T extends string>({
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
  labels: EnumName;
}) {
  const enumLabel = useLabel();
  return (
    <TextField select required label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {enumLabel(labels, o as never)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Upcoming meetings with free places, to book one person. */
export function MeetingChoice({ value, onChange }: { value: number | null; onChange: (id: number) => void }) {
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
