import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { SuggestionRow } from '../../../shared/contract/matching';
import { paths } from '../../app/paths';
import { ProposalStatusChip, useLabel } from '../../components';
import { ScoreBar } from './ExplanationView';
import type { Accepted } from './SuggestionAcceptDialog';
import './i18n';

/** The columns of the unit-wide suggestion: who, where, the score, its explanation and the proposal once accepted. */
export function useSuggestionColumns({
  accepted,
  onExplain,
}: {
  accepted: ReadonlyMap<number, Accepted>;
  onExplain: (row: SuggestionRow) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  return useMemo<GridColDef<SuggestionRow>[]>(
    () => [
      {
        field: 'name',
        headerName: t('matching.col.participant'),
        flex: 1,
        minWidth: 190,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            <Link component={RouterLink} to={paths.matchParticipant(p.row.participantId)}>
              {p.row.name}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.ref}
              {p.row.district ? ` · ${p.row.district}` : ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'title',
        headerName: t('matching.col.position'),
        flex: 1.3,
        minWidth: 240,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
            <Link component={RouterLink} to={paths.position(p.row.positionId)}>
              {p.row.title}
              {p.row.periodName ? ` (${p.row.periodName})` : ''}
            </Link>
            <Typography variant="body2" color="text.secondary" component="div">
              {p.row.workplaceName}
              {p.row.workplaceDistrict ? `, ${p.row.workplaceDistrict}` : ''} · {label('positionKind', p.row.kind)}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'score',
        headerName: t('matching.col.score'),
        width: 190,
        type: 'number',
        headerAlign: 'left',
        renderCell: (p) => <ScoreBar score={p.row.score} max={p.row.max} width={80} />,
      },
      {
        field: 'explain',
        headerName: t('matching.col.explanation'),
        width: 130,
        sortable: false,
        renderCell: (p) => (
          <Button
            size="small"
            variant="outlined"
            onClick={() => onExplain(p.row)}
            aria-label={t('matching.suggestion.explainFor', { name: p.row.name, title: p.row.title })}
          >
            {t('matching.candidates.explain')}
          </Button>
        ),
      },
      {
        field: 'accepted',
        headerName: t('matching.col.proposal'),
        width: 220,
        sortable: false,
        renderCell: (p) => {
          const a = accepted.get(p.row.participantId);
          return a ? <ProposalStatusChip status={a.status} /> : '–';
        },
      },
    ],
    [t, label, accepted, onExplain],
  );
}
