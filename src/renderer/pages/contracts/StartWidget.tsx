import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useRpcQuery } from '../../api/hooks';
import { ErrorAlert, Loading } from '../../components';
import { CONTRACTS_BASE, contractPath } from './parts';
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

const rowSx = { py: 0.75, borderBottom: '1px solid', borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } };

/** HR's start: the contract queue and the contracts waiting for a signature. */
export function ContractsStartWidget() {
  const { t } = useTranslation();
  const queue = useRpcQuery('contracts.queue', {}, { refetchOnMount: 'always' });
  const sent = useRpcQuery('contracts.list', { status: 'sent', currentOnly: true }, { refetchOnMount: 'always' });
  const generated = useRpcQuery('contracts.list', { status: 'generated', currentOnly: true });
  if (queue.isLoading || sent.isLoading) return <Loading />;
  if (queue.error || sent.error || !queue.data || !sent.data) return <ErrorAlert error={queue.error ?? sent.error} />;
  return (
    <Grid container spacing={2} sx={{ mb: 1 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card
          id="w-contract-queue"
          title={t('contracts.widget.queueTitle')}
          footer={
            <Button variant="contained" component={RouterLink} to={CONTRACTS_BASE}>
              {t('contracts.widget.toQueue')}
            </Button>
          }
        >
          <Typography sx={{ fontSize: '1.2rem', fontWeight: 600 }}>
            {t('contracts.widget.queue', { count: queue.data.length })}
          </Typography>
          <Box component="ul" sx={{ listStyle: 'none', m: 0, mt: 1, p: 0 }}>
            {queue.data.slice(0, 4).map((q) => (
              <Box component="li" key={q.placementId} sx={rowSx}>
                <Typography sx={{ fontWeight: 600 }}>{q.employeeName}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {q.reason === 'new' ? t('contracts.queue.new') : t('contracts.widget.changed')} · {q.positionTitle} ·{' '}
                  {t('contracts.widget.starts', { date: q.startDate })}
                </Typography>
              </Box>
            ))}
          </Box>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card
          id="w-contract-signature"
          title={t('contracts.widget.signatureTitle')}
          footer={
            <>
              <Link component={RouterLink} to={`${CONTRACTS_BASE}/alla?status=sent`}>
                {t('contracts.widget.allSent', { count: sent.data.length })}
              </Link>
              {generated.data && generated.data.length > 0 && (
                <Link component={RouterLink} to={`${CONTRACTS_BASE}/alla?status=generated`} sx={{ ml: 2 }}>
                  {t('contracts.widget.notSent', { count: generated.data.length })}
                </Link>
              )}
            </>
          }
        >
          {sent.data.length === 0 ? (
            <Typography color="text.secondary">{t('contracts.widget.signatureNone')}</Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {sent.data.slice(0, 5).map((c) => (
                <Box component="li" key={c.id} sx={rowSx}>
                  <Link component={RouterLink} to={contractPath(c.id)} sx={{ fontWeight: 600 }}>
                    {c.employeeName}
                  </Link>
                  <Typography variant="body2" color="text.secondary">
                    {c.contractNumber} · {t('contracts.widget.sentOn', { date: c.sentAt ?? '–' })}
                  </Typography>
                </Box>
              ))}
            </Box>
          )}
        </Card>
      </Grid>
    </Grid>
  );
}
