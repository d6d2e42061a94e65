/**
 * 30 concurrent clients on the local host (issue "speed": p95 under 150 ms). The host runs as `npm run serve` does
 * (its own process, the built code, production password hashing) on a demo database with 30 accounts. Measured:
 * - `login`: 30 logins at once (scrypt N=2^17 each), and the `system.status` answers a probe gets meanwhile (hashing
 *   runs on libuv's thread pool, so the event loop keeps answering);
 * - `reads`: then every client, without pause, runs 40 calls of its role's daily reads (lists, dashboards, one record,
 *   `auth.me`), 1,200 calls in all; p50/p95/p99/max in milliseconds and calls per second.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_USERS } from '../demo/users';
import { appRoot } from '../util/paths';

const CALLS_PER_CLIENT = 40;
const PASSWORD = 'ett långt lösenord för mätningen';
type Role = 'coordinator' | 'union' | 'hr' | 'admin';
/** 30 people of a unit: mostly coordinators, as at Jobb Borås. */
const ROLE_MIX: Role[] = [
  ...Array<Role>(14).fill('coordinator'),
  ...Array<Role>(6).fill('union'),
  ...Array<Role>(6).fill('hr'),
  ...Array<Role>(4).fill('admin'),
];

interface Host {
  proc: ChildProcess;
  base: string;
  secret: string;
}

function run(args: string[], dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(appRoot(), 'scripts', 'host.mjs'), ...args, '--data', dataDir], {
      cwd: appRoot(),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} avslutades med ${code}`))));
  });
}

function startHost(dataDir: string): Promise<Host> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [join(appRoot(), 'scripts', 'host.mjs'), 'serve', '--data', dataDir, '--no-build'],
      {
        cwd: appRoot(),
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\/#secret=([\w-]+)/.exec(out);
      if (m) resolve({ proc, base: m[1]!, secret: m[2]! });
    });
    proc.on('exit', (code) => reject(new Error(`Värden avslutades (${code}).`)));
  });
}

async function call<T = unknown>(host: Host, proc: string, input: unknown, token?: string): Promise<T> {
  const res = await fetch(`${host.base}/api/${proc}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-vaxla-secret': host.secret,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${proc}: ${body.error.code} ${body.error.message}`);
  return body.value;
}

async function timed<T>(samples: number[], f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    samples.push(performance.now() - t0);
  }
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
  return { n: s.length, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: at(1) };
}

/** A role's daily reads, as its screens make them. */
function readMix(role: Role, ids: { participants: number[]; meetings: number[] }): Array<[string, unknown]> {
  const pick = (xs: number[], i: number) => xs[i % Math.max(1, xs.length)];
  const mix: Record<Role, Array<(i: number) => [string, unknown]>> = {
    coordinator: [
      () => ['participants.list', { limit: 50 }],
      () => ['participants.dashboard', {}],
      (i) => ['participants.get', { id: pick(ids.participants, i) }],
      () => ['meetings.list', {}],
      () => ['positions.list', {}],
      () => ['proposals.list', {}],
      () => ['placements.list', {}],
      () => ['auth.me', {}],
    ],
    union: [
      () => ['review.overview', {}],
      () => ['review.listMeetings', {}],
      (i) => ['review.getMeeting', { id: pick(ids.meetings, i) }],
      () => ['auth.me', {}],
    ],
    hr: [
      () => ['contracts.queue', {}],
      () => ['contracts.list', {}],
      () => ['system.status', {}],
      () => ['auth.me', {}],
    ],
    admin: [() => ['users.list', {}], () => ['audit.list', {}], () => ['system.backups', {}], () => ['auth.me', {}]],
  };
  return Array.from({ length: CALLS_PER_CLIENT }, (_, i) => mix[role][i % mix[role].length]!(i));
}

export async function benchConcurrency(): Promise<Record<string, unknown>> {
  const build = spawnSync(process.execPath, [join(appRoot(), 'scripts', 'host.mjs'), '--build'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('Bygget av huvudprocessens kod misslyckades.');
  const dataDir = mkdtempSync(join(tmpdir(), 'vaxla-bench-clients-'));
  let host: Host | undefined;
  try {
    await run(['demo'], dataDir);
    host = await startHost(dataDir);
    const h = host;
    // --- setup, not timed: 30 accounts (the demo's four and 26 more), each with a password it has set itself
    const demoPassword = DEMO_USERS[0].password;
    const admin = (await call<{ token: string }>(h, 'auth.login', { username: 'admin', password: demoPassword })).token;
    const accounts: Array<{ username: string; password: string; role: Role }> = DEMO_USERS.map((u) => ({
      username: u.username,
      password: demoPassword,
      role: u.roles[0],
    }));
    const counts: Record<Role, number> = { coordinator: 1, union: 1, hr: 1, admin: 1 };
    const extra = ROLE_MIX.map((role) => role).filter((role) => (counts[role] > 0 ? (counts[role]--, false) : true));
    await Promise.all(
      extra.map(async (role, i) => {
        const username = `bank${String(i + 1).padStart(2, '0')}`;
        await call(
          h,
          'users.create',
          { username, displayName: `Mätning ${i + 1}`, roles: [role], password: 'tillfälligt lösenord 1' },
          admin,
        );
        const first = await call<{ token: string }>(h, 'auth.login', { username, password: 'tillfälligt lösenord 1' });
        await call(
          h,
          'auth.changePassword',
          { currentPassword: 'tillfälligt lösenord 1', newPassword: PASSWORD },
          first.token,
        );
        accounts.push({ username, password: PASSWORD, role });
      }),
    );
    const coordinatorToken = (
      await call<{ token: string }>(h, 'auth.login', { username: 'koordinator', password: demoPassword })
    ).token;
    const list = await call<{ rows: Array<{ id: number }> }>(h, 'participants.list', { limit: 200 }, coordinatorToken);
    const unionToken = (
      await call<{ token: string }>(h, 'auth.login', { username: 'kommunal', password: demoPassword })
    ).token;
    const meetings = await call<Array<{ id: number }>>(h, 'review.listMeetings', {}, unionToken);
    const ids = { participants: list.rows.map((r) => r.id), meetings: meetings.map((m) => m.id) };

    // --- 30 logins at once, and a probe of system.status while they run
    const loginMs: number[] = [];
    const probeMs: number[] = [];
    let logging = true;
    const probe = (async () => {
      while (logging) {
        await timed(probeMs, () => call(h, 'system.status', {}));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const tokens = await Promise.all(
      accounts.map((a) =>
        timed(loginMs, () => call<{ token: string }>(h, 'auth.login', { username: a.username, password: a.password })),
      ),
    );
    logging = false;
    await probe;

    // --- the read mix, 30 clients at once
    const readMs: number[] = [];
    const byProc = new Map<string, number[]>();
    const t0 = performance.now();
    await Promise.all(
      accounts.map(async (a, i) => {
        for (const [proc, input] of readMix(a.role, ids)) {
          const t = performance.now();
          await timed(readMs, () => call(h, proc, input, tokens[i]!.token));
          byProc.set(proc, [...(byProc.get(proc) ?? []), performance.now() - t]);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    return {
      clients: accounts.length,
      login: { ...stats(loginMs), statusWhileLoggingIn: stats(probeMs) },
      reads: {
        ...stats(readMs),
        callsPerSecond: Math.round(readMs.length / seconds),
        // the three procedures with the highest p95, to see where the tail comes from
        slowest: Object.fromEntries(
          [...byProc]
            .map(([proc, xs]) => [proc, stats(xs).p95Ms] as const)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 3),
        ),
      },
    };
  } finally {
    host?.proc.kill('SIGTERM');
    if (host) await new Promise((r) => host!.proc.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
