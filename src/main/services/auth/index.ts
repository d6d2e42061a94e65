import { readProgress } from '../../rpc/progress';
import { count, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { tx } from '../../db/connection';
import type { HandlerMap } from '../../rpc/handler-types';
import { AppError, validation } from '../../../shared/errors';
import { localToday } from '../../util/clock';
import { ensureSubsidyTypeExamples } from '../subsidy-types/examples';
import { createSession, deleteSession, deleteUserSessions, toSessionUser } from './sessions';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords';

/** 5 failed logins lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;

const BAD_LOGIN = 'Fel användarnamn eller lösenord.';

export const authHandlers: HandlerMap<
  'system.status' | 'system.setup' | 'system.progress' | 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword'
> = {
  'system.status': async (ctx) => {
    const n = ctx.db.select({ n: count() }).from(users).get()?.n ?? 0;
    return { setupRequired: n === 0, version: ctx.config.version, today: localToday(ctx.clock), now: ctx.clock.now().toISOString() };
  },

  'system.progress': async (ctx, input) => {
    const p = readProgress(ctx.user.id, input.key);
    return p ?? { fraction: null, label: null, finished: false };
  },

  'system.setup': async (ctx, input) => {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw validation(problem, 'password');
    const hash = await hashPassword(input.password, ctx.config.scryptN);
    const now = ctx.clock.now().toISOString();
    const user = tx(ctx.db, () => {
      const n = ctx.db.select({ n: count() }).from(users).get()?.n ?? 0;
      if (n > 0) throw new AppError('FORBIDDEN', 'Första administratören är redan skapad. Logga in i stället.');
      const row = ctx.db
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          passwordHash: hash,
          roles: ['admin'],
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      // A fresh installation starts with the editable example subsidy types (docs/product.md §3), never with none.
      ensureSubsidyTypeExamples(ctx.db, now);
      ctx.audit.actor = { userId: row.id, username: row.username };
      ctx.audit.change('user', row.id, null, { username: row.username, displayName: row.displayName, roles: row.roles }, 'Första administratören skapades');
      return row;
    });
    const token = createSession(ctx.db, ctx.clock, user.id);
    return { token, user: toSessionUser(user) };
  },

  'auth.login': async (ctx, input) => {
    const now = ctx.clock.now();
    const row = ctx.db.select().from(users).where(eq(users.username, input.username)).get();
    const fail = (detail: string) =>
      ctx.audit.write({ action: 'login_failed', entity: 'user', entityId: row?.id ?? null, detail: `${input.username}: ${detail}` });
    if (!row) {
      await verifyPassword(input.password, await dummyPasswordHash(ctx.config.scryptN));
      fail('okänt användarnamn');
      throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
    }
    if (row.lockedUntil && new Date(row.lockedUntil).getTime() > now.getTime()) {
      fail('kontot är låst');
      throw new AppError('LOCKED', lockedMessage(row.lockedUntil, now));
    }
    const good = await verifyPassword(input.password, row.passwordHash);
    if (!good || !row.active) {
      if (!row.active) {
        fail('kontot är inaktiverat');
        throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
      }
      const wasLockedBefore = row.lockedUntil !== null; // an expired lock starts a fresh count
      const failed = (wasLockedBefore ? 0 : row.failedLogins) + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      const lockedUntil = lock ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
      ctx.db
        .update(users)
        .set({ failedLogins: lock ? 0 : failed, lockedUntil })
        .where(eq(users.id, row.id))
        .run();
      fail(lock ? `fel lösenord, kontot låstes till ${lockedUntil}` : `fel lösenord (${failed} av ${MAX_FAILED_LOGINS})`);
      if (lock) throw new AppError('LOCKED', lockedMessage(lockedUntil!, now));
      throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
    }
    ctx.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where(eq(users.id, row.id))
      .run();
    ctx.audit.actor = { userId: row.id, username: row.username };
    ctx.audit.write({ action: 'login', entity: 'user', entityId: row.id });
    const token = createSession(ctx.db, ctx.clock, row.id);
    return { token, user: toSessionUser(row) };
  },

  'auth.logout': async (ctx) => {
    if (ctx.sessionTokenHash) deleteSession(ctx.db, ctx.sessionTokenHash);
    ctx.audit.write({ action: 'logout', entity: 'user', entityId: ctx.user.id });
    return { ok: true as const };
  },

  'auth.me': async (ctx) => ctx.user,

  'auth.changePassword': async (ctx, input) => {
    const row = ctx.db.select().from(users).where(eq(users.id, ctx.user.id)).get();
    if (!row) throw new AppError('UNAUTHENTICATED', 'Sessionen är inte giltig. Logga in igen.');
    if (!(await verifyPassword(input.currentPassword, row.passwordHash)))
      throw validation('Nuvarande lösenord stämmer inte.', 'currentPassword');
    const problem = passwordProblem(input.newPassword, row.username);
    if (problem) throw validation(problem, 'newPassword');
    if (input.newPassword === input.currentPassword)
      throw validation('Det nya lösenordet måste skilja sig från det nuvarande.', 'newPassword');
    const hash = await hashPassword(input.newPassword, ctx.config.scryptN);
    tx(ctx.db, () => {
      ctx.db
        .update(users)
        .set({ passwordHash: hash, mustChangePassword: false, updatedAt: ctx.clock.now().toISOString() })
        .where(eq(users.id, row.id))
        .run();
      ctx.audit.change('user', row.id, { password: 'old' }, { password: 'new' }, 'Bytte eget lösenord');
    });
    // other sessions of this user end; the caller's stays
    deleteUserSessions(ctx.db, row.id, ctx.sessionTokenHash ?? undefined);
    return { ok: true as const };
  },
};

function lockedMessage(lockedUntilIso: string, now: Date): string {
  const minutes = Math.max(1, Math.ceil((new Date(lockedUntilIso).getTime() - now.getTime()) / 60000));
  return `Kontot är låst efter för många misslyckade inloggningar. Försök igen om ${minutes} minuter eller be en administratör låsa upp det.`;
}
