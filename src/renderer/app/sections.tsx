import type { ComponentType, ReactNode } from 'react';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import EventOutlined from '@mui/icons-material/EventOutlined';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import JoinInnerOutlined from '@mui/icons-material/JoinInnerOutlined';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import WorkOutlineOutlined from '@mui/icons-material/WorkOutlineOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import WbSunnyOutlined from '@mui/icons-material/WbSunnyOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import BackupOutlined from '@mui/icons-material/BackupOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import PaymentsOutlined from '@mui/icons-material/PaymentsOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import type { Role } from '../../shared/domain/roles';
import { contribute } from './extensions';
import { BASE, type SectionKey } from './paths';
import { StartPage } from '../pages/start/StartPage';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage';
import { SectionPlaceholder } from '../components/SectionPlaceholder';
import { ParticipantsSection } from '../pages/participants/ParticipantsSection';
import { CoordinatorStartWidget } from '../pages/participants/CoordinatorStartWidget';
import { MeetingsSection } from '../pages/meetings/MeetingsSection';
import { PositionsSection } from '../pages/positions/PositionsSection';
import { MatchingSection } from '../pages/matching/MatchingSection';
import { PositionMatchingPanel } from '../pages/matching/PositionMatchingPanel';
import { ReviewSection } from '../pages/review/ReviewSection';
import { CoordinatorReviewWidget, UnionReviewWidget } from '../pages/review/StartWidgets';
import { PlacementsSection } from '../pages/placements/PlacementsSection';
import { PlacementsStartWidget } from '../pages/placements/StartWidget';
import { ContractsSection } from '../pages/contracts/ContractsSection';
import { ContractsStartWidget } from '../pages/contracts/StartWidget';
import { UsersPage } from '../pages/admin/UsersPage';
import { SubsidyTypesPage } from '../pages/admin/SubsidyTypesPage';
import { BackupsPage } from '../pages/admin/BackupsPage';
import { AuditPage } from '../pages/admin/AuditPage';

export interface SectionDef {
  /** The section's key: its address is `BASE[key]` (paths.ts), its menu label `nav.<key>`. */
  key: SectionKey;
  icon: ComponentType;
  /** Who may open it; the main process enforces the same on every procedure. 'any': every signed-in user. */
  roles: readonly Role[] | 'any';
  /** Where it sits in the menu: the main list, under Administration, or not at all. */
  menu: 'main' | 'admin' | 'none';
  /** The section's screens (its own `<Routes>` below its base address). */
  element: ReactNode;
  /** What the section shows in other areas' pages: start-page widgets, panels (extensions.tsx). */
  contributes?: readonly ReturnType<typeof contribute>[];
}

const ALL: readonly Role[] = ['coordinator', 'union', 'hr', 'admin'];
const COORDINATION: readonly Role[] = ['coordinator', 'admin'];

/**
 * The one table of sections (docs/product.md §6). It produces the router, the main menu, the role checks of the
 * screens and the start page's widgets. A new section is one entry here and its folder under pages/.
 * Summer jobs and reports are placeholders until their screens are built.
 */
export const SECTIONS: readonly SectionDef[] = [
  {
    key: 'start',
    icon: HomeOutlined,
    roles: ALL,
    menu: 'main',
    element: <StartPage />,
  },
  {
    key: 'participants',
    icon: PeopleAltOutlined,
    roles: COORDINATION,
    menu: 'main',
    element: <ParticipantsSection />,
    contributes: [
      contribute({
        point: 'start.widget',
        key: 'participants',
        roles: ['coordinator'],
        component: CoordinatorStartWidget,
      }),
    ],
  },
  { key: 'meetings', icon: EventOutlined, roles: COORDINATION, menu: 'main', element: <MeetingsSection /> },
  {
    key: 'positions',
    icon: StorefrontOutlined,
    roles: ['coordinator', 'admin', 'hr'],
    menu: 'main',
    element: <PositionsSection />,
  },
  {
    key: 'matching',
    icon: JoinInnerOutlined,
    roles: COORDINATION,
    menu: 'main',
    element: <MatchingSection />,
    contributes: [
      contribute({ point: 'position.detail', key: 'matching', roles: COORDINATION, component: PositionMatchingPanel }),
    ],
  },
  {
    key: 'review',
    icon: GavelOutlined,
    roles: ['coordinator', 'admin', 'union'],
    menu: 'main',
    element: <ReviewSection />,
    contributes: [
      contribute({ point: 'start.widget', key: 'review-union', roles: ['union'], component: UnionReviewWidget }),
      contribute({
        point: 'start.widget',
        key: 'review-coordinator',
        roles: ['coordinator'],
        component: CoordinatorReviewWidget,
      }),
    ],
  },
  {
    key: 'placements',
    icon: WorkOutlineOutlined,
    roles: COORDINATION,
    menu: 'main',
    element: <PlacementsSection />,
    contributes: [
      contribute({
        point: 'start.widget',
        key: 'placements',
        roles: ['coordinator'],
        component: PlacementsStartWidget,
      }),
    ],
  },
  {
    key: 'contracts',
    icon: DescriptionOutlined,
    roles: ['hr', 'admin'],
    menu: 'main',
    element: <ContractsSection />,
    contributes: [
      contribute({ point: 'start.widget', key: 'contracts', roles: ['hr'], component: ContractsStartWidget }),
    ],
  },
  {
    key: 'summerJobs',
    icon: WbSunnyOutlined,
    roles: COORDINATION,
    menu: 'main',
    element: <SectionPlaceholder navKey="summerJobs" />,
  },
  {
    key: 'reports',
    icon: InsightsOutlined,
    roles: COORDINATION,
    menu: 'main',
    element: <SectionPlaceholder navKey="reports" />,
  },
  { key: 'users', icon: ManageAccountsOutlined, roles: ['admin'], menu: 'admin', element: <UsersPage /> },
  { key: 'subsidyTypes', icon: PaymentsOutlined, roles: ['admin'], menu: 'admin', element: <SubsidyTypesPage /> },
  { key: 'backups', icon: BackupOutlined, roles: ['admin'], menu: 'admin', element: <BackupsPage /> },
  { key: 'audit', icon: FactCheckOutlined, roles: ['admin'], menu: 'admin', element: <AuditPage /> },
  { key: 'changePassword', icon: KeyOutlined, roles: 'any', menu: 'none', element: <ChangePasswordPage /> },
];

export const pathOf = (s: SectionDef): string => BASE[s.key];

/** Whether a user with `roles` may open the section. */
export function mayOpen(s: SectionDef, roles: readonly Role[]): boolean {
  return s.roles === 'any' || s.roles.some((r) => roles.includes(r));
}

/** Every contribution of every section, in table order. */
export const CONTRIBUTIONS = SECTIONS.flatMap((s) => s.contributes ?? []);
