import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { SECURITY_HEADERS } from '../security/csp';
import type { ErrorCode } from '../../shared/errors';
import { dispatch, type AppServices } from './dispatch';
import { describeContract } from './describe';
import { MAX_REQUEST_BYTES, TOO_LARGE_ERROR } from './limits';

export const SECRET_HEADER = 'x-vaxla-secret';
/** After a 413, what the client still sends is read and dropped (so it gets to read the answer) up to this much. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;
/** … and for at most this long; then the connection is cut. */
const DISCARD_MS = 10_000;
/** A client that has sent nothing for this long after a refusal has stopped: the connection is closed. */
const QUIET_MS = 500;

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_FOUND_PROCEDURE: 404,
  CONFLICT: 409,
  RULE: 422,
  LOCKED: 423,
  TOO_LARGE: 413,
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

  /** The response still being prepared on each connection, so a protocol error after a request waits for it. */
  const inFlight = new WeakMap<Socket, ServerResponse>();
  const server = createServer((req, res) => {
    inFlight.set(req.socket, res);
    res.once('finish', () => {
      if (inFlight.get(req.socket) === res) inFlight.delete(req.socket);
    });
    handle(req, res).catch((e) => {
      console.error('[växla] http:', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Ett internt fel inträffade.' } });
      else res.end();
    });
  });

  // Bytes that are not HTTP, typically a body longer than its Content-Length: the request that was framed gets its
  // answer first, then the connection closes; with nothing in flight the answer is a 400 in Swedish. (Node's default
  // would cut the connection at once, before the answer to the framed request.)
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const pending = inFlight.get(socket);
    // The parser stays in error from here on: the socket's data is no longer HTTP, only to be dropped.
    socket.removeAllListeners('data');
    socket.pause();
    if (pending) {
      pending.shouldKeepAlive = false;
      pending.once('finish', () => discardThenClose(socket));
      setTimeout(() => socket.destroy(), DISCARD_MS).unref();
      return;
    }
    const text = JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Förfrågan kunde inte läsas (felaktig HTTP).' } });
    discardThenClose(socket);
    socket.write(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
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
      // Too large by its own word: answered before a byte of the body is read.
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_REQUEST_BYTES) return refuseTooLarge(req, res);
      let body: unknown;
      try {
        body = await readJson(req);
      } catch (e) {
        // Too large as it streams in (chunked, or more than declared), however the request was framed.
        if (e instanceof TooLarge) return refuseTooLarge(req, res);
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

class TooLarge extends Error {}

/** Reads the JSON body, refusing (with TooLarge) as soon as more than MAX_REQUEST_BYTES have arrived. */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        req.off('data', onData);
        chunks.length = 0;
        reject(new TooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (size > MAX_REQUEST_BYTES) return;
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

/**
 * 413 with the Swedish message, and only then the connection is closed. The answer goes out at once; what the client
 * still sends is read and dropped (up to MAX_DISCARD_BYTES or DISCARD_MS) and the connection is closed when it has
 * finished. Closing while the client still sends would make its system reset the connection and throw the unread
 * answer away: the client would see a reset instead of the message.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 413, { ok: false, error: TOO_LARGE_ERROR });
  if (req.complete) return;
  discardThenClose(req.socket, req);
}

/**
 * Reads and drops what still arrives on `socket`, then closes it gracefully: when the body has ended or the client
 * has been quiet for QUIET_MS; it is cut off past MAX_DISCARD_BYTES or DISCARD_MS.
 */
function discardThenClose(socket: Socket, stream: NodeJS.ReadableStream = socket): void {
  let discarded = 0;
  const cut = setTimeout(() => socket.destroy(), DISCARD_MS);
  cut.unref();
  let quiet = setTimeout(() => socket.end(), QUIET_MS);
  stream.on('data', (c: Buffer) => {
    discarded += c.length;
    if (discarded > MAX_DISCARD_BYTES) return void socket.destroy();
    clearTimeout(quiet);
    quiet = setTimeout(() => socket.end(), QUIET_MS);
  });
  stream.once('end', () => {
    clearTimeout(quiet);
    socket.end();
  });
  socket.once('close', () => {
    clearTimeout(cut);
    clearTimeout(quiet);
  });
  stream.resume();
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
    ...extraHeaders,
  });
  res.end(text);
}
