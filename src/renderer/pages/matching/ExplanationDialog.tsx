import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { MatchExplanation } from '../../../shared/domain/proposal';
import { ExplanationView } from './ExplanationView';
import './i18n';

/** The explanation of one score, criterion by criterion; optionally with the step to propose the pair. */
export function ExplanationDialog({
  title,
  lead,
  explanation,
  onClose,
  action,
}: {
  title: string;
  lead?: ReactNode;
  explanation: MatchExplanation;
  onClose: () => void;
  /** E.g. the "Föreslå" button. */
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="explain-title" scroll="paper">
      <DialogTitle id="explain-title">{title}</DialogTitle>
      <DialogContent dividers>
        {lead && (
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {lead}
          </Typography>
        )}
        <ExplanationView explanation={explanation} caption={title} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
        {action}
      </DialogActions>
    </Dialog>
  );
}
