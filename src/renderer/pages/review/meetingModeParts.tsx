import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AgendaItemUnion, DecisionOut, MeetingSummary } from '../../../shared/contract/review';
import type { DecisionKind } from '../../../shared/domain/review';
import { formatDateTime, formatLongDate } from '../../util/format';
import { DecisionChip, FactList, useLabel, useParticipantRef, useRelabel } from '../../components';
import { OpenMeetingDialog } from './AttendeesDialog';
import { meetingDateText, meetingPath, periodText } from './parts';
import './i18n';

export const KIND_KEYS: Record<DecisionKind, string> = { approve: 'G', veto: 'V', defer: 'B' };
export const KIND_COLOR: Record<DecisionKind, 'success' | 'error' | 'warning'> = {
  approve: 'success',
  veto: 'error',
  defer: 'warning',
};

/** A visible keyboard hint, e.g. [G]. */
export function Kbd({ children }: { children: ReactNode }) {
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
export function ignoreShortcut(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  const el = e.target as HTMLElement | null;
  if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return true;
  return document.querySelector('.MuiDialog-root') !== null;
}

export function DecisionSummary({ d, draft }: { d: DecisionOut; draft: boolean }) {
  const { t } = useTranslation();
  const relabel = useRelabel();
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
      {d.reasonLabel && (
        <Typography sx={{ mt: 1, fontSize: '1.15rem', fontWeight: 600 }}>
          {relabel('vetoReason', d.reasonLabel)}
        </Typography>
      )}
      {d.text && <Typography sx={{ mt: 0.5, fontSize: '1.1rem', whiteSpace: 'pre-wrap' }}>{d.text}</Typography>}
      {d.question && <Typography sx={{ mt: 0.5, fontSize: '1.1rem', whiteSpace: 'pre-wrap' }}>{d.question}</Typography>}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {[d.decidedByName, formatDateTime(d.decidedAt)].filter(Boolean).join(', ')}
      </Typography>
    </Box>
  );
}

/** One agenda item, large enough to read across a meeting room. The participant appears only as a reference. */
export function ItemView({ item, n, total }: { item: AgendaItemUnion; n: number; total: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const relabel = useRelabel();
  const participantRef = useParticipantRef();
  const p = item.position;
  const w = item.workplace;
  return (
    <Paper component="article" aria-labelledby="item-title" sx={{ p: { xs: 2, md: 3.5 } }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          label={`§ ${n}`}
          sx={{ fontSize: '1rem', fontWeight: 700 }}
          aria-label={t('review.mode.progress', { n, total })}
        />
        <Chip
          label={participantRef(item.participantLabel)}
          variant="outlined"
          color="primary"
          sx={{ fontSize: '1.1rem', fontWeight: 700, height: 36 }}
          aria-label={`${t('review.mode.participant')}: ${participantRef(item.participantLabel)}`}
        />
        {item.origin !== 'submitted' && (
          <Chip
            label={label('agendaOrigin', item.origin)}
            color="warning"
            variant="outlined"
            sx={{ fontSize: '1rem' }}
          />
        )}
      </Stack>
      <Typography
        id="item-title"
        variant="h2"
        sx={{ fontSize: { xs: '1.8rem', md: '2.4rem' }, fontWeight: 700, lineHeight: 1.2, mb: 0.5 }}
      >
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
      <Typography
        sx={{
          fontSize: { xs: '1.2rem', md: '1.4rem' },
          lineHeight: 1.55,
          whiteSpace: 'pre-wrap',
          mb: 3,
          maxWidth: '70ch',
        }}
      >
        {p.tasks}
      </Typography>
      <FactList
        large
        items={[
          { label: t('review.mode.kind'), value: relabel('positionKind', p.kindLabel) },
          { label: t('review.mode.hours'), value: t('review.mode.hoursValue', { percent: p.hoursPercent }) },
          { label: t('review.mode.period'), value: periodText(p, t) },
          { label: t('review.mode.employmentForm'), value: relabel('employmentForm', p.employmentFormLabel) },
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

export function useFullscreen(ref: React.RefObject<HTMLElement | null>) {
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

export function countDecisions(items: AgendaItemUnion[]) {
  const c = { approve: 0, veto: 0, defer: 0, none: 0 };
  for (const i of items) c[i.decision?.kind ?? 'none'] += 1;
  return c;
}

/** A meeting that is not open: say why, and offer what can be done. */
export function NotOpen({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  const [opening, setOpening] = useState(false);
  const canOpen = meeting.actions.open.allowed;
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
