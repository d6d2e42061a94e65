import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSE_REASONS,
  EXIT_OUTCOMES,
  PAUSE_REASONS,
  type CloseReason,
  type ExitOutcome,
  type PauseReason,
  type Stage,
} from '../../../shared/domain/participant';
import { rpc } from '../../api/client';
import { todayIso } from '../../api/server-time';
import { DateField, useLabel } from '../../components';
import { useStepLabel } from './steps';
import { MeetingChoice, ReasonSelect, StepFormDialog, isDate, useStepRun, type StepDialogProps } from './stepParts';
import './i18n';

/** The steps with fields of their own: pause, close, exit (reason or outcome, dates) and booking a meeting. */

/** "Klart: <stage>." in the language of the UI. */
export function useDone() {
  const { t } = useTranslation();
  const label = useLabel();
  return (stage: Stage) => t('participants.steps.done', { stage: label('stage', stage) });
}

export function PauseDialog({ participant: p, step, onClose, onDone }: StepDialogProps) {
  const { t } = useTranslation();
  const done = useDone();
  const stepName = useStepLabel()(step);
  const s = useStepRun(onDone);
  const [reason, setReason] = useState<PauseReason | ''>('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  return (
    <StepFormDialog
      title={t('participants.steps.pauseTitle', { name: p.name })}
      lead={t('participants.steps.pauseLead')}
      submitLabel={stepName}
      canSubmit={reason !== '' && isDate(date)}
      busy={s.busy}
      error={s.error}
      note={{ value: note, onChange: setNote, required: reason === 'other' }}
      onClose={onClose}
      onSubmit={() =>
        void s.run(async () => {
          const r = await rpc('participants.pause', {
            id: p.id,
            reason: reason as PauseReason,
            expectedReturn: date,
            expectedStage: p.stage,
            note: note.trim() || null,
          });
          return done(r.stage);
        }, ['expectedReturn'])
      }
    >
      <ReasonSelect
        label={t('participants.steps.reason')}
        value={reason}
        onChange={setReason}
        options={PAUSE_REASONS}
        labels="pauseReason"
      />
      <DateField
        required
        label={t('participants.steps.expectedReturn')}
        value={date}
        onChange={setDate}
        {...s.fieldProps('expectedReturn')}
      />
    </StepFormDialog>
  );
}

export function CloseDialog({ participant: p, step, onClose, onDone }: StepDialogProps) {
  const { t } = useTranslation();
  const done = useDone();
  const stepName = useStepLabel()(step);
  const s = useStepRun(onDone);
  const [reason, setReason] = useState<CloseReason | ''>('');
  const [note, setNote] = useState('');
  return (
    <StepFormDialog
      title={t('participants.steps.closeTitle', { name: p.name })}
      lead={t('participants.steps.closeLead')}
      submitLabel={stepName}
      canSubmit={reason !== ''}
      busy={s.busy}
      error={s.error}
      destructive
      note={{ value: note, onChange: setNote, required: reason === 'other' }}
      onClose={onClose}
      onSubmit={() =>
        void s.run(async () => {
          const r = await rpc('participants.close', {
            id: p.id,
            reason: reason as CloseReason,
            expectedStage: p.stage,
            note: note.trim() || null,
          });
          return done(r.stage);
        })
      }
    >
      <ReasonSelect
        label={t('participants.steps.reason')}
        value={reason}
        onChange={setReason}
        options={CLOSE_REASONS}
        labels="closeReason"
      />
    </StepFormDialog>
  );
}

export function ExitDialog({ participant: p, step, onClose, onDone }: StepDialogProps) {
  const { t } = useTranslation();
  const done = useDone();
  const stepName = useStepLabel()(step);
  const s = useStepRun(onDone);
  const [outcome, setOutcome] = useState<ExitOutcome | ''>('');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  return (
    <StepFormDialog
      title={t('participants.steps.exitTitle', { name: p.name })}
      lead={t('participants.steps.exitLead')}
      submitLabel={stepName}
      canSubmit={outcome !== '' && isDate(date)}
      busy={s.busy}
      error={s.error}
      note={{ value: note, onChange: setNote, required: outcome === 'other' }}
      onClose={onClose}
      onSubmit={() =>
        void s.run(async () => {
          const r = await rpc('participants.exit', {
            id: p.id,
            outcome: outcome as ExitOutcome,
            date,
            expectedStage: p.stage,
            note: note.trim() || null,
          });
          return done(r.stage);
        }, ['date'])
      }
    >
      <ReasonSelect
        label={t('participants.steps.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={EXIT_OUTCOMES}
        labels="exitOutcome"
      />
      <DateField
        required
        label={t('participants.steps.exitDate')}
        value={date}
        onChange={setDate}
        {...s.fieldProps('date')}
      />
    </StepFormDialog>
  );
}

export function ReopenDialog({ participant: p, step, onClose, onDone }: StepDialogProps) {
  const { t } = useTranslation();
  const done = useDone();
  const stepName = useStepLabel()(step);
  const s = useStepRun(onDone);
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  return (
    <StepFormDialog
      title={t('participants.steps.reopenTitle', { name: p.name })}
      submitLabel={stepName}
      canSubmit={isDate(date)}
      busy={s.busy}
      error={s.error}
      note={{ value: note, onChange: setNote, required: false }}
      onClose={onClose}
      onSubmit={() =>
        void s.run(async () => {
          const r = await rpc('participants.reopen', {
            id: p.id,
            referralDate: date,
            expectedStage: p.stage,
            note: note.trim() || null,
          });
          return done(r.stage);
        }, ['referralDate'])
      }
    >
      <DateField
        required
        label={t('participants.steps.referralDate')}
        value={date}
        onChange={setDate}
        {...s.fieldProps('referralDate')}
      />
    </StepFormDialog>
  );
}

export function BookDialog({ participant: p, onClose, onDone }: StepDialogProps) {
  const { t } = useTranslation();
  const done = useDone();
  const s = useStepRun(onDone);
  const [meetingId, setMeetingId] = useState<number | null>(null);
  return (
    <StepFormDialog
      title={t('participants.steps.bookTitle', { name: p.name })}
      submitLabel={t('participants.steps.book')}
      canSubmit={meetingId !== null}
      busy={s.busy}
      error={s.error}
      note={null}
      onClose={onClose}
      onSubmit={() =>
        void s.run(async () => {
          await rpc('meetings.book', { meetingId: meetingId!, participantIds: [p.id] });
          return done('meeting_booked');
        })
      }
    >
      <MeetingChoice value={meetingId} onChange={setMeetingId} />
    </StepFormDialog>
  );
}
