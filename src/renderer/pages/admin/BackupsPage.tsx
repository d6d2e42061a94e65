import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import BackupOutlined from '@mui/icons-material/BackupOutlined';
import type { Backup } from '../../../shared/contract/system';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatNumber } from '../../util/format';
import './Backups.i18n';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(Math.round(bytes / 1024 / 102.4) / 10)} MB`
    : `${formatNumber(Math.ceil(bytes / 1024))} kB`;

/** '/admin/sakerhetskopior': the backups in the data folder, a backup on demand, and how to restore one. */
export function BackupsPage() {
  const { t } = useTranslation();
  const list = useRpcQuery('system.backups', {});
  const take = useRpcMutation('system.backup', { invalidates: ['system.backups'] });
  const reasonLabel = (r: Backup['reason']) => t(`backups.reason.${r}`);

  return (
    <>
      <PageHeader
        title={t('backups.title')}
        lead={t('backups.lead')}
        actions={
          list.data?.engine === 'postgres' ? undefined : (
            <Button
              variant="contained"
              startIcon={<BackupOutlined />}
              disabled={take.isPending}
              onClick={() => take.mutate({})}
            >
              {take.isPending ? t('backups.taking') : t('backups.takeNow')}
            </Button>
          )
        }
      />
      <ErrorAlert error={take.error ?? list.error} />
      {take.data && (
        <Alert severity="success" sx={{ mb: 2 }} role="status">
          {t('backups.taken', { name: take.data.name })}
        </Alert>
      )}
      {list.isLoading && <Loading />}
      {list.data?.engine === 'postgres' && (
        <Paper sx={{ p: 2, mb: 2 }} component="section" aria-labelledby="backups-server">
          <Typography id="backups-server" variant="h2" gutterBottom>
            {t('backups.serverTitle')}
          </Typography>
          <Typography>{t('backups.server')}</Typography>
        </Paper>
      )}
      {list.data && list.data.engine === 'sqlite' && (
        <>
          {list.data.notices.length > 0 && (
            // What the start put right in the data folder (file modes): messages from the main process, in Swedish.
            <Alert severity="warning" sx={{ mb: 2 }}>
              {list.data.notices.map((n) => (
                <div key={n}>{n}</div>
              ))}
            </Alert>
          )}
          <Paper sx={{ p: 2, mb: 2 }} component="section" aria-labelledby="backups-where">
            <Typography id="backups-where" variant="h2" gutterBottom>
              {t('backups.whereTitle')}
            </Typography>
            <Typography sx={{ mb: 1 }}>{t('backups.where')}</Typography>
            <Box
              component="code"
              sx={{ display: 'block', p: 1, bgcolor: 'action.hover', borderRadius: 1, wordBreak: 'break-all' }}
            >
              {list.data.folder}
            </Box>
            <Typography sx={{ mt: 2, mb: 1 }}>{t('backups.restore')}</Typography>
            <Box component="code" sx={{ display: 'block', p: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
              npm run restore -- --from {list.data.backups[0]?.name ?? 'NAMN'}
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('backups.retention', {
                daily: list.data.retention.daily,
                premigration: list.data.retention.premigration,
                manual: list.data.retention.manual,
              })}
            </Typography>
          </Paper>
          <Paper component="section" aria-labelledby="backups-list">
            <Typography id="backups-list" variant="h2" sx={{ p: 2, pb: 1 }}>
              {t('backups.listTitle', { count: list.data.backups.length })}
            </Typography>
            {list.data.backups.length === 0 ? (
              <Typography sx={{ p: 2, pt: 0 }}>{t('backups.empty')}</Typography>
            ) : (
              <Table size="small" aria-labelledby="backups-list">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('backups.col.when')}</TableCell>
                    <TableCell>{t('backups.col.kind')}</TableCell>
                    <TableCell>{t('backups.col.file')}</TableCell>
                    <TableCell align="right">{t('backups.col.size')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {list.data.backups.map((b) => (
                    <TableRow key={b.name}>
                      <TableCell>{formatDateTime(b.createdAt)}</TableCell>
                      <TableCell>
                        <Chip size="small" variant="outlined" label={reasonLabel(b.reason)} />
                      </TableCell>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{b.name}</TableCell>
                      <TableCell align="right">{size(b.bytes)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Paper>
        </>
      )}
    </>
  );
}
