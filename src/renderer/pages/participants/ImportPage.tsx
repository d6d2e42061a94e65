import { useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportPreview } from '../../../shared/domain/participant';
import { REFERRAL_FIELDS, REQUIRED_REFERRAL_FIELDS, referralFieldLabels } from '../../../shared/domain/referral-import';
import { fileToBase64, rpc, type Out } from '../../api/client';
import { DataTable, ErrorAlert, PageHeader, Section, SwedishText, useGridState } from '../../components';
import { useImportColumns } from './importColumns';
import { ImportSummary } from './ImportSummary';
import './i18n';

type Filter = 'all' | 'problems' | 'duplicates';

/** Referrals from a file: choose it, see what it holds row by row, import the new ones (docs/product.md §3). */
export function ImportPage() {
  const { t } = useTranslation();
  const grid = useGridState({ sortable: 'any', defaultPageSize: 50 });
  const qc = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [phase, setPhase] = useState<'idle' | 'reading' | 'preview' | 'importing' | 'done'>('idle');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<Out<'participants.importCommit'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState<Filter>('all');

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setFilter('all');
    setPhase('idle');
    if (inputRef.current) inputRef.current.value = '';
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    reset();
    setPhase('reading');
    try {
      const base64 = await fileToBase64(f);
      setFile({ name: f.name, base64 });
      const p = await rpc('participants.importPreview', { fileName: f.name, contentBase64: base64 });
      setPreview(p);
      setPhase('preview');
    } catch (e) {
      setError(e);
      setPhase('idle');
    }
  };

  const commit = async () => {
    if (!file || !preview?.ok) return;
    setPhase('importing');
    setError(null);
    try {
      const r = await rpc('participants.importCommit', {
        fileName: file.name,
        contentBase64: file.base64,
        expectedNewCount: preview.newCount,
      });
      setResult(r);
      setPhase('done');
      await qc.invalidateQueries({
        predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('participants.'),
      });
    } catch (e) {
      setError(e);
      setPhase('preview');
    }
  };

  const ok = preview?.ok ? preview : null;
  const rows = useMemo(() => {
    const all = ok?.rows ?? [];
    const shown =
      filter === 'problems'
        ? all.filter((r) => r.status === 'invalid')
        : filter === 'duplicates'
          ? all.filter((r) => r.status === 'duplicate')
          : all;
    return [...shown].sort((a, b) => a.rowNumber - b.rowNumber);
  }, [ok, filter]);

  const columns = useImportColumns();

  const optional = REFERRAL_FIELDS.filter((f) => !REQUIRED_REFERRAL_FIELDS.includes(f)).map(
    (f) => referralFieldLabels[f],
  );

  return (
    <>
      <PageHeader title={t('participants.import.title')} lead={t('participants.import.lead')} />
      <ErrorAlert error={error} />

      {(phase === 'idle' || phase === 'reading') && (
        <Section title={t('participants.import.chooseFile')} id="sec-file">
          <Typography sx={{ mb: 1 }}>
            <Trans
              i18nKey="participants.import.requiredColumns"
              values={{ columns: REQUIRED_REFERRAL_FIELDS.map((f) => referralFieldLabels[f]).join(', ') }}
              components={{ sv: <span lang="sv" /> }}
            />
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            <Trans
              i18nKey="participants.import.optionalColumns"
              values={{ columns: optional.join(', ') }}
              components={{ sv: <span lang="sv" /> }}
            />
          </Typography>
          <Button
            component="label"
            variant="contained"
            startIcon={<UploadFileOutlined />}
            disabled={phase === 'reading'}
          >
            {t('participants.import.chooseFile')}
            <input
              ref={inputRef}
              type="file"
              hidden
              accept=".csv,.txt,.tsv,text/csv,text/plain"
              onChange={(e) => void choose(e.target.files?.[0])}
              data-testid="referral-file"
            />
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('participants.import.fileHelp')}
          </Typography>
          {phase === 'reading' && (
            <Box role="status" aria-live="polite" sx={{ mt: 2 }}>
              <LinearProgress aria-hidden />
              <Typography sx={{ mt: 1 }}>{t('participants.import.reading', { file: file?.name ?? '' })}</Typography>
            </Box>
          )}
        </Section>
      )}

      {preview && !preview.ok && (
        <>
          <Alert severity="error" sx={{ mb: 2 }}>
            <SwedishText>{preview.error}</SwedishText>
          </Alert>
          <Button onClick={reset}>{t('participants.import.another')}</Button>
        </>
      )}

      {ok && phase !== 'done' && (
        <>
          <ImportSummary
            preview={ok}
            importing={phase === 'importing'}
            onCommit={() => void commit()}
            onCancel={reset}
          />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
            <Typography id="filter-label">{t('participants.import.show')}:</Typography>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={filter}
              onChange={(_e, v: Filter | null) => v && setFilter(v)}
              aria-labelledby="filter-label"
            >
              <ToggleButton value="all">
                {t('participants.import.showAll')} ({ok.totalRows})
              </ToggleButton>
              <ToggleButton value="problems">
                {t('participants.import.showProblems')} ({ok.invalidCount})
              </ToggleButton>
              <ToggleButton value="duplicates">
                {t('participants.import.showDuplicates')} ({ok.duplicateCount})
              </ToggleButton>
            </ToggleButtonGroup>
          </Box>
          <DataTable
            label={t('participants.import.gridLabel')}
            rows={rows}
            columns={columns}
            state={grid}
            getRowId={(r) => r.rowNumber}
          />
        </>
      )}

      {phase === 'done' && result && (
        <Section title={t('participants.import.title')} id="sec-done">
          <Alert severity="success" role="status" sx={{ mb: 2 }}>
            {t('participants.import.done', {
              created: result.created,
              duplicates: result.skippedDuplicates,
              invalid: result.skippedInvalid,
            })}
          </Alert>
          <Stack direction="row" spacing={1}>
            <Button
              component={RouterLink}
              to="/deltagare?steg=referred&sort=referralDate&ordning=desc"
              variant="contained"
            >
              {t('participants.import.showImported')}
            </Button>
            <Button onClick={reset}>{t('participants.import.another')}</Button>
          </Stack>
        </Section>
      )}
    </>
  );
}
