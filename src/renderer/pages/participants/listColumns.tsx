import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { ListSortField, ParticipantListRow } from '../../../shared/domain/participant';
import { formatDate } from '../../util/format';
import { paths } from '../../app/paths';
import { StageChip } from '../../components';
import './i18n';

/** Grid column → the list's sort field on the server (docs/product.md §6: the order lives in the address). */
export const SORTABLE: Record<string, ListSortField> = {
  name: 'name',
  ref: 'ref',
  referralDate: 'referralDate',
  daysInStage: 'stageSince',
  stage: 'stage',
  district: 'district',
  caseworkerName: 'caseworker',
};

/** The participant list's columns: name and reference, stage, days in stage, district, referral, flags. */
export function useParticipantColumns(): GridColDef<ParticipantListRow>[] {
  const { t } = useTranslation();
  return useMemo<GridColDef<ParticipantListRow>[]>(
    () => [
      {
        field: 'name',
        headerName: t('participants.list.col.name'),
        flex: 1,
        minWidth: 180,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            <Link
              component={RouterLink}
              to={paths.participant(p.row.id)}
              sx={{ fontWeight: 600 }}
              onClick={(e) => e.stopPropagation()}
            >
              {p.row.lastName}, {p.row.firstName}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div" sx={{ fontSize: '0.8rem' }}>
              {p.row.ref}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'personnummerFormatted',
        headerName: t('participants.list.col.personnummer'),
        width: 120,
        sortable: false,
      },
      { field: 'ref', headerName: t('participants.list.col.ref'), width: 100 },
      {
        field: 'stage',
        headerName: t('participants.list.col.stage'),
        width: 210,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <StageChip stage={p.row.stage} />
          </Box>
        ),
      },
      {
        field: 'daysInStage',
        headerName: t('participants.list.col.stageSince'),
        width: 70,
        align: 'right',
        headerAlign: 'right',
        valueFormatter: (v: number) => t('participants.list.days', { count: v }),
      },
      {
        field: 'district',
        headerName: t('participants.list.col.district'),
        width: 105,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'referralDate',
        headerName: t('participants.list.col.referralDate'),
        width: 115,
        valueFormatter: (v: string) => formatDate(v),
      },
      {
        field: 'caseworkerName',
        headerName: t('participants.list.col.caseworker'),
        flex: 1,
        minWidth: 110,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'coordinator',
        headerName: t('participants.list.col.coordinator'),
        width: 150,
        sortable: false,
        valueGetter: (_v, r) => r.coordinator?.name ?? '–',
      },
      {
        field: 'flags',
        headerName: t('participants.list.col.flags'),
        width: 195,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center', height: '100%', py: 0.5 }}>
            {p.row.longTermRecipient && (
              <Chip size="small" variant="outlined" label={t('participants.list.flagLongTerm')} />
            )}
            {p.row.childrenInHousehold > 0 && (
              <Chip
                size="small"
                variant="outlined"
                label={t('participants.list.flagChildren', { count: p.row.childrenInHousehold })}
              />
            )}
            {p.row.noShowCount > 0 && (
              <Chip
                size="small"
                color="warning"
                variant="outlined"
                label={t('participants.list.flagNoShows', { count: p.row.noShowCount })}
              />
            )}
          </Box>
        ),
      },
    ],
    [t],
  );
}
