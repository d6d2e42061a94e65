import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportPreview } from '../../../shared/domain/participant';
import { REFERRAL_FIELDS, REQUIRED_REFERRAL_FIELDS, referralFieldLabels } from '../../../shared/domain/referral-import';
import { fileToBase64, rpc, type Out } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../util/format';
import { Section } from './components';
import './i18n';

type Preview = Extract<ImportPreview, { ok: true }>;
type Row = Preview['rows'][number];
type Filter = 'all' | 'problems' | 'duplicates';

const STATUS_COLOR = { new: 'success', duplicate: 'info', invalid: 'error' } as const;

export function ImportPage() {
  const { t } = useTranslation();
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
      const r = await rpc('participants.importCommit', { fileName: file.name, contentBase64: file.base64, expectedNewCount: preview.newCount });
      setResult(r);
      setPhase('done');
      await qc.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('participants.') });
    } catch (e) {
      setError(e);
      setPhase('preview');
    }
  };

  const ok = preview?.ok ? preview : null;
  const rows = useMemo(() => {
    const all = ok?.rows ?? [];
    const shown = filter === 'problems' ? all.filter((r) => r.status === 'invalid') : filter === 'duplicates' ? all.filter((r) => r.status === 'duplicate') : all;
    return [...shown].sort((a, b) => a.rowNumber - b.rowNumber);
  }, [ok, filter]);

  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      { field: 'rowNumber', headerName: t('participants.import.col.row'), width: 64, type: 'number' },
      {
        field: 'status',
        headerName: t('participants.import.col.status'),
        width: 115,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <Chip size="small" color={STATUS_COLOR[p.row.status]} variant={p.row.status === 'new' ? 'outlined' : 'filled'} label={t(`participants.import.status.${p.row.status}`)} />
          </Box>
        ),
      },
      { field: 'name', headerName: t('participants.import.col.name'), flex: 1, minWidth: 140, valueFormatter: (v: string | null) => v ?? '–' },
      { field: 'personnummer', headerName: t('participants.import.col.personnummer'), width: 130, valueFormatter: (v: string | null) => v ?? '–' },
      { field: 'referralDate', headerName: t('participants.import.col.referralDate'), width: 105, valueFormatter: (v: string | null) => formatDate(v) },
      { field: 'caseworkerName', headerName: t('participants.import.col.caseworker'), width: 130, valueFormatter: (v: string | null) => v ?? '–' },
      { field: 'district', headerName: t('participants.import.col.district'), width: 100, valueFormatter: (v: string | null) => v ?? '–' },
      { field: 'address', headerName: t('participants.import.col.address'), width: 200, valueFormatter: (v: string | null) => v ?? '–' },
      {
        field: 'remark',
        headerName: t('participants.import.col.remark'),
        flex: 2,
        minWidth: 260,
        sortable: false,
        valueGetter: (_v, r) =>
          r.status === 'invalid'
            ? r.errors.map((e) => e.message).join(' ')
            : r.duplicateOf
              ? t('participants.import.existing', { name: r.duplicateOf.name, ref: r.duplicateOf.ref })
              : '',
        renderCell: (p) =>
          p.row.duplicateOf ? (
            <Link component={RouterLink} to={`/deltagare/${p.row.duplicateOf.id}`}>
              {p.value as string}
            </Link>
          ) : (
            <Box sx={{ whiteSpace: 'normal', lineHeight: 1.4, py: 0.5, color: 'error.main' }}>
              {p.row.errors.map((e) => (
                <div key={e.field}>{e.message}</div>
              ))}
            </Box>
          ),
      },
    ],
    [t],
  );

  const optional = REFERRAL_FIELDS.filter((f) => !REQUIRED_REFERRAL_FIELDS.includes(f)).map((f) => referralFieldLabels[f]);

  return (
    <>
      <PageHeader title={t('participants.import.title')} lead={t('participants.import.lead')} />
      <ErrorAlert error={error} />

      {(phase === 'idle' || phase === 'reading') && (
        <Section title={t('participants.import.chooseFile')} id="sec-file">
          <Typography sx={{ mb: 1 }}>{t('participants.import.requiredColumns', { columns: REQUIRED_REFERRAL_FIELDS.map((f) => referralFieldLabels[f]).join(', ') })}</Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('participants.import.optionalColumns', { columns: optional.join(', ') })}
          </Typography>
          <Button component="label" variant="contained" startIcon={<UploadFileOutlined />} disabled={phase === 'reading'}>
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
            {preview.error}
          </Alert>
          <Button onClick={reset}>{t('participants.import.another')}</Button>
        </>
      )}

      {ok && phase !== 'done' && (
        <>
          <Paper sx={{ p: 2.5, mb: 2 }} component="section" aria-labelledby="preview-heading">
            <Typography id="preview-heading" variant="h3" component="h2" sx={{ mb: 1 }}>
              {t('participants.import.summary', { file: ok.fileName, total: ok.totalRows })}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap' }} useFlexGap>
              <Chip color="success" variant="outlined" label={t('participants.import.newRows', { count: ok.newCount })} />
              <Chip color="info" label={t('participants.import.duplicates', { count: ok.duplicateCount })} />
              <Chip color="error" label={t('participants.import.invalid', { count: ok.invalidCount })} />
            </Stack>
            {ok.invalidCount > 0 && <Alert severity="warning" sx={{ mb: 1 }}>{t('participants.import.invalidExplain')}</Alert>}
            {ok.duplicateCount > 0 && <Alert severity="info" sx={{ mb: 1 }}>{t('participants.import.duplicatesExplain')}</Alert>}
            {ok.ignoredColumns.length > 0 && (
              <Alert severity="info" sx={{ mb: 1 }}>
                {t('participants.import.ignored', { columns: ok.ignoredColumns.join(', ') })}
              </Alert>
            )}
            {phase === 'importing' && (
              <Box role="status" aria-live="polite" sx={{ my: 2 }}>
                <LinearProgress aria-hidden />
                <Typography sx={{ mt: 1 }}>{t('participants.import.importing', { count: ok.newCount })}</Typography>
              </Box>
            )}
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
              <Button variant="contained" disabled={ok.newCount === 0 || phase === 'importing'} onClick={() => void commit()}>
                {t('participants.import.commit', { count: ok.newCount })}
              </Button>
              <Button onClick={reset} disabled={phase === 'importing'}>
                {t('participants.import.cancel')}
              </Button>
              {ok.newCount === 0 && <Typography color="text.secondary">{t('participants.import.nothingToImport')}</Typography>}
            </Box>
          </Paper>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
            <Typography id="filter-label">{t('participants.import.show')}:</Typography>
            <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_e, v: Filter | null) => v && setFilter(v)} aria-labelledby="filter-label">
              <ToggleButton value="all">{t('participants.import.showAll')} ({ok.totalRows})</ToggleButton>
              <ToggleButton value="problems">{t('participants.import.showProblems')} ({ok.invalidCount})</ToggleButton>
              <ToggleButton value="duplicates">{t('participants.import.showDuplicates')} ({ok.duplicateCount})</ToggleButton>
            </ToggleButtonGroup>
          </Box>
          <Paper>
            <DataGrid
              aria-label={t('participants.import.gridLabel')}
              rows={rows}
              getRowId={(r) => r.rowNumber}
              columns={columns}
              getRowHeight={() => 'auto'}
              autoHeight
              disableRowSelectionOnClick
              disableColumnFilter
              pageSizeOptions={[25, 50, 100]}
              initialState={{ pagination: { paginationModel: { pageSize: 50 } } }}
              sx={{ border: 0, '& .MuiDataGrid-cell': { py: 0.75, display: 'flex', alignItems: 'center' } }}
            />
          </Paper>
        </>
      )}

      {phase === 'done' && result && (
        <Section title={t('participants.import.title')} id="sec-done">
          <Alert severity="success" role="status" sx={{ mb: 2 }}>
            {t('participants.import.done', { created: result.created, duplicates: result.skippedDuplicates, invalid: result.skippedInvalid })}
          </Alert>
          <Stack direction="row" spacing={1}>
            <Button component={RouterLink} to="/deltagare?steg=referred&sort=referralDate&ordning=desc" variant="contained">
              {t('participants.import.showImported')}
            </Button>
            <Button onClick={reset}>{t('participants.import.another')}</Button>
          </Stack>
        </Section>
      )}
    </>
  );
}
