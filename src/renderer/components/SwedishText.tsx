import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Text that only exists in Swedish (a sentence the main process writes without a key, e.g. a score's explanation):
 * on an English screen it is marked `lang="sv"` so a screen reader reads it as Swedish (WCAG 2.1 3.1.2).
 */
export function SwedishText({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  if (i18n.language === 'sv') return <>{children}</>;
  return <span lang="sv">{children}</span>;
}
