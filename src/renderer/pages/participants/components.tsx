import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip, { type ChipProps } from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LockOutlined from '@mui/icons-material/LockOutlined';
import type { GridLocaleText } from '@mui/x-data-grid';
import { svSE as gridSvSE } from '@mui/x-data-grid/locales';
import { STAGE_LABELS, type Stage } from '../../../shared/domain/participant';
import './i18n';

const STAGE_COLORS: Record<Stage, ChipProps['color']> = {
  referred: 'default',
  meeting_booked: 'info',
  attended: 'info',
  mapped: 'primary',
  matching: 'primary',
  proposed: 'secondary',
  approved: 'success',
  placed: 'success',
  exited: 'default',
  paused: 'warning',
  closed: 'default',
};

/** A participant's stage as a chip: the label is always written out, the colour only supports it. */
export function StageChip({ stage, size = 'small' }: { stage: Stage; size?: 'small' | 'medium' }) {
  const ended = stage === 'exited' || stage === 'closed';
  return <Chip size={size} color={STAGE_COLORS[stage]} variant={ended ? 'outlined' : 'filled'} label={STAGE_LABELS[stage]} />;
}

/** Marks a field or a section as sensitive (social case, health): text and icon, never colour alone. */
export function SensitiveBadge() {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      variant="outlined"
      color="warning"
      icon={<LockOutlined fontSize="small" />}
      label={t('participants.sensitive')}
      title={t('participants.sensitiveHelp')}
      sx={{ ml: 1, verticalAlign: 'middle', fontWeight: 600 }}
    />
  );
}

/** A label followed by the "Känsligt" mark, for form fields. */
export function SensitiveLabel({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span>
      {children}{' '}
      <Box component="span" sx={{ color: 'warning.main', fontWeight: 700, whiteSpace: 'nowrap' }}>
        <LockOutlined sx={{ fontSize: '0.95em', verticalAlign: '-0.1em' }} aria-hidden /> {t('participants.sensitive')}
      </Box>
    </span>
  );
}

/** A page section: a bordered Paper with an h2 (or the level given) and optional actions on the right. */
export function Section({
  title,
  actions,
  children,
  sensitive,
  level = 'h2',
  id,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  sensitive?: boolean;
  level?: 'h2' | 'h3';
  id?: string;
}) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2.5, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, flexWrap: 'wrap' }}>
        <Typography id={id} variant={level === 'h2' ? 'h3' : 'h4'} component={level} sx={{ flexGrow: 1 }}>
          {title}
          {sensitive && <SensitiveBadge />}
        </Typography>
        {actions}
      </Box>
      {children}
    </Paper>
  );
}

/** A definition list of label/value pairs (read-only facts). */
export function Facts({ items }: { items: Array<{ label: ReactNode; value: ReactNode; hidden?: boolean }> }) {
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(110px, max-content) minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, m: 0, '& dt': { maxWidth: 210 } }}
    >
      {items
        .filter((i) => !i.hidden)
        .map((i, n) => (
          <Box key={n} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {i.label}
            </Box>
            <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {i.value === null || i.value === undefined || i.value === '' ? '–' : i.value}
            </Box>
          </Box>
        ))}
    </Box>
  );
}

/**
 * Free-text tags (languages, skills, interests): type and press Enter, or pick a suggestion. Text left in the box
 * is kept when the field loses focus, so nothing typed is lost.
 */
export function TagsField({
  label,
  value,
  onChange,
  suggestions = [],
  helperText,
  error,
  id,
}: {
  label: ReactNode;
  value: string[];
  onChange: (v: string[]) => void;
  suggestions?: readonly string[];
  helperText?: ReactNode;
  error?: boolean;
  id?: string;
}) {
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      id={id}
      options={suggestions as string[]}
      value={value}
      onChange={(_e, v) => onChange(v.map((s) => s.trim()).filter((s, i, all) => s !== '' && all.findIndex((x) => x.toLowerCase() === s.toLowerCase()) === i))}
      renderValue={(items, getItemProps) =>
        items.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option} {...itemProps} />;
        })
      }
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} error={error} />}
    />
  );
}

/** Parses kronor as typed ("9 850", "9850,50") into öre; null for empty; NaN when unreadable. */
export function kronorToOre(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '').replace(',', '.');
  if (s === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  return Math.round(Number(s) * 100);
}

export function oreToKronorText(ore: number | null): string {
  if (ore === null) return '';
  const kr = ore / 100;
  return Number.isInteger(kr) ? String(kr) : kr.toFixed(2).replace('.', ',');
}

/** Empty text → null (clears an optional field), otherwise trimmed text. */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** Where a step that another part of Växla takes is carried out. */
export const VIA_PATHS: Record<string, string> = {
  matching: '/matchning',
  review: '/provning',
  placements: '/placeringar',
  'meetings.book': '/informationsmoten',
  'meetings.unbook': '/informationsmoten',
  'meetings.recordAttendance': '/informationsmoten',
};

/**
 * The grid's Swedish texts with an own empty-state text. A `localeText` prop replaces the theme's whole locale, so
 * the Swedish defaults are spread in first (or the pagination would fall back to English).
 */
export function gridLocaleText(noRowsLabel: string): Partial<GridLocaleText> {
  const themed = (gridSvSE.components?.MuiDataGrid?.defaultProps?.localeText ?? {}) as Partial<GridLocaleText>;
  return { ...themed, noRowsLabel };
}
