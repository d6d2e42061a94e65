import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

/** The centred card of the login, first-run and password pages. */
export function AuthCard({ title, intro, children, embedded }: { title: string; intro?: ReactNode; children: ReactNode; embedded?: boolean }) {
  return (
    <Box
      component={embedded ? 'div' : 'main'}
      sx={embedded ? { display: 'grid', placeItems: 'start center', pt: 4 } : { minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}
    >
      <Paper sx={{ width: '100%', maxWidth: 440, p: 4 }}>
        <Typography sx={{ color: 'primary.main', fontWeight: 700, letterSpacing: 0.5, mb: 0.5 }}>Växla · Jobb Borås</Typography>
        <Typography variant="h1" sx={{ fontSize: '1.6rem', mb: 1.5 }}>
          {title}
        </Typography>
        {intro && (
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {intro}
          </Typography>
        )}
        {children}
      </Paper>
    </Box>
  );
}
