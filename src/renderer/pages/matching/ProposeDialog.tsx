import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { MatchExplanation, Proposal } from '../../../shared/domain/proposal';
import { RpcClientError } from '../../api/client';
import { useRpcMutation } from '../../api/hooks';
import { ErrorAlert, ProposalStatusChip } from '../../components';
import { ExplanationView } from './ExplanationView';
import { PROPOSAL_INVALIDATES } from './parts';
import { paths } from '../../app/paths';
import './i18n';

export interface ProposeTarget {
  participantId: number;
  participantName?: string | null;
  positionId: number;
  positionTitle: string;
  workplaceName?: string | null;
  positionPeriodId: number | null;
  periodName: string | null;
  /** The score and explanation as shown: the proposal keeps exactly these (the server checks the score). */
  score: number;
  explanation: MatchExplanation;
  /** Propose a pair that the union vetoed before (docs/product.md §4 rule 1); needs a note saying why. */
  acknowledgeVeto?: boolean;
}

type Outcome = {
  proposal: Proposal;
  submitted: boolean;
  withoutReview: boolean;
  message: string | null;
  submitError: string | null;
};

/** Shows the explanation once more and creates the proposal (draft), optionally submitting it for union review. */
export function ProposeDialog({ target, onClose }: { target: ProposeTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [submitNow, setSubmitNow] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const create = useRpcMutation('proposals.create', { invalidates: PROPOSAL_INVALIDATES });
  const submit = useRpcMutation('proposals.submit', { invalidates: PROPOSAL_INVALIDATES });
  const busy = create.isPending || submit.isPending;
  const who = target.participantName ?? t('matching.propose.theParticipant');
  const where = `${target.positionTitle}${target.periodName ? ` (${target.periodName})` : ''}`;
  const noteMissing = Boolean(target.acknowledgeVeto) && note.trim() === '';

  async function onConfirm() {
    setError(null);
    if (noteMissing) {
      setError(new Error(t('matching.propose.vetoNoteRequired')));
      return;
    }
    let proposal: Proposal;
    try {
      proposal = await create.mutateAsync({
        participantId: target.participantId,
        positionId: target.positionId,
        positionPeriodId: target.positionPeriodId,
        expectedScore: target.score,
        note: note.trim() || null,
        acknowledgeVeto: Boolean(target.acknowledgeVeto),
      });
    } catch (e) {
      setError(e);
      return;
    }
    if (!submitNow) {
      setOutcome({ proposal, submitted: false, withoutReview: false, message: null, submitError: null });
      return;
    }
    try {
      const res = await submit.mutateAsync({ id: proposal.id });
      setOutcome({
        proposal: { ...proposal, status: res.review.status },
        submitted: true,
        withoutReview: res.meeting === null,
        message: res.message,
        submitError: null,
      });
    } catch (e) {
      setOutcome({
        proposal,
        submitted: false,
        withoutReview: false,
        message: null,
        submitError: e instanceof Error ? e.message : String(e),
      });
    }
  }

  const scoreChanged = error instanceof RpcClientError && error.code === 'CONFLICT';

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="propose-title"
      scroll="paper"
    >
      <DialogTitle id="propose-title">
        {outcome ? t('matching.propose.doneTitle') : t('matching.propose.title', { who, where })}
      </DialogTitle>
      <DialogContent dividers>
        {outcome ? (
          <Stack spacing={2}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography>{t('matching.propose.created', { id: outcome.proposal.id, who, where })}</Typography>
              {/* "Inskickat till facklig prövning" would be wrong for a position without union review */}
              {!outcome.withoutReview && <ProposalStatusChip status={outcome.proposal.status} />}
            </Box>
            {outcome.message && (
              <Alert severity="success" role="status">
                {outcome.message}
              </Alert>
            )}
            {outcome.submitError && (
              <Alert severity="warning">{t('matching.propose.submitFailed', { message: outcome.submitError })}</Alert>
            )}
            {!outcome.submitted && !outcome.submitError && (
              <Alert severity="info">{t('matching.propose.draftOnly')}</Alert>
            )}
          </Stack>
        ) : (
          <Stack spacing={2}>
            <ErrorAlert error={error} />
            {scoreChanged && <Alert severity="info">{t('matching.propose.refreshHint')}</Alert>}
            {target.acknowledgeVeto && <Alert severity="warning">{t('matching.propose.vetoWarning')}</Alert>}
            <Typography>{t('matching.propose.lead', { who, where, workplace: target.workplaceName ?? '' })}</Typography>
            <ExplanationView
              explanation={target.explanation}
              caption={t('matching.propose.explanationCaption', { who, where })}
            />
            <TextField
              label={target.acknowledgeVeto ? t('matching.propose.noteVeto') : t('matching.propose.note')}
              required={Boolean(target.acknowledgeVeto)}
              multiline
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              helperText={t('matching.propose.noteHelp')}
            />
            <FormControlLabel
              control={<Checkbox checked={submitNow} onChange={(e) => setSubmitNow(e.target.checked)} />}
              label={t('matching.propose.submitNow')}
            />
            {busy && (
              <Box role="status" aria-live="polite">
                <LinearProgress aria-hidden />
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {create.isPending ? t('matching.propose.creating') : t('matching.propose.submitting')}
                </Typography>
              </Box>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {outcome ? (
          <>
            <Button component={RouterLink} to={paths.proposals} onClick={onClose}>
              {t('matching.propose.toProposals')}
            </Button>
            <Button variant="contained" onClick={onClose} autoFocus>
              {t('common.close')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button variant="contained" onClick={() => void onConfirm()} disabled={busy || scoreChanged}>
              {submitNow ? t('matching.propose.confirmSubmit') : t('matching.propose.confirmDraft')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
