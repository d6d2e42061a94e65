import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app';
import { queryAudit } from '../../src/main/store/audit';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('first run and login', () => {
  it('requires setup on an empty database and refuses a second setup', async () => {
    expect((await t.call('system.status', {})).setupRequired).toBe(true);
    const token = await t.setupAdmin();
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect((await t.call('system.status', {})).setupRequired).toBe(false);
    const again = await t.callRaw('system.setup', {
      username: 'mallory',
      displayName: 'M',
      password: 'ett helt annat lösenord',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses short and common passwords with a Swedish reason naming the field', async () => {
    const short = await t.callRaw('system.setup', { username: 'admin', displayName: 'A', password: 'kort' });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
    expect(!short.ok && short.error.message).toMatch(/^Lösenord: .*minst 12 tecken/);
    const common = await t.callRaw('system.setup', { username: 'admin', displayName: 'A', password: '1qaz2wsx3edc' });
    expect(common).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
    expect(!common.ok && common.error.message).toMatch(/för vanligt/);
  });

  it('logs in, knows the user, logs out and the token stops working', async () => {
    await t.setupAdmin();
    const { token, user } = await t.call('auth.login', { username: 'ADMIN', password: TEST_PASSWORD });
    expect(user).toMatchObject({ username: 'admin', roles: ['admin'] });
    expect((await t.call('auth.me', {}, token)).username).toBe('admin');
    await t.call('auth.logout', {}, token);
    expect(await t.callRaw('auth.me', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('locks the account for 15 minutes after 5 failed logins, even for the right password', async () => {
    await t.setupAdmin();
    for (let i = 0; i < 4; i++) {
      expect(await t.callRaw('auth.login', { username: 'admin', password: 'fel lösenord igen' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(await t.callRaw('auth.login', { username: 'admin', password: 'fel lösenord igen' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(await t.callRaw('auth.login', { username: 'admin', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    t.clock.advance(14 * 60 * 1000);
    expect(await t.callRaw('auth.login', { username: 'admin', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    t.clock.advance(61 * 1000);
    expect(await t.callRaw('auth.login', { username: 'admin', password: TEST_PASSWORD })).toMatchObject({ ok: true });
  });

  it('expires a session after 30 idle minutes, and activity keeps it alive', async () => {
    const token = await t.setupAdmin();
    t.clock.advance(29 * 60 * 1000);
    expect(await t.callRaw('auth.me', {}, token)).toMatchObject({ ok: true });
    t.clock.advance(29 * 60 * 1000);
    expect(await t.callRaw('auth.me', {}, token)).toMatchObject({ ok: true });
    t.clock.advance(31 * 60 * 1000);
    expect(await t.callRaw('auth.me', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('audits logins, failed logins and never the password', async () => {
    await t.setupAdmin();
    await t.callRaw('auth.login', { username: 'admin', password: 'fel lösenord igen' });
    await t.callRaw('auth.login', { username: 'nobody', password: 'fel lösenord igen' });
    await t.call('auth.login', { username: 'admin', password: TEST_PASSWORD });
    const { rows } = await queryAudit(t.app.database, { offset: 0, limit: 100 });
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'login_failed')).toHaveLength(2);
    expect(actions).toContain('login');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(TEST_PASSWORD);
    expect(dump).not.toContain('fel lösenord igen');
  });
});

describe('users and roles', () => {
  it('admin creates a coordinator who must change the password first', async () => {
    const admin = await t.setupAdmin();
    const created = await t.call(
      'users.create',
      { username: 'kim', displayName: 'Kim Koordinator', roles: ['coordinator'], password: 'tillfälligt lösenord 1' },
      admin,
    );
    expect(created.mustChangePassword).toBe(true);
    const { token } = await t.call('auth.login', { username: 'kim', password: 'tillfälligt lösenord 1' });
    expect(await t.callRaw('users.list', {}, token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.call(
      'auth.changePassword',
      { currentPassword: 'tillfälligt lösenord 1', newPassword: TEST_PASSWORD },
      token,
    );
    expect((await t.call('auth.me', {}, token)).mustChangePassword).toBe(false);
  });

  it('answers FORBIDDEN to a role outside the procedure, and records the attempt', async () => {
    const kim = await t.userWithRoles('kim', ['coordinator']);
    const r = await t.callRaw('users.list', {}, kim);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await queryAudit(t.app.database, { action: 'denied', offset: 0, limit: 10 })).total).toBe(1);
  });

  it('rejects invalid input without changing anything, naming the field in Swedish', async () => {
    const admin = await t.setupAdmin();
    const before = (await t.call('users.list', {}, admin)).length;
    const r = await t.callRaw(
      'users.create',
      { username: 'Ö ö', displayName: 'X', roles: ['coordinator'], password: TEST_PASSWORD },
      admin,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'username' } });
    expect(!r.ok && r.error.message).toMatch(/^Användarnamn: /);
    const r2 = await t.callRaw(
      'users.create',
      { username: 'ok', displayName: 'X', roles: [], password: TEST_PASSWORD },
      admin,
    );
    expect(!r2.ok && r2.error.message).toMatch(/^Roller: Välj minst en roll/);
    expect((await t.call('users.list', {}, admin)).length).toBe(before);
  });

  it('keeps at least one active admin', async () => {
    const admin = await t.setupAdmin();
    const me = await t.call('auth.me', {}, admin);
    const r = await t.callRaw('users.update', { id: me.id, displayName: 'Anna', roles: ['coordinator'] }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });

  it('deactivating a user ends their sessions; reset password unlocks', async () => {
    const admin = await t.setupAdmin();
    const kim = await t.userWithRoles('kim', ['coordinator']);
    const kimUser = await t.call('auth.me', {}, kim);
    await t.call('users.setActive', { id: kimUser.id, active: false }, admin);
    expect(await t.callRaw('auth.me', {}, kim)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.callRaw('auth.login', { username: 'kim', password: TEST_PASSWORD })).toMatchObject({ ok: false });
    await t.call('users.setActive', { id: kimUser.id, active: true }, admin);
    for (let i = 0; i < 5; i++) await t.callRaw('auth.login', { username: 'kim', password: 'fel lösenord igen' });
    expect((await t.call('users.list', {}, admin)).find((u) => u.username === 'kim')?.locked).toBe(true);
    const reset = await t.call('users.resetPassword', { id: kimUser.id, password: 'ett nytt långt lösenord' }, admin);
    expect(reset).toMatchObject({ locked: false, mustChangePassword: true });
    expect(await t.callRaw('auth.login', { username: 'kim', password: 'ett nytt långt lösenord' })).toMatchObject({
      ok: true,
    });
  });

  it('records changed fields in the audit log and the log is append-only', async () => {
    const admin = await t.setupAdmin();
    const u = await t.call(
      'users.create',
      { username: 'eva', displayName: 'Eva HR', roles: ['hr'], password: 'tillfälligt lösenord 1' },
      admin,
    );
    await t.call('users.update', { id: u.id, displayName: 'Eva Personal', roles: ['hr'] }, admin);
    const log = await t.call('audit.list', { entity: 'user', entityId: String(u.id) }, admin);
    expect(log.rows[0]?.changes).toEqual({ displayName: { before: 'Eva HR', after: 'Eva Personal' } });
    await expect(t.app.database.exec('UPDATE audit_events SET detail = NULL')).rejects.toThrow(
      /append-only|får inte ändras/,
    );
    await expect(t.app.database.exec('DELETE FROM audit_events')).rejects.toThrow(/append-only|får inte ändras/);
  });
});
