import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { ErrorAlert } from './ErrorAlert';

/**
 * Asks before a step with consequences (deactivating a user, withdrawing a proposal, closing a protocol). The
 * dialog is named by its title and described by its text; Cancel is first, the step's own verb second.
 */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
  children,
  destructive = false,
}: {
  title: string;
  text: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
  /** A step that cannot be undone: the button is red. */
  destructive?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="xs"
      fullWidth
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
    >
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} />
        <DialogContentText id={`${id}-text`} component="div">
          {text}
        </DialogContentText>
        {children}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" color={destructive ? 'error' : 'primary'} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * A dialog holding one form: title, an alert for what belongs to no field, a lead text, the fields, Cancel and the
 * submit button. With a schema form: `<FormDialog form={sf} …><FormBody form={sf}><FormSections variant="plain" /></FormBody></FormDialog>`.
 */
export function FormDialog({
  title,
  lead,
  submitLabel,
  busy = false,
  error,
  onSubmit,
  onClose,
  children,
  maxWidth = 'sm',
  submitDisabled = false,
  destructive = false,
}: {
  title: string;
  lead?: ReactNode;
  submitLabel: string;
  busy?: boolean;
  error?: unknown;
  onSubmit: (e: FormEvent) => void | Promise<void>;
  onClose: () => void;
  children: ReactNode;
  maxWidth?: 'xs' | 'sm' | 'md' | 'lg';
  submitDisabled?: boolean;
  /** The form does something that cannot be undone (cancelling, ending): the button is red. */
  destructive?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} aria-labelledby={`${id}-title`} scroll="paper">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit(e);
        }}
        noValidate
        style={{ display: 'contents' }}
      >
        <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
        <DialogContent dividers>
          <ErrorAlert error={error} />
          {lead && (
            <DialogContentText component="div" sx={{ mb: 2 }}>
              {lead}
            </DialogContentText>
          )}
          <Stack spacing={2}>{children}</Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            color={destructive ? 'error' : 'primary'}
            disabled={busy || submitDisabled}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
