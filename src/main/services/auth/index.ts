import { readProgress } from '../progress';
import type { HandlerMap } from '../handlers';
import { AppError, validation } from '../../../shared/errors';
import { localToday } from '../../util/clock';
import { changeRecord, loadRecord, updateRow } from '../../store/record';
import {
  countUsers,
  deleteSessionByHash,
  deleteUserSessions,
  findUserByUsername,
  insertUser,
  userRecord,
} from '../../store/users';
import { ensureSubsidyTypeExamples } from '../subsidy-types/examples';
import { createSession, toSessionUser } from './sessions';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords';

/** 5 failed logins lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;

const BAD_LOGIN = 'Fel användarnamn eller lösenord.';

export const authHandlers: HandlerMap<
  | 'system.status'
  | 'system.setup'
  | 'system.progress'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.me'
  | 'auth.changePassword'
> = {
  'system.status': async (ctx) => {
    const n = await countUsers(ctx.db);
    return {
      setupRequired: n === 0,
      version: ctx.config.version,
      today: localToday(ctx.clock),
      now: ctx.clock.now().toISOString(),
    };
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
    return ctx.tx(async (t) => {
      if ((await countUsers(t)) > 0)
        throw new AppError('FORBIDDEN', 'Första administratören är redan skapad. Logga in i stället.');
      const row = await insertUser(t, {
        username: input.username,
        displayName: input.displayName,
        passwordHash: hash,
        roles: ['admin'],
        createdAt: now,
        updatedAt: now,
      });
      // A fresh installation starts with the editable example subsidy types (docs/product.md §3), never with none.
      await ensureSubsidyTypeExamples(t, now);
      ctx.audit.actor = { userId: row.id, username: row.username };
      await ctx.audit.change(
        t,
        'user',
        row.id,
        null,
        { username: row.username, displayName: row.displayName, roles: row.roles },
        'Första administratören skapades',
      );
      const token = await createSession(t, ctx.clock, row.id);
      return { token, user: toSessionUser(row) };
    });
  },

  'auth.login': async (ctx, input) => {
    const now = ctx.clock.now();
    const row = await findUserByUsername(ctx.db, input.username);
    const fail = (detail: string) =>
      ctx.tx((t) =>
        ctx.audit.write(t, {
          action: 'login_failed',
          entity: 'user',
          entityId: row?.id ?? null,
          detail: `${input.username}: ${detail}`,
        }),
      );
    if (!row) {
      await verifyPassword(input.password, await dummyPasswordHash(ctx.config.scryptN));
      await fail('okänt användarnamn');
      throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
    }
    if (row.lockedUntil && new Date(row.lockedUntil).getTime() > now.getTime()) {
      await fail('kontot är låst');
      throw new AppError('LOCKED', lockedMessage(row.lockedUntil, now));
    }
    const good = await verifyPassword(input.password, row.passwordHash);
    if (!good || !row.active) {
      if (!row.active) {
        await fail('kontot är inaktiverat');
        throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
      }
      const lock = await ctx.tx(async (t) => {
        // Counted on the row as it is now, not as read before the password check: parallel attempts all count.
        const current = await loadRecord(t, userRecord, row.id);
        const wasLockedBefore = current.lockedUntil !== null; // an expired lock starts a fresh count
        const failed = (wasLockedBefore ? 0 : current.failedLogins) + 1;
        const locking = failed >= MAX_FAILED_LOGINS;
        const lockedUntil = locking ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
        await updateRow(t, 'users', row.id, { failedLogins: locking ? 0 : failed, lockedUntil });
        await ctx.audit.write(t, {
          action: 'login_failed',
          entity: 'user',
          entityId: row.id,
          detail: `${input.username}: ${locking ? `fel lösenord, kontot låstes till ${lockedUntil}` : `fel lösenord (${failed} av ${MAX_FAILED_LOGINS})`}`,
        });
        return lockedUntil;
      });
      if (lock) throw new AppError('LOCKED', lockedMessage(lock, now));
      throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
    }
    return ctx.tx(async (t) => {
      await updateRow(t, 'users', row.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() });
      ctx.audit.actor = { userId: row.id, username: row.username };
      await ctx.audit.write(t, { action: 'login', entity: 'user', entityId: row.id });
      const token = await createSession(t, ctx.clock, row.id);
      return { token, user: toSessionUser(row) };
    });
  },

  'auth.logout': async (ctx) =>
    ctx.tx(async (t) => {
      if (ctx.sessionTokenHash) await deleteSessionByHash(t, ctx.sessionTokenHash);
      await ctx.audit.write(t, { action: 'logout', entity: 'user', entityId: ctx.user.id });
      return { ok: true as const };
    }),

  'auth.me': async (ctx) => ctx.user,

  'auth.changePassword': async (ctx, input) => {
    const row = await loadRecord(ctx.db, userRecord, ctx.user.id).catch(() => {
      throw new AppError('UNAUTHENTICATED', 'Sessionen är inte giltig. Logga in igen.');
    });
    if (!(await verifyPassword(input.currentPassword, row.passwordHash)))
      throw validation('Nuvarande lösenord stämmer inte.', 'currentPassword');
    const problem = passwordProblem(input.newPassword, row.username);
    if (problem) throw validation(problem, 'newPassword');
    if (input.newPassword === input.currentPassword)
      throw validation('Det nya lösenordet måste skilja sig från det nuvarande.', 'newPassword');
    const hash = await hashPassword(input.newPassword, ctx.config.scryptN);
    await ctx.tx(async (t) => {
      await changeRecord(
        t,
        ctx.audit,
        userRecord,
        row.id,
        { passwordHash: hash, mustChangePassword: false, updatedAt: ctx.clock.now().toISOString() },
        { view: (u) => ({ password: u.passwordHash }), detail: 'Bytte eget lösenord' },
      );
      // other sessions of this user end; the caller's stays
      await deleteUserSessions(t, row.id, ctx.sessionTokenHash ?? undefined);
    });
    return { ok: true as const };
  },
};

function lockedMessage(lockedUntilIso: string, now: Date): string {
  const minutes = Math.max(1, Math.ceil((new Date(lockedUntilIso).getTime() - now.getTime()) / 60000));
  return `Kontot är låst efter för många misslyckade inloggningar. Försök igen om ${minutes} minuter eller be en administratör låsa upp det.`;
}
