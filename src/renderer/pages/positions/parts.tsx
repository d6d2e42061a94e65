import { useTranslation } from 'react-i18next';
import { formatDate } from '../../util/format';
import './i18n';

/** "2026-06-15 – 2026-07-03", or "från 2026-01-01, tills vidare" for an open end. */
export function usePeriodText() {
  const { t } = useTranslation();
  return (start: string | null | undefined, end: string | null | undefined): string =>
    end ? `${formatDate(start)} – ${formatDate(end)}` : `${formatDate(start)} – ${t('positions.detail.open')}`;
}
