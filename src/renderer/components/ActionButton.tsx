import { useId, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button, { type ButtonProps } from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ActionState } from '../../shared/domain/actions';
import { useMessageText } from './labels';
import { MessageSpan } from './MessageSpan';

/**
 * A button for an action the main process says may or may not be taken now (`record.actions.<name>`, see
 * src/shared/rules/record-actions.ts): enabled when allowed; otherwise disabled with the reason written under it
 * (and tied to it with aria-describedby), so the user learns why instead of meeting a refusal.
 */
export function ActionButton({
  state: action,
  children,
  ...rest
}: { state: ActionState; children: ReactNode } & Omit<ButtonProps, 'disabled' | 'action'>) {
  const message = useMessageText();
  const id = useId();
  if (action.allowed) return <Button {...rest}>{children}</Button>;
  return (
    <Box sx={{ display: 'inline-flex', flexDirection: 'column', maxWidth: 360 }}>
      <Button {...rest} disabled aria-describedby={`${id}-why`}>
        {children}
      </Button>
      <Typography id={`${id}-why`} variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        <MessageSpan
          {...message({ message: action.reason ?? '', key: action.reasonRef?.key, params: action.reasonRef?.params })}
        />
      </Typography>
    </Box>
  );
}
