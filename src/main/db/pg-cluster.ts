/**
 * A throwaway PostgreSQL cluster for the test suite and the bench: initdb into a temporary folder, a server on a free
 * port on 127.0.0.1 only (its unix socket in the same folder), durability switched off (fsync, synchronous_commit,
 * full_page_writes: the data is thrown away anyway), and stop() removes it all. As root (initdb refuses root) the
 * commands run as the `postgres` user through runuser, and the folder is given to that user.
 *
 * Used by scripts/test.ts (for `npm test`), the PostgreSQL test project's global setup (for a direct `npx vitest`)
 * and `npm run bench`, only when no server URL is given (VAXLA_TEST_PG_URL / --database).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const INSTALL_HINT =
  'PostgreSQL saknas på datorn (initdb hittades varken i PATH eller i /usr/lib/postgresql/*/bin). ' +
  'Installera det (Debian/Ubuntu: sudo apt-get install postgresql) eller ange en server för testerna med ' +
  'VAXLA_TEST_PG_URL=postgres://användare@värd:port/postgres (användaren måste få skapa databaser).';

export class PostgresMissingError extends Error {
  constructor() {
    super(INSTALL_HINT);
    this.name = 'PostgresMissingError';
  }
}

/** The folder of initdb and pg_ctl: PATH first, else the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  if (onPath) return join(onPath, '..');
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ThrowawayCluster {
  /** Superuser URL of the maintenance database `postgres`. */
  url: string;
  dir: string;
  stop(): void;
}

/** Starts a throwaway cluster; throws PostgresMissingError without the binaries. */
export async function startThrowawayCluster(opts: { log?: (line: string) => void } = {}): Promise<ThrowawayCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new PostgresMissingError();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'vaxla-pg-'));
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    run('initdb', ['-D', data, '-U', 'vaxla_test', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
      '-c shared_buffers=128MB',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    started = true;
    const url = `postgres://vaxla_test@127.0.0.1:${port}/postgres`;
    opts.log?.(`PostgreSQL för testerna: ${bin} på 127.0.0.1:${port} (${dir})`);
    return { url, dir, stop };
  } catch (e) {
    stop();
    const err = e as { stderr?: string; message?: string };
    throw new Error(`Kunde inte starta en tillfällig PostgreSQL: ${err.stderr?.trim() || err.message || String(e)}`);
  }
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const c = new pg.Client(serverUrl);
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/**
 * A new, empty database on a server whose role may create databases (`serverUrl` names any database on it), with
 * the C collation Växla requires; returns its URL. For the bench's throw-away databases.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops a database made by createScratchDatabase (disconnecting whoever is still on it). */
export async function dropScratchDatabase(serverUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Ogiltigt databasnamn: ${name}`);
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
