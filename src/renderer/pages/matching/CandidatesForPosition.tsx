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
import type { GridColDef } from '@mui/x-data-grid';
import type { Candidate } from '../../../shared/contract/matching';
import type { Position } from '../../../shared/domain/position';
import type { Stage } from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatDate } from '../../util/format';
import { DataTable, ErrorAlert, ProposalStatusChip, useGridState, useLabel } from '../../components';
import { ExplanationDialog } from './ExplanationDialog';
import { ScoreBar } from './ExplanationView';
import { ProposeDialog, type ProposeTarget } from './ProposeDialog';
import './i18n';

type Row = Candidate & { rank: number };

/**
 * Ranked candidates for a position (docs/product.md §5): the waiting participants no hard constraint excludes, best score
 * first, each with its explanation and the step to propose them. Shown on the position's page.
 */
export function CandidatesForPosition({ position }: { position: Position }) {
  const { t } = useTranslation();
  const label = useLabel();
  const grid = useGridState({ prefix: 'kandidater', pageSizes: [10, 25, 50], defaultPageSize: 10 });
  const periodId = Number(grid.filter('period')) || null;
  const [explaining, setExplaining] = useState<Row | null>(null);
  const [proposing, setProposing] = useState<ProposeTarget | null>(null);
  const inactive = !position.active || !position.workplaceActive;
  const candidates = useRpcQuery(
    'matching.candidates',
    { positionId: position.id, positionPeriodId: periodId, offset: grid.offset, limit: grid.limit },
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
    () => (data?.rows ?? []).map((r, i) => ({ ...r, rank: grid.offset + i + 1 })),
    [data, grid.offset],
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
            <Link component={RouterLink} to={paths.matchParticipant(p.row.participantId)}>
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
        valueFormatter: (v: string) => label('stage', v as Stage),
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
    [t, label, position, noFree, toTarget],
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
            onChange={(e) => grid.setFilter('period', String(e.target.value))}
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
          <DataTable
            label={t('matching.candidates.gridLabel', { title: position.title })}
            rows={rows}
            getRowId={(r) => r.participantId}
            columns={columns}
            state={grid}
            server
            total={data?.eligible}
            loading={candidates.isFetching}
            disableColumnMenu
            surface={false}
            empty={t('matching.candidates.empty')}
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
