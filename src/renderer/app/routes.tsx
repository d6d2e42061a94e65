import type { ReactNode } from 'react';
import type { Role } from '../../shared/domain/roles';
import { StartPage } from '../pages/start/StartPage';
import { UsersPage } from '../pages/admin/UsersPage';
import { AuditPage } from '../pages/admin/AuditPage';
import { BackupsPage } from '../pages/admin/BackupsPage';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage';
import { SectionPlaceholder } from '../pages/SectionPlaceholder';
import { PositionsSection } from '../pages/positions/PositionsSection';
import { MatchingSection } from '../pages/matching/MatchingSection';
import { ParticipantsSection } from '../pages/participants/ParticipantsSection';
import { MeetingsSection } from '../pages/meetings/MeetingsSection';
import { ReviewSection } from '../pages/review/ReviewSection';
import { PlacementsSection } from '../pages/placements/PlacementsSection';
import { ContractsSection } from '../pages/contracts/ContractsSection';
import { SubsidyTypesPage } from '../pages/admin/SubsidyTypesPage';

export interface AppRoute {
  path: string;
  roles: readonly Role[] | 'any';
  element: ReactNode;
}

const ALL: readonly Role[] = ['coordinator', 'union', 'hr', 'admin'];

/**
 * Every screen with the roles that may open it. Areas replace their placeholder with their pages (one line each).
 * The main process enforces the same roles on every procedure; this only keeps people out of screens they can't use.
 */
export const routes: AppRoute[] = [
  { path: '/', roles: ALL, element: <StartPage /> },
  { path: '/byt-losenord', roles: 'any', element: <ChangePasswordPage /> },
  { path: '/deltagare/*', roles: ['coordinator', 'admin'], element: <ParticipantsSection /> },
  { path: '/informationsmoten/*', roles: ['coordinator', 'admin'], element: <MeetingsSection /> },
  { path: '/platser/*', roles: ['coordinator', 'admin', 'hr'], element: <PositionsSection /> },
  { path: '/matchning/*', roles: ['coordinator', 'admin'], element: <MatchingSection /> },
  { path: '/provning/*', roles: ['coordinator', 'admin', 'union'], element: <ReviewSection /> },
  { path: '/placeringar/*', roles: ['coordinator', 'admin'], element: <PlacementsSection /> },
  { path: '/avtal/*', roles: ['hr', 'admin'], element: <ContractsSection /> },
  { path: '/feriearbete/*', roles: ['coordinator', 'admin'], element: <SectionPlaceholder navKey="summerJobs" /> },
  { path: '/rapporter/*', roles: ['coordinator', 'admin'], element: <SectionPlaceholder navKey="reports" /> },
  { path: '/admin/anvandare', roles: ['admin'], element: <UsersPage /> },
  { path: '/admin/sakerhetskopior', roles: ['admin'], element: <BackupsPage /> },
  { path: '/admin/logg', roles: ['admin'], element: <AuditPage /> },
  { path: '/admin/subventionstyper', roles: ['admin'], element: <SubsidyTypesPage /> },
];
