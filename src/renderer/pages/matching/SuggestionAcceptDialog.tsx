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
import type { SuggestionRow } from '../../../shared/contract/matching';
import type { ProposalStatus } from '../../../shared/domain/proposal';
import type { RpcClientError } from '../../api/client';
import { useRpcMutation } from '../../api/hooks';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../components';
import { meetingText, PROPOSAL_INVALIDATES } from './parts';
import './i18n';

export type Accepted = { proposalId: number; status: ProposalStatus };

interface AcceptResult {
  created: number;
  submitted: number;
  /** "tisdag 1 december 2026 kl. 09:00 (Sandwalls plats)" → number of proposals on it. */
  meetings: Map<string, number>;
  noReview: number;
  failures: string[];
}

/** Confirms the chosen pairs, creates the drafts in one go and, if asked, submits them one by one with progress. */
export function AcceptDialog({
  rows,
  onClose,
  onAccepted,
}: {
  rows: SuggestionRow[];
  onClose: () => void;
  onAccepted: (m: Map<number, Accepted>) => void;
}) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [submitNow, setSubmitNow] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<AcceptResult | null>(null);
  const accept = useRpcMutation('matching.acceptSuggestion', { invalidates: PROPOSAL_INVALIDATES });
  const submitOne = useRpcMutation('proposals.submit', { invalidates: [] });
  const busy = accept.isPending || progress !== null;
  const total = rows.reduce((s, r) => s + r.score, 0);

  async function onConfirm() {
    let created;
    try {
      created = (
        await accept.mutateAsync({
          pairs: rows.map((r) => ({
            participantId: r.participantId,
            positionId: r.positionId,
            positionPeriodId: r.positionPeriodId,
            expectedScore: r.score,
          })),
          note: note.trim() || null,
        })
      ).created;
    } catch {
      return;
    }
    const accepted = new Map<number, Accepted>(
      created.map((p) => [p.participantId, { proposalId: p.id, status: p.status }]),
    );
    const res: AcceptResult = { created: created.length, submitted: 0, meetings: new Map(), noReview: 0, failures: [] };
    if (submitNow) {
      setProgress({ done: 0, total: created.length });
      for (const [i, p] of created.entries()) {
        try {
          const out = await submitOne.mutateAsync({ id: p.id });
          res.submitted++;
          accepted.set(p.participantId, { proposalId: p.id, status: out.review.status });
          if (out.meeting) {
            const key = `${meetingText(out.meeting, i18n.language)} (${out.meeting.place})`;
            res.meetings.set(key, (res.meetings.get(key) ?? 0) + 1);
          } else res.noReview++;
        } catch (e) {
          res.failures.push(`${p.participantName} – ${p.positionTitle}: ${(e as RpcClientError).message}`);
        }
        setProgress({ done: i + 1, total: created.length });
      }
      setProgress(null);
    }
    setResult(res);
    onAccepted(accepted);
  }

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="accept-title"
      scroll="paper"
    >
      <DialogTitle id="accept-title">
        {result ? t('matching.suggestion.acceptDone') : t('matching.suggestion.acceptTitle', { count: rows.length })}
      </DialogTitle>
      <DialogContent dividers>
        {result ? (
          <Stack spacing={1.5} role="status">
            <Alert severity="success">{t('matching.suggestion.createdCount', { count: result.created })}</Alert>
            {[...result.meetings.entries()].map(([meeting, n]) => (
              <Alert key={meeting} severity="info">
                {t('matching.suggestion.onMeeting', { count: n, meeting })}
              </Alert>
            ))}
            {result.noReview > 0 && (
              <Alert severity="info">{t('matching.suggestion.noReview', { count: result.noReview })}</Alert>
            )}
            {result.failures.length > 0 && (
              <Alert severity="warning">
                {t('matching.suggestion.submitFailures')}
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {result.failures.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </Box>
              </Alert>
            )}
          </Stack>
        ) : (
          <Stack spacing={2}>
            <ErrorAlert error={accept.error} />
            <Typography>{t('matching.suggestion.acceptLead', { count: rows.length, total })}</Typography>
            <Box
              component="ol"
              sx={{
                m: 0,
                pl: 3,
                maxHeight: 260,
                overflow: 'auto',
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                py: 1,
              }}
            >
              {rows.map((r) => (
                <li key={r.participantId}>
                  {r.name} → {r.title}
                  {r.periodName ? ` (${r.periodName})` : ''}, {r.workplaceName} –{' '}
                  {t('matching.score.of', { score: r.score, max: r.max })}
                </li>
              ))}
            </Box>
            <TextField
              label={t('matching.suggestion.note')}
              multiline
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              helperText={t('matching.suggestion.noteHelp')}
            />
            <FormControlLabel
              control={<Checkbox checked={submitNow} onChange={(e) => setSubmitNow(e.target.checked)} />}
              label={t('matching.suggestion.submitNow')}
            />
            {accept.isPending && (
              <Box role="status" aria-live="polite">
                <LinearProgress aria-hidden />
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {t('matching.suggestion.creating', { count: rows.length })}
                </Typography>
              </Box>
            )}
            {progress && (
              <Box role="status" aria-live="polite">
                <LinearProgress
                  variant="determinate"
                  value={(progress.done / Math.max(1, progress.total)) * 100}
                  aria-hidden
                />
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {t('matching.suggestion.submitting', { done: progress.done, total: progress.total })}
                </Typography>
              </Box>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {result ? (
          <>
            <Button component={RouterLink} to={paths.proposals}>
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
            <Button variant="contained" onClick={() => void onConfirm()} disabled={busy}>
              {submitNow ? t('matching.suggestion.confirmSubmit') : t('matching.suggestion.confirmDraft')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

/**
 * '/matchning': the global suggestion (docs/product.md §5) — who goes where so that the total score is as high as possible
 * under every position's slots — computed in the main process with progress shown, accepted in part.
 */
