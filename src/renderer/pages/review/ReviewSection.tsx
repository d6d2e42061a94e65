import { Navigate, Route, Routes } from 'react-router';
import { MeetingModePage } from './MeetingModePage';
import { MeetingPage } from './MeetingPage';
import { OverviewPage } from './OverviewPage';
import { ProposalsPage } from './ProposalsPage';
import { ProtocolsPage } from './ProtocolsPage';
import { SchedulePage } from './SchedulePage';
import { REVIEW_BASE, useReviewRoles } from './parts';
import './i18n';

/**
 * /provning/*: the union review — meetings (overview), one meeting's agenda or protocol, meeting mode, the protocol
 * list, the coordinators' proposals with their decisions, and the meeting schedule.
 */
export function ReviewSection() {
  const { isCoordination } = useReviewRoles();
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="protokoll" element={<ProtocolsPage />} />
      <Route path="forslag" element={isCoordination ? <ProposalsPage /> : <Navigate to={REVIEW_BASE} replace />} />
      <Route path="schema" element={<SchedulePage />} />
      <Route path="moten/:id" element={<MeetingPage />} />
      <Route path="moten/:id/moteslage" element={<MeetingModePage />} />
      <Route path="*" element={<Navigate to={REVIEW_BASE} replace />} />
    </Routes>
  );
}
