import type { Database } from '../store';
import { insertUser } from '../store/users';
import type { Clock } from '../util/clock';
import { hashPassword } from '../services/auth/passwords';

/** The demo accounts, one per role. Only `npm run demo` creates them; a real installation starts with none. */
export const DEMO_USERS = [
  { username: 'admin', displayName: 'Åsa Lindqvist', roles: ['admin'], password: 'vaxla-demo-2026' },
  { username: 'koordinator', displayName: 'Karin Bergström', roles: ['coordinator'], password: 'vaxla-demo-2026' },
  { username: 'kommunal', displayName: 'Mehmet Yilmaz', roles: ['union'], password: 'vaxla-demo-2026' },
  { username: 'hr', displayName: 'Helena Johansson', roles: ['hr'], password: 'vaxla-demo-2026' },
] as const;

export async function seedUsers(database: Database, clock: Clock, scryptN: number) {
  const now = clock.now().toISOString();
  const ids: Record<string, number> = {};
  // Hashes first (they take time); the rows then go in one unit of work.
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password, scryptN)));
  const secondHash = await hashPassword('vaxla-demo-2026', scryptN);
  return database.tx(async (t) => {
    for (const [i, u] of DEMO_USERS.entries()) {
      const row = await insertUser(t, {
        username: u.username,
        displayName: u.displayName,
        roles: [...u.roles],
        passwordHash: hashes[i]!,
        createdAt: now,
        updatedAt: now,
      });
      ids[u.username] = row.id;
    }
    // a second coordinator so lists and filters by coordinator mean something
    const second = await insertUser(t, {
      username: 'koordinator2',
      displayName: 'Johan Ekström',
      roles: ['coordinator'],
      passwordHash: secondHash,
      createdAt: now,
      updatedAt: now,
    });
    return {
      admin: ids.admin!,
      coordinator: ids.koordinator!,
      union: ids.kommunal!,
      hr: ids.hr!,
      coordinator2: second.id,
    };
  });
}
