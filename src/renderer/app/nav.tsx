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
import type { Role } from '../../shared/domain/roles';

export interface NavItem {
  /** i18n key under nav.* */
  key: string;
  path: string;
  roles: readonly Role[];
  icon: ComponentType;
  group?: 'admin';
}

/** The sections of docs/product.md §6, each shown only to the roles that work there (the main process enforces the same). */
export const NAV: readonly NavItem[] = [
  { key: 'start', path: '/', roles: ['coordinator', 'union', 'hr', 'admin'], icon: HomeOutlined },
  { key: 'participants', path: '/deltagare', roles: ['coordinator', 'admin'], icon: PeopleAltOutlined },
  { key: 'meetings', path: '/informationsmoten', roles: ['coordinator', 'admin'], icon: EventOutlined },
  { key: 'positions', path: '/platser', roles: ['coordinator', 'admin', 'hr'], icon: StorefrontOutlined },
  { key: 'matching', path: '/matchning', roles: ['coordinator', 'admin'], icon: JoinInnerOutlined },
  { key: 'review', path: '/provning', roles: ['coordinator', 'admin', 'union'], icon: GavelOutlined },
  { key: 'placements', path: '/placeringar', roles: ['coordinator', 'admin'], icon: WorkOutlineOutlined },
  { key: 'contracts', path: '/avtal', roles: ['hr', 'admin'], icon: DescriptionOutlined },
  { key: 'summerJobs', path: '/feriearbete', roles: ['coordinator', 'admin'], icon: WbSunnyOutlined },
  { key: 'reports', path: '/rapporter', roles: ['coordinator', 'admin'], icon: InsightsOutlined },
  { key: 'users', path: '/admin/anvandare', roles: ['admin'], icon: ManageAccountsOutlined, group: 'admin' },
  { key: 'subsidyTypes', path: '/admin/subventionstyper', roles: ['admin'], icon: PaymentsOutlined, group: 'admin' },
  { key: 'backups', path: '/admin/sakerhetskopior', roles: ['admin'], icon: BackupOutlined, group: 'admin' },
  { key: 'audit', path: '/admin/logg', roles: ['admin'], icon: FactCheckOutlined, group: 'admin' },
];

export type RouteElement = { path: string; roles: readonly Role[]; element: ReactNode };
