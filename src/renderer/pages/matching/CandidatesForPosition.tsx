import { useCallback, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { Candidate } from '../../../shared/contract/matching';
import type { Position } from '../../../shared/domain/position';
import { STAGE_LABELS, type Stage } from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../util/format';
import { ExplanationDialog } from './ExplanationDialog';
import { ScoreBar } from './ExplanationView';
import { ProposalStatusChip } from './parts';
import { ProposeDialog, type ProposeTarget } from './ProposeDialog';
import './i18n';
import { gridLocale } from '../positions/parts';

type Row = Candidate & { rank: number };

/**
 * Ranked candidates for a position (docs/product.md §5): the waiting participants no hard constraint excludes, best score
 * first, each with its explanation and the step to propose them. Shown on the position's page.
 */
export function CandidatesForPosition({ position }: { position: Position }) {
  const { t } = useTranslation();
  const [periodId, setPeriodId] = useState<number | null>(null);
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 10 });
  const [explaining, setExplaining] = useState<Row | null>(null);
  const [proposing, setProposing] = useState<ProposeTarget | null>(null);
  const inactive = !position.active || !position.workplaceActive;
  const candidates = useRpcQuery(
    'matching.candidates',
    { positionId: position.id, positionPeriodId: periodId, offset: page.page * page.pageSize, limit: page.pageSize },
    { placeholderData: (prev) => prev, enabled: !inactive },
  );
  const data = candidates.data;
  const noFree = data ? data.free <= 0 : false;

  const toTarget = useCallback(
    (r: Candidate): ProposeTarget => ({
      participantId: r.participantId,
      participantName: r.name,
      positionId: position.id,
      positionTitle: position.title,
      workplaceName: position.workplaceName,
      positionPeriodId: r.positionPeriodId,
      periodName: r.periodName,
      score: r.score,
      explanation: r.explanation,
    }),
    [position],
  );

  const rows: Row[] = useMemo(
    () => (data?.rows ?? []).map((r, i) => ({ ...r, rank: page.page * page.pageSize + i + 1 })),
    [data, page],
  );

  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      { field: 'rank', headerName: t('matching.col.rank'), width: 70, sortable: false, type: 'number' },
      {
        field: 'name',
        headerName: t('matching.col.participant'),
        flex: 1,
        minWidth: 200,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            <Link component={RouterLink} to={`/matchning/deltagare/${p.row.participantId}`}>
              {p.row.name}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.ref}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'district',
        headerName: t('matching.col.district'),
        width: 115,
        sortable: false,
        valueFormatter: (v: string | null) => v ?? '–',
      },
      {
        field: 'stage',
        headerName: t('matching.col.stage'),
        width: 130,
        sortable: false,
        valueFormatter: (v: string) => STAGE_LABELS[v as Stage] ?? v,
      },
      ...(position.periods.length > 0
        ? [
            {
              field: 'periodName',
              headerName: t('matching.col.period'),
              width: 120,
              sortable: false,
              valueFormatter: (v: string | null) => v ?? '–',
            } as GridColDef<Row>,
          ]
        : []),
      {
        field: 'score',
        headerName: t('matching.col.score'),
        width: 190,
        sortable: false,
        renderCell: (p) => <ScoreBar score={p.row.score} max={p.row.max} width={80} />,
      },
      {
        field: 'actions',
        headerName: t('matching.col.actions'),
        flex: 1,
        minWidth: 280,
        sortable: false,
        renderCell: (p) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5 }}>
            <Button
              size="small"
              variant="outlined"
              onClick={() => setExplaining(p.row)}
              aria-label={t('matching.candidates.explainFor', { name: p.row.name })}
            >
              {t('matching.candidates.explain')}
            </Button>
            {p.row.openProposal ? (
              <ProposalStatusChip status={p.row.openProposal.status} />
            ) : (
              <Button
                size="small"
                variant="contained"
                disabled={noFree}
                onClick={() => setProposing(toTarget(p.row))}
                aria-label={t('matching.candidates.proposeFor', { name: p.row.name })}
              >
                {t('matching.candidates.propose')}
              </Button>
            )}
          </Stack>
        ),
      },
    ],
    [t, position, noFree, toTarget],
  );

  return (
    <Paper component="section" aria-labelledby="candidates-heading" sx={{ p: 2, mb: 3 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 1.5 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography id="candidates-heading" component="h2" variant="h3">
            {t('matching.candidates.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('matching.candidates.lead')}
          </Typography>
        </Box>
        {position.periods.length > 0 && (
          <TextField
            select
            label={t('matching.candidates.period')}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            value={periodId ?? ''}
            onChange={(e) => {
              setPeriodId(e.target.value === '' ? null : Number(e.target.value));
              setPage((p) => ({ ...p, page: 0 }));
            }}
            sx={{ minWidth: 240, maxWidth: 320 }}
          >
            <MenuItem value="">{t('matching.candidates.bestPeriod')}</MenuItem>
            {position.periods.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name} ({formatDate(p.startDate)} – {formatDate(p.endDate)})
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      {inactive ? (
        <Alert severity="info">{t('matching.candidates.inactive')}</Alert>
      ) : (
        <>
          <ErrorAlert error={candidates.error} />
          {data && (
            <Typography variant="body2" sx={{ mb: 1 }} role="status">
              {t('matching.candidates.summary', {
                eligible: data.eligible,
                considered: data.considered,
                free: data.free,
                date: formatDate(data.computedOn),
              })}
            </Typography>
          )}
          {noFree && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {t('matching.candidates.noFree')}
            </Alert>
          )}
          <DataGrid
            aria-label={t('matching.candidates.gridLabel', { title: position.title })}
            rows={rows}
            getRowId={(r) => r.participantId}
            columns={columns}
            loading={candidates.isFetching}
            autoHeight
            getRowHeight={() => 'auto'}
            disableRowSelectionOnClick
            disableColumnMenu
            paginationMode="server"
            rowCount={data?.eligible ?? 0}
            paginationModel={page}
            onPaginationModelChange={setPage}
            pageSizeOptions={[10, 25, 50]}
            localeText={gridLocale(t('matching.candidates.empty'))}
            sx={{ border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
          />
        </>
      )}
      {explaining && (
        <ExplanationDialog
          title={t('matching.candidates.explainTitle', { name: explaining.name, title: position.title })}
          lead={
            explaining.periodName
              ? t('matching.candidates.explainPeriod', { period: explaining.periodName })
              : undefined
          }
          explanation={explaining.explanation}
          onClose={() => setExplaining(null)}
          action={
            !explaining.openProposal && !noFree ? (
              <Button
                variant="contained"
                onClick={() => {
                  setProposing(toTarget(explaining));
                  setExplaining(null);
                }}
              >
                {t('matching.candidates.proposeNamed', { name: explaining.name })}
              </Button>
            ) : undefined
          }
        />
      )}
      {proposing && <ProposeDialog target={proposing} onClose={() => setProposing(null)} />}
    </Paper>
  );
}
