import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { type GridColDef, type GridRowId, type GridRowSelectionModel } from '@mui/x-data-grid';
import { CONTRACT_STATUSES, type ContractStatus, type ContractSummary } from '../../../shared/domain/contract-doc';
import { downloadFile, rpc } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import { newProgressKey, useCallProgress } from '../../api/progress';
import { formatDate, formatNumber, formatPersonnummer } from '../../util/format';
import { formatMoney as kronor } from '../../util/format';
import { DataTable, ErrorAlert, PageHeader, useGridState, useLabel, useSearchText } from '../../components';
import { contractPath, ContractStatusChip, ContractsTabs, useVersionLabel } from './parts';
import './i18n';

const NONE: GridRowSelectionModel = { type: 'include', ids: new Set<GridRowId>() };

/** The ids a selection model stands for among `rows` (the header checkbox may select "all except …"). */
function selectedIds(model: GridRowSelectionModel, rows: readonly ContractSummary[]): number[] {
  if (model.type === 'include') return rows.filter((r) => model.ids.has(r.id)).map((r) => r.id);
  return rows.filter((r) => !model.ids.has(r.id)).map((r) => r.id);
}

/** '/avtal/alla': the contracts with status filter and search; chosen ones are exported to payroll as CSV or XLSX. */
export function ContractsListPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const grid = useGridState({ sortable: 'any', defaultPageSize: 25 });
  const versionLabel = useVersionLabel();
  const [searchText, setSearchText] = useSearchText(grid, 'sok');
  const search = grid.filter('sok');
  const statusParam = grid.filter('status');
  const status = ((CONTRACT_STATUSES as readonly string[]).includes(statusParam) ? statusParam : 'all') as
    ContractStatus | 'all';
  const allVersions = grid.filter('versioner') === 'alla';
  const setParam = grid.setFilter;
  const [selection, setSelection] = useState<GridRowSelectionModel>(NONE);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [progressKey] = useState(newProgressKey);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exported, setExported] = useState<string | null>(null);
  const queue = useRpcQuery('contracts.queue', {});
  const list = useRpcQuery(
    'contracts.list',
    { status, currentOnly: !allVersions, ...(search.trim() ? { search: search.trim() } : {}) },
    { placeholderData: (prev) => prev, refetchOnMount: 'always' },
  );
  const rows = useMemo(() => list.data ?? [], [list.data]);
  const chosen = selectedIds(selection, rows);

  const exportFraction = useCallProgress(progressKey, exporting !== null);
  const runExport = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    setExportError(null);
    setExported(null);
    try {
      const file = await rpc('contracts.export', { ids: chosen, format, progressKey });
      downloadFile(file);
      setExported(t('contracts.export.done', { count: file.rows ?? chosen.length, file: file.fileName }));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(null);
    }
  };

  const columns = useMemo<GridColDef<ContractSummary>[]>(
    () => [
      {
        field: 'contractNumber',
        headerName: t('contracts.col.contract'),
        width: 190,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Link component={RouterLink} to={contractPath(p.row.id)} sx={{ fontWeight: 600 }}>
              {p.row.contractNumber}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {versionLabel(p.row.version)}
            </Typography>
            <Typography variant="body2" color="text.secondary" component="div">
              {t('contracts.list.generatedOn', { date: formatDate(p.row.generatedAt) })}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'employeeName',
        headerName: t('contracts.col.employee'),
        flex: 1,
        minWidth: 180,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {p.row.employeeName}
            <Typography variant="body2" color="text.secondary" component="div">
              {formatPersonnummer(p.row.personnummer)}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'positionTitle',
        headerName: t('contracts.col.position'),
        flex: 1.2,
        minWidth: 200,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {p.row.positionTitle}
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.workplaceName}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'startDate',
        headerName: t('contracts.col.period'),
        width: 200,
        valueGetter: (_v, r) => `${r.startDate} – ${r.endDate}`,
      },
      {
        field: 'monthlySalaryOre',
        headerName: t('contracts.col.salary'),
        width: 120,
        type: 'number',
        valueFormatter: (v: number) => kronor(v),
      },
      {
        field: 'status',
        headerName: t('contracts.col.status'),
        width: 210,
        renderCell: (p) => <ContractStatusChip status={p.row.status} />,
      },
    ],
    [t, versionLabel],
  );

  return (
    <>
      <PageHeader title={t('contracts.list.title')} lead={t('contracts.list.lead')} />
      <ContractsTabs value="list" queueCount={queue.data?.length} />
      <Paper sx={{ p: 2, mb: 2 }} component="section" aria-label={t('common.filter')}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
          <TextField
            label={t('contracts.list.search')}
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
          <TextField
            select
            label={t('contracts.list.status')}
            value={status}
            onChange={(e) => setParam('status', e.target.value === 'all' ? null : e.target.value)}
            sx={{ maxWidth: { md: 280 } }}
          >
            <MenuItem value="all">{t('contracts.list.statusAll')}</MenuItem>
            {CONTRACT_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {label('contractStatus', s)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            sx={{ flexShrink: 0 }}
            control={
              <Switch checked={allVersions} onChange={(e) => setParam('versioner', e.target.checked ? 'alla' : null)} />
            }
            label={t('contracts.list.allVersions')}
          />
        </Stack>
      </Paper>

      <Paper component="section" aria-label={t('contracts.export.label')} sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' } }}>
          <Typography role="status" sx={{ flexGrow: 1 }}>
            {chosen.length === 0
              ? t('contracts.export.none')
              : t('contracts.export.selected', { count: chosen.length, total: formatNumber(rows.length) })}
          </Typography>
          <Button
            variant="contained"
            startIcon={<FileDownloadOutlined />}
            disabled={chosen.length === 0 || exporting !== null}
            onClick={() => void runExport('csv')}
          >
            {t('contracts.export.csv')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<FileDownloadOutlined />}
            disabled={chosen.length === 0 || exporting !== null}
            onClick={() => void runExport('xlsx')}
          >
            {t('contracts.export.xlsx')}
          </Button>
        </Stack>
        {exporting && (
          <Box sx={{ mt: 2 }}>
            <LinearProgress
              aria-label={t('contracts.export.running', { format: exporting.toUpperCase() })}
              {...(exportFraction === null
                ? {}
                : { variant: 'determinate' as const, value: Math.round(exportFraction * 100) })}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} role="status">
              {t('contracts.export.running', { format: exporting.toUpperCase() })}
              {exportFraction === null ? '' : ` ${Math.round(exportFraction * 100)} %`}
            </Typography>
          </Box>
        )}
        {exported && (
          <Alert severity="success" sx={{ mt: 2 }} onClose={() => setExported(null)}>
            {exported}
          </Alert>
        )}
        <ErrorAlert error={exportError} sx={{ mt: 2, mb: 0 }} />
      </Paper>

      <ErrorAlert error={list.error} />
      <DataTable
        label={t('contracts.list.gridLabel')}
        rows={rows}
        columns={columns}
        state={grid}
        loading={list.isLoading}
        checkboxSelection
        keepNonExistentRowsSelected={false}
        rowSelectionModel={selection}
        onRowSelectionModelChange={setSelection}
        empty={t('contracts.list.empty')}
      />
    </>
  );
}
