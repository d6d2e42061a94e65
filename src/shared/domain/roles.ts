import { z } from 'zod';

/** The four roles of docs/product.md §1. A user can hold several. */
export const ROLES = ['coordinator', 'union', 'hr', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: 'Koordinator',
  union: 'Facklig företrädare',
  hr: 'HR',
  admin: 'Enhetschef (admin)',
};

/** Roles that may see the social case (restrictions, assistance, household, case notes). */
export const SOCIAL_CASE_ROLES: readonly Role[] = ['coordinator', 'admin'];

export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return userRoles.some((r) => allowed.includes(r));
}
