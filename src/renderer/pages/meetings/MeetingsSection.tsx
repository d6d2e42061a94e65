import { Navigate, Route, Routes } from 'react-router';
import { MeetingsListPage } from './MeetingsListPage';
import { MeetingDetailPage } from './MeetingDetailPage';
import { DeviationsPage } from './DeviationsPage';
import { paths } from '../../app/paths';
import './i18n';

/** /informationsmoten/*: the meetings, one meeting (bookings and attendance), and the deviation reports. */
export function MeetingsSection() {
  return (
    <Routes>
      <Route index element={<MeetingsListPage />} />
      <Route path="avvikelser" element={<DeviationsPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
      <Route path="*" element={<Navigate to={paths.meetings} replace />} />
    </Routes>
  );
}
