import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import type { ContractStatus } from '../../../shared/domain/contract-doc';
import { downloadFile, rpc } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import './i18n';

export const CONTRACTS_BASE = '/avtal';
export const contractPath = (id: number) => `${CONTRACTS_BASE}/${id}`;

/** Procedure prefixes whose queries change when a contract changes. */
export const CONTRACT_INVALIDATES = ['contracts.', 'placements.'];

const STATUS_COLOR: Record<ContractStatus, 'default' | 'info' | 'warning' | 'success'> = {
  generated: 'info',
  sent: 'warning',
  signed: 'success',
  registered: 'success',
  superseded: 'default',
};

/** A contract's status as a chip; the text carries the meaning, the colour only helps. */
export function ContractStatusChip({ status, size = 'small' }: { status: ContractStatus; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return (
    <Chip
      size={size}
      color={STATUS_COLOR[status]}
      variant={status === 'registered' ? 'filled' : 'outlined'}
      label={t(`contracts.status.${status}`)}
    />
  );
}

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
    <Tabs value={value} aria-label={t('contracts.tabs.label')} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
      <Tab
        value="queue"
        label={
          queueCount === undefined ? t('contracts.tabs.queue') : t('contracts.tabs.queueCount', { count: queueCount })
        }
        component={RouterLink}
        to={CONTRACTS_BASE}
      />
      <Tab value="list" label={t('contracts.tabs.list')} component={RouterLink} to={`${CONTRACTS_BASE}/alla`} />
    </Tabs>
  );
}

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      downloadFile(await rpc('contracts.pdf', { id }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant={variant}
        startIcon={<PictureAsPdfOutlined />}
        onClick={() => void run()}
        disabled={busy}
        aria-label={label}
      >
        {busy ? t('contracts.pdf.busy') : t('contracts.pdf.download')}
      </Button>
      {error ? <ErrorAlert error={error} sx={{ width: '100%', mb: 0 }} /> : null}
    </>
  );
}
