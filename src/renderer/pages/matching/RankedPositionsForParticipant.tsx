import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ExpandMore from '@mui/icons-material/ExpandMore';
import type { RankedSlot } from '../../../shared/contract/matching';
import { useRpcQuery } from '../../api/hooks';
import { formatDate } from '../../util/format';
import { DataTable, ErrorAlert, useGridState, useLabel } from '../../components';
import { ExplanationDialog } from './ExplanationDialog';
import { ProposeDialog, type ProposeTarget } from './ProposeDialog';
import { useRankedColumns, type RankedRow } from './rankedColumns';
import './i18n';

const rowKey = (r: RankedSlot) => `${r.positionId}:${r.positionPeriodId ?? ''}`;

type Row = RankedRow;

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
  const label = useLabel();
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

  const { eligibleColumns, excludedColumns } = useRankedColumns({
    onExplain: setExplaining,
    onPropose: (r, acknowledgeVeto) => setProposing(toTarget(r, acknowledgeVeto)),
  });
  const rankedGrid = useGridState({ prefix: 'rankade', pageSizes: [10, 25, 50], defaultPageSize: 10 });
  const excludedGrid = useGridState({ prefix: 'uteslutna', pageSizes: [10, 25, 50], defaultPageSize: 10 });

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
        <DataTable
          label={t('matching.ranked.gridLabel')}
          rows={eligible}
          getRowId={(r) => r.key}
          columns={eligibleColumns}
          state={rankedGrid}
          loading={result.isLoading}
          disableColumnMenu
          surface={false}
          empty={t('matching.ranked.empty')}
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
            <DataTable
              label={t('matching.ranked.excludedGridLabel')}
              rows={excluded}
              getRowId={(r) => r.key}
              columns={excludedColumns}
              state={excludedGrid}
              disableColumnMenu
              surface={false}
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
          lead={`${explaining.workplaceName} · ${label('positionKind', explaining.kind)} · ${explaining.hoursPercent} %`}
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
