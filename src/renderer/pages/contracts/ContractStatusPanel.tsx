import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { stockholmDate, type ContractDetail, type ContractStep } from '../../../shared/domain/contract-doc';
import { useRpcMutation } from '../../api/hooks';
import { formatDate } from '../../util/format';
import { CONTRACT_INVALIDATES } from './parts';
import { DateField, ErrorAlert } from '../../components';
import './i18n';
import { todayIso } from '../../api/server-time';

const STEPS = ['generated', 'sent', 'signed', 'registered'] as const;

/** Records the next status step with the day it happened. */
function StepDialog({
  contract,
  step,
  onClose,
}: {
  contract: ContractDetail;
  step: ContractStep;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const set = useRpcMutation('contracts.setStatus', { invalidates: CONTRACT_INVALIDATES });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="step-title" aria-describedby="step-text">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          set.mutate({ id: contract.id, status: step, date }, { onSuccess: onClose });
        }}
      >
        <DialogTitle id="step-title">{t(`contracts.step.confirm.${step}`)}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={set.error} />
          <DialogContentText id="step-text" sx={{ mb: 2 }}>
            {t(`contracts.step.text.${step}`, { name: contract.employeeName, number: contract.contractNumber })}
          </DialogContentText>
          <DateField label={t('contracts.step.date')} required value={date} onChange={setDate} autoFocus />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={set.isPending}>
            {t(`contracts.step.action.${step}`)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function StatusPanel({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<ContractStep | null>(null);
  const superseded = c.status === 'superseded';
  const reached = superseded
    ? c.registeredAt
      ? 3
      : c.signedAt
        ? 2
        : c.sentAt
          ? 1
          : 0
    : STEPS.indexOf(c.status as (typeof STEPS)[number]);
  const dates = [stockholmDate(c.generatedAt), c.sentAt, c.signedAt, c.registeredAt];
  // The next step HR may record comes from the main process (contract.actions), never from the status here.
  const next: ContractStep | null = c.actions.markSent.allowed
    ? 'sent'
    : c.actions.markSigned.allowed
      ? 'signed'
      : c.actions.markRegistered.allowed
        ? 'registered'
        : null;
  return (
    <Paper component="section" aria-labelledby="status-heading" sx={{ p: 2, mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Typography id="status-heading" component="h2" variant="h3" sx={{ flexGrow: 1 }}>
          {t('contracts.detail.statusTitle')}
        </Typography>
        {next && (
          <Button variant="contained" onClick={() => setStep(next)}>
            {t(`contracts.step.action.${next}`)}
          </Button>
        )}
      </Box>
      <Stepper activeStep={superseded ? -1 : reached + 1} alternativeLabel>
        {STEPS.map((s, i) => (
          <Step key={s} completed={i <= reached}>
            <StepLabel
              optional={
                <Typography variant="body2" color="text.secondary">
                  {dates[i] ? formatDate(dates[i]) : '–'}
                </Typography>
              }
            >
              {t(`contracts.step.label.${s}`)}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      {step && <StepDialog contract={c} step={step} onClose={() => setStep(null)} />}
    </Paper>
  );
}
