import { Navigate, Route, Routes } from 'react-router';
import { CreatePlacementPage } from './CreatePlacementPage';
import { PlacementDetailPage } from './PlacementDetailPage';
import { PlacementsPage } from './PlacementsPage';
import { ToPlacePage } from './ToPlacePage';
import { paths } from '../../app/paths';
import './i18n';

/**
 * '/placeringar/*': the placements (active, ending soon, follow-ups), approved proposals to place, a new placement
 * from an approved proposal, and one placement.
 */
export function PlacementsSection() {
  return (
    <Routes>
      <Route index element={<PlacementsPage />} />
      <Route path="att-placera" element={<ToPlacePage />} />
      <Route path="ny/:proposalId" element={<CreatePlacementPage />} />
      <Route path=":id" element={<PlacementDetailPage />} />
      <Route path="*" element={<Navigate to={paths.placements} replace />} />
    </Routes>
  );
}
