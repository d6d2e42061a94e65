import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useAuth } from '../../app/auth';
import './i18n';

export type MatchingTab = 'suggestion' | 'proposals' | 'participant' | 'weights';

/** The matching section's pages as tabs (links, so each has its own address). The weights tab is the admin's. */
export function MatchingTabs({ value }: { value: MatchingTab }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  return (
    <Tabs
      value={value}
      aria-label={t('matching.tabs.label')}
      variant="scrollable"
      sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Tab value="suggestion" label={t('matching.tabs.suggestion')} component={RouterLink} to="/matchning" />
      <Tab
        value="participant"
        label={t('matching.tabs.participant')}
        component={RouterLink}
        to="/matchning/deltagare"
      />
      <Tab value="proposals" label={t('matching.tabs.proposals')} component={RouterLink} to="/matchning/forslag" />
      {hasRole('admin') && (
        <Tab value="weights" label={t('matching.tabs.weights')} component={RouterLink} to="/matchning/vikter" />
      )}
    </Tabs>
  );
}
