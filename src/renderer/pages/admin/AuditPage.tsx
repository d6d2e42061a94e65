import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { AuditEvent } from '../../../shared/contract/users';
import { useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../util/format';

const ACTIONS: Record<string, string> = {
  read: 'Läsning',
  change: 'Ändring',
  login: 'Inloggning',
  login_failed: 'Misslyckad inloggning',
  logout: 'Utloggning',
  denied: 'Nekad åtkomst',
  export: 'Export',
};

function describeChanges(changes: AuditEvent['changes']): string {
  if (!changes) return '';
  return Object.entries(changes)
    .map(([k, v]) => `${k}: ${JSON.stringify(v.before)} → ${JSON.stringify(v.after)}`)
    .join('; ');
}

/** The audit log, filtered by user, record and time (docs/product.md §3, §4 rule 8). Read-only: the log is append-only. */
export function AuditPage() {
  const users = useRpcQuery('users.list', { includeInactive: true });
  const [userId, setUserId] = useState<number | ''>('');
  const [action, setAction] = useState('');
  const [entity, setEntity] = useState('');
  const [entityId, setEntityId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });

  const input = {
    ...(userId !== '' ? { userId } : {}),
    ...(action ? { action } : {}),
    ...(entity.trim() ? { entity: entity.trim() } : {}),
    ...(entityId.trim() ? { entityId: entityId.trim() } : {}),
    // the user picks local dates; the log stores UTC instants
    ...(from ? { from: new Date(`${from}T00:00:00`).toISOString() } : {}),
    ...(to ? { to: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
    offset: page.page * page.pageSize,
    limit: page.pageSize,
  };
  const log = useRpcQuery('audit.list', input, { placeholderData: (prev) => prev });

  const columns = useMemo<GridColDef<AuditEvent>[]>(
    () => [
      { field: 'at', headerName: 'Tid', width: 170, valueFormatter: (v: string) => formatDateTime(v), sortable: false },
      { field: 'username', headerName: 'Användare', width: 140, sortable: false, valueFormatter: (v: string | null) => v ?? '–' },
      { field: 'action', headerName: 'Händelse', width: 170, sortable: false, valueFormatter: (v: string) => ACTIONS[v] ?? v },
      { field: 'procedure', headerName: 'Funktion', width: 190, sortable: false },
      { field: 'entity', headerName: 'Post', width: 150, sortable: false, valueGetter: (_v, r) => (r.entity ? `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}` : '') },
      {
        field: 'changes',
        headerName: 'Ändrade fält / detaljer',
        flex: 1,
        minWidth: 260,
        sortable: false,
        valueGetter: (_v, r) => [describeChanges(r.changes), r.detail].filter(Boolean).join(' · '),
      },
    ],
    [],
  );

  return (
    <>
      <PageHeader title="Granskningslogg" lead="Varje ändring, varje läsning av en persons uppgifter och varje inloggning. Loggen kan inte ändras eller raderas. Tider visas i svensk tid." />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField select label="Användare" value={userId} onChange={(e) => { setUserId(e.target.value === '' ? '' : Number(e.target.value)); setPage((p) => ({ ...p, page: 0 })); }}>
            <MenuItem value="">Alla</MenuItem>
            {(users.data ?? []).map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.displayName} ({u.username})
              </MenuItem>
            ))}
          </TextField>
          <TextField select label="Händelse" value={action} onChange={(e) => { setAction(e.target.value); setPage((p) => ({ ...p, page: 0 })); }}>
            <MenuItem value="">Alla</MenuItem>
            {Object.entries(ACTIONS).map(([k, v]) => (
              <MenuItem key={k} value={k}>
                {v}
              </MenuItem>
            ))}
          </TextField>
          <TextField label="Posttyp" placeholder="t.ex. participant" value={entity} onChange={(e) => setEntity(e.target.value)} />
          <TextField label="Post-id" value={entityId} onChange={(e) => setEntityId(e.target.value)} />
          <TextField label="Från datum" type="date" value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField label="Till datum" type="date" value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        </Stack>
      </Paper>
      <ErrorAlert error={log.error} />
      <Paper>
        <DataGrid
          aria-label="Granskningslogg"
          rows={log.data?.rows ?? []}
          columns={columns}
          loading={log.isFetching}
          rowCount={log.data?.total ?? 0}
          paginationMode="server"
          paginationModel={page}
          onPaginationModelChange={setPage}
          pageSizeOptions={[25, 50, 100]}
          disableRowSelectionOnClick
          disableColumnFilter
          autoHeight
          sx={{ border: 0 }}
        />
      </Paper>
      <Box sx={{ mt: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {log.data ? `${log.data.total} händelser` : ''}
        </Typography>
      </Box>
    </>
  );
}
