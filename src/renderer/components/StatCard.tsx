import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

/** One figure with its label and a line of help (the unit-wide suggestion's totals, a start page's numbers). */
export function StatCard({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <Paper sx={{ p: 2, flex: 1, minWidth: 170 }}>
      <Typography variant="body2" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography variant="h3" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
      {help && (
        <Typography variant="body2" color="text.secondary" component="p">
          {help}
        </Typography>
      )}
    </Paper>
  );
}
