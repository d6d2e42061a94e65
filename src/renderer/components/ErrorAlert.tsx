import Alert from '@mui/material/Alert';

/** Shows an RPC error (or any error) as a Swedish message; nothing when there is no error. */
export function ErrorAlert({ error, sx }: { error: unknown; sx?: object }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2, ...sx }}>
      {message}
    </Alert>
  );
}
