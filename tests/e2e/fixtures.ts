import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built twin of pinned-host.ts (scripts/host.mjs builds it in the global setup): no compiling at each start. */
const ENTRY = join(ROOT, 'out/e2e/pinned-host.mjs');

/**
 * The instant every test's host starts at (its clock then runs forward; see pinned-host.ts): a Tuesday morning in
 * Stockholm, so no test depends on the day the suite runs. `VAXLA_E2E_NOW` runs the suite at another instant.
 */
export const E2E_NOW = process.env.VAXLA_E2E_NOW ?? '2026-11-24T08:30:00.000Z';
/** The demo template is seeded ten minutes before the hosts start, on the same day. */
const DEMO_NOW = new Date(new Date(E2E_NOW).getTime() - 10 * 60_000).toISOString();
const stockholmDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The hosts' "today" in Europe/Stockholm. */
export const E2E_TODAY = stockholmDay.format(new Date(E2E_NOW));

export interface Server {
  url: string;
  origin: string;
  secret: string;
  dataDir: string;
  /** The host's clock now (UTC ISO), from `system.status`: tests that need "in a minute" ask the host, not the wall. */
  now(): Promise<string>;
  /** Calls a procedure over HTTP like any client (for seeding and for API-level assertions). */
  api<T = unknown>(
    procedure: string,
    input?: unknown,
    token?: string | null,
  ): Promise<{
    status: number;
    body: { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  }>;
}

function startServer(dataDir: string, extraArgs: string[] = []): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [ENTRY, 'serve', '--now', E2E_NOW, '--data', dataDir, '--no-build', ...extraArgs], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Servern startade inte: ${err}`)), 60_000);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Växla listening on (http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ proc, url: m[1]! });
      }
    });
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Servern avslutades (${code}): ${err}`));
    });
  });
}

export function runDemo(dataDir: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [ENTRY, 'demo', '--now', DEMO_NOW, '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('exit', (code) =>
      code === 0 ? resolvePromise(out) : reject(new Error(`demo misslyckades (${code}): ${err}`)),
    );
  });
}

type Fixtures = { server: Server; demoServer: Server };

async function makeServer(use: (s: Server) => Promise<void>, withDemo: boolean): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vaxla-e2e-'));
  if (withDemo) {
    // The global setup made the demo once; each test gets its own copy of that closed database (a fresh folder).
    const template = process.env.VAXLA_E2E_DEMO_TEMPLATE;
    if (template && existsSync(join(template, 'vaxla.db'))) cpSync(template, dataDir, { recursive: true });
    else await runDemo(dataDir);
  }
  const { proc, url } = await startServer(dataDir);
  const u = new URL(url);
  const secret = u.hash.replace('#secret=', '');
  const server: Server = {
    url,
    origin: u.origin,
    secret,
    dataDir,
    async now() {
      const r = await this.api<{ now: string }>('system.status', {});
      if (!r.body.ok) throw new Error(r.body.error.message);
      return r.body.value.now;
    },
    async api(procedure, input = {}, token = null) {
      const res = await fetch(`${u.origin}/api/${procedure}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-vaxla-secret': secret,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
  };
  try {
    await use(server);
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `server`: a fresh, empty data folder. `demoServer`: a fresh data folder with `npm run demo` content. */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => makeServer(use, false),
  // eslint-disable-next-line no-empty-pattern
  demoServer: async ({}, use) => makeServer(use, true),
});
export { expect };

/** Demo accounts created by `npm run demo` (the demo prints them; fixed so tests can log in). */
export const DEMO_PASSWORD = 'vaxla-demo-2026';

export async function login(page: Page, server: Server, username: string, password: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

const stockholmMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An instant as Stockholm local 'YYYY-MM-DDTHH:MM'. */
export function localMinute(d: Date): string {
  const p = Object.fromEntries(stockholmMinute.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The day `n` days after the hosts' today. */
export function e2eDayPlus(n: number): string {
  const d = new Date(`${E2E_TODAY}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A two-hour meeting that starts at the host's coming minute (attendance can be recorded once it has started), on the
 * host's clock. The hosts start on a weekday morning, so it is always the same day.
 */
export async function meetingStartingSoon(
  server: Server,
): Promise<{ startsAt: string; endsAt: string; startMs: number }> {
  const now = new Date(await server.now()).getTime();
  const seconds = new Date(now).getUTCSeconds();
  const startMs = (Math.floor(now / 60_000) + (seconds >= 40 ? 2 : 1)) * 60_000;
  const startsAt = localMinute(new Date(startMs));
  const endsAt = localMinute(new Date(startMs + 2 * 3600_000));
  if (endsAt.slice(0, 10) !== startsAt.slice(0, 10))
    throw new Error(`VAXLA_E2E_NOW ligger för nära midnatt (${E2E_NOW}).`);
  return { startsAt, endsAt, startMs };
}

/** Waits until the host's clock has passed `ms` (plus a margin). */
export async function waitForHostTime(page: Page, server: Server, ms: number): Promise<void> {
  const now = new Date(await server.now()).getTime();
  await page.waitForTimeout(Math.max(0, ms - now + 1500));
}
