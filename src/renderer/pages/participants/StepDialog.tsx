import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rpc } from '../../api/client';
import { useLabel } from '../../components';
import { useStepLabel } from './steps';
import { StepFormDialog, meetingText, useStepRun, type StepDialogProps } from './stepParts';
import { BookDialog, CloseDialog, ExitDialog, PauseDialog, ReopenDialog, useDone } from './stepDialogs';
import './i18n';

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

/**
 * One dialog per manual step of the journey: the fields the step needs (reason, dates, meeting), an optional note
 * (required with the reason "other"), and the call to the procedure that carries it out. The stage the page showed
 * goes along, so a person someone else has just moved is not moved twice.
 */
export function StepDialog(props: StepDialogProps) {
  switch (props.step.command) {
    case 'pause':
      return <PauseDialog {...props} />;
    case 'close':
      return <CloseDialog {...props} />;
    case 'exit':
      return <ExitDialog {...props} />;
    case 'reopen':
      return <ReopenDialog {...props} />;
    case 'book_meeting':
      return <BookDialog {...props} />;
    default:
      return <PlainStepDialog {...props} />;
  }
}

/** Steps without fields of their own: resume, cancel a booking, record attendance, the generic transitions. */
function PlainStepDialog({ participant: p, step, onClose, onDone }: StepDialogProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const done = useDone();
  const s = useStepRun(onDone);
  const stepName = useStepLabel()(step);
  const [note, setNote] = useState('');
  const booking = p.bookings.find((b) => b.status === 'booked') ?? null;
  const name = p.name;
  const noteValue = note.trim() || null;
  const withNote = { value: note, onChange: setNote, required: false };
  const common = { submitLabel: stepName, busy: s.busy, error: s.error, onClose };

  switch (step.command) {
    case 'resume':
      return (
        <StepFormDialog
          {...common}
          title={t('participants.steps.resumeTitle', { name })}
          lead={stepName}
          canSubmit
          note={withNote}
          onSubmit={() =>
            void s.run(async () => {
              const r = await rpc('participants.resume', { id: p.id, expectedStage: p.stage, note: noteValue });
              return done(r.stage);
            })
          }
        />
      );
    case 'cancel_booking':
      return (
        <StepFormDialog
          {...common}
          title={t('participants.steps.unbookTitle', { name })}
          lead={booking ? t('participants.steps.unbookLead', { meeting: meetingText(booking) }) : null}
          canSubmit={booking !== null}
          note={withNote}
          onSubmit={() =>
            void s.run(async () => {
              await rpc('meetings.unbook', { meetingId: booking!.meetingId, participantId: p.id, note: noteValue });
              return done('referred');
            })
          }
        />
      );
    case 'record_attended':
    case 'record_no_show': {
      const attended = step.command === 'record_attended';
      const meeting = booking ? meetingText(booking) : '';
      return (
        <StepFormDialog
          {...common}
          title={
            attended ? t('participants.steps.attendedTitle', { name }) : t('participants.steps.noShowTitle', { name })
          }
          lead={
            attended
              ? t('participants.steps.attendedLead', { name, meeting })
              : t('participants.steps.noShowLead', { name, meeting })
          }
          canSubmit={booking !== null}
          note={null}
          onSubmit={() =>
            void s.run(async () => {
              const r = await rpc('meetings.recordAttendance', {
                meetingId: booking!.meetingId,
                entries: [{ participantId: p.id, attended }],
              });
              const message = done(attended ? 'attended' : 'referred');
              return r.deviationsCreated.length > 0
                ? `${message} ${t('participants.steps.deviationCreated')}`
                : message;
            })
          }
        />
      );
    }
    default:
      // mark_mapped, start_matching, back_to_mapping: the generic transition
      return (
        <StepFormDialog
          {...common}
          title={t('participants.steps.transitionTitle', { label: stepName })}
          lead={t('participants.steps.transitionLead', {
            name,
            from: label('stage', p.stage),
            to: label('stage', step.to),
          })}
          canSubmit
          note={withNote}
          onSubmit={() =>
            void s.run(async () => {
              const r = await rpc('participants.transition', {
                id: p.id,
                to: step.to,
                expectedStage: p.stage,
                note: noteValue,
              });
              return done(r.stage);
            })
          }
        />
      );
  }
}
