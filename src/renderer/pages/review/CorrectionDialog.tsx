import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
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
import Typography from '@mui/material/Typography';
import type { CorrectionOut } from '../../../shared/contract/review';
import type { DecisionKind, VetoReasonCategory } from '../../../shared/domain/review';
import { useRpcMutation } from '../../api/hooks';
import { DecisionChip, ErrorAlert, useLabel, useRelabel } from '../../components';
import { DecisionFields, toDecisionInput, valuesFrom, type DecisionValues } from './DecisionForm';
import { REVIEW_INVALIDATES } from './parts';
import './i18n';

/** The decision in force on a protocol item (the original, or its latest correction). */
export interface DecisionInForce {
  id: number;
  kind: DecisionKind;
  reasonCategory: VetoReasonCategory | null;
  reasonLabel: string | null;
  text: string | null;
  question: string | null;
}

/** What a locked decision may be corrected into (the main process enforces the same, docs/product.md §4 rules 1 and 3). */
export const CORRECTABLE_TO: Record<DecisionKind, DecisionKind[]> = {
  approve: ['approve', 'veto'],
  veto: ['veto'],
  defer: ['defer'],
};

/**
 * Corrects a locked decision: a new decision that refers to the old one, with a reason. The old decision and the
 * frozen protocol never change; the correction is added to the protocol's addendum.
 */
export function CorrectionDialog({
  decision,
  itemNumber,
  participantLabel,
  onClose,
}: {
  decision: DecisionInForce;
  itemNumber: number;
  participantLabel: string;
  onClose: (done: CorrectionOut | null) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const relabel = useRelabel();
  const allowed = CORRECTABLE_TO[decision.kind];
  const [kind, setKind] = useState<DecisionKind>(decision.kind);
  const [values, setValues] = useState<DecisionValues>(valuesFrom(decision));
  const [errors, setErrors] = useState<Partial<Record<'reasonCategory' | 'text' | 'question', string>>>({});
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const correct = useRpcMutation('review.correctDecision', { invalidates: REVIEW_INVALIDATES });

  const submit = () => {
    const r = toDecisionInput(kind, values, t);
    const missingReason = reason.trim() === '';
    setReasonError(missingReason ? t('review.correct.reasonRequired') : null);
    if ('errors' in r) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    if (missingReason) return;
    correct.mutate(
      { decisionId: decision.id, decision: r.input, reason: reason.trim() },
      { onSuccess: (c) => onClose(c) },
    );
  };

  return (
    <Dialog
      open
      onClose={() => onClose(null)}
      fullWidth
      maxWidth="sm"
      aria-labelledby="correct-title"
      aria-describedby="correct-lead"
    >
      <DialogTitle id="correct-title">{t('review.correct.title', { id: decision.id })}</DialogTitle>
      <DialogContent>
        <DialogContentText id="correct-lead" sx={{ mb: 2 }}>
          {t('review.correct.lead')}
        </DialogContentText>
        <ErrorAlert error={correct.error} />
        <Box sx={{ mb: 2, p: 1.5, bgcolor: 'background.default', borderRadius: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600, mb: 0.5 }}>
            {t('review.correct.current')} · § {itemNumber} · {participantLabel}
          </Typography>
          <DecisionChip kind={decision.kind} />
          {decision.reasonLabel && (
            <Typography sx={{ mt: 0.5, fontWeight: 600 }}>{relabel('vetoReason', decision.reasonLabel)}</Typography>
          )}
          {(decision.text ?? decision.question) && (
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{decision.text ?? decision.question}</Typography>
          )}
        </Box>
        <Stack spacing={2}>
          {allowed.length > 1 ? (
            <FormControl>
              <FormLabel id="correct-kind-label" sx={{ fontWeight: 600 }}>
                {t('review.correct.newDecision')}
              </FormLabel>
              <RadioGroup
                row
                aria-labelledby="correct-kind-label"
                value={kind}
                onChange={(e) => setKind(e.target.value as DecisionKind)}
              >
                {allowed.map((k) => (
                  <FormControlLabel key={k} value={k} control={<Radio />} label={label('decision', k)} />
                ))}
              </RadioGroup>
            </FormControl>
          ) : (
            <Alert severity="info">
              {decision.kind === 'veto' ? t('review.correct.vetoOnly') : t('review.correct.deferOnly')}
            </Alert>
          )}
          <DecisionFields kind={kind} values={values} onChange={setValues} errors={errors} idPrefix="correct" />
          <TextField
            label={t('review.correct.reason')}
            required
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={Boolean(reasonError)}
            helperText={reasonError ?? undefined}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(null)}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={correct.isPending}>
          {t('review.correct.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
