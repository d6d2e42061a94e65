import { useCallback, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { RankedSlot } from '../../../shared/contract/matching';
import { useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../util/format';
import { FreeChip, gridLocale } from '../positions/parts';
import { ExplanationDialog } from './ExplanationDialog';
import { ScoreBar } from './ExplanationView';
import { ProposalStatusChip } from './parts';
import { ProposeDialog, type ProposeTarget } from './ProposeDialog';
import '../positions/i18n';
import './i18n';

type Row = RankedSlot & { key: string; rank: number };

const rowKey = (r: RankedSlot) => `${r.positionId}:${r.positionPeriodId ?? ''}`;
/** Only an earlier veto stands in the way: the coordinator may propose again deliberately, with a note (docs/product.md §4 rule 1). */
const onlyVetoed = (r: RankedSlot) =>
  r.explanation.excluded.length > 0 && r.explanation.excluded.every((e) => e.constraint === 'vetoed');

/**
 * Positions ranked for one participant (docs/product.md §5), each with its explanation and the step to propose; below them
 * the positions a hard constraint rules out, with the reasons. Embeddable: the participant page shows it too.
 */
export function RankedPositionsForParticipant({
  participantId,
  participantName,
}: {
  participantId: number;
  participantName?: string | null;
}) {
  const { t } = useTranslation();
  const result = useRpcQuery('matching.positionsForParticipant', { participantId, includeExcluded: true });
  const [explaining, setExplaining] = useState<Row | null>(null);
  const [proposing, setProposing] = useState<ProposeTarget | null>(null);
  const name = participantName ?? null;

  const toTarget = useCallback(
    (r: RankedSlot, acknowledgeVeto = false): ProposeTarget => ({
      participantId,
      participantName: name,
      positionId: r.positionId,
      positionTitle: r.title,
      workplaceName: r.workplaceName,
      positionPeriodId: r.positionPeriodId,
      periodName: r.periodName,
      score: r.score,
      explanation: r.explanation,
      acknowledgeVeto,
    }),
    [participantId, name],
  );

  const eligible: Row[] = useMemo(
    () => (result.data?.eligible ?? []).map((r, i) => ({ ...r, key: rowKey(r), rank: i + 1 })),
    [result.data],
  );
  const excluded: Row[] = useMemo(
    () => (result.data?.excluded ?? []).map((r, i) => ({ ...r, key: rowKey(r), rank: i + 1 })),
    [result.data],
  );
  const hasOpen = eligible.some((r) => r.openProposal);

  const baseColumns = useMemo<GridColDef<Row>[]>(
    () => [
      {
        field: 'title',
        headerName: t('matching.col.position'),
        flex: 1.3,
        minWidth: 220,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            <Link component={RouterLink} to={`/platser/${p.row.positionId}`}>
              {p.row.title}
              {p.row.periodName ? ` (${p.row.periodName})` : ''}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.workplaceName}
              {p.row.district ? `, ${p.row.district}` : ''} · {t(`positions.kind.${p.row.kind}`)}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'hoursPercent',
        headerName: t('matching.col.hours'),
        width: 100,
        sortable: false,
        valueFormatter: (v: number) => `${v} %`,
      },
      {
        field: 'free',
        headerName: t('matching.col.free'),
        width: 130,
        sortable: false,
        renderCell: (p) => <FreeChip free={p.row.free} slots={p.row.slots} />,
      },
      {
        field: 'score',
        headerName: t('matching.col.score'),
        width: 190,
        sortable: false,
        renderCell: (p) => <ScoreBar score={p.row.score} max={p.row.max} width={80} />,
      },
    ],
    [t],
  );

  const eligibleColumns = useMemo<GridColDef<Row>[]>(
    () => [
      { field: 'rank', headerName: t('matching.col.rank'), width: 70, sortable: false, type: 'number' },
      ...baseColumns,
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
              aria-label={t('matching.ranked.explainFor', { title: p.row.title })}
            >
              {t('matching.candidates.explain')}
            </Button>
            {p.row.openProposal ? (
              <ProposalStatusChip status={p.row.openProposal.status} />
            ) : (
              <Button
                size="small"
                variant="contained"
                disabled={p.row.free <= 0}
                onClick={() => setProposing(toTarget(p.row))}
                aria-label={t('matching.ranked.proposeFor', { title: p.row.title })}
              >
                {t('matching.candidates.propose')}
              </Button>
            )}
          </Stack>
        ),
      },
    ],
    [t, baseColumns, toTarget],
  );

  const excludedColumns = useMemo<GridColDef<Row>[]>(
    () => [
      ...baseColumns.filter((c) => c.field !== 'hoursPercent' && c.field !== 'free'),
      {
        field: 'excluded',
        headerName: t('matching.col.reasons'),
        flex: 1.5,
        minWidth: 260,
        sortable: false,
        renderCell: (p) => (
          <Box component="ul" sx={{ m: 0, pl: 2, py: 0.5 }}>
            {p.row.explanation.excluded.map((e) => (
              <li key={e.constraint}>
                <strong>{e.label}:</strong> {e.detail}
              </li>
            ))}
          </Box>
        ),
      },
      {
        field: 'actions',
        headerName: t('matching.col.actions'),
        width: 240,
        sortable: false,
        renderCell: (p) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5 }}>
            <Button
              size="small"
              variant="outlined"
              onClick={() => setExplaining(p.row)}
              aria-label={t('matching.ranked.explainFor', { title: p.row.title })}
            >
              {t('matching.candidates.explain')}
            </Button>
            {onlyVetoed(p.row) && !p.row.openProposal && p.row.free > 0 && (
              <Button
                size="small"
                onClick={() => setProposing(toTarget(p.row, true))}
                aria-label={t('matching.ranked.proposeAgainFor', { title: p.row.title })}
              >
                {t('matching.ranked.proposeAgain')}
              </Button>
            )}
          </Stack>
        ),
      },
    ],
    [t, baseColumns, toTarget],
  );

  const gridSx = { border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } };

  return (
    <Box>
      <ErrorAlert error={result.error} />
      <Paper component="section" aria-labelledby="ranked-heading" sx={{ p: 2, mb: 3 }}>
        <Typography id="ranked-heading" component="h2" variant="h3">
          {t('matching.ranked.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }} role="status">
          {result.data
            ? t('matching.ranked.summary', {
                count: eligible.length,
                excluded: excluded.length,
                date: formatDate(result.data.computedOn),
              })
            : t('matching.ranked.lead')}
        </Typography>
        {hasOpen && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('matching.ranked.hasOpen')}
          </Typography>
        )}
        <DataGrid
          aria-label={t('matching.ranked.gridLabel')}
          rows={eligible}
          getRowId={(r) => r.key}
          columns={eligibleColumns}
          loading={result.isLoading}
          autoHeight
          getRowHeight={() => 'auto'}
          disableRowSelectionOnClick
          disableColumnMenu
          initialState={{ pagination: { paginationModel: { pageSize: 10 } } }}
          pageSizeOptions={[10, 25, 50]}
          localeText={gridLocale(t('matching.ranked.empty'))}
          sx={gridSx}
        />
      </Paper>
      {excluded.length > 0 && (
        <Accordion disableGutters sx={{ mb: 3, border: 1, borderColor: 'divider', '&::before': { display: 'none' } }}>
          <AccordionSummary expandIcon={<ExpandMore />} aria-controls="excluded-content" id="excluded-header">
            <Typography component="h2" variant="h4">
              {t('matching.ranked.excludedTitle', { count: excluded.length })}
            </Typography>
          </AccordionSummary>
          <AccordionDetails id="excluded-content">
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('matching.ranked.excludedLead')}
            </Typography>
            <DataGrid
              aria-label={t('matching.ranked.excludedGridLabel')}
              rows={excluded}
              getRowId={(r) => r.key}
              columns={excludedColumns}
              autoHeight
              getRowHeight={() => 'auto'}
              disableRowSelectionOnClick
              disableColumnMenu
              initialState={{ pagination: { paginationModel: { pageSize: 10 } } }}
              pageSizeOptions={[10, 25, 50]}
              sx={gridSx}
            />
          </AccordionDetails>
        </Accordion>
      )}
      {explaining && (
        <ExplanationDialog
          title={t('matching.ranked.explainTitle', {
            title: `${explaining.title}${explaining.periodName ? ` (${explaining.periodName})` : ''}`,
            who: name ?? t('matching.propose.theParticipant'),
          })}
          lead={`${explaining.workplaceName} · ${t(`positions.kind.${explaining.kind}`)} · ${explaining.hoursPercent} %`}
          explanation={explaining.explanation}
          onClose={() => setExplaining(null)}
          action={
            explaining.explanation.eligible && !explaining.openProposal && explaining.free > 0 ? (
              <Button
                variant="contained"
                onClick={() => {
                  setProposing(toTarget(explaining));
                  setExplaining(null);
                }}
              >
                {t('matching.candidates.propose')}
              </Button>
            ) : undefined
          }
        />
      )}
      {proposing && <ProposeDialog target={proposing} onClose={() => setProposing(null)} />}
    </Box>
  );
}
