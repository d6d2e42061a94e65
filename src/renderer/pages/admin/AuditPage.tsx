import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { AuditEvent } from '../../../shared/contract/users';
import { useRpcQuery } from '../../api/hooks';
import {
  DataTable,
  DateField,
  ErrorAlert,
  PageHeader,
  SwedishText,
  useGridState,
  useSearchText,
} from '../../components';
import { formatDateTime } from '../../util/format';
import './Audit.i18n';

const ACTIONS = ['read', 'change', 'login', 'login_failed', 'logout', 'denied', 'export'] as const;

function describeChanges(changes: AuditEvent['changes']): string {
  if (!changes) return '';
  return Object.entries(changes)
    .map(([k, v]) => `${k}: ${JSON.stringify(v.before)} → ${JSON.stringify(v.after)}`)
    .join('; ');
}

/** The audit log, filtered by user, record and time (docs/product.md §3, §4 rule 8). Read-only: the log is append-only. */
export function AuditPage() {
  const { t } = useTranslation();
  const users = useRpcQuery('users.list', { includeInactive: true });
  const grid = useGridState();
  const f = grid.filter;
  const [entity, setEntity] = useSearchText(grid, 'posttyp');
  const [entityId, setEntityId] = useSearchText(grid, 'post');
  const userId = Number(f('anvandare')) || null;
  const from = f('fran');
  const to = f('till');
  const input = {
    ...(userId ? { userId } : {}),
    ...(f('handelse') ? { action: f('handelse') } : {}),
    ...(f('posttyp') ? { entity: f('posttyp') } : {}),
    ...(f('post') ? { entityId: f('post') } : {}),
    // the user picks local dates; the log stores UTC instants
    ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from: new Date(`${from}T00:00:00`).toISOString() } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { to: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
    offset: grid.offset,
    limit: grid.limit,
  };
  const log = useRpcQuery('audit.list', input, { placeholderData: (prev) => prev });

  const columns = useMemo<GridColDef<AuditEvent>[]>(
    () => [
      { field: 'at', headerName: t('audit.col.at'), width: 170, valueFormatter: (v: string) => formatDateTime(v) },
      {
        field: 'username',
        headerName: t('audit.col.user'),
        width: 140,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'action',
        headerName: t('audit.col.action'),
        width: 190,
        valueFormatter: (v: string) => t(`audit.action.${v}`, { defaultValue: v }),
      },
      { field: 'procedure', headerName: t('audit.col.procedure'), width: 190 },
      {
        field: 'entity',
        headerName: t('audit.col.entity'),
        width: 150,
        valueGetter: (_v, r) => (r.entity ? `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}` : ''),
      },
      {
        field: 'changes',
        headerName: t('audit.col.changes'),
        flex: 1,
        minWidth: 260,
        valueGetter: (_v, r) => [describeChanges(r.changes), r.detail].filter(Boolean).join(' · '),
        // the main process writes the detail in Swedish (docs/product.md §4 rule 9)
        renderCell: (p) => <SwedishText>{p.value as string}</SwedishText>,
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField
            select
            label={t('audit.filter.user')}
            value={userId ?? ''}
            onChange={(e) => grid.setFilter('anvandare', String(e.target.value))}
          >
            <MenuItem value="">{t('audit.all')}</MenuItem>
            {(users.data ?? []).map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.displayName} ({u.username})
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('audit.filter.action')}
            value={f('handelse')}
            onChange={(e) => grid.setFilter('handelse', e.target.value)}
          >
            <MenuItem value="">{t('audit.all')}</MenuItem>
            {ACTIONS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`audit.action.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('audit.filter.entity')}
            placeholder={t('audit.filter.entityPlaceholder')}
            value={entity}
            onChange={(e) => setEntity(e.target.value)}
          />
          <TextField
            label={t('audit.filter.entityId')}
            value={entityId}
            onChange={(e) => setEntityId(e.target.value)}
          />
          <DateField
            label={t('audit.filter.from')}
            value={from}
            onChange={(v) => grid.setFilter('fran', v)}
            helperText=" "
          />
          <DateField
            label={t('audit.filter.to')}
            value={to}
            onChange={(v) => grid.setFilter('till', v)}
            helperText=" "
          />
        </Stack>
      </Paper>
      <ErrorAlert error={log.error} />
      <DataTable
        label={t('audit.gridLabel')}
        rows={log.data?.rows}
        columns={columns}
        state={grid}
        server
        total={log.data?.total}
        loading={log.isFetching}
        autoRowHeight={false}
      />
      <Box sx={{ mt: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {log.data ? t('audit.count', { count: log.data.total }) : ''}
        </Typography>
      </Box>
    </>
  );
}
