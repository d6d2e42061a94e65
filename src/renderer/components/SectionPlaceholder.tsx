import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import { PageHeader } from './PageHeader';

/** A section of docs/product.md §6 that a later issue fills. Says so plainly instead of pretending. */
export function SectionPlaceholder({ navKey }: { navKey: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${navKey}`)} />
      <Alert severity="info">{t('common.comingSoon')}</Alert>
    </>
  );
}
