import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../shared/domain/proposal';
import { isValidIsoDate } from '../../../shared/rules/dates';
import { subsidyEndDate } from '../../../shared/rules/subsidy';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatMoney } from '../../util/format';
import { SectionTabs } from '../../components';
import './i18n';

/** Procedure prefixes whose queries change when a placement changes (journey, capacity, proposals, contracts). */
export const PLACEMENT_INVALIDATES = [
  'placements.',
  'participants.',
  'proposals.',
  'review.',
  'matching.',
  'positions.',
  'contracts.',
];

/** The last day of a placement as the shared rule computes it (end = start + N months − 1 day), or null. */
export function computedEnd(start: string, months: string): string | null {
  const m = Number(months);
  if (!isValidIsoDate(start) || !Number.isInteger(m) || m < 1 || m > 120) return null;
  return subsidyEndDate(start, m);
}

/** An amount in öre as kronor, exactly ("24 500 kr", "21 500,50 kr"); a dash for none. */
export const kronor = formatMoney;

/** "12 månader" / "1 månad". */
export function useMonthsText() {
  const { t } = useTranslation();
  return (n: number) => t('placements.months', { count: n });
}

/** Approved proposals that have not become placements yet (each placement names the proposal it came from). */
export function useApprovedWithoutPlacement(opts: { enabled?: boolean } = {}) {
  const proposals = useRpcQuery(
    'proposals.list',
    { statuses: ['approved'], offset: 0, limit: 500 },
    { enabled: opts.enabled ?? true },
  );
  const placements = useRpcQuery('placements.list', { status: 'all', mine: false }, { enabled: opts.enabled ?? true });
  const placed = new Set((placements.data ?? []).map((p) => p.proposalId));
  const rows: Proposal[] =
    proposals.data && placements.data ? proposals.data.rows.filter((p) => !placed.has(p.id)) : [];
  return {
    rows,
    truncated: (proposals.data?.total ?? 0) > (proposals.data?.rows.length ?? 0),
    isLoading: proposals.isLoading || placements.isLoading,
    error: proposals.error ?? placements.error,
  };
}

export type PlacementsTab = 'placements' | 'toPlace';

/** The section's two tabs (links): the placements, and approved proposals waiting to be placed. */
export function PlacementsTabs({ value, toPlaceCount }: { value: PlacementsTab; toPlaceCount?: number }) {
  const { t } = useTranslation();
  return (
    <SectionTabs
      label={t('placements.tabs.label')}
      value={value}
      tabs={[
        { key: 'placements', label: t('placements.tabs.placements'), to: paths.placements },
        {
          key: 'toPlace',
          label:
            toPlaceCount === undefined
              ? t('placements.tabs.toPlace')
              : t('placements.tabs.toPlaceCount', { count: toPlaceCount }),
          to: paths.toPlace,
        },
      ]}
    />
  );
}
