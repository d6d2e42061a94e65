import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useRpcQuery } from '../../api/hooks';
import { formatNumber } from '../../util/format';
import { paths } from '../../app/paths';
import { DaysLeftChip, ErrorAlert, Loading } from '../../components';
import { useApprovedWithoutPlacement } from './parts';
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
      {footer && <Box sx={{ mt: 1.5 }}>{footer}</Box>}
    </Paper>
  );
}

const rowSx = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 2,
  py: 0.5,
  borderBottom: '1px solid',
  borderColor: 'divider',
  '&:last-of-type': { borderBottom: 0 },
};

/** The coordinator's start: active placements, those ending within 30/60/90 days, follow-ups due — each a link. */
export function PlacementsStartWidget() {
  const { t } = useTranslation();
  const dash = useRpcQuery(
    'placements.dashboard',
    { mine: false, followUpHorizonDays: 7 },
    { refetchOnMount: 'always' },
  );
  const toPlace = useApprovedWithoutPlacement();
  if (dash.isLoading) return <Loading />;
  if (dash.error || !dash.data) return <ErrorAlert error={dash.error} />;
  const c = dash.data.counts;
  const rows: Array<{ key: string; label: string; count: number; to: string; strong?: boolean }> = [
    { key: 'active', label: t('placements.widget.active'), count: c.active, to: paths.placements },
    {
      key: '30',
      label: t('placements.widget.within', { days: 30 }),
      count: c.within30,
      to: `${paths.placements}?visa=30`,
      strong: c.within30 > 0,
    },
    {
      key: '60',
      label: t('placements.widget.within', { days: 60 }),
      count: c.within30 + c.within60,
      to: `${paths.placements}?visa=60`,
    },
    {
      key: '90',
      label: t('placements.widget.within', { days: 90 }),
      count: c.within30 + c.within60 + c.within90,
      to: `${paths.placements}?visa=90`,
    },
    {
      key: 'followUps',
      label: t('placements.widget.followUps'),
      count: c.followUpsDue,
      to: `${paths.placements}?visa=uppfoljning`,
      strong: c.followUpsDue > 0,
    },
    ...(c.overdue > 0
      ? [
          {
            key: 'overdue',
            label: t('placements.widget.overdue'),
            count: c.overdue,
            to: `${paths.placements}?visa=passerat`,
            strong: true,
          },
        ]
      : []),
    ...(!toPlace.isLoading && !toPlace.error
      ? [
          {
            key: 'toPlace',
            label: t('placements.widget.toPlace'),
            count: toPlace.rows.length,
            to: paths.toPlace,
          },
        ]
      : []),
  ];
  const soon = [...dash.data.within30, ...dash.data.within60, ...dash.data.within90].slice(0, 5);
  return (
    <Grid container spacing={2} sx={{ mb: 1, mt: 1 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card id="w-placements" title={t('placements.widget.title')}>
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {rows.map((r) => (
              <Box component="li" key={r.key} sx={rowSx}>
                <Link component={RouterLink} to={r.to}>
                  {r.label}
                </Link>
                <Typography
                  component="span"
                  sx={{
                    fontWeight: 600,
                    fontVariantNumeric: 'tabular-nums',
                    color: r.strong ? 'error.main' : undefined,
                  }}
                >
                  {formatNumber(r.count)}
                </Typography>
              </Box>
            ))}
          </Box>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card
          id="w-placements-ending"
          title={t('placements.widget.endingTitle')}
          footer={
            <Link component={RouterLink} to={`${paths.placements}?visa=90`}>
              {t('placements.widget.allEnding')}
            </Link>
          }
        >
          {soon.length === 0 ? (
            <Typography color="text.secondary">{t('placements.widget.endingNone')}</Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {soon.map((p) => (
                <Box component="li" key={p.id} sx={{ ...rowSx, py: 0.75 }}>
                  <Box sx={{ minWidth: 0 }}>
                    <Link component={RouterLink} to={paths.placement(p.id)} sx={{ fontWeight: 600 }}>
                      {p.participantName}
                    </Link>
                    <Typography variant="body2" color="text.secondary" noWrap>
                      {p.positionTitle}, {p.workplaceName} · {t('placements.widget.ends', { date: p.endDate })}
                    </Typography>
                  </Box>
                  <DaysLeftChip p={p} />
                </Box>
              ))}
            </Box>
          )}
        </Card>
      </Grid>
    </Grid>
  );
}
