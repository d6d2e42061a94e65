import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { paths } from '../../app/paths';
import { SectionTabs } from '../../components';
import './i18n';

export type MatchingTab = 'suggestion' | 'proposals' | 'participant' | 'weights';

/** The matching section's pages as tabs (links, so each has its own address). The weights tab is the admin's. */
export function MatchingTabs({ value }: { value: MatchingTab }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  return (
    <SectionTabs
      label={t('matching.tabs.label')}
      value={value}
      tabs={[
        { key: 'suggestion', label: t('matching.tabs.suggestion'), to: paths.matching },
        { key: 'participant', label: t('matching.tabs.participant'), to: paths.matchPickParticipant },
        { key: 'proposals', label: t('matching.tabs.proposals'), to: paths.proposals },
        { key: 'weights', label: t('matching.tabs.weights'), to: paths.weights, hidden: !hasRole('admin') },
      ]}
    />
  );
}
