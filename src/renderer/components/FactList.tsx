import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';

export interface Fact {
  label: ReactNode;
  value: ReactNode;
  /** Left out of the list (e.g. a field the role does not see, or an optional one that is empty). */
  hidden?: boolean;
  /** A stable key when the label is not a string. */
  key?: string;
}

/**
 * Read-only facts of a record as a description list (dt/dd). An empty value shows "–". `columns={2}` puts two
 * label/value pairs on a row on wide screens; `large` is for meeting mode, read from across a table.
 */
export function FactList({
  items,
  columns = 1,
  large = false,
  labelWidth,
}: {
  items: readonly Fact[];
  columns?: 1 | 2;
  large?: boolean;
  /** Minimum width of the label column (default 150 px, 180 px when large). */
  labelWidth?: number;
}) {
  const min = labelWidth ?? (large ? 180 : 150);
  const pair = `minmax(${min}px, max-content) minmax(0, 1fr)`;
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: pair, lg: columns === 2 ? `${pair} ${pair}` : pair },
        columnGap: 3,
        rowGap: large ? 1.25 : 0.75,
        alignItems: 'baseline',
        fontSize: large ? '1.3rem' : undefined,
      }}
    >
      {items
        .filter((f) => !f.hidden)
        .map((f, i) => (
          <Box key={f.key ?? (typeof f.label === 'string' ? f.label : i)} sx={{ display: 'contents' }}>
            <Typography component="dt" color="text.secondary" sx={{ fontSize: 'inherit', fontWeight: 600 }}>
              {f.label}
            </Typography>
            <Typography
              component="dd"
              sx={{ m: 0, fontSize: 'inherit', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
            >
              {f.value === null || f.value === undefined || f.value === '' ? '–' : f.value}
            </Typography>
          </Box>
        ))}
    </Box>
  );
}

/** A short list of tags (skills, languages) as outlined chips, or `empty` (default "–"). */
export function TagList({ tags, empty = '–' }: { tags: readonly string[]; empty?: ReactNode }) {
  if (tags.length === 0) return <>{empty}</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {tags.map((s) => (
        <Chip key={s} size="small" variant="outlined" label={s} />
      ))}
    </Box>
  );
}
