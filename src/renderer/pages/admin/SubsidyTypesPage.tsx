import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { type SubsidyType } from '../../../shared/contract/subsidy-types';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { formatMoney as kronor } from '../../util/format';
import { SubsidyTypeDialog } from './SubsidyTypeDialog';
import { ConfirmDialog, DataTable, ErrorAlert, PageHeader, useGridState } from '../../components';
import './SubsidyTypes.i18n';

/** '/admin/subventionstyper': the subsidy types (docs/product.md §3) — data the admin maintains, never constants in code. */
export function SubsidyTypesPage() {
  const { t } = useTranslation();
  const grid = useGridState({ sortable: 'any' });
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<SubsidyType | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<SubsidyType | null>(null);
  const list = useRpcQuery('subsidyTypes.list', { includeInactive: showInactive });
  const setActive = useRpcMutation('subsidyTypes.setActive', { invalidates: ['subsidyTypes.'] });
  const { mutate: activate } = setActive;

  const columns = useMemo<GridColDef<SubsidyType>[]>(
    () => [
      {
        field: 'name',
        headerName: t('subsidyTypes.col.name'),
        flex: 1.4,
        minWidth: 240,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.35, py: 1 }}>
            <Typography sx={{ fontWeight: 600 }}>{p.row.name}</Typography>
            {p.row.notes && (
              <Typography variant="body2" color="text.secondary" component="div">
                {p.row.notes}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'maxMonths',
        headerName: t('subsidyTypes.col.maxMonths'),
        width: 130,
        type: 'number',
        valueFormatter: (v: number) => t('subsidyTypes.monthsValue', { count: v }),
      },
      {
        field: 'defaultPercent',
        headerName: t('subsidyTypes.col.percent'),
        width: 110,
        type: 'number',
        valueFormatter: (v: number) => `${v} %`,
      },
      {
        field: 'monthlyCeilingOre',
        headerName: t('subsidyTypes.col.ceiling'),
        width: 150,
        type: 'number',
        valueFormatter: (v: number) => kronor(v),
      },
      {
        field: 'usedByPlacements',
        headerName: t('subsidyTypes.col.used'),
        width: 190,
        sortable: false,
        valueGetter: (_v, r) =>
          t('subsidyTypes.usedValue', { placements: r.usedByPlacements, positions: r.usedByPositions }),
      },
      {
        field: 'active',
        headerName: t('subsidyTypes.col.status'),
        width: 110,
        renderCell: (p) => (
          <Chip
            size="small"
            variant="outlined"
            color={p.row.active ? 'success' : 'default'}
            label={p.row.active ? t('subsidyTypes.active') : t('subsidyTypes.inactive')}
          />
        ),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('subsidyTypes.col.actions'),
        width: 90,
        getActions: (p) => [
          <GridActionsCellItem
            key="edit"
            label={t('subsidyTypes.edit')}
            showInMenu
            onClick={() => setEditing(p.row)}
          />,
          p.row.active ? (
            <GridActionsCellItem
              key="deactivate"
              label={t('subsidyTypes.deactivate')}
              showInMenu
              onClick={() => setDeactivating(p.row)}
            />
          ) : (
            <GridActionsCellItem
              key="activate"
              label={t('subsidyTypes.activate')}
              showInMenu
              onClick={() => activate({ id: p.row.id, active: true })}
            />
          ),
        ],
      },
    ],
    [t, activate],
  );

  return (
    <>
      <PageHeader
        title={t('subsidyTypes.title')}
        lead={t('subsidyTypes.lead')}
        actions={
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
            {t('subsidyTypes.new')}
          </Button>
        }
      />
      <Paper sx={{ p: 2, mb: 2 }} component="section" aria-label={t('common.filter')}>
        <FormControlLabel
          control={<Switch checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />}
          label={t('subsidyTypes.showInactive')}
        />
      </Paper>
      <ErrorAlert error={list.error ?? (deactivating ? null : setActive.error)} />
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('subsidyTypes.info')}
      </Alert>
      <DataTable
        label={t('subsidyTypes.gridLabel')}
        rows={list.data}
        columns={columns}
        state={grid}
        loading={list.isLoading}
        empty={t('subsidyTypes.empty')}
      />
      {editing && <SubsidyTypeDialog type={editing} onClose={() => setEditing(null)} />}
      {deactivating && (
        <ConfirmDialog
          title={t('subsidyTypes.confirmDeactivate', { name: deactivating.name })}
          text={t('subsidyTypes.confirmDeactivateText')}
          confirmLabel={t('subsidyTypes.deactivate')}
          busy={setActive.isPending}
          error={setActive.error}
          onClose={() => setDeactivating(null)}
          onConfirm={() =>
            setActive.mutate({ id: deactivating.id, active: false }, { onSuccess: () => setDeactivating(null) })
          }
        />
      )}
    </>
  );
}
