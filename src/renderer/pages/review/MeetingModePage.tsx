import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FullscreenExitOutlined from '@mui/icons-material/FullscreenExitOutlined';
import FullscreenOutlined from '@mui/icons-material/FullscreenOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import type { AgendaItemUnion, DecisionInput, DecisionOut, MeetingSummary } from '../../../shared/contract/review';
import type { DecisionKind } from '../../../shared/domain/review';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime, formatLongDate } from '../../util/format';
import { AttendeesDialog, OpenMeetingDialog } from './AttendeesDialog';
import { CloseMeetingDialog } from './CloseMeetingDialog';
import { DecisionForm, valuesFrom } from './DecisionForm';
import { DECISION_ICON, DecisionChip, FactList, meetingDateText, meetingPath, periodText, useReviewRoles } from './parts';
import './i18n';

const KIND_KEYS: Record<DecisionKind, string> = { approve: 'G', veto: 'V', defer: 'B' };
const KIND_COLOR: Record<DecisionKind, 'success' | 'error' | 'warning'> = { approve: 'success', veto: 'error', defer: 'warning' };

/** A visible keyboard hint, e.g. [G]. */
function Kbd({ children }: { children: ReactNode }) {
  return (
    <Box
      component="kbd"
      sx={{
        display: 'inline-block',
        minWidth: '1.6em',
        px: 0.6,
        py: 0.1,
        ml: 1,
        border: '1px solid currentColor',
        borderRadius: 0.75,
        fontFamily: 'inherit',
        fontSize: '0.85em',
        fontWeight: 700,
        lineHeight: 1.4,
        textAlign: 'center',
        opacity: 0.9,
      }}
    >
      {children}
    </Box>
  );
}

/** Whether a key press belongs to a text field, a radio group or an open dialog rather than to meeting mode. */
function ignoreShortcut(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  const el = e.target as HTMLElement | null;
  if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return true;
  return document.querySelector('.MuiDialog-root') !== null;
}

function DecisionSummary({ d, draft }: { d: DecisionOut; draft: boolean }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <DecisionChip kind={d.kind} size="medium" />
        {draft && (
          <Typography variant="body2" color="text.secondary">
            {t('review.meeting.draft')}
          </Typography>
        )}
      </Box>
      {d.reasonLabel && <Typography sx={{ mt: 1, fontSize: '1.15rem', fontWeight: 600 }}>{d.reasonLabel}</Typography>}
      {d.text && <Typography sx={{ mt: 0.5, fontSize: '1.1rem', whiteSpace: 'pre-wrap' }}>{d.text}</Typography>}
      {d.question && <Typography sx={{ mt: 0.5, fontSize: '1.1rem', whiteSpace: 'pre-wrap' }}>{d.question}</Typography>}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {[d.decidedByName, formatDateTime(d.decidedAt)].filter(Boolean).join(', ')}
      </Typography>
    </Box>
  );
}

/** One agenda item, large enough to read across a meeting room. The participant appears only as a reference. */
function ItemView({ item, n, total }: { item: AgendaItemUnion; n: number; total: number }) {
  const { t } = useTranslation();
  const p = item.position;
  const w = item.workplace;
  return (
    <Paper component="article" aria-labelledby="item-title" sx={{ p: { xs: 2, md: 3.5 } }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip label={`§ ${n}`} sx={{ fontSize: '1rem', fontWeight: 700 }} aria-label={t('review.mode.progress', { n, total })} />
        <Chip
          label={item.participantLabel}
          variant="outlined"
          color="primary"
          sx={{ fontSize: '1.1rem', fontWeight: 700, height: 36 }}
          aria-label={`${t('review.mode.participant')}: ${item.participantLabel}`}
        />
        {item.origin !== 'submitted' && <Chip label={item.originLabel} color="warning" variant="outlined" sx={{ fontSize: '1rem' }} />}
      </Stack>
      <Typography id="item-title" variant="h2" sx={{ fontSize: { xs: '1.8rem', md: '2.4rem' }, fontWeight: 700, lineHeight: 1.2, mb: 0.5 }}>
        {p.title}
      </Typography>
      <Typography sx={{ fontSize: { xs: '1.2rem', md: '1.45rem' }, color: 'text.secondary', mb: 2.5 }}>
        {[w.name, w.organisation, w.district].filter(Boolean).join(' · ')}
      </Typography>
      {item.previousQuestion && (
        <Alert severity="info" sx={{ mb: 2.5, fontSize: '1.2rem', '& .MuiAlert-message': { width: '100%' } }}>
          <Typography sx={{ fontWeight: 700, fontSize: 'inherit' }}>
            {t('review.mode.previousQuestion', { date: item.fromMeeting ? formatLongDate(item.fromMeeting.date) : '' })}
          </Typography>
          <Typography sx={{ fontSize: 'inherit', whiteSpace: 'pre-wrap' }}>{item.previousQuestion}</Typography>
        </Alert>
      )}
      <Typography variant="h3" sx={{ fontSize: '1.35rem', mb: 1 }}>
        {t('review.mode.tasks')}
      </Typography>
      <Typography sx={{ fontSize: { xs: '1.2rem', md: '1.4rem' }, lineHeight: 1.55, whiteSpace: 'pre-wrap', mb: 3, maxWidth: '70ch' }}>{p.tasks}</Typography>
      <FactList
        large
        items={[
          { label: t('review.mode.kind'), value: p.kindLabel },
          { label: t('review.mode.hours'), value: t('review.mode.hoursValue', { percent: p.hoursPercent }) },
          { label: t('review.mode.period'), value: periodText(p, t) },
          { label: t('review.mode.employmentForm'), value: p.employmentFormLabel },
          { label: t('review.mode.subsidy'), value: p.subsidyTypeName ?? t('review.mode.noSubsidy') },
          { label: t('review.mode.supervisor'), value: p.supervisorName ?? t('review.mode.noSupervisor') },
          {
            label: t('review.mode.slots'),
            value: (
              <>
                {t('review.mode.slotsValue', { slots: p.slots, active: p.activePlacements })}
                <Box component="span" sx={{ display: 'block', fontSize: '0.85em', color: 'text.secondary' }}>
                  {t('review.mode.workplaceActive', { count: w.activePlacements })}
                </Box>
              </>
            ),
          },
        ]}
      />
      {item.history.length > 0 && (
        <Box sx={{ mt: 3 }}>
          <Typography variant="h3" sx={{ fontSize: '1.2rem', mb: 1 }}>
            {t('review.mode.history')}
          </Typography>
          <Stack spacing={1.5}>
            {item.history.map((d, i) => (
              <Box key={d.id ?? `h${i}`} sx={{ borderLeft: '3px solid', borderColor: 'divider', pl: 1.5 }}>
                <Typography variant="body2" color="text.secondary">
                  {formatLongDate(d.meetingDate)}
                </Typography>
                <DecisionSummary d={d} draft={false} />
              </Box>
            ))}
          </Stack>
        </Box>
      )}
    </Paper>
  );
}

/** The decision panel: what is recorded, and for the union the three decisions with their shortcuts. */
function DecisionPanel({
  item,
  meetingId,
  canDecide,
  active,
  setActive,
}: {
  item: AgendaItemUnion;
  meetingId: number;
  canDecide: boolean;
  active: DecisionKind | null;
  setActive: (k: DecisionKind | null) => void;
}) {
  const { t } = useTranslation();
  const record = useRpcMutation('review.recordDecision', { invalidates: ['review.'] });
  const clear = useRpcMutation('review.clearDecision', { invalidates: ['review.'] });
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    setSaved(null);
    record.reset();
    clear.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.itemId]);
  const d = item.decision;
  const save = (input: DecisionInput) =>
    record.mutate(
      { meetingId, proposalId: item.proposalId, decision: input },
      {
        onSuccess: (r) => {
          setActive(null);
          setSaved(t('review.mode.saved', { label: r.decision?.label ?? '' }));
        },
      },
    );
  const kinds: DecisionKind[] = ['approve', 'veto', 'defer'];
  return (
    <Paper component="section" aria-labelledby="decision-title" sx={{ p: { xs: 2, md: 3 }, position: { lg: 'sticky' }, top: { lg: 80 } }}>
      <Typography id="decision-title" variant="h2" sx={{ fontSize: '1.5rem', mb: 2 }}>
        {t('review.mode.decision')}
      </Typography>
      <ErrorAlert error={record.error ?? clear.error} />
      <Box role="status" aria-live="polite">
        {saved && (
          <Alert severity="success" sx={{ mb: 2 }}>
            {saved}
          </Alert>
        )}
      </Box>
      {d ? (
        <Box sx={{ mb: 2.5 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5, fontWeight: 600 }}>
            {t('review.mode.currentDecision')}
          </Typography>
          <DecisionSummary d={d} draft={!d.final} />
          {canDecide && !d.final && active === null && (
            <Button size="small" sx={{ mt: 1 }} disabled={clear.isPending} onClick={() => clear.mutate({ meetingId, proposalId: item.proposalId })}>
              {t('review.mode.clear')}
            </Button>
          )}
        </Box>
      ) : (
        <Typography color="text.secondary" sx={{ mb: 2.5, fontSize: '1.1rem' }}>
          {t('review.mode.noDecision')}
        </Typography>
      )}
      {canDecide ? (
        <>
          <Stack direction={{ xs: 'column', sm: 'row', lg: 'column', xl: 'row' }} spacing={1.5} sx={{ mb: active ? 2.5 : 0 }}>
            {kinds.map((k) => {
              const Icon = DECISION_ICON[k];
              return (
                <Button
                  key={k}
                  variant={active === k || (active === null && d?.kind === k) ? 'contained' : 'outlined'}
                  color={KIND_COLOR[k]}
                  size="large"
                  startIcon={<Icon />}
                  aria-keyshortcuts={KIND_KEYS[k]}
                  aria-pressed={active === k}
                  onClick={() => setActive(active === k ? null : k)}
                  sx={{ fontSize: '1.2rem', py: 1.25, flex: 1, justifyContent: 'center' }}
                >
                  {t(`review.mode.${k}`)}
                  <Kbd>{KIND_KEYS[k]}</Kbd>
                </Button>
              );
            })}
          </Stack>
          {active && (
            <DecisionForm
              key={`${item.itemId}-${active}`}
              kind={active}
              initial={valuesFrom(d && d.kind === active ? d : null)}
              busy={record.isPending}
              onSave={save}
              onCancel={() => setActive(null)}
              large
              idPrefix={`decision-${item.itemId}`}
            />
          )}
        </>
      ) : (
        <Alert severity="info" sx={{ fontSize: '1.05rem' }}>
          {t('review.mode.deciderOnly')}
        </Alert>
      )}
    </Paper>
  );
}

function useFullscreen(ref: React.RefObject<HTMLElement | null>) {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const onChange = () => setOn(document.fullscreenElement !== null && document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [ref]);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void ref.current?.requestFullscreen?.();
  }, [ref]);
  return { on, toggle, supported: typeof document !== 'undefined' && document.fullscreenEnabled };
}

function countDecisions(items: AgendaItemUnion[]) {
  const c = { approve: 0, veto: 0, defer: 0, none: 0 };
  for (const i of items) c[i.decision?.kind ?? 'none'] += 1;
  return c;
}

/** A meeting that is not open: say why, and offer what can be done. */
function NotOpen({ meeting, today }: { meeting: MeetingSummary; today: string }) {
  const { t } = useTranslation();
  const [opening, setOpening] = useState(false);
  const canOpen = meeting.status === 'planned' && meeting.date <= today;
  return (
    <>
      <Typography variant="h1" sx={{ mb: 2 }}>
        {t('review.meetingTitle', { date: meetingDateText(meeting, t) })}
      </Typography>
      <Alert
        severity={meeting.status === 'closed' ? 'success' : 'info'}
        action={
          meeting.status === 'closed' ? (
            <Button color="inherit" component={RouterLink} to={meetingPath(meeting.id)}>
              {t('review.mode.toProtocol')}
            </Button>
          ) : canOpen ? (
            <Button color="inherit" onClick={() => setOpening(true)}>
              {t('review.meeting.open')}
            </Button>
          ) : (
            <Button color="inherit" component={RouterLink} to={meetingPath(meeting.id)}>
              {t('review.mode.backToAgenda')}
            </Button>
          )
        }
      >
        {meeting.status === 'closed'
          ? t('review.mode.closedAlready')
          : meeting.status === 'cancelled'
            ? t('review.meeting.cancelled', { reason: meeting.cancelledReason ?? '' })
            : t('review.mode.planned', { date: formatLongDate(meeting.date) })}
      </Alert>
      {/* Once opened, the meeting query is refetched and this page turns into meeting mode. */}
      {opening && <OpenMeetingDialog meeting={meeting} onClose={() => setOpening(false)} />}
    </>
  );
}

/**
 * '/provning/moten/:id/moteslage': meeting mode. One item at a time in large type, with the position, workplace,
 * tasks, hours, period, employment form and subsidy type, and the participant only as "Deltagare <ref>". The union
 * records approve, veto (reason category and text) or defer (a question for the next meeting). Keyboard: ← → move
 * between items, G/V/B choose a decision, F toggles full screen.
 */
export function MeetingModePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const id = Number(params.id);
  const [search, setSearch] = useSearchParams();
  const { canDecide } = useReviewRoles();
  const status = useRpcQuery('system.status', {});
  const q = useRpcQuery('review.getMeeting', { id }, { enabled: Number.isInteger(id) && id > 0, refetchInterval: 5_000 });
  const containerRef = useRef<HTMLDivElement | null>(null);
  const fullscreen = useFullscreen(containerRef);
  const [active, setActive] = useState<DecisionKind | null>(null);
  const [editingAttendees, setEditingAttendees] = useState(false);
  const [closing, setClosing] = useState(false);

  const items = useMemo<AgendaItemUnion[]>(() => q.data?.items ?? [], [q.data]);
  const total = items.length;
  const requested = Number(search.get('arende') ?? '1');
  const index = total === 0 ? 0 : Math.min(Math.max(Number.isFinite(requested) ? requested : 1, 1), total) - 1;
  const item = items[index];

  const go = useCallback(
    (i: number) => {
      if (i < 0 || i >= total) return;
      setActive(null);
      setSearch({ arende: String(i + 1) }, { replace: true });
    },
    [setSearch, total],
  );

  const isOpen = q.data?.meeting.status === 'open';
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (ignoreShortcut(e)) return;
      const k = e.key.toLowerCase();
      if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(index - 1);
      else if (e.key === 'ArrowRight' || e.key === 'PageDown') go(index + 1);
      else if (k === 'f') fullscreen.toggle();
      else if (canDecide && item && (k === 'g' || k === 'v' || k === 'b')) setActive(k === 'g' ? 'approve' : k === 'v' ? 'veto' : 'defer');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen, go, index, canDecide, item, fullscreen]);

  const counts = useMemo(() => countDecisions(items), [items]);
  if (q.isLoading || status.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const { meeting } = q.data;
  if (meeting.status !== 'open') return <NotOpen meeting={meeting} today={status.data?.today ?? ''} />;
  const decided = total - counts.none;
  const dialogContainer = fullscreen.on ? containerRef.current : undefined;

  return (
    <Box
      ref={containerRef}
      sx={{
        bgcolor: 'background.default',
        ...(fullscreen.on ? { p: { xs: 2, md: 4 }, overflow: 'auto', height: '100vh' } : {}),
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <Box sx={{ flexGrow: 1, minWidth: 260 }}>
          <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', md: '2rem' } }}>
            {t('review.meetingTitle', { date: meetingDateText(meeting, t) })}
          </Typography>
          <Typography color="text.secondary" sx={{ fontSize: '1.1rem' }}>
            {t('review.mode.title')} · {meeting.place}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button startIcon={<GroupsOutlined />} onClick={() => setEditingAttendees(true)}>
            {t('review.mode.attendees')} ({meeting.attendees.length})
          </Button>
          {fullscreen.supported && (
            <Button startIcon={fullscreen.on ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={fullscreen.toggle} aria-keyshortcuts="F">
              {fullscreen.on ? t('review.mode.exitFullscreen') : t('review.mode.fullscreen')}
              <Kbd>F</Kbd>
            </Button>
          )}
          {!fullscreen.on && (
            <Button startIcon={<ListAltOutlined />} component={RouterLink} to={meetingPath(meeting.id)}>
              {t('review.mode.backToAgenda')}
            </Button>
          )}
          <Button variant="contained" startIcon={<LockOutlined />} onClick={() => setClosing(true)}>
            {t('review.mode.close')}
          </Button>
        </Stack>
      </Box>

      <Paper sx={{ px: 2.5, py: 2, mb: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mb: 1 }}>
          <Typography sx={{ fontSize: '1.6rem', fontWeight: 700 }}>
            {total > 0 ? t('review.mode.progress', { n: index + 1, total }) : t('review.mode.empty')}
          </Typography>
          <Typography sx={{ fontSize: '1.1rem' }}>{t('review.mode.decidedProgress', { decided, total })}</Typography>
        </Box>
        <LinearProgress
          variant="determinate"
          value={total === 0 ? 100 : (decided / total) * 100}
          aria-label={t('review.mode.decidedProgress', { decided, total })}
          sx={{ height: 10, borderRadius: 5, mb: total > 0 ? 1.5 : 0 }}
        />
        {total > 0 && (
          <Box component="nav" aria-label={t('review.mode.itemNav')} sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }}>
            {items.map((it, i) => {
              const Icon = DECISION_ICON[it.decision?.kind ?? 'none'];
              const statusText = it.decision ? it.decision.label : t('review.mode.noDecision');
              return (
                <Button
                  key={it.itemId}
                  size="small"
                  variant={i === index ? 'contained' : 'outlined'}
                  color={it.decision ? KIND_COLOR[it.decision.kind] : 'primary'}
                  onClick={() => go(i)}
                  aria-current={i === index ? 'step' : undefined}
                  aria-label={t('review.mode.itemButton', { n: i + 1, status: statusText })}
                  startIcon={<Icon fontSize="small" />}
                  sx={{ minWidth: 56, fontSize: '1rem' }}
                >
                  {i + 1}
                </Button>
              );
            })}
          </Box>
        )}
      </Paper>

      <Box role="status" aria-live="polite" sx={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}>
        {item ? t('review.mode.liveRegion', { n: index + 1, total, title: item.position.title }) : ''}
      </Box>

      {item ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <ItemView item={item} n={index + 1} total={total} />
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <DecisionPanel item={item} meetingId={meeting.id} canDecide={canDecide} active={active} setActive={setActive} />
          </Grid>
        </Grid>
      ) : (
        <Alert severity="info">{t('review.mode.empty')}</Alert>
      )}

      {total > 0 && (
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mt: 2 }}>
          <Button size="large" variant="outlined" disabled={index === 0} onClick={() => go(index - 1)} aria-keyshortcuts="ArrowLeft" sx={{ fontSize: '1.15rem' }}>
            {t('review.mode.previous')}
            <Kbd>←</Kbd>
          </Button>
          <Typography color="text.secondary" sx={{ textAlign: 'center' }}>
            <Box component="span" sx={{ fontWeight: 600 }}>
              {t('review.mode.shortcuts')}:
            </Box>{' '}
            {t('review.mode.shortcutList')}
          </Typography>
          <Button size="large" variant="contained" disabled={index >= total - 1} onClick={() => go(index + 1)} aria-keyshortcuts="ArrowRight" sx={{ fontSize: '1.15rem' }}>
            {t('review.mode.next')}
            <Kbd>→</Kbd>
          </Button>
        </Box>
      )}

      {editingAttendees && <AttendeesDialog meeting={meeting} container={dialogContainer} onClose={() => setEditingAttendees(false)} />}
      {closing && (
        <CloseMeetingDialog
          meeting={meeting}
          counts={counts}
          nextMeetingDate={q.data.nextMeeting?.date ?? null}
          container={dialogContainer}
          onEditAttendees={() => {
            setClosing(false);
            setEditingAttendees(true);
          }}
          onClose={(result) => {
            setClosing(false);
            if (result) {
              if (document.fullscreenElement) void document.exitFullscreen();
              void navigate(meetingPath(meeting.id), { state: { closed: result } });
            }
          }}
        />
      )}
    </Box>
  );
}
