import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { GridState } from './grid-state';

/**
 * A filter of a grid as a select: "Alla" first (the filter off), then the choices. Bound to a filter of the grid's
 * state (`filter="stadsdel"`), so the choice lives in the address like every filter; or to value/onChange.
 */
export function FilterSelect({
  label,
  options,
  all,
  grid,
  filter,
  value,
  onChange,
}: {
  label: ReactNode;
  options: readonly { value: string; label: ReactNode }[];
  /** The text of the first choice, which turns the filter off; default "Alla"/"All". */
  all?: string;
} & (
  | { grid: Pick<GridState, 'filter' | 'setFilter'>; filter: string; value?: never; onChange?: never }
  | { grid?: never; filter?: never; value: string; onChange: (value: string) => void }
)) {
  const { t } = useTranslation();
  const current = grid ? grid.filter(filter) : value;
  return (
    <TextField
      select
      label={label}
      // "Alla" is a real choice: show it rather than the bare label
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      value={current}
      onChange={(e) => (grid ? grid.setFilter(filter, e.target.value) : onChange(e.target.value))}
    >
      <MenuItem value="">{all ?? t('kit.all')}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
