import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import type { ProposalStatus } from '../../../shared/domain/proposal';
import { useRpcQuery } from '../../api/hooks';
import { formatDate } from '../../util/format';
import { PageHeader, useGridState } from '../../components';
import { MatchingTabs } from './MatchingTabs';
import { meetingText } from './parts';
import { ProposalsTable } from './ProposalsTable';
import './i18n';

const FILTERS: Record<string, ProposalStatus[]> = {
  open: ['draft', 'submitted', 'deferred', 'approved'],
  draft: ['draft'],
  waiting: ['submitted', 'deferred'],
  approved: ['approved'],
  vetoed: ['vetoed'],
  withdrawn: ['withdrawn'],
  all: [],
};

/** '/matchning/forslag': every proposal with its status and review meeting; drafts are submitted from here. */
export function ProposalsPage() {
  const { t, i18n } = useTranslation();
  const view = useGridState();
  const filter = Object.hasOwn(FILTERS, view.filter('urval')) ? view.filter('urval') : 'open';
  const overview = useRpcQuery('review.overview', {});
  const next = overview.data?.openMeeting ?? overview.data?.nextMeeting ?? null;
  return (
    <>
      <PageHeader title={t('matching.proposals.title')} lead={t('matching.proposals.lead')} />
      <MatchingTabs value="proposals" />
      {overview.data && (
        <Alert severity={overview.data.scheduleConfigured ? 'info' : 'warning'} sx={{ mb: 2 }}>
          {!overview.data.scheduleConfigured
            ? t('matching.proposals.noSchedule')
            : next
              ? t('matching.proposals.nextMeeting', {
                  meeting: meetingText(next, i18n.language),
                  place: next.place,
                  cutoff: formatDate(next.cutoffDate),
                  count: overview.data.waitingCount,
                })
              : t('matching.proposals.waiting', { count: overview.data.waitingCount })}
        </Alert>
      )}
      <Paper sx={{ p: 2, mb: 2 }}>
        <TextField
          select
          label={t('matching.proposals.filter')}
          value={filter}
          onChange={(e) =>
            view.setFilters({ urval: e.target.value === 'open' ? null : e.target.value, 'forslag.sida': null })
          }
          sx={{ maxWidth: 320 }}
        >
          {Object.keys(FILTERS).map((k) => (
            <MenuItem key={k} value={k}>
              {t(`matching.proposals.filters.${k}`)}
            </MenuItem>
          ))}
        </TextField>
      </Paper>
      <Paper>
        <ProposalsTable key={filter} statuses={FILTERS[filter]} ariaLabel={t('matching.proposals.gridLabel')} />
      </Paper>
    </>
  );
}
