import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import { PLACEMENT_KINDS, STAGES, type Stage } from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { formatNumber } from '../../util/format';
import { FilterSelect, useLabel, type GridState } from '../../components';
import './i18n';

/** How many are in each stage, as toggles: none pressed is every stage. */
export function StageCounts({
  counts,
  selected,
  onChange,
}: {
  counts: Record<Stage, number> | undefined;
  selected: readonly Stage[];
  onChange: (stages: Stage[]) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const total = counts ? STAGES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  const toggle = (s: Stage) => onChange(selected.includes(s) ? selected.filter((x) => x !== s) : [...selected, s]);
  return (
    <Box component="section" aria-labelledby="stage-counts-heading" sx={{ mb: 2 }}>
      <Typography id="stage-counts-heading" variant="h2" sx={{ fontSize: '1rem', fontWeight: 600, mb: 1 }}>
        {t('participants.list.stageCounts')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Chip
          label={`${t('participants.list.allStages')} ${total === undefined ? '' : formatNumber(total)}`}
          color={selected.length === 0 ? 'primary' : 'default'}
          variant={selected.length === 0 ? 'filled' : 'outlined'}
          onClick={() => onChange([])}
          aria-pressed={selected.length === 0}
        />
        {STAGES.map((s) => {
          const on = selected.includes(s);
          return (
            <Chip
              key={s}
              label={`${label('stage', s)} ${counts ? formatNumber(counts[s]) : ''}`}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={() => toggle(s)}
              aria-pressed={on}
            />
          );
        })}
      </Box>
    </Box>
  );
}

/** Search and the list's filters; every choice is a filter of the grid's state, so it lives in the address. */
export function ParticipantFilters({
  grid,
  searchText,
  onSearchText,
}: {
  grid: Pick<GridState, 'filter' | 'setFilter' | 'filtered' | 'clearFilters'>;
  searchText: string;
  onSearchText: (text: string) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const options = useRpcQuery('participants.filterOptions', {});
  const yesNo = (yes: string, no: string) => [
    { value: 'ja', label: yes },
    { value: 'nej', label: no },
  ];
  return (
    <Paper role="search" sx={{ p: 2, mb: 2 }} aria-label={t('participants.list.search')}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6, lg: 5 }}>
          <TextField
            label={t('participants.list.search')}
            type="search"
            value={searchText}
            onChange={(e) => onSearchText(e.target.value)}
            helperText={t('participants.list.searchHelp')}
            slotProps={{
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchOutlined aria-hidden />
                  </InputAdornment>
                ),
              },
            }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3, lg: 3 }}>
          <FilterSelect
            label={t('participants.list.district')}
            grid={grid}
            filter="stadsdel"
            options={(options.data?.districts ?? []).map((d) => ({ value: d, label: d }))}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3, lg: 4 }}>
          <FilterSelect
            label={t('participants.list.coordinator')}
            grid={grid}
            filter="koordinator"
            options={[
              { value: 'none', label: t('participants.list.noCoordinator') },
              ...(options.data?.coordinators ?? []).map((c) => ({ value: String(c.id), label: c.name })),
            ]}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4, lg: 5 }}>
          <FilterSelect
            label={t('participants.list.wishedKind')}
            grid={grid}
            filter="onskemal"
            options={PLACEMENT_KINDS.map((k) => ({ value: k, label: label('placementKind', k) }))}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
          <FilterSelect
            label={t('participants.list.longTerm')}
            grid={grid}
            filter="langvarigt"
            options={yesNo(t('participants.list.yes'), t('participants.list.no'))}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4, lg: 2 }}>
          <FilterSelect
            label={t('participants.list.children')}
            grid={grid}
            filter="barn"
            options={yesNo(t('participants.list.withChildren'), t('participants.list.withoutChildren'))}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 'grow' }} sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end' }}>
          <Button
            disabled={!grid.filtered}
            onClick={() => {
              onSearchText('');
              grid.clearFilters();
            }}
          >
            {t('participants.list.clear')}
          </Button>
        </Grid>
      </Grid>
    </Paper>
  );
}
