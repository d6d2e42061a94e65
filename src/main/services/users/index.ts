import { asc, eq, ne } from 'drizzle-orm';
import { users } from '../../db/schema';
import { tx, type Db } from '../../db/connection';
import type { HandlerMap } from '../../rpc/handler-types';
import type { AuthedContext } from '../../rpc/context';
import { conflict, notFound, ruleError, validation } from '../../../shared/errors';
import type { User } from '../../../shared/domain/users';
import type { Role } from '../../../shared/domain/roles';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { deleteUserSessions } from '../auth/sessions';
import { queryAudit } from '../audit/recorder';

type UserRow = typeof users.$inferSelect;

export function toUser(u: UserRow, now: Date): User {
  const locked = u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > now.getTime();
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    roles: u.roles as Role[],
    active: u.active,
    locked,
    lockedUntil: locked ? u.lockedUntil : null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

const auditView = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
  active: u.active,
});

function load(db: Db, id: number): UserRow {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw notFound('Användaren');
  return row;
}

/** There must always be at least one active admin who can log in. */
function assertAdminRemains(db: Db, changedId: number, stillAdminAndActive: boolean): void {
  if (stillAdminAndActive) return;
  const others = db
    .select()
    .from(users)
    .where(ne(users.id, changedId))
    .all()
    .filter((u) => u.active && (u.roles as string[]).includes('admin'));
  if (others.length === 0) throw ruleError('Det måste finnas minst en aktiv administratör.');
}

function update(ctx: AuthedContext, id: number, patch: Partial<UserRow>, detail?: string): User {
  return tx(ctx.db, () => {
    const before = load(ctx.db, id);
    const after = ctx.db
      .update(users)
      .set({ ...patch, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(users.id, id))
      .returning()
      .get();
    assertAdminRemains(ctx.db, id, after.active && (after.roles as string[]).includes('admin'));
    ctx.audit.change('user', id, { ...auditView(before), ...('passwordHash' in patch ? { password: 'old' } : {}) }, { ...auditView(after), ...('passwordHash' in patch ? { password: 'new' } : {}) }, detail);
    return toUser(after, ctx.clock.now());
  });
}

export const userHandlers: HandlerMap<
  'users.list' | 'users.create' | 'users.update' | 'users.setActive' | 'users.resetPassword' | 'users.unlock' | 'audit.list'
> = {
  'users.list': async (ctx, input) => {
    const now = ctx.clock.now();
    return ctx.db
      .select()
      .from(users)
      .orderBy(asc(users.displayName))
      .all()
      .filter((u) => input.includeInactive || u.active)
      .map((u) => toUser(u, now));
  },

  'users.create': async (ctx, input) => {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw validation(problem, 'password');
    const hash = await hashPassword(input.password, ctx.config.scryptN);
    const now = ctx.clock.now().toISOString();
    return tx(ctx.db, () => {
      if (ctx.db.select().from(users).where(eq(users.username, input.username)).get())
        throw conflict(`Användarnamnet ${input.username} är upptaget.`, 'username');
      const row = ctx.db
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          roles: [...new Set(input.roles)],
          passwordHash: hash,
          mustChangePassword: true,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      ctx.audit.change('user', row.id, null, auditView(row), 'Användare skapad');
      return toUser(row, ctx.clock.now());
    });
  },

  'users.update': async (ctx, input) =>
    update(ctx, input.id, { displayName: input.displayName, email: input.email ?? null, roles: [...new Set(input.roles)] }),

  'users.setActive': async (ctx, input) => {
    if (!input.active && input.id === ctx.user.id) throw ruleError('Du kan inte inaktivera ditt eget konto.');
    const result = update(ctx, input.id, { active: input.active });
    if (!input.active) deleteUserSessions(ctx.db, input.id);
    return result;
  },

  'users.resetPassword': async (ctx, input) => {
    const row = load(ctx.db, input.id);
    const problem = passwordProblem(input.password, row.username);
    if (problem) throw validation(problem, 'password');
    const hash = await hashPassword(input.password, ctx.config.scryptN);
    const result = update(
      ctx,
      input.id,
      { passwordHash: hash, mustChangePassword: input.id !== ctx.user.id, failedLogins: 0, lockedUntil: null },
      'Lösenordet återställdes av administratör',
    );
    deleteUserSessions(ctx.db, input.id, input.id === ctx.user.id ? (ctx.sessionTokenHash ?? undefined) : undefined);
    return result;
  },

  'users.unlock': async (ctx, input) => update(ctx, input.id, { failedLogins: 0, lockedUntil: null }, 'Kontot låstes upp'),

  'audit.list': async (ctx, input) => queryAudit(ctx.db, input),
};
