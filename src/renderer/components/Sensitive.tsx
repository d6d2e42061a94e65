import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LockOutlined from '@mui/icons-material/LockOutlined';

/** Marks a section as sensitive (social case, health, docs/product.md §1): text and icon, never colour alone. */
export function SensitiveBadge() {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      variant="outlined"
      color="warning"
      icon={<LockOutlined fontSize="small" />}
      label={t('kit.sensitive')}
      title={t('kit.sensitiveHelp')}
      sx={{ ml: 1, verticalAlign: 'middle', fontWeight: 600 }}
    />
  );
}

/** A field label followed by the "Känsligt" mark. */
export function SensitiveLabel({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span>
      {children}{' '}
      <Box component="span" sx={{ color: 'warning.main', fontWeight: 700, whiteSpace: 'nowrap' }}>
        <LockOutlined sx={{ fontSize: '0.95em', verticalAlign: '-0.1em' }} aria-hidden /> {t('kit.sensitive')}
      </Box>
    </span>
  );
}
