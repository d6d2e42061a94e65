import type { ReactNode } from 'react';
import type { Role } from '../../shared/domain/roles';
import { StartPage } from '../pages/start/StartPage';
import { UsersPage } from '../pages/admin/UsersPage';
import { AuditPage } from '../pages/admin/AuditPage';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage';
import { SectionPlaceholder } from '../pages/SectionPlaceholder';

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
  { path: '/deltagare/*', roles: ['coordinator', 'admin'], element: <SectionPlaceholder navKey="participants" /> },
  { path: '/informationsmoten/*', roles: ['coordinator', 'admin'], element: <SectionPlaceholder navKey="meetings" /> },
  { path: '/platser/*', roles: ['coordinator', 'admin', 'hr'], element: <SectionPlaceholder navKey="positions" /> },
  { path: '/matchning/*', roles: ['coordinator', 'admin'], element: <SectionPlaceholder navKey="matching" /> },
  { path: '/provning/*', roles: ['coordinator', 'admin', 'union'], element: <SectionPlaceholder navKey="review" /> },
  { path: '/placeringar/*', roles: ['coordinator', 'admin'], element: <SectionPlaceholder navKey="placements" /> },
  { path: '/avtal/*', roles: ['hr', 'admin'], element: <SectionPlaceholder navKey="contracts" /> },
  { path: '/feriearbete/*', roles: ['coordinator', 'admin'], element: <SectionPlaceholder navKey="summerJobs" /> },
  { path: '/rapporter/*', roles: ['coordinator', 'admin'], element: <SectionPlaceholder navKey="reports" /> },
  { path: '/admin/anvandare', roles: ['admin'], element: <UsersPage /> },
  { path: '/admin/logg', roles: ['admin'], element: <AuditPage /> },
];
