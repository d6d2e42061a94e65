import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import type { User } from '../../../shared/domain/users';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { ConfirmDialog, DataTable, ErrorAlert, PageHeader, useGridState, useLabel } from '../../components';
import { formatDateTime } from '../../util/format';
import { ResetPasswordDialog, UserDialog } from './UserDialogs';
import './Users.i18n';

type UserStatus = 'inactive' | 'locked' | 'mustChange' | 'active';
const statusOf = (u: User): UserStatus =>
  !u.active ? 'inactive' : u.locked ? 'locked' : u.mustChangePassword ? 'mustChange' : 'active';

/** '/admin/anvandare': the accounts, their roles and state; the admin creates, edits, unlocks and deactivates. */
export function UsersPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { user: me } = useAuth();
  const grid = useGridState({ sortable: 'any', defaultSort: { column: 'displayName' } });
  const users = useRpcQuery('users.list', { includeInactive: true });
  const setActive = useRpcMutation('users.setActive', { invalidates: ['users.'] });
  const unlock = useRpcMutation('users.unlock', { invalidates: ['users.'] });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);

  const columns = useMemo<GridColDef<User>[]>(
    () => [
      { field: 'displayName', headerName: t('users.col.displayName'), flex: 1, minWidth: 180 },
      { field: 'username', headerName: t('users.col.username'), width: 160 },
      {
        field: 'roles',
        headerName: t('users.col.roles'),
        flex: 1,
        minWidth: 220,
        sortable: false,
        renderCell: (p) => (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
            {p.row.roles.map((r) => (
              <Chip key={r} size="small" label={label('role', r)} />
            ))}
          </Stack>
        ),
      },
      {
        field: 'status',
        headerName: t('users.col.status'),
        width: 140,
        valueGetter: (_v, row) => statusOf(row),
        renderCell: (p) => (
          <Chip
            size="small"
            variant="outlined"
            color={p.value === 'active' ? 'success' : p.value === 'locked' ? 'error' : 'default'}
            label={t(`users.status.${p.value as UserStatus}`)}
          />
        ),
      },
      {
        field: 'lastLoginAt',
        headerName: t('users.col.lastLoginAt'),
        width: 170,
        valueFormatter: (v: string | null) => formatDateTime(v),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('users.col.actions'),
        width: 90,
        getActions: (p) => [
          <GridActionsCellItem
            key="edit"
            label={t('users.action.edit')}
            showInMenu
            onClick={() => setEditing(p.row)}
          />,
          <GridActionsCellItem
            key="reset"
            label={t('users.action.reset')}
            showInMenu
            onClick={() => setResetting(p.row)}
          />,
          ...(p.row.locked
            ? [
                <GridActionsCellItem
                  key="unlock"
                  label={t('users.action.unlock')}
                  showInMenu
                  onClick={() => unlock.mutate({ id: p.row.id })}
                />,
              ]
            : []),
          <GridActionsCellItem
            key="active"
            label={p.row.active ? t('users.action.deactivate') : t('users.action.activate')}
            showInMenu
            disabled={p.row.id === me?.id}
            onClick={() => (p.row.active ? setDeactivating(p.row) : setActive.mutate({ id: p.row.id, active: true }))}
          />,
        ],
      },
    ],
    [t, label, me?.id, setActive, unlock],
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        lead={t('users.lead')}
        actions={
          <Button variant="contained" startIcon={<PersonAddOutlined />} onClick={() => setEditing('new')}>
            {t('users.new')}
          </Button>
        }
      />
      <ErrorAlert error={users.error ?? (deactivating ? null : setActive.error) ?? unlock.error} />
      {setActive.isSuccess && (
        <Alert severity="success" sx={{ mb: 2 }}>
          {t('users.saved')}
        </Alert>
      )}
      <DataTable
        label={t('users.gridLabel')}
        rows={users.data}
        columns={columns}
        state={grid}
        loading={users.isLoading}
        autoRowHeight={false}
      />
      {editing && <UserDialog user={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
      {deactivating && (
        <ConfirmDialog
          title={t('users.confirmDeactivate', { name: deactivating.displayName })}
          text={t('users.confirmDeactivateText')}
          confirmLabel={t('users.action.deactivate')}
          destructive
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
