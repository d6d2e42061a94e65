import { Navigate, Route, Routes } from 'react-router';
import { ParticipantListPage } from './ParticipantListPage';
import { EditParticipantPage, NewParticipantPage } from './ParticipantFormPage';
import { ParticipantDetailPage } from './ParticipantDetailPage';
import { MappingPage } from './MappingPage';
import { ImportPage } from './ImportPage';
import { FollowUpsPage } from './FollowUpsPage';
import { paths } from '../../app/paths';
import './i18n';

/** /deltagare/*: the list, a person (detail, edit, mapping), registering, the referral import and follow-ups. */
export function ParticipantsSection() {
  return (
    <Routes>
      <Route index element={<ParticipantListPage />} />
      <Route path="ny" element={<NewParticipantPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="uppfoljningar" element={<FollowUpsPage />} />
      <Route path=":id" element={<ParticipantDetailPage />} />
      <Route path=":id/andra" element={<EditParticipantPage />} />
      <Route path=":id/kartlaggning" element={<MappingPage />} />
      <Route path="*" element={<Navigate to={paths.participants} replace />} />
    </Routes>
  );
}
