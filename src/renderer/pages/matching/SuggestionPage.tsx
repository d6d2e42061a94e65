import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridRowSelectionModel } from '@mui/x-data-grid';
import type { SuggestionRow } from '../../../shared/contract/matching';
import { POSITION_KINDS, type PositionKind } from '../../../shared/domain/position';
import { useRpcQuery } from '../../api/hooks';
import { newProgressKey } from '../../api/progress';
import { formatNumber } from '../../util/format';
import { DataTable, ErrorAlert, PageHeader, StatCard, useGridState } from '../../components';
import { ExplanationDialog } from './ExplanationDialog';
import { MatchingTabs } from './MatchingTabs';
import { AcceptDialog, type Accepted } from './SuggestionAcceptDialog';
import { SuggestionRunPanel } from './SuggestionRunPanel';
import { useSuggestionColumns } from './suggestionColumns';
import './i18n';

/** Summer jobs have their own allocation run (docs/product.md §5); the unit-wide suggestion leaves them out unless asked. */
const DEFAULT_KINDS: PositionKind[] = POSITION_KINDS.filter((k) => k !== 'summer_job');

export function SuggestionPage() {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<PositionKind[]>(DEFAULT_KINDS);
  const [requested, setRequested] = useState(false);
  const [selection, setSelection] = useState<GridRowSelectionModel>({ type: 'include', ids: new Set() });
  const [explaining, setExplaining] = useState<SuggestionRow | null>(null);
  const [accepting, setAccepting] = useState<SuggestionRow[] | null>(null);
  const [accepted, setAccepted] = useState<Map<number, Accepted>>(new Map());
  const [progressKey] = useState(newProgressKey);
  const grid = useGridState({
    sortable: { name: 'name', title: 'title', score: 'score' },
    defaultSort: { column: 'score', direction: 'desc' },
  });
  const input = { kinds: [...kinds].sort(), progressKey };
  const suggestion = useRpcQuery('matching.suggest', input, {
    enabled: requested && kinds.length > 0,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
  const running = suggestion.isFetching;
  const data = suggestion.data;
  const rows = useMemo(() => data?.rows ?? [], [data]);

  const selectedRows = useMemo(
    () =>
      rows.filter(
        (r) =>
          !accepted.has(r.participantId) &&
          (selection.type === 'include' ? selection.ids.has(r.participantId) : !selection.ids.has(r.participantId)),
      ),
    [rows, selection, accepted],
  );

  const compute = () => {
    setAccepted(new Map());
    setSelection({ type: 'include', ids: new Set() });
    if (requested && data) void suggestion.refetch();
    else setRequested(true);
  };

  const columns = useSuggestionColumns({ accepted, onExplain: setExplaining });

  return (
    <>
      <PageHeader title={t('matching.suggestion.title')} lead={t('matching.suggestion.lead')} />
      <MatchingTabs value="suggestion" />
      <SuggestionRunPanel
        kinds={kinds}
        onKinds={setKinds}
        onCompute={compute}
        running={running}
        computed={data ? { on: data.computedOn, ms: data.stats.ms } : null}
        progressKey={progressKey}
      />
      <ErrorAlert error={suggestion.error} />
      {data && (
        <>
          <Stack
            direction={{ xs: 'column', md: 'row' }}
            spacing={2}
            sx={{ mb: 2 }}
            component="section"
            aria-label={t('matching.suggestion.statsLabel')}
          >
            <StatCard
              label={t('matching.suggestion.totalScore')}
              value={formatNumber(data.totalScore)}
              help={t('matching.suggestion.totalScoreHelp')}
            />
            <StatCard
              label={t('matching.suggestion.assigned')}
              value={formatNumber(data.stats.assigned)}
              help={t('matching.suggestion.assignedHelp', {
                considered: data.stats.consideredParticipants,
                waiting: data.stats.waitingParticipants,
              })}
            />
            <StatCard
              label={t('matching.suggestion.slots')}
              value={formatNumber(data.stats.slotsOffered)}
              help={t('matching.suggestion.slotsHelp', { columns: data.stats.columns })}
            />
            <StatCard
              label={t('matching.suggestion.without')}
              value={formatNumber(data.stats.withoutEligibleSlot)}
              help={t('matching.suggestion.withoutHelp')}
            />
          </Stack>
          {accepted.size > 0 && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('matching.suggestion.staleAfterAccept', { count: accepted.size })}
            </Alert>
          )}
          <Paper component="section" aria-labelledby="pairs-heading">
            <Box sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <Box sx={{ flexGrow: 1 }}>
                <Typography id="pairs-heading" component="h2" variant="h3">
                  {t('matching.suggestion.pairsTitle')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('matching.suggestion.pairsLead')}
                </Typography>
              </Box>
              <Button
                variant="contained"
                disabled={selectedRows.length === 0}
                onClick={() => setAccepting(selectedRows)}
              >
                {selectedRows.length > 0
                  ? t('matching.suggestion.accept', { count: selectedRows.length })
                  : t('matching.suggestion.acceptNone')}
              </Button>
            </Box>
            <DataTable
              label={t('matching.suggestion.gridLabel')}
              rows={rows}
              getRowId={(r) => r.participantId}
              columns={columns}
              state={grid}
              checkboxSelection
              isRowSelectable={(p) => !accepted.has(p.row.participantId)}
              rowSelectionModel={selection}
              onRowSelectionModelChange={setSelection}
              surface={false}
              empty={t('matching.suggestion.empty')}
              sx={{ borderTop: 1, borderColor: 'divider', borderRadius: 0 }}
            />
          </Paper>
        </>
      )}
      {!data && !running && !suggestion.error && <Alert severity="info">{t('matching.suggestion.notYet')}</Alert>}
      {explaining && (
        <ExplanationDialog
          title={t('matching.suggestion.explainTitle', {
            name: explaining.name,
            title: `${explaining.title}${explaining.periodName ? ` (${explaining.periodName})` : ''}`,
          })}
          lead={explaining.workplaceName}
          explanation={explaining.explanation}
          onClose={() => setExplaining(null)}
        />
      )}
      {accepting && (
        <AcceptDialog
          rows={accepting}
          onClose={() => setAccepting(null)}
          onAccepted={(m) => {
            setAccepted((prev) => new Map([...prev, ...m]));
            setSelection({ type: 'include', ids: new Set() });
          }}
        />
      )}
    </>
  );
}
