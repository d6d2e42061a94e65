import type { HandlerMap } from '../handlers';
import type { AuthedContext } from '../context';
import type { Tx } from '../../store';
import { queryAudit } from '../../store/audit';
import { changeRecord, createRecord, loadRecord, type PatchOf } from '../../store/record';
import {
  activeUsersWithRole,
  deleteUserSessions,
  findUserByUsername,
  listUsers,
  userRecord,
  type UserRow,
} from '../../store/users';
import { conflict, ruleError, validation } from '../../../shared/errors';
import type { User } from '../../../shared/domain/users';
import type { Role } from '../../../shared/domain/roles';
import { hashPassword, passwordProblem } from '../auth/passwords';

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

/** There must always be at least one active admin who can log in. */
async function assertAdminRemains(t: Tx, changed: UserRow): Promise<void> {
  if (changed.active && (changed.roles as string[]).includes('admin')) return;
  if ((await activeUsersWithRole(t, 'admin', changed.id)).length === 0) {
    throw ruleError('Det måste finnas minst en aktiv administratör.');
  }
}

/** Changes a user (and its audit record) in the unit of work; a new password is recorded as changed, never shown. */
async function update(ctx: AuthedContext, t: Tx, id: number, patch: PatchOf<'users'>, detail?: string): Promise<User> {
  const withPassword = 'passwordHash' in patch;
  const { after } = await changeRecord(
    t,
    ctx.audit,
    userRecord,
    id,
    { ...patch, updatedAt: ctx.clock.now().toISOString() },
    {
      ...(detail === undefined ? {} : { detail }),
      view: (u) => ({ ...userRecord.view(u), ...(withPassword ? { password: u.passwordHash } : {}) }),
    },
  );
  await assertAdminRemains(t, after);
  return toUser(after, ctx.clock.now());
}

export const userHandlers: HandlerMap<
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.setActive'
  | 'users.resetPassword'
  | 'users.unlock'
  | 'audit.list'
> = {
  'users.list': async (ctx, input) => {
    const now = ctx.clock.now();
    return (await listUsers(ctx.db)).filter((u) => input.includeInactive || u.active).map((u) => toUser(u, now));
  },

  'users.create': async (ctx, input) => {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw validation(problem, 'password');
    const hash = await hashPassword(input.password, ctx.config.scryptN);
    const now = ctx.clock.now().toISOString();
    return ctx.tx(async (t) => {
      if (await findUserByUsername(t, input.username))
        throw conflict(`Användarnamnet ${input.username} är upptaget.`, 'username');
      const row = await createRecord(
        t,
        ctx.audit,
        userRecord,
        {
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          roles: [...new Set(input.roles)],
          passwordHash: hash,
          mustChangePassword: true,
          createdAt: now,
          updatedAt: now,
        },
        'Användare skapad',
      );
      return toUser(row, ctx.clock.now());
    });
  },

  'users.update': async (ctx, input) =>
    ctx.tx((t) =>
      update(ctx, t, input.id, {
        displayName: input.displayName,
        email: input.email ?? null,
        roles: [...new Set(input.roles)],
      }),
    ),

  'users.setActive': async (ctx, input) => {
    if (!input.active && input.id === ctx.user.id) throw ruleError('Du kan inte inaktivera ditt eget konto.');
    return ctx.tx(async (t) => {
      const result = await update(ctx, t, input.id, { active: input.active });
      if (!input.active) await deleteUserSessions(t, input.id);
      return result;
    });
  },

  'users.resetPassword': async (ctx, input) => {
    const row = await loadRecord(ctx.db, userRecord, input.id);
    const problem = passwordProblem(input.password, row.username);
    if (problem) throw validation(problem, 'password');
    const hash = await hashPassword(input.password, ctx.config.scryptN);
    return ctx.tx(async (t) => {
      const result = await update(
        ctx,
        t,
        input.id,
        { passwordHash: hash, mustChangePassword: input.id !== ctx.user.id, failedLogins: 0, lockedUntil: null },
        'Lösenordet återställdes av administratör',
      );
      await deleteUserSessions(t, input.id, input.id === ctx.user.id ? (ctx.sessionTokenHash ?? undefined) : undefined);
      return result;
    });
  },

  'users.unlock': async (ctx, input) =>
    ctx.tx((t) => update(ctx, t, input.id, { failedLogins: 0, lockedUntil: null }, 'Kontot låstes upp')),

  'audit.list': async (ctx, input) => queryAudit(ctx.db, input),
};
