import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import { type GridColDef } from '@mui/x-data-grid';
import type { ContractQueueItem } from '../../../shared/domain/contract-doc';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { formatPersonnummer } from '../../util/format';
import { DataTable, ErrorAlert, PageHeader, useGridState } from '../../components';
import { CONTRACT_INVALIDATES, contractPath, ContractsTabs, useVersionLabel } from './parts';
import './i18n';

/** '/avtal': HR's queue — placements without a contract, or changed since the newest version; generate per row. */
export function ContractQueuePage() {
  const { t } = useTranslation();
  const grid = useGridState({ sortable: 'any', defaultPageSize: 25 });
  const navigate = useNavigate();
  const versionLabel = useVersionLabel();
  const queue = useRpcQuery('contracts.queue', {}, { refetchOnMount: 'always' });
  const generate = useRpcMutation('contracts.generate', { invalidates: CONTRACT_INVALIDATES });
  const [busyId, setBusyId] = useState<number | null>(null);
  const { mutateAsync } = generate;

  const run = useCallback(
    async (row: ContractQueueItem) => {
      setBusyId(row.placementId);
      try {
        const c = await mutateAsync({ placementId: row.placementId });
        void navigate(contractPath(c.id), { state: { generated: true } });
      } catch {
        // shown from generate.error
      } finally {
        setBusyId(null);
      }
    },
    [mutateAsync, navigate],
  );

  const columns = useMemo<GridColDef<ContractQueueItem>[]>(
    () => [
      {
        field: 'employeeName',
        headerName: t('contracts.col.employee'),
        flex: 1,
        minWidth: 190,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Typography sx={{ fontWeight: 600 }}>{p.row.employeeName}</Typography>
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
        minWidth: 210,
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
        field: 'reason',
        headerName: t('contracts.col.reason'),
        flex: 1,
        minWidth: 230,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Chip
              size="small"
              color={p.row.reason === 'new' ? 'info' : 'warning'}
              variant="outlined"
              label={
                p.row.reason === 'new'
                  ? t('contracts.queue.new')
                  : t('contracts.queue.changed', { version: versionLabel(p.row.currentVersion ?? 1).toLowerCase() })
              }
            />
            {p.row.changes.length > 0 && (
              <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
                {p.row.changes.map((c) => c.field).join(', ')}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'actions',
        headerName: t('contracts.col.actions'),
        width: 190,
        sortable: false,
        renderCell: (p) => (
          <Button
            size="small"
            variant="contained"
            startIcon={<NoteAddOutlined />}
            disabled={busyId !== null}
            onClick={() => void run(p.row)}
            aria-label={t('contracts.queue.generateFor', { name: p.row.employeeName })}
          >
            {busyId === p.row.placementId ? t('contracts.queue.generating') : t('contracts.queue.generate')}
          </Button>
        ),
      },
    ],
    [t, busyId, versionLabel, run],
  );

  return (
    <>
      <PageHeader title={t('contracts.queue.title')} lead={t('contracts.queue.lead')} />
      <ContractsTabs value="queue" queueCount={queue.data?.length} />
      <ErrorAlert error={queue.error ?? generate.error} />
      <DataTable
        label={t('contracts.queue.gridLabel')}
        rows={queue.data}
        columns={columns}
        state={grid}
        getRowId={(r) => r.placementId}
        loading={queue.isLoading}
        empty={t('contracts.queue.empty')}
      />
    </>
  );
}
