import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import { rpc } from '../../api/client';
import { paths } from '../../app/paths';
import { DownloadButton, SectionTabs } from '../../components';
import './i18n';

export const CONTRACTS_BASE = paths.contracts;
export const contractPath = paths.contract;

/** Procedure prefixes whose queries change when a contract changes. */
export const CONTRACT_INVALIDATES = ['contracts.', 'placements.'];

/** "Version 1" or "Version 2 (tillägg 1)". */
export function useVersionLabel() {
  const { t } = useTranslation();
  return useCallback(
    (version: number) =>
      version === 1 ? t('contracts.version.first') : t('contracts.version.later', { version, n: version - 1 }),
    [t],
  );
}

/** The section's tabs (links): HR's queue and the contracts. */
export function ContractsTabs({ value, queueCount }: { value: 'queue' | 'list'; queueCount?: number }) {
  const { t } = useTranslation();
  return (
    <SectionTabs
      label={t('contracts.tabs.label')}
      value={value}
      tabs={[
        {
          key: 'queue',
          label:
            queueCount === undefined
              ? t('contracts.tabs.queue')
              : t('contracts.tabs.queueCount', { count: queueCount }),
          to: paths.contracts,
        },
        { key: 'list', label: t('contracts.tabs.list'), to: paths.allContracts },
      ]}
    />
  );
}

export { ContractStatusChip } from '../../components';

/** Downloads one contract version as PDF. */
export function PdfButton({
  id,
  label,
  variant = 'outlined',
}: {
  id: number;
  label?: string;
  variant?: 'outlined' | 'contained' | 'text';
}) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      variant={variant}
      icon={<PictureAsPdfOutlined />}
      busyLabel={t('contracts.pdf.busy')}
      ariaLabel={label}
      fetchFile={() => rpc('contracts.pdf', { id })}
    >
      {t('contracts.pdf.download')}
    </DownloadButton>
  );
}
