import { users } from '../db/schema';
import type { Db } from '../db/connection';
import type { Clock } from '../util/clock';
import { hashPassword } from '../services/auth/passwords';

/** The demo accounts, one per role. Only `npm run demo` creates them; a real installation starts with none. */
export const DEMO_USERS = [
  { username: 'admin', displayName: 'Åsa Lindqvist', roles: ['admin'], password: 'vaxla-demo-2026' },
  { username: 'koordinator', displayName: 'Karin Bergström', roles: ['coordinator'], password: 'vaxla-demo-2026' },
  { username: 'kommunal', displayName: 'Mehmet Yilmaz', roles: ['union'], password: 'vaxla-demo-2026' },
  { username: 'hr', displayName: 'Helena Johansson', roles: ['hr'], password: 'vaxla-demo-2026' },
] as const;

export async function seedUsers(db: Db, clock: Clock, scryptN: number) {
  const now = clock.now().toISOString();
  const ids: Record<string, number> = {};
  for (const u of DEMO_USERS) {
    const row = db
      .insert(users)
      .values({ username: u.username, displayName: u.displayName, roles: [...u.roles], passwordHash: await hashPassword(u.password, scryptN), createdAt: now, updatedAt: now })
      .returning()
      .get();
    ids[u.username] = row.id;
  }
  // a second coordinator so lists and filters by coordinator mean something
  const second = db
    .insert(users)
    .values({ username: 'koordinator2', displayName: 'Johan Ekström', roles: ['coordinator'], passwordHash: await hashPassword('vaxla-demo-2026', scryptN), createdAt: now, updatedAt: now })
    .returning()
    .get();
  return { admin: ids.admin!, coordinator: ids.koordinator!, union: ids.kommunal!, hr: ids.hr!, coordinator2: second.id };
}
