import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FullscreenExitOutlined from '@mui/icons-material/FullscreenExitOutlined';
import FullscreenOutlined from '@mui/icons-material/FullscreenOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import type { AgendaItemUnion } from '../../../shared/contract/review';
import type { DecisionKind } from '../../../shared/domain/review';
import { useRpcQuery } from '../../api/hooks';
import { ErrorAlert, Loading } from '../../components';
import { AttendeesDialog } from './AttendeesDialog';
import { CloseMeetingDialog } from './CloseMeetingDialog';
import { meetingDateText, meetingPath, useReviewRoles } from './parts';
import { DecisionPanel } from './DecisionPanel';
import { countDecisions, ignoreShortcut, ItemView, Kbd, NotOpen, useFullscreen } from './meetingModeParts';
import './i18n';
import { ItemProgress, ItemStepper } from './meetingModeNav';

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
  const q = useRpcQuery(
    'review.getMeeting',
    { id },
    { enabled: Number.isInteger(id) && id > 0, refetchInterval: 5_000 },
  );
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
      else if (canDecide && item && (k === 'g' || k === 'v' || k === 'b'))
        setActive(k === 'g' ? 'approve' : k === 'v' ? 'veto' : 'defer');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen, go, index, canDecide, item, fullscreen]);

  const counts = useMemo(() => countDecisions(items), [items]);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const { meeting } = q.data;
  if (meeting.status !== 'open') return <NotOpen meeting={meeting} />;
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
            <Button
              startIcon={fullscreen.on ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
              onClick={fullscreen.toggle}
              aria-keyshortcuts="F"
            >
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

      <ItemProgress items={items} index={index} decided={decided} go={go} />

      <Box
        role="status"
        aria-live="polite"
        sx={{
          position: 'absolute',
          width: '1px',
          height: '1px',
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
          whiteSpace: 'nowrap',
        }}
      >
        {item ? t('review.mode.liveRegion', { n: index + 1, total, title: item.position.title }) : ''}
      </Box>

      {item ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <ItemView item={item} n={index + 1} total={total} />
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <DecisionPanel
              item={item}
              meetingId={meeting.id}
              canDecide={canDecide}
              active={active}
              setActive={setActive}
            />
          </Grid>
        </Grid>
      ) : (
        <Alert severity="info">{t('review.mode.empty')}</Alert>
      )}

      {total > 0 && <ItemStepper index={index} total={total} go={go} />}

      {editingAttendees && (
        <AttendeesDialog meeting={meeting} container={dialogContainer} onClose={() => setEditingAttendees(false)} />
      )}
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
