import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../src/main/rpc/http-host';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app';

let t: TestApp;
let host: HttpHost;
let staticDir: string;

beforeEach(async () => {
  t = await createTestApp();
  staticDir = mkdtempSync(join(tmpdir(), 'vaxla-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Växla</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHttpHost(t.app, { staticDir });
});
afterEach(async () => {
  await host.close();
  t.close();
});

/** Raw request so the Host header can be forged (fetch won't let us). */
function raw(opts: { path: string; method?: string; host?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: { host: opts.host ?? `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (proc: string, body: unknown, token?: string) =>
  raw({
    path: `/api/${proc}`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-vaxla-secret': host.secret,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

describe('HTTP host', () => {
  it('listens on 127.0.0.1 and prints the address with the secret in the fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#secret=[\\w-]{20,}$`));
  });

  it('refuses a foreign Host header (DNS rebinding) on every path', async () => {
    for (const path of ['/', '/api/system.status', '/assets/app.js']) {
      const r = await raw({
        path,
        host: `evil.example:${host.port}`,
        method: path.startsWith('/api') ? 'POST' : 'GET',
        headers: { 'x-vaxla-secret': host.secret },
      });
      expect(r.status).toBe(403);
    }
    expect((await raw({ path: '/', host: `localhost:${host.port}` })).status).toBe(200);
    expect((await raw({ path: '/', host: `127.0.0.1:${host.port + 1}` })).status).toBe(403);
  });

  it('refuses an API call without or with a wrong secret', async () => {
    expect((await raw({ path: '/api/system.status', method: 'POST', body: '{}' })).status).toBe(403);
    expect(
      (await raw({ path: '/api/system.status', method: 'POST', headers: { 'x-vaxla-secret': 'wrong' }, body: '{}' }))
        .status,
    ).toBe(403);
    expect((await api('system.status', {})).status).toBe(200);
  });

  it('refuses a cross-origin request', async () => {
    const r = await raw({
      path: '/api/system.status',
      method: 'POST',
      headers: { 'x-vaxla-secret': host.secret, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(r.status).toBe(403);
  });

  it('answers 200 {ok,value} and 4xx {ok:false,error:{code,message}} in Swedish, never a stack trace', async () => {
    const ok = await api('system.status', {});
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { setupRequired: true } });
    const bad = await api('system.setup', { username: '', displayName: 'X', password: TEST_PASSWORD });
    expect(bad.status).toBe(400);
    const err = JSON.parse(bad.body) as { ok: boolean; error: { code: string; message: string; field: string } };
    expect(err).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'username' } });
    expect(err.error.message).toMatch(/^Användarnamn: /);
    const unauth = await api('users.list', {});
    expect(unauth.status).toBe(401);
    const notJson = await raw({
      path: '/api/system.status',
      method: 'POST',
      headers: { 'x-vaxla-secret': host.secret },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body).not.toMatch(/at .*\.ts:\d+/);
    const unknown = await api('nope.nothing', {});
    expect(unknown.status).toBe(404);
  });

  it('logs in over HTTP and uses the bearer token', async () => {
    await t.setupAdmin();
    const login = JSON.parse((await api('auth.login', { username: 'admin', password: TEST_PASSWORD })).body) as {
      value: { token: string };
    };
    const me = await api('auth.me', {}, login.value.token);
    expect(JSON.parse(me.body)).toMatchObject({ ok: true, value: { username: 'admin' } });
  });

  it('describes the whole contract as JSON Schema at GET /api', async () => {
    const r = await raw({ path: '/api', headers: { 'x-vaxla-secret': host.secret } });
    expect(r.status).toBe(200);
    const d = JSON.parse(r.body) as {
      procedures: Array<{
        name: string;
        roles: unknown;
        input: { type?: string; properties?: Record<string, unknown> };
        output: unknown;
      }>;
    };
    const login = d.procedures.find((p) => p.name === 'auth.login')!;
    expect(login.roles).toBe('public');
    expect(Object.keys(login.input.properties ?? {})).toEqual(['username', 'password']);
    expect(d.procedures.map((p) => p.name)).toContain('audit.list');
    expect((await raw({ path: '/api' })).status).toBe(403);
  });

  it('serves the renderer with security headers and refuses path traversal', async () => {
    const index = await raw({ path: '/' });
    expect(index.status).toBe(200);
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect((await raw({ path: '/assets/app.js' })).body).toBe('console.log(1)');
    const trav = await raw({ path: '/../../etc/passwd' });
    expect(trav.body).not.toContain('root:');
    const enc = await raw({ path: '/%2e%2e/%2e%2e/etc/passwd' });
    expect(enc.body).not.toContain('root:');
  });
});
