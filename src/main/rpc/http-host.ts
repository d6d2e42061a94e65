import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../security/csp';
import type { ErrorCode } from '../../shared/errors';
import { dispatch, type AppServices } from './dispatch';
import { describeContract } from './describe';

export const SECRET_HEADER = 'x-vaxla-secret';
const MAX_BODY_BYTES = 25 * 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_FOUND_PROCEDURE: 404,
  CONFLICT: 409,
  RULE: 422,
  LOCKED: 423,
  SETUP_REQUIRED: 409,
  INTERNAL: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface HttpHost {
  server: Server;
  port: number;
  secret: string;
  url: string;
  close(): Promise<void>;
}

export interface HttpHostOptions {
  port?: number;
  /** Folder with the built renderer (index.html). */
  staticDir: string;
  secret?: string;
}

/**
 * The second transport: a local HTTP host on 127.0.0.1 only. Every request must carry an allowed Host header
 * (127.0.0.1:PORT or localhost:PORT: a DNS-rebinding guard); every /api request must also carry the per-launch
 * secret. The static files are the built renderer (no data); the secret reaches the page in the URL fragment,
 * which browsers never send to a server or put in a Referer.
 */
export async function startHttpHost(app: AppServices, opts: HttpHostOptions): Promise<HttpHost> {
  const secret = opts.secret ?? randomBytes(24).toString('base64url');
  const secretBuf = Buffer.from(secret);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('[växla] http:', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Ett internt fel inträffade.' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Otillåten värd (Host).' } });
    }
    const origin = req.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Otillåtet ursprung (Origin).' } });
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const given = Buffer.from(String(req.headers[SECRET_HEADER] ?? ''));
      if (given.length !== secretBuf.length || !timingSafeEqual(given, secretBuf)) {
        return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Fel eller saknad nyckel för den här körningen.' } });
      }
      if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, describeContract());
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Använd POST.' } });
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      let body: unknown;
      try {
        body = await readJson(req);
      } catch (e) {
        return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: (e as Error).message } });
      }
      const auth = req.headers.authorization;
      const token = auth && auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
      const result = await dispatch(app, name, body, { token, transport: 'http' });
      return sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Otillåten metod.' } });
    }
    return serveStatic(url.pathname, req, res);
  }

  function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): void {
    const root = normalize(opts.staticDir);
    let rel = decodeURIComponent(pathname);
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return void sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Finns inte.' } });
    const target = existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
    if (!existsSync(target)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return void res.end('Gränssnittet är inte byggt. Kör "npm run build:renderer".');
    }
    const ext = extname(target);
    res.writeHead(200, {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(target).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    secret,
    url: `http://127.0.0.1:${port}/#secret=${secret}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Förfrågan är för stor.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('Förfrågan är inte giltig JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(text);
}
