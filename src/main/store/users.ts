/** Users (staff accounts) and their login sessions. */
import { and, asc, count, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { sessions, users } from '../db/schema';
import { insertRow, recordKind } from './record';

export type UserRow = typeof users.$inferSelect;
export type UserInsert = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;

/** What the audit log records of a user (never the password hash). */
export const userRecord = recordKind({
  table: 'users',
  entity: 'user',
  label: 'Användaren',
  view: (u: UserRow) => ({
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    roles: u.roles,
    active: u.active,
  }),
});

export async function countUsers(r: Reader): Promise<number> {
  const [row] = await r.db.select({ n: count() }).from(r.tables.users);
  return row?.n ?? 0;
}

export async function findUserByUsername(r: Reader, username: string): Promise<UserRow | undefined> {
  const { users } = r.tables;
  const [row] = await r.db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

/** Every user, by display name. */
export async function listUsers(r: Reader): Promise<UserRow[]> {
  const { users } = r.tables;
  return r.db.select().from(users).orderBy(asc(users.displayName), asc(users.id));
}

/** Active users holding `role`, other than `exceptId`. */
export async function activeUsersWithRole(r: Reader, role: string, exceptId?: number): Promise<UserRow[]> {
  const { users } = r.tables;
  const rows = await r.db
    .select()
    .from(users)
    .where(and(eq(users.active, true), exceptId === undefined ? undefined : ne(users.id, exceptId)));
  return rows.filter((u) => (u.roles as string[]).includes(role));
}

/** Display names by id (staff names; never participants). */
export async function userNames(r: Reader, ids: Iterable<number | null | undefined>): Promise<Map<number, string>> {
  const wanted = [...new Set([...ids].filter((x): x is number => typeof x === 'number'))];
  if (wanted.length === 0) return new Map();
  const { users } = r.tables;
  const rows = await r.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** id and display name of every user (for lists that show who coordinates whom). */
export async function allUserNames(
  r: Reader,
): Promise<Array<{ id: number; name: string; roles: string[]; active: boolean }>> {
  const { users } = r.tables;
  return r.db.select({ id: users.id, name: users.displayName, roles: users.roles, active: users.active }).from(users);
}

export const insertUser = (t: Tx, values: UserInsert): Promise<UserRow> => insertRow(t, 'users', values);

// ---------------------------------------------------------------------------------------------------------------
// Sessions

export async function insertSession(
  t: Tx,
  v: { tokenHash: string; userId: number; createdAt: string; lastSeenAt: string },
): Promise<void> {
  await t.db.insert(t.tables.sessions).values(v);
}

/** The session with this token hash and its user. */
export async function findSessionWithUser(
  r: Reader,
  tokenHash: string,
): Promise<{ s: SessionRow; u: UserRow } | undefined> {
  const { sessions, users } = r.tables;
  const [row] = await r.db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export async function touchSession(t: Tx, id: number, lastSeenAt: string): Promise<void> {
  const { sessions } = t.tables;
  await t.db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id));
}

export async function deleteSessionById(t: Tx, id: number): Promise<void> {
  const { sessions } = t.tables;
  await t.db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionByHash(t: Tx, tokenHash: string): Promise<void> {
  const { sessions } = t.tables;
  await t.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, except the one whose token hash is given. */
export async function deleteUserSessions(t: Tx, userId: number, exceptTokenHash?: string): Promise<void> {
  const { sessions } = t.tables;
  const cond = exceptTokenHash
    ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash))
    : eq(sessions.userId, userId);
  await t.db.delete(sessions).where(cond);
}

export async function deleteSessionsIdleSince(t: Tx, cutoffIso: string): Promise<void> {
  const { sessions } = t.tables;
  await t.db.delete(sessions).where(lt(sessions.lastSeenAt, cutoffIso));
}
