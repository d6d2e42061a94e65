import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import { type GridColDef } from '@mui/x-data-grid';
import type { ImportPreview } from '../../../shared/domain/participant';
import { formatDate } from '../../util/format';
import { paths } from '../../app/paths';
import { SwedishText } from '../../components';
import './i18n';

export type ImportPreviewOk = Extract<ImportPreview, { ok: true }>;
type Row = ImportPreviewOk['rows'][number];

const STATUS_COLOR = { new: 'success', duplicate: 'info', invalid: 'error' } as const;

/** The preview's columns: row, status, who, and what is wrong or whom the row duplicates. */
export function useImportColumns(): GridColDef<Row>[] {
  const { t } = useTranslation();
  return useMemo<GridColDef<Row>[]>(
    () => [
      { field: 'rowNumber', headerName: t('participants.import.col.row'), width: 64, type: 'number' },
      {
        field: 'status',
        headerName: t('participants.import.col.status'),
        width: 115,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <Chip
              size="small"
              color={STATUS_COLOR[p.row.status]}
              variant={p.row.status === 'new' ? 'outlined' : 'filled'}
              label={t(`participants.import.status.${p.row.status}`)}
            />
          </Box>
        ),
      },
      {
        field: 'name',
        headerName: t('participants.import.col.name'),
        flex: 1,
        minWidth: 140,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'personnummer',
        headerName: t('participants.import.col.personnummer'),
        width: 130,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'referralDate',
        headerName: t('participants.import.col.referralDate'),
        width: 105,
        valueFormatter: (v: string | null) => formatDate(v),
      },
      {
        field: 'caseworkerName',
        headerName: t('participants.import.col.caseworker'),
        width: 130,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'district',
        headerName: t('participants.import.col.district'),
        width: 100,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'address',
        headerName: t('participants.import.col.address'),
        width: 200,
        valueFormatter: (v: string | null) => v ?? '–',
      },
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
            <Link component={RouterLink} to={paths.participant(p.row.duplicateOf.id)}>
              {p.value as string}
            </Link>
          ) : (
            <Box sx={{ whiteSpace: 'normal', lineHeight: 1.4, py: 0.5, color: 'error.main' }}>
              {p.row.errors.map((e) => (
                <div key={e.field}>
                  <SwedishText>{e.message}</SwedishText>
                </div>
              ))}
            </Box>
          ),
      },
    ],
    [t],
  );
}
