import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import InboxOutlined from '@mui/icons-material/InboxOutlined';

/**
 * What a list or a widget says when it has nothing to show, with what to do next (a button or a link). Not for
 * errors: a failed call shows `ErrorAlert` instead, never a false "nothing here".
 */
export function EmptyState({
  title,
  children,
  action,
  compact = false,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <Box
      role="status"
      sx={{
        display: 'flex',
        gap: 1.5,
        alignItems: 'flex-start',
        py: compact ? 1 : 3,
        px: compact ? 0 : 2,
        color: 'text.secondary',
      }}
    >
      <InboxOutlined aria-hidden sx={{ mt: 0.25 }} />
      <Box>
        <Typography sx={{ fontWeight: 600, color: 'text.primary' }}>{title}</Typography>
        {children && <Typography variant="body2">{children}</Typography>}
        {action && <Box sx={{ mt: 1 }}>{action}</Box>}
      </Box>
    </Box>
  );
}
