import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { RankedSlot } from '../../../shared/contract/matching';
import { paths } from '../../app/paths';
import { FreeChip, ProposalStatusChip, useLabel } from '../../components';
import { ScoreBar } from './ExplanationView';
import './i18n';

export type RankedRow = RankedSlot & { key: string; rank: number };

/** Only an earlier veto stands in the way: the coordinator may propose again deliberately, with a note (docs/product.md §4 rule 1). */
export const onlyVetoed = (r: RankedSlot) =>
  r.explanation.excluded.length > 0 && r.explanation.excluded.every((e) => e.constraint === 'vetoed');

/** The columns of a participant's ranked positions, and of the positions a hard constraint rules out. */
export function useRankedColumns({
  onExplain,
  onPropose,
}: {
  onExplain: (r: RankedRow) => void;
  onPropose: (r: RankedRow, acknowledgeVeto?: boolean) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  type Row = RankedRow;
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
            <Link component={RouterLink} to={paths.position(p.row.positionId)}>
              {p.row.title}
              {p.row.periodName ? ` (${p.row.periodName})` : ''}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.workplaceName}
              {p.row.district ? `, ${p.row.district}` : ''} · {label('positionKind', p.row.kind)}
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
    [t, label],
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
              onClick={() => onExplain(p.row)}
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
                onClick={() => onPropose(p.row)}
                aria-label={t('matching.ranked.proposeFor', { title: p.row.title })}
              >
                {t('matching.candidates.propose')}
              </Button>
            )}
          </Stack>
        ),
      },
    ],
    [t, baseColumns, onExplain, onPropose],
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
              onClick={() => onExplain(p.row)}
              aria-label={t('matching.ranked.explainFor', { title: p.row.title })}
            >
              {t('matching.candidates.explain')}
            </Button>
            {onlyVetoed(p.row) && !p.row.openProposal && p.row.free > 0 && (
              <Button
                size="small"
                onClick={() => onPropose(p.row, true)}
                aria-label={t('matching.ranked.proposeAgainFor', { title: p.row.title })}
              >
                {t('matching.ranked.proposeAgain')}
              </Button>
            )}
          </Stack>
        ),
      },
    ],
    [t, baseColumns, onExplain, onPropose],
  );

  return { eligibleColumns, excludedColumns };
}
