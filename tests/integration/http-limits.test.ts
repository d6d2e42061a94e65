import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../src/main/rpc/http-host';
import { MAX_REQUEST_BYTES } from '../../src/main/rpc/limits';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let host: HttpHost;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  const staticDir = mkdtempSync(join(tmpdir(), 'vaxla-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Växla</title>');
  host = await startHttpHost(t.app, { staticDir });
  token = await t.userWithRoles('kim', ['coordinator']);
});
afterAll(async () => {
  await host.close();
  t.close();
});

const MB = 1024 * 1024;
const TOO_LARGE = { ok: false, error: { code: 'TOO_LARGE', message: 'Filen är för stor (högst 10 MB).' } };

/** An import request carrying a file of `bytes` bytes, as the screen sends it. */
function importBody(bytes: number): Buffer {
  const file = Buffer.alloc(bytes, 'Personnummer;Förnamn\r\n');
  return Buffer.from(JSON.stringify({ fileName: 'remisser.csv', contentBase64: file.toString('base64') }));
}

interface Reply {
  status: number;
  body: unknown;
}

/**
 * POSTs `body` to importPreview, in 1 MB writes. `contentLength`: the header to send ('auto' = the true length,
 * null = none, i.e. chunked). The promise settles with the reply, or rejects if the connection ends without one.
 */
function post(body: Buffer, contentLength: number | 'auto' | null, sendBytes = body.length): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      host: `127.0.0.1:${host.port}`,
      'content-type': 'application/json',
      'x-vaxla-secret': host.secret,
      authorization: `Bearer ${token}`,
    };
    if (contentLength !== null) headers['content-length'] = contentLength === 'auto' ? body.length : contentLength;
    const req = request(
      { host: '127.0.0.1', port: host.port, path: '/api/participants.importPreview', method: 'POST', headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      },
    );
    // An upload cut off after the reply is no failure here: the reply (or its absence) decides.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    req.on('close', () => setTimeout(() => reject(new Error('no reply')), 50).unref());
    let sent = 0;
    const pump = () => {
      while (sent < sendBytes) {
        const chunk = body.subarray(sent, Math.min(sent + MB, sendBytes));
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (contentLength === 'auto' || contentLength === null) req.end();
    };
    pump();
  });
}

describe('requests over the size limit get 413 with a Swedish message, on the HTTP host', () => {
  it('answers an 18 MB and a 20 MB import with 413 before reading them, and the client reads the answer', async () => {
    for (const size of [18 * MB, 20 * MB]) {
      const reply = await post(importBody(size), 'auto');
      expect(reply.status, `${size / MB} MB`).toBe(413);
      expect(reply.body).toEqual(TOO_LARGE);
    }
  });

  it('counts what streams in when no length is declared (chunked): 20 MB gets 413', async () => {
    const reply = await post(importBody(20 * MB), null);
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual(TOO_LARGE);
  });

  it('answers a request that declares more than the limit at once, even if the body never comes', async () => {
    const body = importBody(1024);
    const reply = await post(body, MAX_REQUEST_BYTES + 1, body.length);
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual(TOO_LARGE);
  });

  it('answers a request that declares a small length and sends 20 MB with a reply, not a silent reset', async () => {
    // HTTP/1.1 frames the body by Content-Length: the host reads the declared 1,000 bytes (not JSON on their own) and
    // answers; the rest is not a request and the connection closes after the answer.
    const socket = connect(host.port, '127.0.0.1');
    const big = importBody(20 * MB);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (received += c));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /api/participants.importPreview HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\n` +
        `x-vaxla-secret: ${host.secret}\r\nAuthorization: Bearer ${token}\r\nContent-Length: 1000\r\n\r\n`,
    );
    socket.write(big.subarray(0, 4 * MB));
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
    expect(received).toContain('Förfrågan är inte giltig JSON.');
  });

  it('reads a request just under the limit and keeps serving after refusals', async () => {
    const body = Buffer.from(
      JSON.stringify({ fileName: 'x.pdf', contentBase64: Buffer.alloc(10 * MB, '%PDF-1.7 ').toString('base64') }),
    );
    expect(body.length).toBeLessThan(MAX_REQUEST_BYTES);
    const reply = await post(body, 'auto');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, value: { ok: false, error: expect.stringContaining('PDF') } });
  });
});
