import Alert from '@mui/material/Alert';
import type { SxProps, Theme } from '@mui/material/styles';
import { useErrorMessage } from './labels';
import { MessageSpan } from './MessageSpan';

/**
 * An error (from the main process, or any) as an alert in the user's language; nothing when there is no error.
 * A keyed RPC error is translated (see useMessageText); otherwise its Swedish message is shown, marked lang="sv".
 */
export function ErrorAlert({ error, sx }: { error: unknown; sx?: SxProps<Theme> }) {
  const text = useErrorMessage();
  if (!error) return null;
  return (
    <Alert severity="error" role="alert" sx={[{ mb: 2 }, ...(Array.isArray(sx) ? sx : [sx])]}>
      <MessageSpan {...text(error)} />
    </Alert>
  );
}
