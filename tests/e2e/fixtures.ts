import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Server {
  url: string;
  origin: string;
  secret: string;
  dataDir: string;
  /** Calls a procedure over HTTP like any client (for seeding and for API-level assertions). */
  api<T = unknown>(procedure: string, input?: unknown, token?: string | null): Promise<{ status: number; body: { ok: true; value: T } | { ok: false; error: { code: string; message: string } } }>;
}

function startServer(dataDir: string, extraArgs: string[] = []): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/serve.ts'), '--data', dataDir, '--no-build', ...extraArgs], {
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
    const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/demo.ts'), '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`demo misslyckades (${code}): ${err}`))));
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
    async api(procedure, input = {}, token = null) {
      const res = await fetch(`${u.origin}/api/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vaxla-secret': secret, ...(token ? { authorization: `Bearer ${token}` } : {}) },
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
