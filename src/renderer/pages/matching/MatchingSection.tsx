import { Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components';
import { ParticipantMatchingPage, ParticipantPickPage } from './ParticipantMatchingPage';
import { ProposalsPage } from './ProposalsPage';
import { SuggestionPage } from './SuggestionPage';
import { WeightsPage } from './WeightsPage';
import { paths } from '../../app/paths';
import './i18n';

function AdminOnly() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('matching.weights.title')} />
      <Alert severity="warning">{t('matching.weights.adminOnly')}</Alert>
    </>
  );
}

/** '/matchning/*': the unit-wide suggestion, a participant's ranked positions, proposals, and (admin) the weights. */
export function MatchingSection() {
  const { hasRole } = useAuth();
  return (
    <Routes>
      <Route index element={<SuggestionPage />} />
      <Route path="deltagare" element={<ParticipantPickPage />} />
      <Route path="deltagare/:id" element={<ParticipantMatchingPage />} />
      <Route path="forslag" element={<ProposalsPage />} />
      <Route path="vikter" element={hasRole('admin') ? <WeightsPage /> : <AdminOnly />} />
      <Route path="*" element={<Navigate to={paths.matching} replace />} />
    </Routes>
  );
}
