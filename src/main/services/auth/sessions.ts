import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { sessions, users } from '../../db/schema';
import type { Clock } from '../../util/clock';
import type { SessionUser } from '../../../shared/domain/users';
import type { Role } from '../../../shared/domain/roles';

/** Sessions expire after 30 idle minutes. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(db: Db, clock: Clock, userId: number): string {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now().toISOString();
  db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now }).run();
  return token;
}

export function toSessionUser(u: typeof users.$inferSelect): SessionUser {
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
export function resolveSession(db: Db, clock: Clock, token: string): { user: SessionUser; tokenHash: string } | null {
  const tokenHash = hashToken(token);
  const row = db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .get();
  if (!row) return null;
  const now = clock.now();
  if (now.getTime() - new Date(row.s.lastSeenAt).getTime() > SESSION_IDLE_MS || !row.u.active) {
    db.delete(sessions).where(eq(sessions.id, row.s.id)).run();
    return null;
  }
  db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, row.s.id)).run();
  return { user: toSessionUser(row.u), tokenHash };
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

/** Ends every session of a user, except the one whose token hash is given (the caller's own). */
export function deleteUserSessions(db: Db, userId: number, exceptTokenHash?: string): void {
  const cond = exceptTokenHash
    ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash))
    : eq(sessions.userId, userId);
  db.delete(sessions).where(cond).run();
}

export function purgeExpiredSessions(db: Db, clock: Clock): void {
  const cutoff = new Date(clock.now().getTime() - SESSION_IDLE_MS).toISOString();
  db.delete(sessions).where(lt(sessions.lastSeenAt, cutoff)).run();
}
