import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import type { GridColDef } from '@mui/x-data-grid';
import type { DeviationStatus } from '../../../shared/domain/participant';
import type { DeviationRow } from '../../../shared/contract/participants';
import { downloadFile, rpc } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatDate, formatDateTime } from '../../util/format';
import { DataTable, ErrorAlert, PageHeader, StatusChip, useGridState } from '../../components';
import './i18n';

type Scope = 'active' | 'open' | 'sent' | 'done' | 'all';
const SCOPES: readonly Scope[] = ['active', 'open', 'sent', 'done', 'all'];
const isScope = (s: string): s is Scope => (SCOPES as readonly string[]).includes(s);

/** The list of deviation reports the coordinator works through: print the letter, send it, mark it. */
export function DeviationsPage() {
  const { t } = useTranslation();
  const grid = useGridState();
  const scopeParam = grid.filter('urval');
  const scope: Scope = isScope(scopeParam) ? scopeParam : 'active';
  const [letterError, setLetterError] = useState<unknown>(null);
  const list = useRpcQuery(
    'deviations.list',
    { status: scope, offset: grid.offset, limit: grid.limit },
    { placeholderData: (p) => p },
  );
  const setStatus = useRpcMutation('deviations.setStatus', { invalidates: ['deviations.', 'participants.'] });

  const columns = useMemo<GridColDef<DeviationRow>[]>(() => {
    const letter = async (row: DeviationRow) => {
      setLetterError(null);
      try {
        downloadFile(await rpc('deviations.letter', { id: row.id }));
      } catch (e) {
        setLetterError(e);
      }
    };
    const statusButton = (row: DeviationRow, to: DeviationStatus, label: string) => (
      <Button
        size="small"
        variant={to === 'sent' ? 'outlined' : 'text'}
        onClick={() => setStatus.mutate({ id: row.id, status: to })}
        aria-label={t('meetings.deviations.statusFor', { action: label, name: row.name })}
      >
        {label}
      </Button>
    );
    return [
      {
        field: 'name',
        headerName: t('meetings.deviations.col.participant'),
        flex: 1,
        minWidth: 180,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Link component={RouterLink} to={paths.participant(p.row.participantId)} sx={{ fontWeight: 600 }}>
              {p.row.name}
            </Link>
            <Typography variant="body2" color="text.secondary">
              {p.row.personnummerFormatted} · {p.row.ref}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'createdAt',
        headerName: t('meetings.deviations.col.created'),
        width: 105,
        sortable: false,
        valueFormatter: (v: string) => formatDate(v),
      },
      {
        field: 'caseworker',
        headerName: t('meetings.deviations.col.caseworker'),
        flex: 1,
        minWidth: 200,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2">
              {[p.row.caseworker.name, p.row.caseworker.unit].filter(Boolean).join(', ') || '–'}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {[p.row.caseworker.email, p.row.caseworker.phone].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'noShows',
        headerName: t('meetings.deviations.col.noShows'),
        width: 220,
        sortable: false,
        renderCell: (p) => (
          <Box component="ul" sx={{ m: 0, pl: 2, py: 1 }}>
            {p.row.noShows.map((n) => (
              <li key={`${n.meetingId}-${n.startsAt}`}>
                <Typography variant="body2">
                  {formatDateTime(n.startsAt)}, {n.place}
                </Typography>
              </li>
            ))}
          </Box>
        ),
      },
      {
        field: 'status',
        headerName: t('meetings.deviations.col.status'),
        width: 175,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <StatusChip kind="deviationStatus" value={p.row.status} />
            {p.row.sentAt && (
              <Typography variant="body2" color="text.secondary">
                {formatDate(p.row.sentAt)}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'actions',
        headerName: t('meetings.deviations.col.actions'),
        width: 175,
        sortable: false,
        renderCell: (p) => (
          <Stack spacing={0.5} sx={{ alignItems: 'flex-start', py: 1 }}>
            <Button
              size="small"
              startIcon={<PictureAsPdfOutlined />}
              onClick={() => void letter(p.row)}
              aria-label={t('meetings.deviations.letterFor', { name: p.row.name })}
            >
              {t('meetings.deviations.letter')}
            </Button>
            {p.row.status === 'open' && statusButton(p.row, 'sent', t('meetings.deviations.markSent'))}
            {p.row.status !== 'done' && statusButton(p.row, 'done', t('meetings.deviations.markDone'))}
            {p.row.status === 'done' && statusButton(p.row, 'open', t('meetings.deviations.reopen'))}
          </Stack>
        ),
      },
    ];
  }, [t, setStatus]);

  const counts = list.data?.counts;
  const tabLabel = (s: Scope) => {
    const base = t(`meetings.deviations.${s}`);
    if (!counts) return base;
    const n =
      s === 'active' ? counts.open + counts.sent : s === 'all' ? counts.open + counts.sent + counts.done : counts[s];
    return `${base} (${n})`;
  };

  return (
    <>
      <PageHeader title={t('meetings.deviations.title')} lead={t('meetings.deviations.lead')} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={scope} onChange={(_e, v: Scope) => grid.setFilter('urval', v === 'active' ? null : v)}>
          {SCOPES.map((s) => (
            <Tab key={s} value={s} label={tabLabel(s)} />
          ))}
        </Tabs>
      </Box>
      <ErrorAlert error={list.error ?? setStatus.error ?? letterError} />
      <DataTable
        label={t('meetings.deviations.gridLabel')}
        rows={list.data?.rows}
        columns={columns}
        state={grid}
        server
        total={list.data?.total}
        loading={list.isFetching}
        empty={t('meetings.deviations.empty')}
      />
    </>
  );
}
