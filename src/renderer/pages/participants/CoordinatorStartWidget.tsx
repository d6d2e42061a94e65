import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { STAGES } from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { formatDate, formatDateTime, formatNumber } from '../../util/format';
import { ErrorAlert, Loading, useLabel } from '../../components';
import { FollowUpDialog, type FollowUpTarget } from './FollowUpDialog';
import { followUpTarget } from './FollowUpsPage';
import { paths } from '../../app/paths';
import './i18n';

function Card({ title, id, children, footer }: { title: string; id: string; children: ReactNode; footer?: ReactNode }) {
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
      {footer && <Box sx={{ mt: 1.5 }}>{footer}</Box>}
    </Paper>
  );
}

const rowSx = {
  display: 'flex',
  alignItems: 'center',
  gap: 1,
  py: 0.75,
  borderBottom: '1px solid',
  borderColor: 'divider',
  '&:last-of-type': { borderBottom: 0 },
};

/** The coordinator's start page: counts per stage, follow-ups to record, open deviation reports, next meetings. */
export function CoordinatorStartWidget() {
  const { t } = useTranslation();
  const label = useLabel();
  const dash = useRpcQuery('participants.dashboard', { mine: false });
  const [followUp, setFollowUp] = useState<FollowUpTarget | null>(null);
  if (dash.isLoading) return <Loading />;
  if (dash.error || !dash.data) return <ErrorAlert error={dash.error} />;
  const d = dash.data;

  return (
    <>
      <Grid container spacing={2} sx={{ mb: 1 }}>
        <Grid size={{ xs: 12, md: 6, xl: 3 }}>
          <Card
            title={t('participants.widget.perStage')}
            id="w-stages"
            footer={
              d.waitingForMeeting > 0 ? (
                <Link component={RouterLink} to="/deltagare?steg=referred&sort=referralDate">
                  {t('participants.widget.waiting', { count: d.waitingForMeeting })}
                </Link>
              ) : undefined
            }
          >
            <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {STAGES.filter((s) => s !== 'exited' && s !== 'closed').map((s) => (
                <Box component="li" key={s} sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, py: 0.25 }}>
                  <Link component={RouterLink} to={`/deltagare?steg=${s}`}>
                    {label('stage', s)}
                  </Link>
                  <Typography component="span" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                    {formatNumber(d.stageCounts[s])}
                  </Typography>
                </Box>
              ))}
            </Box>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6, xl: 3 }}>
          <Card
            title={t('participants.widget.followUps')}
            id="w-followups"
            footer={
              <Link component={RouterLink} to={paths.followUps}>
                {t('participants.widget.allFollowUps', { count: d.dueFollowUps.total })}
              </Link>
            }
          >
            {d.dueFollowUps.rows.length === 0 ? (
              <Typography color="text.secondary">{t('participants.widget.followUpsNone')}</Typography>
            ) : (
              d.dueFollowUps.rows.slice(0, 5).map((f) => (
                <Box key={f.id} sx={rowSx}>
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <Link component={RouterLink} to={paths.participant(f.participantId)} sx={{ fontWeight: 600 }}>
                      {f.name}
                    </Link>
                    <Typography variant="body2" color="text.secondary">
                      {t('participants.widget.followUpRow', {
                        months: f.months,
                        exitDate: formatDate(f.exitDate),
                        due: formatDate(f.dueDate),
                      })}
                      {f.daysOverdue > 0 && ` · ${t('participants.widget.overdue', { count: f.daysOverdue })}`}
                    </Typography>
                  </Box>
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={() => setFollowUp(followUpTarget(f))}
                    aria-label={`${t('participants.followUps.record')}: ${f.name}, ${f.months} mån`}
                  >
                    {t('participants.followUps.record')}
                  </Button>
                </Box>
              ))
            )}
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6, xl: 3 }}>
          <Card
            title={t('participants.widget.deviations')}
            id="w-deviations"
            footer={
              <Link component={RouterLink} to={paths.deviations}>
                {t('participants.widget.allDeviations', { count: d.openDeviations.total })}
              </Link>
            }
          >
            {d.openDeviations.rows.length === 0 ? (
              <Typography color="text.secondary">{t('participants.widget.deviationsNone')}</Typography>
            ) : (
              d.openDeviations.rows.slice(0, 5).map((v) => (
                <Box key={v.id} sx={rowSx}>
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <Link component={RouterLink} to={paths.participant(v.participantId)} sx={{ fontWeight: 600 }}>
                      {v.name}
                    </Link>
                    <Typography variant="body2" color="text.secondary">
                      {t('participants.widget.deviationRow', {
                        date: formatDate(v.createdAt),
                        status: label('deviationStatus', v.status),
                      })}
                      {v.caseworker.name ? ` · ${v.caseworker.name}` : ''}
                    </Typography>
                  </Box>
                </Box>
              ))
            )}
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6, xl: 3 }}>
          <Card
            title={t('participants.widget.meetings')}
            id="w-meetings"
            footer={
              <Link component={RouterLink} to={paths.meetings}>
                {t('participants.widget.allMeetings')}
              </Link>
            }
          >
            {d.upcomingMeetings.length === 0 ? (
              <Typography color="text.secondary">{t('participants.widget.meetingsNone')}</Typography>
            ) : (
              d.upcomingMeetings.slice(0, 5).map((m) => (
                <Box key={m.id} sx={rowSx}>
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <Link component={RouterLink} to={paths.meeting(m.id)} sx={{ fontWeight: 600 }}>
                      {formatDateTime(m.startsAt)}
                    </Link>
                    <Typography variant="body2" color="text.secondary">
                      {m.place}
                      {m.interpreterLanguages.length > 0 && ` · ${m.interpreterLanguages.join(', ')}`}
                    </Typography>
                  </Box>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={m.booked >= m.capacity ? 'warning' : 'default'}
                    label={t('participants.widget.meetingRow', { booked: m.booked, capacity: m.capacity })}
                  />
                </Box>
              ))
            )}
          </Card>
        </Grid>
        {d.pausesDue.total > 0 && (
          <Grid size={12}>
            <Card title={t('participants.widget.pauses')} id="w-pauses">
              {d.pausesDue.rows.map((r) => (
                <Box key={r.id} sx={rowSx}>
                  <Link component={RouterLink} to={paths.participant(r.id)} sx={{ fontWeight: 600 }}>
                    {r.name}
                  </Link>
                  <Typography variant="body2" color="text.secondary">
                    {r.ref} · {formatDate(r.date)} · {r.detail}
                  </Typography>
                </Box>
              ))}
            </Card>
          </Grid>
        )}
      </Grid>
      {followUp && <FollowUpDialog target={followUp} onClose={() => setFollowUp(null)} />}
    </>
  );
}
