import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { GridLocaleText } from '@mui/x-data-grid';
import { svSE } from '@mui/x-data-grid/locales';
import { formatDate } from '../../util/format';
import './i18n';

/** "2026-06-15 – 2026-07-03", or "från 2026-01-01, tills vidare" for an open end. */
export function usePeriodText() {
  const { t } = useTranslation();
  return (start: string | null | undefined, end: string | null | undefined): string =>
    end ? `${formatDate(start)} – ${formatDate(end)}` : `${formatDate(start)} – ${t('positions.detail.open')}`;
}

/** Free slots as text and colour (never colour alone): "2 av 4 lediga". */
export function FreeChip({ free, slots, size = 'small' }: { free: number; slots: number; size?: 'small' | 'medium' }) {
  const { i18n } = useTranslation();
  const label = i18n.language === 'en' ? `${free} of ${slots} free` : `${free} av ${slots} lediga`;
  return (
    <Chip
      size={size}
      variant={free > 0 ? 'filled' : 'outlined'}
      color={free > 0 ? 'success' : 'default'}
      label={label}
    />
  );
}

export interface Fact {
  label: string;
  value: ReactNode;
}

/** A two-column description list (dt/dd) for record details. */
export function Facts({ items, columns = 2 }: { items: Fact[]; columns?: 1 | 2 }) {
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: columns === 2 ? 'max-content 1fr max-content 1fr' : 'max-content 1fr' },
        columnGap: 3,
        rowGap: 1.25,
        alignItems: 'baseline',
      }}
    >
      {items.map((f) => (
        <Box key={f.label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
            {f.label}
          </Typography>
          <Typography component="dd" variant="body1" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {f.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** A short list of tags (skills, languages) or a dash. */
export function TagList({ tags, empty }: { tags: readonly string[]; empty: string }) {
  if (tags.length === 0) return <>{empty}</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {tags.map((s) => (
        <Chip key={s} size="small" variant="outlined" label={s} />
      ))}
    </Box>
  );
}

/**
 * The grid's Swedish texts with our own empty-state text. (Passing `localeText` to a DataGrid replaces the theme's
 * default texts entirely, so they are merged here.)
 */
export function gridLocale(noRowsLabel: string): Partial<GridLocaleText> {
  return { ...svSE.components.MuiDataGrid.defaultProps.localeText, noRowsLabel };
}
