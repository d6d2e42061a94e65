import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { type GridColDef } from '@mui/x-data-grid';
import { type ContractStatus } from '../../../shared/domain/contract-doc';
import type { PlacementSummary } from '../../../shared/domain/placement';
import { formatDate } from '../../util/format';
import { paths } from '../../app/paths';
import { DaysLeftChip, useLabel } from '../../components';
import './i18n';

/** The placements grid's columns: who, where, period, days left, next follow-up and the contract's status. */
export function usePlacementColumns(): GridColDef<PlacementSummary>[] {
  const { t } = useTranslation();
  const label = useLabel();
  return useMemo<GridColDef<PlacementSummary>[]>(
    () => [
      {
        field: 'participantName',
        headerName: t('placements.col.participant'),
        flex: 1,
        minWidth: 180,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Link component={RouterLink} to={paths.placement(p.row.id)} sx={{ fontWeight: 600 }}>
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
        minWidth: 200,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {p.row.positionTitle}
            {p.row.periodName ? ` (${p.row.periodName})` : ''}
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.workplaceName}
              {p.row.district ? `, ${p.row.district}` : ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'endDate',
        headerName: t('placements.col.period'),
        width: 200,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75, whiteSpace: 'nowrap' }}>
            {p.row.startDate} – {p.row.endDate}
            {p.row.status === 'ended' && p.row.endedAt && (
              <Typography variant="body2" color="text.secondary" component="div">
                {t('placements.list.endedAt', { date: p.row.endedAt })}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'daysLeft',
        headerName: t('placements.col.daysLeft'),
        width: 175,
        type: 'number',
        align: 'left',
        headerAlign: 'left',
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <DaysLeftChip p={p.row} />
            {p.row.phase === 'upcoming' && (
              <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 0.25 }}>
                {label('placementPhase', 'upcoming')}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'nextFollowUpDate',
        headerName: t('placements.col.followUp'),
        width: 140,
        renderCell: (p) =>
          p.row.nextFollowUpDate ? (
            <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
              {formatDate(p.row.nextFollowUpDate)}
              {p.row.followUpOverdue && (
                <Typography variant="body2" color="error" component="div" sx={{ fontWeight: 600 }}>
                  {t('placements.list.followUpLate')}
                </Typography>
              )}
            </Box>
          ) : (
            '–'
          ),
      },
      {
        field: 'contractStatus',
        headerName: t('placements.col.contract'),
        width: 160,
        valueGetter: (_v, r) =>
          r.employmentForm === 'work_training'
            ? t('placements.contract.notNeeded')
            : r.contractStatus
              ? `${label('contractStatus', r.contractStatus as ContractStatus) ?? r.contractStatus} (v${r.contractVersion ?? 1})`
              : t('placements.contract.none'),
      },
    ],
    [t, label],
  );
}
