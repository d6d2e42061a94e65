import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp, type RunningApp } from '../../src/main/app';
import { dispatch } from '../../src/main/rpc/dispatch';
import { fixedClock } from '../../src/main/util/clock';
import { TEST_PASSWORD, TEST_SCRYPT_N } from '../helpers/app';

const mode = (path: string) => statSync(path).mode & 0o777;
const NOW = '2026-11-23T09:00:00Z';

let root: string;
let running: RunningApp | undefined;
afterEach(() => {
  running?.close();
  running = undefined;
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

async function start(dataDir: string, now = NOW): Promise<RunningApp> {
  running?.close();
  running = await startApp({ dataDir, clock: fixedClock(now), scryptN: TEST_SCRYPT_N });
  return running;
}

/** Every folder and file under `dir` (itself included) with its mode. */
function modes(dir: string): Record<string, number> {
  const out: Record<string, number> = { '.': mode(dir) };
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const label = rel ? `${rel}/${e.name}` : e.name;
      out[label] = mode(join(d, e.name));
      if (e.isDirectory()) walk(join(d, e.name), label);
    }
  };
  walk(dir, '');
  return out;
}

describe.skipIf(process.platform === 'win32')('the data folder is readable by its owner only', () => {
  it('creates a fresh data folder 0700 with the database, its WAL and backups 0600, whatever the umask', async () => {
    root = mkdtempSync(join(tmpdir(), 'vaxla-modes-'));
    const dataDir = join(root, 'data');
    const umask = process.umask(0o022); // the usual default, which would give -rw-r--r-- and drwxr-xr-x
    try {
      const app = await start(dataDir);
      const setup = await dispatch(
        app,
        'system.setup',
        { username: 'admin', displayName: 'Anna Admin', password: TEST_PASSWORD },
        { token: null, transport: 'test' },
      );
      if (!setup.ok) throw new Error(setup.error.message);
      const backup = await dispatch(
        app,
        'system.backup',
        {},
        { token: (setup.value as { token: string }).token, transport: 'test' },
      );
      expect(backup.ok).toBe(true);
      // a restart a day later takes the daily backup
      await start(dataDir, '2026-11-24T09:00:00Z');
    } finally {
      process.umask(umask);
    }
    const found = modes(dataDir);
    expect(Object.keys(found)).toEqual(
      expect.arrayContaining(['.', 'vaxla.db', 'vaxla.db-wal', 'vaxla.db-shm', 'backups']),
    );
    expect(readdirSync(join(dataDir, 'backups')).length).toBeGreaterThanOrEqual(2);
    for (const [path, m] of Object.entries(found)) {
      const isDir = path === '.' || statSync(join(dataDir, path)).isDirectory();
      expect(m.toString(8), path).toBe(isDir ? '700' : '600');
    }
  });

  it('puts wrong modes right at start and says so on stderr and on the admin backups page', async () => {
    root = mkdtempSync(join(tmpdir(), 'vaxla-modes-'));
    const dataDir = join(root, 'data');
    const app = await start(dataDir);
    const setup = await dispatch(
      app,
      'system.setup',
      { username: 'admin', displayName: 'Anna Admin', password: TEST_PASSWORD },
      { token: null, transport: 'test' },
    );
    if (!setup.ok) throw new Error(setup.error.message);
    await dispatch(app, 'system.backup', {}, { token: (setup.value as { token: string }).token, transport: 'test' });
    running!.close();
    running = undefined;
    const backup = readdirSync(join(dataDir, 'backups'))[0]!;
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'vaxla.db'), 0o644);
    chmodSync(join(dataDir, 'backups'), 0o755);
    chmodSync(join(dataDir, 'backups', backup), 0o664);
    writeFileSync(join(dataDir, 'notes.txt'), 'x', { mode: 0o666 });
    chmodSync(join(dataDir, 'notes.txt'), 0o666);

    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const again = await start(dataDir);
    const lines = stderr.mock.calls.map((c) => String(c[0]));
    stderr.mockRestore();
    expect(lines).toEqual(
      expect.arrayContaining([
        'Behörigheten i datamappen rättades: Datamappen hade behörighet 0755, nu 0700.\n',
        'Behörigheten i datamappen rättades: vaxla.db hade behörighet 0644, nu 0600.\n',
        'Behörigheten i datamappen rättades: backups hade behörighet 0755, nu 0700.\n',
        `Behörigheten i datamappen rättades: backups/${backup} hade behörighet 0664, nu 0600.\n`,
        'Behörigheten i datamappen rättades: notes.txt hade behörighet 0666, nu 0600.\n',
      ]),
    );
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'vaxla.db'))).toBe(0o600);
    expect(mode(join(dataDir, 'backups', backup))).toBe(0o600);

    const login = await dispatch(
      again,
      'auth.login',
      { username: 'admin', password: TEST_PASSWORD },
      { token: null, transport: 'test' },
    );
    if (!login.ok) throw new Error(login.error.message);
    const page = await dispatch(
      again,
      'system.backups',
      {},
      { token: (login.value as { token: string }).token, transport: 'test' },
    );
    expect(page.ok && (page.value as { notices: string[] }).notices).toContain(
      'Behörigheten i datamappen rättades: vaxla.db hade behörighet 0644, nu 0600.',
    );

    // a start with nothing wrong says nothing
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await start(dataDir);
    expect(quiet.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith('Behörigheten'))).toEqual([]);
    expect(existsSync(join(dataDir, 'vaxla.db'))).toBe(true);
  });
});
