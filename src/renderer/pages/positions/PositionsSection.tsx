import { Navigate, Route, Routes } from 'react-router';
import { PositionDetailPage } from './PositionDetailPage';
import { PositionsPage } from './PositionsPage';
import { WorkplacesPage } from './WorkplacesPage';
import { paths } from '../../app/paths';

/** '/platser/*': the catalogue list, the workplaces, and one position. */
export function PositionsSection() {
  return (
    <Routes>
      <Route index element={<PositionsPage />} />
      <Route path="arbetsplatser" element={<WorkplacesPage />} />
      <Route path=":id" element={<PositionDetailPage />} />
      <Route path="*" element={<Navigate to={paths.positions} replace />} />
    </Routes>
  );
}
