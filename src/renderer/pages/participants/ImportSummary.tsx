import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ImportPreviewOk } from './importColumns';
import './i18n';

/** What the file holds (new, duplicates, invalid, ignored columns) and the button that imports the new rows. */
export function ImportSummary({
  preview: ok,
  importing,
  onCommit,
  onCancel,
}: {
  preview: ImportPreviewOk;
  importing: boolean;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper sx={{ p: 2.5, mb: 2 }} component="section" aria-labelledby="preview-heading">
      <Typography id="preview-heading" variant="h3" component="h2" sx={{ mb: 1 }}>
        {t('participants.import.summary', { file: ok.fileName, total: ok.totalRows })}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap' }} useFlexGap>
        <Chip color="success" variant="outlined" label={t('participants.import.newRows', { count: ok.newCount })} />
        <Chip color="info" label={t('participants.import.duplicates', { count: ok.duplicateCount })} />
        <Chip color="error" label={t('participants.import.invalid', { count: ok.invalidCount })} />
      </Stack>
      {ok.invalidCount > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('participants.import.invalidExplain')}
        </Alert>
      )}
      {ok.duplicateCount > 0 && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('participants.import.duplicatesExplain')}
        </Alert>
      )}
      {ok.ignoredColumns.length > 0 && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('participants.import.ignored', { columns: ok.ignoredColumns.join(', ') })}
        </Alert>
      )}
      {importing && (
        <Box role="status" aria-live="polite" sx={{ my: 2 }}>
          <LinearProgress aria-hidden />
          <Typography sx={{ mt: 1 }}>{t('participants.import.importing', { count: ok.newCount })}</Typography>
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
        <Button variant="contained" disabled={ok.newCount === 0 || importing} onClick={onCommit}>
          {t('participants.import.commit', { count: ok.newCount })}
        </Button>
        <Button onClick={onCancel} disabled={importing}>
          {t('participants.import.cancel')}
        </Button>
        {ok.newCount === 0 && (
          <Typography color="text.secondary">{t('participants.import.nothingToImport')}</Typography>
        )}
      </Box>
    </Paper>
  );
}
