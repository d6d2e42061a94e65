import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { SELF_SUPPORTING, type ExitOutcome, type SelfSupporting } from '../../../shared/domain/participant';
import { useRpcMutation } from '../../api/hooks';
import { ErrorAlert, useLabel } from '../../components';
import './i18n';

export interface FollowUpTarget {
  id: number;
  name: string;
  months: number;
  exitDate: string;
  exitOutcome: ExitOutcome | null;
  selfSupporting: SelfSupporting | null;
  note: string | null;
}

/** Records a follow-up after exit: is the person still self-supporting (yes / no / unknown)? */
export function FollowUpDialog({ target, onClose }: { target: FollowUpTarget; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [answer, setAnswer] = useState<SelfSupporting | ''>(target.selfSupporting ?? '');
  const [note, setNote] = useState(target.note ?? '');
  const record = useRpcMutation('participants.recordFollowUp', { invalidates: ['participants.'] });
  const submit = async () => {
    if (answer === '') return;
    try {
      await record.mutateAsync({
        id: target.id,
        selfSupporting: answer,
        note: note.trim() === '' ? null : note.trim(),
      });
      onClose(true);
    } catch {
      // shown below from record.error
    }
  };
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="followup-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id="followup-title">
          {t('participants.followUps.recordTitle', { name: target.name, months: target.months })}
        </DialogTitle>
        <DialogContent>
          <ErrorAlert error={record.error} />
          <DialogContentText sx={{ mb: 2 }}>
            {t('participants.followUps.recordLead', {
              date: target.exitDate,
              outcome: target.exitOutcome ? label('exitOutcome', target.exitOutcome) : '–',
            })}
          </DialogContentText>
          <Stack spacing={2}>
            <FormControl component="fieldset" required>
              <FormLabel component="legend">{t('participants.followUps.question')}</FormLabel>
              <RadioGroup row value={answer} onChange={(e) => setAnswer(e.target.value as SelfSupporting)}>
                {SELF_SUPPORTING.map((s) => (
                  <FormControlLabel key={s} value={s} control={<Radio />} label={label('selfSupporting', s)} />
                ))}
              </RadioGroup>
            </FormControl>
            <TextField
              label={t('participants.followUps.note')}
              multiline
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>{t('participants.form.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={answer === '' || record.isPending}>
            {t('participants.followUps.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
