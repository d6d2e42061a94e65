import { useId, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { SensitiveBadge } from './Sensitive';

/**
 * A titled region of a page: a bordered surface with a heading (h2 by default), an optional lead text, actions on the
 * right and, for the social case, the "Känsligt" mark. The region is named by its heading, so
 * `getByRole('region', { name })` finds it.
 */
export function Section({
  title,
  lead,
  actions,
  children,
  sensitive = false,
  level = 'h2',
  id,
  dense = false,
}: {
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  sensitive?: boolean;
  level?: 'h2' | 'h3';
  /** The heading's id (default: a generated one). */
  id?: string;
  /** Less padding, for sections inside dialogs or narrow columns. */
  dense?: boolean;
}) {
  const generated = useId();
  const headingId = id ?? `section-${generated}`;
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: dense ? 2 : 2.5, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: lead ? 0.5 : 1.5, flexWrap: 'wrap' }}>
        <Typography id={headingId} variant={level === 'h2' ? 'h3' : 'h4'} component={level} sx={{ flexGrow: 1 }}>
          {title}
          {sensitive && <SensitiveBadge />}
        </Typography>
        {actions}
      </Box>
      {lead && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {lead}
        </Typography>
      )}
      {children}
    </Paper>
  );
}
