import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import type { Workplace } from '../../../shared/domain/position';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { paths } from '../../app/paths';
import { ConfirmDialog, DataTable, ErrorAlert, PageHeader, useGridState, useSearchText } from '../../components';
import { CatalogueTabs } from './PositionsPage';
import { WorkplaceDialog } from './WorkplaceDialog';
import './i18n';

/** Workplaces: the admin adds, edits and (de)activates them; everyone with access can jump to their positions. */
export function WorkplacesPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const isAdmin = hasRole('admin');
  const navigate = useNavigate();
  const grid = useGridState({
    sortable: {
      name: 'name',
      organisation: 'organisation',
      address: 'address',
      district: 'district',
      activePositions: 'activePositions',
      active: 'active',
    },
    defaultSort: { column: 'name' },
    defaultPageSize: 25,
  });
  const [searchText, setSearchText] = useSearchText(grid, 'sok');
  const search = grid.filter('sok');
  const [editing, setEditing] = useState<Workplace | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<Workplace | null>(null);
  const [saved, setSaved] = useState(false);
  const list = useRpcQuery(
    'workplaces.list',
    { includeInactive: true, ...(search.trim() ? { search: search.trim() } : {}) },
    { placeholderData: (prev) => prev },
  );
  const setActive = useRpcMutation('workplaces.setActive', { invalidates: ['workplaces.', 'positions.', 'matching.'] });

  const columns = useMemo<GridColDef<Workplace>[]>(
    () => [
      {
        field: 'name',
        headerName: t('positions.col.name'),
        flex: 1,
        minWidth: 200,
        renderCell: (p) => (
          <Link component={RouterLink} to={`${paths.positions}?arbetsplats=${p.row.id}&status=all`}>
            {p.row.name}
          </Link>
        ),
      },
      {
        field: 'organisation',
        headerName: t('positions.col.organisation'),
        flex: 1,
        minWidth: 180,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'address',
        headerName: t('positions.col.address'),
        flex: 1,
        minWidth: 180,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'district',
        headerName: t('positions.col.district'),
        width: 130,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      { field: 'activePositions', headerName: t('positions.col.activePositions'), width: 130, type: 'number' },
      {
        field: 'active',
        headerName: t('positions.col.status'),
        width: 110,
        renderCell: (p) => (
          <Chip
            size="small"
            variant="outlined"
            color={p.row.active ? 'success' : 'default'}
            label={p.row.active ? t('positions.status.active') : t('positions.status.inactive')}
          />
        ),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('positions.col.actions'),
        width: 90,
        getActions: (p) => [
          <GridActionsCellItem
            key="show"
            label={t('positions.workplaces.showPositions')}
            showInMenu
            onClick={() => void navigate(`/platser?arbetsplats=${p.row.id}&status=all`)}
          />,
          ...(isAdmin
            ? [
                <GridActionsCellItem
                  key="edit"
                  label={t('positions.workplaces.edit')}
                  showInMenu
                  onClick={() => setEditing(p.row)}
                />,
                <GridActionsCellItem
                  key="active"
                  label={p.row.active ? t('positions.workplaces.deactivate') : t('positions.workplaces.activate')}
                  showInMenu
                  onClick={() =>
                    p.row.active ? setDeactivating(p.row) : setActive.mutate({ id: p.row.id, active: true })
                  }
                />,
              ]
            : []),
        ],
      },
    ],
    [t, isAdmin, navigate, setActive],
  );

  return (
    <>
      <PageHeader
        title={t('positions.workplaces.title')}
        lead={t('positions.workplaces.lead')}
        actions={
          isAdmin ? (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
              {t('positions.workplaces.new')}
            </Button>
          ) : undefined
        }
      />
      <CatalogueTabs value="workplaces" />
      <Paper sx={{ p: 2, mb: 2 }}>
        <TextField
          label={t('positions.workplaces.search')}
          type="search"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          sx={{ maxWidth: 360 }}
        />
      </Paper>
      <ErrorAlert error={list.error ?? (deactivating ? null : setActive.error)} />
      {saved && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(false)}>
          {t('positions.workplaces.saved')}
        </Alert>
      )}
      <DataTable
        label={t('positions.workplaces.gridLabel')}
        rows={list.data}
        columns={columns}
        state={grid}
        loading={list.isLoading}
        autoRowHeight={false}
        empty={t('positions.workplaces.empty')}
      />
      {editing && (
        <WorkplaceDialog workplace={editing} onClose={() => setEditing(null)} onSaved={() => setSaved(true)} />
      )}
      {deactivating && (
        <ConfirmDialog
          title={t('positions.workplaces.confirmDeactivate', { name: deactivating.name })}
          text={t('positions.workplaces.confirmDeactivateText')}
          confirmLabel={t('positions.workplaces.deactivate')}
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
