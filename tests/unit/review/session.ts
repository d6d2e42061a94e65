/** Test sessions that survive moving the pinned clock (a session expires after 30 idle minutes). */
import { TEST_PASSWORD, type TestApp } from '../../helpers/app';

export interface Sessions {
  admin: string;
  coord: string;
  union: string;
  hr: string;
  /** Logs everybody in again (call after moving the clock). */
  refresh(): Promise<void>;
}

export async function sessions(t: TestApp): Promise<Sessions> {
  const s: Sessions = {
    admin: await t.setupAdmin(),
    coord: await t.userWithRoles('kim', ['coordinator']),
    union: await t.userWithRoles('kommunal', ['union']),
    hr: await t.userWithRoles('hanna', ['hr']),
    async refresh() {
      const login = async (username: string) =>
        (await t.call('auth.login', { username, password: TEST_PASSWORD })).token;
      s.admin = await login('admin');
      s.coord = await login('kim');
      s.union = await login('kommunal');
      s.hr = await login('hanna');
    },
  };
  return s;
}
