import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { type GridColDef } from '@mui/x-data-grid';
import type { Proposal } from '../../../shared/domain/proposal';
import { formatDate } from '../../util/format';
import { paths } from '../../app/paths';
import { DataTable, ErrorAlert, PageHeader, useGridState } from '../../components';
import { PlacementsTabs, useApprovedWithoutPlacement } from './parts';
import './i18n';

/** '/placeringar/att-placera': proposals the union approved that have not become placements yet. */
export function ToPlacePage() {
  const { t } = useTranslation();
  const grid = useGridState({ sortable: 'any', defaultPageSize: 25 });
  const q = useApprovedWithoutPlacement();

  const columns = useMemo<GridColDef<Proposal>[]>(
    () => [
      { field: 'id', headerName: t('placements.toPlace.col.number'), width: 70, type: 'number' },
      {
        field: 'participantName',
        headerName: t('placements.col.participant'),
        flex: 1,
        minWidth: 180,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Link component={RouterLink} to={paths.participant(p.row.participantId)} sx={{ fontWeight: 600 }}>
              {p.row.participantName}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.participantRef}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'positionTitle',
        headerName: t('placements.col.position'),
        flex: 1.3,
        minWidth: 220,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Link component={RouterLink} to={paths.position(p.row.positionId)}>
              {p.row.positionTitle}
              {p.row.periodName ? ` (${p.row.periodName})` : ''}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.workplaceName}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'createdAt',
        headerName: t('placements.toPlace.col.proposed'),
        width: 150,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {formatDate(p.row.createdAt)}
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.createdByName ?? ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'actions',
        headerName: t('placements.col.actions'),
        width: 180,
        sortable: false,
        renderCell: (p) => (
          <Button
            size="small"
            variant="contained"
            component={RouterLink}
            to={paths.newPlacement(p.row.id)}
            aria-label={t('placements.toPlace.createFor', { name: p.row.participantName })}
          >
            {t('placements.toPlace.create')}
          </Button>
        ),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('placements.toPlace.title')} lead={t('placements.toPlace.lead')} />
      <PlacementsTabs value="toPlace" toPlaceCount={q.isLoading ? undefined : q.rows.length} />
      <ErrorAlert error={q.error} />
      {q.truncated && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('placements.toPlace.truncated')}
        </Alert>
      )}
      <DataTable
        label={t('placements.toPlace.gridLabel')}
        rows={q.rows}
        columns={columns}
        state={grid}
        loading={q.isLoading}
        empty={t('placements.toPlace.empty')}
      />
    </>
  );
}
