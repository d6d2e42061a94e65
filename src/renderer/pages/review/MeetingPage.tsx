import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { AgendaItem, CorrectionOut, ProtocolSnapshot } from '../../../shared/contract/review';
import type { DecisionKind, VetoReasonCategory } from '../../../shared/domain/review';
import { downloadFile, rpc } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ConfirmDialog } from '../positions/ConfirmDialog';
import { formatDate, formatDateTime, formatLongDate } from '../../util/format';
import { AttendeesDialog, OpenMeetingDialog } from './AttendeesDialog';
import type { CloseResult } from './CloseMeetingDialog';
import { CorrectionDialog, type DecisionInForce } from './CorrectionDialog';
import { DecisionChip, FactList, gridLocale, MeetingStatusChip, meetingDateText, meetingModePath, meetingPath, REVIEW_BASE, REVIEW_INVALIDATES, useReviewRoles } from './parts';
import './i18n';

type ProtocolItem = ProtocolSnapshot['items'][number];

/** Downloads a closed meeting's protocol as PDF; shows progress while the file is made. */
export function ProtocolDownloadButton({ meetingId, variant = 'contained', label }: { meetingId: number; variant?: 'contained' | 'outlined' | 'text'; label?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      downloadFile(await rpc('review.protocolPdf', { id: meetingId }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant={variant} startIcon={<PictureAsPdfOutlined />} onClick={() => void run()} disabled={busy} aria-label={label}>
        {busy ? t('review.meeting.downloading') : variant === 'text' ? t('review.protocols.download') : t('review.meeting.downloadProtocol')}
      </Button>
      {error ? <ErrorAlert error={error} sx={{ mt: 1, mb: 0 }} /> : null}
    </>
  );
}

/** The decision text of a protocol item or a correction: reason, motivation or question. */
function DecisionDetail({ reasonLabel, text, question }: { reasonLabel: string | null; text: string | null; question: string | null }) {
  return (
    <>
      {reasonLabel && (
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {reasonLabel}
        </Typography>
      )}
      {text && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </Typography>
      )}
      {question && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {question}
        </Typography>
      )}
    </>
  );
}

/** Follows the correction chain from the protocol's decision to the one in force now. */
function inForce(p: ProtocolItem, corrections: CorrectionOut[]): DecisionInForce | null {
  if (p.decisionId === null || p.decision === null) return null;
  let cur: DecisionInForce = {
    id: p.decisionId,
    kind: p.decision,
    reasonCategory: p.reasonCategory,
    reasonLabel: p.reasonLabel,
    text: p.text,
    question: p.question,
  };
  for (;;) {
    const next = corrections.find((c) => c.correctsDecisionId === cur.id);
    if (!next || next.id === null) return cur;
    cur = { id: next.id, kind: next.kind, reasonCategory: next.reasonCategory as VetoReasonCategory | null, reasonLabel: next.reasonLabel, text: next.text, question: next.question };
  }
}

/** The frozen protocol of a closed meeting, with its addendum of corrections. */
function ProtocolSection({
  protocol,
  corrections,
  items,
  canDecide,
  meetingId,
}: {
  protocol: ProtocolSnapshot;
  corrections: CorrectionOut[];
  items: AgendaItem[];
  canDecide: boolean;
  meetingId: number;
}) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState<{ p: ProtocolItem; d: DecisionInForce } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const names = useMemo(() => new Map(items.map((i) => [i.proposalId, i.participant ?? null])), [items]);
  const columns = useMemo<GridColDef<ProtocolItem>[]>(
    () => [
      { field: 'number', headerName: t('review.meeting.col.number'), width: 56, sortable: false },
      {
        field: 'participantLabel',
        headerName: t('review.meeting.col.participant'),
        width: 210,
        sortable: false,
        renderCell: (p) => {
          const who = names.get(p.row.proposalId);
          return (
            <Box sx={{ py: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {p.row.participantLabel}
              </Typography>
              {who && (
                <Link component={RouterLink} to={`/deltagare/${who.id}`} variant="body2">
                  {who.name}
                </Link>
              )}
            </Box>
          );
        },
      },
      {
        field: 'positionTitle',
        headerName: t('review.meeting.col.position'),
        flex: 1,
        minWidth: 220,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {p.row.positionTitle}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {[p.row.workplaceName, p.row.workplaceDistrict].filter(Boolean).join(', ')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {p.row.originLabel}
              {p.row.fromMeetingDate ? ` (${t('review.meeting.from', { date: formatDate(p.row.fromMeetingDate) })})` : ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'decisionLabel',
        headerName: t('review.meeting.col.decision'),
        flex: 1.3,
        minWidth: 280,
        sortable: false,
        renderCell: (p) => {
          const correctedBy = p.row.decisionId !== null ? corrections.find((c) => c.correctsDecisionId === p.row.decisionId) : undefined;
          return (
            <Box sx={{ py: 1 }}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
                <DecisionChip kind={p.row.decision} />
                {p.row.decisionId !== null && (
                  <Typography variant="body2" color="text.secondary">
                    {t('review.meeting.decisionNo', { id: p.row.decisionId })}
                  </Typography>
                )}
              </Box>
              <DecisionDetail reasonLabel={p.row.reasonLabel} text={p.row.text} question={p.row.question} />
              {p.row.nextMeetingDate && (
                <Typography variant="body2" color="text.secondary">
                  {t('review.meeting.returnsOn', { date: formatLongDate(p.row.nextMeetingDate) })}
                </Typography>
              )}
              {correctedBy?.id != null && (
                <Typography variant="body2" sx={{ color: 'warning.main', fontWeight: 600 }}>
                  {t('review.meeting.correctedBy', { id: correctedBy.id })}
                </Typography>
              )}
            </Box>
          );
        },
      },
      ...(canDecide
        ? [
            {
              field: 'actions',
              headerName: t('common.actions'),
              width: 160,
              sortable: false,
              renderCell: (p) => {
                const d = inForce(p.row, corrections);
                if (!d) return null;
                return (
                  <Button size="small" startIcon={<EditNoteOutlined />} onClick={() => setCorrecting({ p: p.row, d })} aria-label={t('review.meeting.correctItem', { number: p.row.number })}>
                    {t('review.meeting.correct')}
                  </Button>
                );
              },
            } as GridColDef<ProtocolItem>,
          ]
        : []),
    ],
    [t, names, corrections, canDecide],
  );

  return (
    <Paper component="section" aria-labelledby="protocol-title" sx={{ mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', p: 2, pb: 1 }}>
        <Box>
          <Typography id="protocol-title" variant="h2" sx={{ mb: 0.5 }}>
            {t('review.meeting.protocol')}
          </Typography>
          <Typography color="text.secondary">{t('review.meeting.protocolLead', { closedAt: formatDateTime(protocol.closedAt), closedBy: protocol.closedByName })}</Typography>
        </Box>
        <ProtocolDownloadButton meetingId={meetingId} />
      </Box>
      {notice && (
        <Alert severity="success" role="status" sx={{ mx: 2, mb: 1 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <DataGrid
        aria-label={t('review.meeting.protocolLabel')}
        rows={protocol.items}
        getRowId={(r) => r.number}
        columns={columns}
        autoHeight
        getRowHeight={() => 'auto'}
        hideFooter={protocol.items.length <= 100}
        disableRowSelectionOnClick
        disableColumnMenu
        localeText={gridLocale(t('review.meeting.agendaEmptyClosed'))}
        sx={{ border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
      />
      <Box component="section" aria-labelledby="corrections-title" sx={{ p: 2, borderTop: '1px solid', borderColor: 'divider' }}>
        <Typography id="corrections-title" variant="h3" sx={{ mb: 1 }}>
          {t('review.meeting.corrections')}
        </Typography>
        {corrections.length === 0 ? (
          <Typography color="text.secondary">{t('review.meeting.correctionsNone')}</Typography>
        ) : (
          <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {corrections.map((c) => (
              <Box component="li" key={c.id ?? c.decidedAt} sx={{ borderLeft: '3px solid', borderColor: 'warning.main', pl: 1.5 }}>
                <Typography variant="body2" color="text.secondary">
                  {t('review.meeting.decisionNo', { id: c.id })} · § {c.itemNumber ?? '–'} · {c.participantLabel} ·{' '}
                  {c.correctsDecisionId !== null ? t('review.meeting.correctionOf', { id: c.correctsDecisionId }) : ''}
                </Typography>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', my: 0.5 }}>
                  <DecisionChip kind={c.kind} />
                  <Typography variant="body2" color="text.secondary">
                    {[c.decidedByName, formatDateTime(c.decidedAt)].filter(Boolean).join(', ')}
                  </Typography>
                </Box>
                <DecisionDetail reasonLabel={c.reasonLabel} text={c.text} question={c.question} />
                {c.correctionReason && (
                  <Typography variant="body2">
                    <Box component="span" sx={{ fontWeight: 600 }}>
                      {t('review.meeting.correctionReason')}:
                    </Box>{' '}
                    {c.correctionReason}
                  </Typography>
                )}
              </Box>
            ))}
          </Stack>
        )}
      </Box>
      {correcting && (
        <CorrectionDialog
          decision={correcting.d}
          itemNumber={correcting.p.number}
          participantLabel={correcting.p.participantLabel}
          onClose={(done) => {
            setCorrecting(null);
            if (done?.id != null) setNotice(t('review.correct.done', { id: done.id }));
          }}
        />
      )}
    </Paper>
  );
}

/** The agenda of a meeting that is not closed: each item with where it comes from and any draft decision. */
function AgendaSection({ items, cutoff, pseudonymous }: { items: AgendaItem[]; cutoff: string; pseudonymous: boolean }) {
  const { t } = useTranslation();
  const columns = useMemo<GridColDef<AgendaItem>[]>(
    () => [
      { field: 'number', headerName: t('review.meeting.col.number'), width: 56, sortable: false },
      {
        field: 'participantLabel',
        headerName: t('review.meeting.col.participant'),
        width: 210,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {p.row.participantLabel}
            </Typography>
            {!pseudonymous && p.row.participant && (
              <Link component={RouterLink} to={`/deltagare/${p.row.participant.id}`} variant="body2">
                {p.row.participant.name}
              </Link>
            )}
          </Box>
        ),
      },
      {
        field: 'position',
        headerName: t('review.meeting.col.position'),
        flex: 1,
        minWidth: 240,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {p.row.position.title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {[p.row.workplace.name, p.row.workplace.district].filter(Boolean).join(', ')} · {p.row.position.hoursPercent} % · {p.row.position.employmentFormLabel}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'origin',
        headerName: t('review.meeting.col.origin'),
        flex: 1,
        minWidth: 220,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2">{p.row.originLabel}</Typography>
            {p.row.fromMeeting && (
              <Typography variant="body2" color="text.secondary">
                {t('review.meeting.from', { date: formatDate(p.row.fromMeeting.date) })}
              </Typography>
            )}
            {p.row.previousQuestion && (
              <Typography variant="body2" sx={{ fontStyle: 'italic', whiteSpace: 'pre-wrap' }}>
                ”{p.row.previousQuestion}”
              </Typography>
            )}
            {p.row.submittedAt && (
              <Typography variant="body2" color="text.secondary">
                {t('review.meeting.col.submitted')} {formatDate(p.row.submittedAt)}
                {p.row.submittedByName ? `, ${p.row.submittedByName}` : ''}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'decision',
        headerName: t('review.meeting.col.decision'),
        width: 230,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <DecisionChip kind={p.row.decision?.kind ?? null} draft={p.row.decision ? !p.row.decision.final : false} noneLabel={t('review.mode.noDecision')} />
            {p.row.decision && <DecisionDetail reasonLabel={p.row.decision.reasonLabel} text={p.row.decision.text} question={p.row.decision.question} />}
          </Box>
        ),
      },
    ],
    [t, pseudonymous],
  );
  return (
    <Paper component="section" aria-labelledby="agenda-title" sx={{ mb: 2 }}>
      <Typography id="agenda-title" variant="h2" sx={{ p: 2, pb: 1 }}>
        {t('review.meeting.agenda')} ({t('review.items', { count: items.length })})
      </Typography>
      <DataGrid
        aria-label={t('review.meeting.itemsLabel')}
        rows={items}
        getRowId={(r) => r.itemId}
        columns={columns}
        autoHeight
        getRowHeight={() => 'auto'}
        hideFooter={items.length <= 100}
        disableRowSelectionOnClick
        disableColumnMenu
        localeText={gridLocale(t('review.meeting.agendaEmpty', { cutoff: formatLongDate(cutoff) }))}
        sx={{ border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
      />
    </Paper>
  );
}

/** '/provning/moten/:id': one meeting — its facts and attendees, its agenda, or once closed its locked protocol. */
export function MeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const id = Number(useParams().id);
  const { canDecide, isCoordination, pseudonymous } = useReviewRoles();
  const status = useRpcQuery('system.status', {});
  // An open meeting is followed live (decisions are recorded on another screen in meeting mode).
  const q = useRpcQuery('review.getMeeting', { id }, { enabled: Number.isInteger(id) && id > 0, refetchInterval: (query) => (query.state.data?.meeting.status === 'open' ? 10_000 : false) });
  const [opening, setOpening] = useState(false);
  const [editingAttendees, setEditingAttendees] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancel = useRpcMutation('review.cancelMeeting', { invalidates: REVIEW_INVALIDATES });
  const closed = (location.state as { closed?: CloseResult } | null)?.closed ?? null;

  if (q.isLoading || status.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const { meeting, items, protocol, corrections, nextMeeting, previousMeeting } = q.data;
  const today = status.data?.today ?? '';
  const canOpen = meeting.status === 'planned' && meeting.date <= today;
  const counts = items.reduce<Record<DecisionKind | 'none', number>>(
    (c, i) => {
      c[i.decision?.kind ?? 'none'] += 1;
      return c;
    },
    { approve: 0, veto: 0, defer: 0, none: 0 },
  );

  return (
    <>
      <Link component={RouterLink} to={REVIEW_BASE} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}>
        <ArrowBackOutlined fontSize="small" aria-hidden />
        {t('review.meeting.back')}
      </Link>
      <PageHeader
        title={t('review.meetingTitle', { date: formatLongDate(meeting.date) })}
        lead={`${t('review.at')} ${meeting.time} · ${meeting.place}`}
        actions={
          <>
            {(meeting.status === 'planned' || meeting.status === 'open') && (
              <Button startIcon={<GroupsOutlined />} onClick={() => setEditingAttendees(true)}>
                {t('review.meeting.editAttendees')}
              </Button>
            )}
            {meeting.status === 'planned' && isCoordination && (
              <Button startIcon={<EventBusyOutlined />} onClick={() => setCancelling(true)}>
                {t('review.meeting.cancel')}
              </Button>
            )}
            {canOpen && (
              <Button variant="contained" startIcon={<PlayArrowOutlined />} onClick={() => setOpening(true)}>
                {t('review.meeting.open')}
              </Button>
            )}
            {meeting.status === 'open' && (
              <Button variant="contained" startIcon={<PlayArrowOutlined />} component={RouterLink} to={meetingModePath(meeting.id)}>
                {t('review.meeting.meetingMode')}
              </Button>
            )}
          </>
        }
      />
      {closed && meeting.status === 'closed' && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {t('review.close.done', { decided: closed.decided, deferred: closed.deferred, carried: closed.carriedOver })}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {meeting.movedReason && (
        <Alert severity="warning" icon={<EventBusyOutlined />} sx={{ mb: 2 }}>
          {meeting.movedReason}
        </Alert>
      )}
      {meeting.status === 'cancelled' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('review.meeting.cancelled', { reason: meeting.cancelledReason ?? '' })}
        </Alert>
      )}
      {meeting.overdue && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('review.overview.overdue', { date: formatLongDate(meeting.date), count: meeting.itemCount })}
        </Alert>
      )}
      {meeting.status === 'planned' && !canOpen && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('review.meeting.notYet', { date: formatLongDate(meeting.date) })}
        </Alert>
      )}

      <Paper component="section" aria-labelledby="facts-title" sx={{ p: 2.5, mb: 2 }}>
        <Typography id="facts-title" variant="h2" sx={{ mb: 1.5 }}>
          {t('review.meeting.facts')}
        </Typography>
        <FactList
          items={[
            { label: t('review.meeting.date'), value: meetingDateText(meeting, t) },
            { label: t('review.meeting.place'), value: meeting.place },
            { label: t('review.meeting.cutoff'), value: formatLongDate(meeting.cutoffDate) },
            { label: t('review.meeting.status'), value: <MeetingStatusChip status={meeting.status} overdue={meeting.overdue} /> },
            ...(meeting.openedAt ? [{ label: t('review.meeting.openedAt'), value: formatDateTime(meeting.openedAt) }] : []),
            ...(meeting.closedAt ? [{ label: t('review.meeting.closedAt'), value: `${formatDateTime(meeting.closedAt)}${meeting.closedByName ? `, ${meeting.closedByName}` : ''}` }] : []),
            {
              label: t('review.meeting.attendees'),
              value:
                meeting.attendees.length === 0 ? (
                  t('review.meeting.noAttendees')
                ) : (
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {meeting.attendees.map((a) => (
                      <li key={`${a.party}-${a.name}`}>
                        {a.name} – {a.partyLabel}
                        {a.title ? `, ${a.title}` : ''}
                      </li>
                    ))}
                  </Box>
                ),
            },
          ]}
        />
      </Paper>

      {meeting.status === 'closed' && protocol ? (
        <ProtocolSection protocol={protocol} corrections={corrections} items={items} canDecide={canDecide} meetingId={meeting.id} />
      ) : (
        meeting.status !== 'cancelled' && (
          <>
            {meeting.status === 'open' && (
              <Alert severity="info" sx={{ mb: 2 }}>
                {t('review.overview.openText', { date: formatLongDate(meeting.date), decided: meeting.itemCount - counts.none, count: meeting.itemCount })}
              </Alert>
            )}
            <AgendaSection items={items} cutoff={meeting.cutoffDate} pseudonymous={pseudonymous} />
          </>
        )
      )}

      <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', flexWrap: 'wrap' }}>
        {previousMeeting ? (
          <Link component={RouterLink} to={meetingPath(previousMeeting.id)}>
            ← {t('review.meeting.previous')}: {formatLongDate(previousMeeting.date)}
          </Link>
        ) : (
          <span />
        )}
        {nextMeeting && (
          <Link component={RouterLink} to={meetingPath(nextMeeting.id)}>
            {t('review.meeting.next')}: {formatLongDate(nextMeeting.date)} →
          </Link>
        )}
      </Stack>

      {opening && (
        <OpenMeetingDialog
          meeting={meeting}
          onClose={(opened) => {
            setOpening(false);
            if (opened) void navigate(meetingModePath(meeting.id));
          }}
        />
      )}
      {editingAttendees && <AttendeesDialog meeting={meeting} onClose={() => setEditingAttendees(false)} />}
      {cancelling && (
        <ConfirmDialog
          title={t('review.cancel.title', { date: formatLongDate(meeting.date) })}
          text={t('review.cancel.lead')}
          confirmLabel={t('review.cancel.confirm')}
          busy={cancel.isPending}
          error={cancel.error}
          onClose={() => {
            cancel.reset();
            setCancelling(false);
            setCancelReason('');
            setCancelError(null);
          }}
          onConfirm={() => {
            if (!cancelReason.trim()) {
              setCancelError(t('review.cancel.reasonRequired'));
              return;
            }
            cancel.mutate(
              { id: meeting.id, reason: cancelReason.trim() },
              {
                onSuccess: (r) => {
                  setCancelling(false);
                  setCancelReason('');
                  setNotice(t('review.cancel.done', { count: r.movedItems }));
                },
              },
            );
          }}
        >
          <TextField
            sx={{ mt: 2 }}
            label={t('review.cancel.reason')}
            required
            multiline
            minRows={2}
            value={cancelReason}
            onChange={(e) => setCancelReason(e.target.value)}
            error={Boolean(cancelError)}
            helperText={cancelError ?? undefined}
            autoFocus
          />
        </ConfirmDialog>
      )}
    </>
  );
}
