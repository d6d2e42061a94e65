import { useTranslation } from 'react-i18next';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { EMPLOYMENT_FORMS, POSITION_KINDS } from '../../../shared/domain/position';
import { FilterSelect, useLabel, type GridState } from '../../components';
import './i18n';

/** The catalogue's search and filters; each is a filter of the grid's state, so it lives in the address. */
export function PositionFilters({
  grid,
  searchText,
  onSearchText,
  workplaces,
}: {
  grid: Pick<GridState, 'filter' | 'setFilter'>;
  searchText: string;
  onSearchText: (text: string) => void;
  workplaces: readonly { id: number; name: string }[];
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const status = grid.filter('status') || 'active';
  return (
    <Paper sx={{ p: 2, mb: 2 }} component="section" aria-label={t('common.filter')}>
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'center', '& > .MuiTextField-root': { flex: '1 1 180px' } }}
      >
        <TextField
          label={t('positions.list.search')}
          type="search"
          value={searchText}
          onChange={(e) => onSearchText(e.target.value)}
          sx={{ minWidth: 240 }}
        />
        <FilterSelect
          label={t('positions.list.kind')}
          grid={grid}
          filter="typ"
          options={POSITION_KINDS.map((k) => ({ value: k, label: label('positionKind', k) }))}
        />
        <FilterSelect
          label={t('positions.list.form')}
          grid={grid}
          filter="form"
          options={EMPLOYMENT_FORMS.map((f) => ({ value: f, label: label('employmentForm', f) }))}
        />
        <FilterSelect
          label={t('positions.list.workplace')}
          grid={grid}
          filter="arbetsplats"
          options={workplaces.map((w) => ({ value: String(w.id), label: w.name }))}
        />
        <TextField
          select
          label={t('positions.list.status')}
          value={status}
          onChange={(e) => grid.setFilter('status', e.target.value === 'active' ? null : e.target.value)}
          sx={{ minWidth: 130 }}
        >
          <MenuItem value="active">{t('positions.list.statusActive')}</MenuItem>
          <MenuItem value="inactive">{t('positions.list.statusInactive')}</MenuItem>
          <MenuItem value="all">{t('positions.list.statusAll')}</MenuItem>
        </TextField>
        <FormControlLabel
          sx={{ flexShrink: 0 }}
          control={
            <Switch
              checked={grid.filter('lediga') === '1'}
              onChange={(e) => grid.setFilter('lediga', e.target.checked ? '1' : null)}
            />
          }
          label={t('positions.list.onlyFree')}
        />
      </Stack>
    </Paper>
  );
}
