import { useEffect, useMemo, useState } from 'react';
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
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import type { SuggestionRow } from '../../../shared/contract/matching';
import { POSITION_KINDS, type PositionKind } from '../../../shared/domain/position';
import type { ProposalStatus } from '../../../shared/domain/proposal';
import type { RpcClientError } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { newProgressKey, useCallProgress } from '../../api/progress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../util/format';
import { ExplanationDialog } from './ExplanationDialog';
import { ScoreBar } from './ExplanationView';
import { MatchingTabs } from './MatchingTabs';
import { meetingText, ProposalStatusChip, PROPOSAL_INVALIDATES } from './parts';
import '../positions/i18n';
import './i18n';
import { gridLocale } from '../positions/parts';

/** Summer jobs have their own allocation run (docs/product.md §5); the unit-wide suggestion leaves them out unless asked. */
const DEFAULT_KINDS: PositionKind[] = POSITION_KINDS.filter((k) => k !== 'summer_job');

type Accepted = { proposalId: number; status: ProposalStatus };

function Stat({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <Paper sx={{ p: 2, flex: 1, minWidth: 170 }}>
      <Typography variant="body2" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography variant="h3" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
      {help && (
        <Typography variant="body2" color="text.secondary" component="p">
          {help}
        </Typography>
      )}
    </Paper>
  );
}

/** Seconds since `running` became true, for the progress text of long work. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

interface AcceptResult {
  created: number;
  submitted: number;
  /** "tisdag 1 december 2026 kl. 09:00 (Sandwalls plats)" → number of proposals on it. */
  meetings: Map<string, number>;
  noReview: number;
  failures: string[];
}

/** Confirms the chosen pairs, creates the drafts in one go and, if asked, submits them one by one with progress. */
function AcceptDialog({
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
            <Button component={RouterLink} to="/matchning/forslag">
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
export function SuggestionPage() {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<PositionKind[]>(DEFAULT_KINDS);
  const [requested, setRequested] = useState(false);
  const [selection, setSelection] = useState<GridRowSelectionModel>({ type: 'include', ids: new Set() });
  const [explaining, setExplaining] = useState<SuggestionRow | null>(null);
  const [accepting, setAccepting] = useState<SuggestionRow[] | null>(null);
  const [accepted, setAccepted] = useState<Map<number, Accepted>>(new Map());
  const [progressKey] = useState(newProgressKey);
  const input = { kinds: [...kinds].sort(), progressKey };
  const suggestion = useRpcQuery('matching.suggest', input, {
    enabled: requested && kinds.length > 0,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
  const running = suggestion.isFetching;
  const elapsed = useElapsed(running);
  const fraction = useCallProgress(progressKey, running);
  const data = suggestion.data;
  const rows = useMemo(() => data?.rows ?? [], [data]);

  const selectedRows = useMemo(
    () =>
      rows.filter(
        (r) =>
          !accepted.has(r.participantId) &&
          (selection.type === 'include' ? selection.ids.has(r.participantId) : !selection.ids.has(r.participantId)),
      ),
    [rows, selection, accepted],
  );

  const compute = () => {
    setAccepted(new Map());
    setSelection({ type: 'include', ids: new Set() });
    if (requested && data) void suggestion.refetch();
    else setRequested(true);
  };

  const columns = useMemo<GridColDef<SuggestionRow>[]>(
    () => [
      {
        field: 'name',
        headerName: t('matching.col.participant'),
        flex: 1,
        minWidth: 190,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            <Link component={RouterLink} to={`/matchning/deltagare/${p.row.participantId}`}>
              {p.row.name}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.ref}
              {p.row.district ? ` · ${p.row.district}` : ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'title',
        headerName: t('matching.col.position'),
        flex: 1.3,
        minWidth: 240,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            <Link component={RouterLink} to={`/platser/${p.row.positionId}`}>
              {p.row.title}
              {p.row.periodName ? ` (${p.row.periodName})` : ''}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.workplaceName}
              {p.row.workplaceDistrict ? `, ${p.row.workplaceDistrict}` : ''} · {t(`positions.kind.${p.row.kind}`)}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'score',
        headerName: t('matching.col.score'),
        width: 190,
        type: 'number',
        headerAlign: 'left',
        renderCell: (p) => <ScoreBar score={p.row.score} max={p.row.max} width={80} />,
      },
      {
        field: 'explain',
        headerName: t('matching.col.explanation'),
        width: 130,
        sortable: false,
        renderCell: (p) => (
          <Button
            size="small"
            variant="outlined"
            onClick={() => setExplaining(p.row)}
            aria-label={t('matching.suggestion.explainFor', { name: p.row.name, title: p.row.title })}
          >
            {t('matching.candidates.explain')}
          </Button>
        ),
      },
      {
        field: 'accepted',
        headerName: t('matching.col.proposal'),
        width: 220,
        sortable: false,
        renderCell: (p) => {
          const a = accepted.get(p.row.participantId);
          return a ? <ProposalStatusChip status={a.status} /> : '–';
        },
      },
    ],
    [t, accepted],
  );

  return (
    <>
      <PageHeader title={t('matching.suggestion.title')} lead={t('matching.suggestion.lead')} />
      <MatchingTabs value="suggestion" />
      <Paper component="section" aria-labelledby="run-heading" sx={{ p: 2, mb: 2 }}>
        <Typography id="run-heading" component="h2" variant="h3" gutterBottom>
          {t('matching.suggestion.runTitle')}
        </Typography>
        <FormControl component="fieldset" error={kinds.length === 0}>
          <FormLabel component="legend">{t('matching.suggestion.kinds')}</FormLabel>
          <FormGroup row>
            {POSITION_KINDS.map((k) => (
              <FormControlLabel
                key={k}
                label={t(`positions.kind.${k}`)}
                control={
                  <Checkbox
                    checked={kinds.includes(k)}
                    onChange={(e) =>
                      setKinds((prev) => (e.target.checked ? [...prev, k] : prev.filter((x) => x !== k)))
                    }
                  />
                }
              />
            ))}
          </FormGroup>
          <FormHelperText>
            {kinds.length === 0 ? t('matching.suggestion.kindsRequired') : t('matching.suggestion.kindsHelp')}
          </FormHelperText>
        </FormControl>
        <Box sx={{ mt: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            startIcon={<PlayArrowOutlined />}
            onClick={compute}
            disabled={running || kinds.length === 0}
          >
            {data ? t('matching.suggestion.recompute') : t('matching.suggestion.compute')}
          </Button>
          {data && !running && (
            <Typography variant="body2" color="text.secondary">
              {t('matching.suggestion.computedOn', {
                date: formatDate(data.computedOn),
                ms: formatNumber(Math.round(data.stats.ms)),
              })}
            </Typography>
          )}
        </Box>
        {running && (
          <Box role="status" aria-live="polite" sx={{ mt: 2 }}>
            {fraction === null ? (
              <LinearProgress aria-hidden />
            ) : (
              <LinearProgress aria-hidden variant="determinate" value={Math.round(fraction * 100)} />
            )}
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {t('matching.suggestion.running', { seconds: elapsed })}
              {fraction === null ? '' : ` (${Math.round(fraction * 100)} %)`}
            </Typography>
          </Box>
        )}
      </Paper>
      <ErrorAlert error={suggestion.error} />
      {data && (
        <>
          <Stack
            direction={{ xs: 'column', md: 'row' }}
            spacing={2}
            sx={{ mb: 2 }}
            component="section"
            aria-label={t('matching.suggestion.statsLabel')}
          >
            <Stat
              label={t('matching.suggestion.totalScore')}
              value={formatNumber(data.totalScore)}
              help={t('matching.suggestion.totalScoreHelp')}
            />
            <Stat
              label={t('matching.suggestion.assigned')}
              value={formatNumber(data.stats.assigned)}
              help={t('matching.suggestion.assignedHelp', {
                considered: data.stats.consideredParticipants,
                waiting: data.stats.waitingParticipants,
              })}
            />
            <Stat
              label={t('matching.suggestion.slots')}
              value={formatNumber(data.stats.slotsOffered)}
              help={t('matching.suggestion.slotsHelp', { columns: data.stats.columns })}
            />
            <Stat
              label={t('matching.suggestion.without')}
              value={formatNumber(data.stats.withoutEligibleSlot)}
              help={t('matching.suggestion.withoutHelp')}
            />
          </Stack>
          {accepted.size > 0 && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('matching.suggestion.staleAfterAccept', { count: accepted.size })}
            </Alert>
          )}
          <Paper component="section" aria-labelledby="pairs-heading">
            <Box sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <Box sx={{ flexGrow: 1 }}>
                <Typography id="pairs-heading" component="h2" variant="h3">
                  {t('matching.suggestion.pairsTitle')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('matching.suggestion.pairsLead')}
                </Typography>
              </Box>
              <Button
                variant="contained"
                disabled={selectedRows.length === 0}
                onClick={() => setAccepting(selectedRows)}
              >
                {selectedRows.length > 0
                  ? t('matching.suggestion.accept', { count: selectedRows.length })
                  : t('matching.suggestion.acceptNone')}
              </Button>
            </Box>
            <DataGrid
              aria-label={t('matching.suggestion.gridLabel')}
              rows={rows}
              getRowId={(r) => r.participantId}
              columns={columns}
              checkboxSelection
              isRowSelectable={(p) => !accepted.has(p.row.participantId)}
              rowSelectionModel={selection}
              onRowSelectionModelChange={setSelection}
              disableRowSelectionOnClick
              autoHeight
              getRowHeight={() => 'auto'}
              initialState={{ pagination: { paginationModel: { pageSize: 50 } } }}
              pageSizeOptions={[25, 50, 100]}
              localeText={gridLocale(t('matching.suggestion.empty'))}
              sx={{
                border: 0,
                borderTop: 1,
                borderColor: 'divider',
                borderRadius: 0,
                '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' },
              }}
            />
          </Paper>
        </>
      )}
      {!data && !running && !suggestion.error && <Alert severity="info">{t('matching.suggestion.notYet')}</Alert>}
      {explaining && (
        <ExplanationDialog
          title={t('matching.suggestion.explainTitle', {
            name: explaining.name,
            title: `${explaining.title}${explaining.periodName ? ` (${explaining.periodName})` : ''}`,
          })}
          lead={explaining.workplaceName}
          explanation={explaining.explanation}
          onClose={() => setExplaining(null)}
        />
      )}
      {accepting && (
        <AcceptDialog
          rows={accepting}
          onClose={() => setAccepting(null)}
          onAccepted={(m) => {
            setAccepted((prev) => new Map([...prev, ...m]));
            setSelection({ type: 'include', ids: new Set() });
          }}
        />
      )}
    </>
  );
}
