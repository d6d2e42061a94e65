import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { Position } from '../../../shared/domain/position';
import { paths } from '../../app/paths';
import { FreeChip, useLabel } from '../../components';
import { usePeriodText } from './parts';
import './i18n';

export type StatusFilter = 'active' | 'inactive' | 'all';

/** Columns the grid sorts (client-side; the order is kept in the address like every list's). */
export const SORTABLE = {
  title: 'title',
  workplaceName: 'workplaceName',
  employmentForm: 'employmentForm',
  hoursPercent: 'hoursPercent',
  free: 'free',
  period: 'period',
  unionReviewRequired: 'unionReviewRequired',
  active: 'active',
};

/** The catalogue's columns; the status column only when inactive positions are shown. */
export function usePositionColumns(status: StatusFilter): GridColDef<Position>[] {
  const { t } = useTranslation();
  const label = useLabel();
  const periodText = usePeriodText();
  return useMemo<GridColDef<Position>[]>(
    () => [
      {
        field: 'title',
        headerName: t('positions.col.title'),
        flex: 1.3,
        minWidth: 200,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            <Link component={RouterLink} to={paths.position(p.row.id)}>
              {p.row.title}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {label('positionKind', p.row.kind)}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'workplaceName',
        headerName: t('positions.col.workplace'),
        flex: 1,
        minWidth: 170,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {p.row.workplaceName}
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.district ?? ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'employmentForm',
        headerName: t('positions.col.form'),
        flex: 1,
        minWidth: 170,
        valueGetter: (_v, r) => label('employmentForm', r.employmentForm),
      },
      {
        field: 'hoursPercent',
        headerName: t('positions.col.hours'),
        width: 105,
        type: 'number',
        valueFormatter: (v: number) => `${v} %`,
      },
      {
        field: 'free',
        headerName: t('positions.col.free'),
        width: 125,
        type: 'number',
        valueGetter: (_v, r) => r.occupancy.free,
        renderCell: (p) => <FreeChip free={p.row.occupancy.free} slots={p.row.occupancy.slots} />,
      },
      {
        field: 'period',
        headerName: t('positions.col.period'),
        width: 185,
        valueGetter: (_v, r) => r.periodStart,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75 }}>
            {periodText(p.row.periodStart, p.row.periodEnd)}
            {p.row.periods.length > 0 && (
              <Typography variant="body2" color="text.secondary" component="div">
                {t('positions.list.periodCount', { count: p.row.periods.length })}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'unionReviewRequired',
        headerName: t('positions.col.union'),
        width: 130,
        valueFormatter: (v: boolean) => (v ? t('common.yes') : t('common.no')),
      },
      ...(status === 'active'
        ? []
        : [
            {
              field: 'active',
              headerName: t('positions.col.status'),
              width: 150,
              valueGetter: (_v, r) => (!r.active ? 'inactive' : !r.workplaceActive ? 'workplaceInactive' : 'active'),
              renderCell: (p) => (
                <Chip
                  size="small"
                  variant="outlined"
                  color={p.value === 'active' ? 'success' : 'default'}
                  label={t(`positions.status.${p.value as string}`)}
                />
              ),
            } as GridColDef<Position>,
          ]),
    ],
    [t, label, periodText, status],
  );
}
