import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/domain/roles';
import type { User } from '../../../shared/domain/users';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { applyServerError } from '../../components/form';
import { formatDateTime } from '../../util/format';

type EditValues = { displayName: string; username: string; email: string; roles: Role[]; password: string };

function UserDialog({ user, onClose }: { user: User | 'new'; onClose: () => void }) {
  const isNew = user === 'new';
  const [error, setError] = useState<string | null>(null);
  const create = useRpcMutation('users.create', { invalidates: ['users.'] });
  const update = useRpcMutation('users.update', { invalidates: ['users.'] });
  const { register, handleSubmit, control, formState, setError: setFieldError } = useForm<EditValues>({
    defaultValues: isNew
      ? { displayName: '', username: '', email: '', roles: ['coordinator'], password: '' }
      : { displayName: user.displayName, username: user.username, email: user.email ?? '', roles: user.roles, password: '' },
  });
  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    try {
      if (isNew) await create.mutateAsync({ displayName: v.displayName, username: v.username, email: v.email, roles: v.roles, password: v.password });
      else await update.mutateAsync({ id: user.id, displayName: v.displayName, email: v.email, roles: v.roles });
      onClose();
    } catch (e) {
      setError(applyServerError(e, setFieldError, ['displayName', 'username', 'email', 'roles', 'password']));
    }
  });
  const err = formState.errors;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="user-dialog-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="user-dialog-title">{isNew ? 'Ny användare' : `Ändra ${user.displayName}`}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField label="Namn" required autoFocus error={Boolean(err.displayName)} helperText={err.displayName?.message} {...register('displayName')} />
            <TextField label="Användarnamn" required disabled={!isNew} error={Boolean(err.username)} helperText={err.username?.message ?? 'Små bokstäver, siffror, punkt och bindestreck.'} {...register('username')} />
            <TextField label="E-post" type="email" error={Boolean(err.email)} helperText={err.email?.message} {...register('email')} />
            <Controller
              control={control}
              name="roles"
              render={({ field }) => (
                <FormControl component="fieldset" error={Boolean(err.roles)}>
                  <FormLabel component="legend">Roller</FormLabel>
                  <FormGroup row>
                    {ROLES.map((r) => (
                      <FormControlLabel
                        key={r}
                        label={ROLE_LABELS[r]}
                        control={
                          <Checkbox
                            checked={field.value.includes(r)}
                            onChange={(e) => field.onChange(e.target.checked ? [...field.value, r] : field.value.filter((x) => x !== r))}
                          />
                        }
                      />
                    ))}
                  </FormGroup>
                  {err.roles && <FormHelperText>{err.roles.message}</FormHelperText>}
                </FormControl>
              )}
            />
            {isNew && (
              <TextField
                label="Tillfälligt lösenord"
                type="password"
                autoComplete="new-password"
                required
                error={Boolean(err.password)}
                helperText={err.password?.message ?? 'Minst 12 tecken. Användaren byter det vid första inloggningen.'}
                {...register('password')}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Avbryt</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {isNew ? 'Skapa användare' : 'Spara'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const reset = useRpcMutation('users.resetPassword', { invalidates: ['users.'] });
  const { register, handleSubmit, formState, setError: setFieldError } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  const onSubmit = handleSubmit(async (v) => {
    try {
      await reset.mutateAsync({ id: user.id, password: v.password });
      onClose();
    } catch (e) {
      setError(applyServerError(e, setFieldError, ['password']));
    }
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="reset-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="reset-title">Nytt lösenord för {user.displayName}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          <TextField
            sx={{ mt: 1 }}
            label="Tillfälligt lösenord"
            type="password"
            autoComplete="new-password"
            autoFocus
            required
            error={Boolean(formState.errors.password)}
            helperText={formState.errors.password?.message ?? 'Kontot låses upp och användaren får byta lösenord vid nästa inloggning.'}
            {...register('password')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Avbryt</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            Sätt lösenord
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function UsersPage() {
  const { user: me } = useAuth();
  const users = useRpcQuery('users.list', { includeInactive: true });
  const setActive = useRpcMutation('users.setActive', { invalidates: ['users.'] });
  const unlock = useRpcMutation('users.unlock', { invalidates: ['users.'] });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const columns = useMemo<GridColDef<User>[]>(
    () => [
      { field: 'displayName', headerName: 'Namn', flex: 1, minWidth: 180 },
      { field: 'username', headerName: 'Användarnamn', width: 160 },
      {
        field: 'roles',
        headerName: 'Roller',
        flex: 1,
        minWidth: 220,
        sortable: false,
        renderCell: (p) => (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
            {p.row.roles.map((r) => (
              <Chip key={r} size="small" label={ROLE_LABELS[r]} />
            ))}
          </Stack>
        ),
      },
      {
        field: 'status',
        headerName: 'Status',
        width: 130,
        valueGetter: (_v, row) => (!row.active ? 'Inaktiv' : row.locked ? 'Låst' : row.mustChangePassword ? 'Nytt lösenord' : 'Aktiv'),
        renderCell: (p) => (
          <Chip size="small" variant="outlined" color={p.value === 'Aktiv' ? 'success' : p.value === 'Låst' ? 'error' : 'default'} label={p.value as string} />
        ),
      },
      { field: 'lastLoginAt', headerName: 'Senaste inloggning', width: 170, valueFormatter: (v: string | null) => formatDateTime(v) },
      {
        field: 'actions',
        type: 'actions',
        headerName: 'Åtgärder',
        width: 90,
        getActions: (p) => [
          <GridActionsCellItem key="edit" label="Ändra namn och roller" showInMenu onClick={() => setEditing(p.row)} />,
          <GridActionsCellItem key="reset" label="Sätt nytt lösenord" showInMenu onClick={() => setResetting(p.row)} />,
          ...(p.row.locked ? [<GridActionsCellItem key="unlock" label="Lås upp" showInMenu onClick={() => unlock.mutate({ id: p.row.id })} />] : []),
          <GridActionsCellItem
            key="active"
            label={p.row.active ? 'Inaktivera' : 'Aktivera'}
            showInMenu
            disabled={p.row.id === me?.id}
            onClick={() => setActive.mutate({ id: p.row.id, active: !p.row.active })}
          />,
        ],
      },
    ],
    [me?.id, setActive, unlock],
  );

  return (
    <>
      <PageHeader
        title="Användare"
        lead="Konton och roller. Ett nytt konto får ett tillfälligt lösenord som användaren byter vid första inloggningen. Fem misslyckade inloggningar låser kontot i 15 minuter."
        actions={
          <Button variant="contained" startIcon={<PersonAddOutlined />} onClick={() => setEditing('new')}>
            Ny användare
          </Button>
        }
      />
      <ErrorAlert error={users.error ?? setActive.error ?? unlock.error} />
      {setActive.isSuccess && <Alert severity="success" sx={{ mb: 2 }}>Ändringen är sparad.</Alert>}
      <Paper>
        <DataGrid
          aria-label="Användare"
          rows={users.data ?? []}
          columns={columns}
          loading={users.isLoading}
          autoHeight
          disableRowSelectionOnClick
          initialState={{ sorting: { sortModel: [{ field: 'displayName', sort: 'asc' }] } }}
          pageSizeOptions={[25, 50, 100]}
          sx={{ border: 0 }}
        />
      </Paper>
      {editing && <UserDialog user={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
