import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import type { MeetingSummary } from '../../../shared/contract/review';
import { useRpcQuery } from '../../api/hooks';
import { formatLongDate } from '../../util/format';
import { DecisionChip, ErrorAlert, Loading, useParticipantRef } from '../../components';
import { ProtocolDownloadButton } from './protocolParts';
import { meetingModePath, meetingPath, REVIEW_BASE } from './parts';
import './i18n';

function Card({ id, title, children, footer }: { id: string; title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      sx={{ p: 2.5, height: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <Typography id={id} variant="h4" component="h2" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      <Box sx={{ flexGrow: 1 }}>{children}</Box>
      {footer && <Box sx={{ mt: 2, display: 'flex', gap: 1, flexWrap: 'wrap' }}>{footer}</Box>}
    </Paper>
  );
}

/** The meeting in progress, or the next one with its number of items. */
function NextMeetingCard({ open, next }: { open: MeetingSummary | null; next: MeetingSummary | null }) {
  const { t } = useTranslation();
  if (open) {
    return (
      <Card
        id="w-review-next"
        title={t('review.widget.unionOpen', { date: formatLongDate(open.date) })}
        footer={
          <Button
            variant="contained"
            startIcon={<PlayArrowOutlined />}
            component={RouterLink}
            to={meetingModePath(open.id)}
          >
            {t('review.widget.toMeetingMode')}
          </Button>
        }
      >
        <Typography>
          {t('review.widget.unionOpenText', { decided: open.decidedCount, count: open.itemCount })}
        </Typography>
      </Card>
    );
  }
  return (
    <Card
      id="w-review-next"
      title={t('review.widget.unionTitle')}
      footer={
        next ? (
          <Button variant="outlined" component={RouterLink} to={meetingPath(next.id)}>
            {t('review.widget.toAgenda')}
          </Button>
        ) : undefined
      }
    >
      {next ? (
        <>
          <Typography sx={{ fontSize: '1.2rem', fontWeight: 600 }}>
            {t('review.widget.unionNext', { date: formatLongDate(next.date), time: next.time })}
          </Typography>
          <Typography color="text.secondary">{next.place}</Typography>
          <Typography sx={{ mt: 1, fontSize: '1.1rem' }}>
            {t('review.widget.unionItems', { count: next.itemCount })}
          </Typography>
        </>
      ) : (
        <Typography color="text.secondary">{t('review.widget.unionNone')}</Typography>
      )}
    </Card>
  );
}

/** The union representative's start: the next meeting and its number of items, and the latest protocols. */
export function UnionReviewWidget() {
  const { t } = useTranslation();
  const o = useRpcQuery('review.overview', {}, { refetchInterval: 60_000 });
  if (o.isLoading) return <Loading />;
  if (o.error || !o.data) return <ErrorAlert error={o.error} />;
  const recent = o.data.recentClosed.slice(0, 3);
  return (
    <Grid container spacing={2} sx={{ mb: 1 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <NextMeetingCard open={o.data.openMeeting} next={o.data.nextMeeting} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card
          id="w-review-protocols"
          title={t('review.widget.protocolsTitle')}
          footer={
            <Link component={RouterLink} to={`${REVIEW_BASE}/protokoll`}>
              {t('review.widget.allProtocols')}
            </Link>
          }
        >
          {recent.length === 0 ? (
            <Typography color="text.secondary">{t('review.protocols.empty')}</Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {recent.map((m) => (
                <Box
                  component="li"
                  key={m.id}
                  sx={{
                    display: 'flex',
                    alignItems: 'center',
                    gap: 1,
                    py: 0.5,
                    borderBottom: '1px solid',
                    borderColor: 'divider',
                    '&:last-of-type': { borderBottom: 0 },
                  }}
                >
                  <Box sx={{ flexGrow: 1 }}>
                    <Link component={RouterLink} to={meetingPath(m.id)}>
                      {formatLongDate(m.date)}
                    </Link>
                    <Typography variant="body2" color="text.secondary">
                      {t('review.items', { count: m.itemCount })}
                    </Typography>
                  </Box>
                  <ProtocolDownloadButton
                    meetingId={m.id}
                    variant="text"
                    label={t('review.protocols.downloadLabel', { date: formatLongDate(m.date) })}
                  />
                </Box>
              ))}
            </Box>
          )}
        </Card>
      </Grid>
    </Grid>
  );
}

/** The latest closed meeting's decisions, with who and where (the coordinator's view names the participant). */
function RecentDecisions({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const participantRef = useParticipantRef();
  const q = useRpcQuery('review.getMeeting', { id: meetingId });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const items = q.data.items.filter((i) => i.decision);
  if (items.length === 0) return <Typography color="text.secondary">{t('review.widget.recentNone')}</Typography>;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        <Link component={RouterLink} to={meetingPath(meetingId)}>
          {formatLongDate(q.data.meeting.date)}
        </Link>
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {items.slice(0, 6).map((i) => {
          const last = i.corrections.at(-1) ?? i.decision;
          return (
            <Box
              component="li"
              key={i.itemId}
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 1,
                py: 0.75,
                borderBottom: '1px solid',
                borderColor: 'divider',
                '&:last-of-type': { borderBottom: 0 },
              }}
            >
              <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                <Typography sx={{ fontWeight: 600 }}>
                  {i.participant?.name ?? participantRef(i.participantLabel)}
                </Typography>
                <Typography variant="body2" color="text.secondary" noWrap>
                  {i.position.title}, {i.workplace.name}
                </Typography>
              </Box>
              <DecisionChip kind={last?.kind ?? null} />
            </Box>
          );
        })}
      </Box>
    </>
  );
}

/** The coordinator's start: proposals waiting for the union, the next meeting's cutoff, and the latest decisions. */
export function CoordinatorReviewWidget() {
  const { t } = useTranslation();
  const o = useRpcQuery('review.overview', {});
  if (o.isLoading) return <Loading />;
  if (o.error || !o.data) return <ErrorAlert error={o.error} />;
  const next = o.data.openMeeting ?? o.data.nextMeeting;
  const latest = o.data.recentClosed[0];
  return (
    <Grid container spacing={2} sx={{ mb: 1, mt: 1 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card
          id="w-review-waiting"
          title={t('review.widget.coordinatorTitle')}
          footer={
            <Link component={RouterLink} to={`${REVIEW_BASE}/forslag`}>
              {t('review.widget.toProposals')}
            </Link>
          }
        >
          <Typography sx={{ fontSize: '1.2rem', fontWeight: 600 }}>
            {t('review.widget.waiting', { count: o.data.waitingCount })}
          </Typography>
          {next && (
            <Typography sx={{ mt: 1 }}>
              {t('review.widget.nextMeeting', {
                date: formatLongDate(next.date),
                cutoff: formatLongDate(next.cutoffDate),
              })}{' '}
              <Link component={RouterLink} to={meetingPath(next.id)}>
                {t('review.items', { count: next.itemCount })}
              </Link>
            </Typography>
          )}
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card id="w-review-recent" title={t('review.widget.recentTitle')}>
          {latest ? (
            <RecentDecisions meetingId={latest.id} />
          ) : (
            <Typography color="text.secondary">{t('review.widget.recentNone')}</Typography>
          )}
        </Card>
      </Grid>
    </Grid>
  );
}
