import Alert from '@mui/material/Alert';
import type { SxProps, Theme } from '@mui/material/styles';
import { useErrorText } from './labels';

/**
 * An error (from the main process, or any) as an alert in the user's language; nothing when there is no error.
 * A keyed RPC error is translated (see useMessage); otherwise its Swedish message is shown.
 */
export function ErrorAlert({ error, sx }: { error: unknown; sx?: SxProps<Theme> }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert severity="error" role="alert" sx={[{ mb: 2 }, ...(Array.isArray(sx) ? sx : [sx])]}>
      {text(error)}
    </Alert>
  );
}
