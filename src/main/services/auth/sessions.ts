import { createHash, randomBytes } from 'node:crypto';
import type { Database, Tx } from '../../store';
import {
  deleteSessionById,
  deleteSessionsIdleSince,
  findSessionWithUser,
  insertSession,
  touchSession,
  type UserRow,
} from '../../store/users';
import type { Clock } from '../../util/clock';
import type { SessionUser } from '../../../shared/domain/users';
import type { Role } from '../../../shared/domain/roles';

/** Sessions expire after 30 idle minutes. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for the user in the unit of work `t`; returns the bearer token (only its hash is stored). */
export async function createSession(t: Tx, clock: Clock, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now().toISOString();
  await insertSession(t, { tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now });
  return token;
}

export function toSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    mustChangePassword: u.mustChangePassword,
  };
}

/**
 * Resolves a bearer token to its user, sliding the idle timeout. Expired sessions, sessions of inactive users and
 * unknown tokens give null.
 */
export async function resolveSession(
  database: Database,
  clock: Clock,
  token: string,
): Promise<{ user: SessionUser; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const row = await findSessionWithUser(database, tokenHash);
  if (!row) return null;
  const now = clock.now();
  if (now.getTime() - new Date(row.s.lastSeenAt).getTime() > SESSION_IDLE_MS || !row.u.active) {
    await database.tx((t) => deleteSessionById(t, row.s.id));
    return null;
  }
  await database.tx((t) => touchSession(t, row.s.id, now.toISOString()));
  return { user: toSessionUser(row.u), tokenHash };
}

export async function purgeExpiredSessions(database: Database, clock: Clock): Promise<void> {
  const cutoff = new Date(clock.now().getTime() - SESSION_IDLE_MS).toISOString();
  await database.tx((t) => deleteSessionsIdleSince(t, cutoff));
}
