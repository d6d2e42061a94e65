import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/main/app';
import { dispatch } from '../../src/main/rpc/dispatch';
import { fixedClock } from '../../src/main/util/clock';
import type { Contract, ProcedureName } from '../../src/shared/contract';
import type { RpcError } from '../../src/shared/errors';
import type { z } from 'zod';
import { createPgTestDatabase, dropPgDatabase, testEngine } from './databases';

/** Low scrypt cost for tests only; production uses N=2^17 (asserted in tests/unit/auth). */
export const TEST_SCRYPT_N = 2 ** 10;
export const TEST_PASSWORD = 'korrekt häst batteri häftklammer';

export interface TestApp {
  app: RunningApp;
  dataDir: string;
  /** The PostgreSQL database of the test (null on SQLite, where the database is the file in dataDir). */
  databaseUrl: string | null;
  clock: ReturnType<typeof fixedClock>;
  call<K extends ProcedureName>(
    name: K,
    input: z.input<Contract[K]['input']>,
    token?: string | null,
  ): Promise<z.output<Contract[K]['output']>>;
  callRaw(
    name: string,
    input: unknown,
    token?: string | null,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: RpcError }>;
  /** Creates the first admin and returns its token. */
  setupAdmin(): Promise<string>;
  /** Creates a user with roles (as admin), changes the password so it is usable, returns its token. */
  userWithRoles(username: string, roles: Array<'coordinator' | 'union' | 'hr' | 'admin'>): Promise<string>;
  /** Closes the app and removes its data folder (and its PostgreSQL database). */
  close(): Promise<void>;
}

export async function createTestApp(now = '2026-11-23T09:00:00Z'): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vaxla-test-'));
  const clock = fixedClock(now);
  const pgUrl = testEngine() === 'postgres' ? await createPgTestDatabase() : undefined;
  const app = await startApp({ dataDir, clock, scryptN: TEST_SCRYPT_N, database: pgUrl });
  let adminToken: string | null = null;
  const callRaw = (name: string, input: unknown, token: string | null = null) =>
    dispatch(app, name, input, { token, transport: 'test' });
  const call = async (name: string, input: unknown, token: string | null = null) => {
    const r = await callRaw(name, input, token);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { rpc: r.error });
    return r.value;
  };
  const t: TestApp = {
    app,
    dataDir,
    databaseUrl: pgUrl ?? null,
    clock,
    call: call as TestApp['call'],
    callRaw,
    async setupAdmin() {
      const r = (await call('system.setup', {
        username: 'admin',
        displayName: 'Anna Admin',
        password: TEST_PASSWORD,
      })) as { token: string };
      adminToken = r.token;
      return r.token;
    },
    async userWithRoles(username, roles) {
      if (!adminToken) await t.setupAdmin();
      await call(
        'users.create',
        { username, displayName: username, roles, password: 'tillfälligt lösenord 1' },
        adminToken,
      );
      const login = (await call('auth.login', { username, password: 'tillfälligt lösenord 1' })) as { token: string };
      await call(
        'auth.changePassword',
        { currentPassword: 'tillfälligt lösenord 1', newPassword: TEST_PASSWORD },
        login.token,
      );
      return login.token;
    },
    async close() {
      await app.close();
      if (pgUrl) await dropPgDatabase(pgUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
