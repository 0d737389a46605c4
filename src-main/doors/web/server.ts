import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { callAsync } from '../../dispatch';
import type { ErrorCode } from '@shared/contract/errors';
import type { Core } from '../../core';
import { CSP } from '../security';

// The web door: the same API over HTTP, for the web mode and browser tests.
// Bound to 127.0.0.1; every request needs the per-run token (a header, or the
// cookie set by opening the printed URL once); other origins and hosts are refused.

export interface WebServer {
  url: string;
  /** The URL to open in a browser: it carries the token once, then a cookie does. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface WebOptions {
  port?: number;
  token?: string;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
}

// A ledger file travels as base64 inside the JSON body: the contract allows 70,000,000
// characters of it (about 52 MB of file), plus the other fields and the JSON around them.
export const MAX_BODY = 80 * 1024 * 1024;

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  BUSY: 503,
  WORKFLOW: 422,
  INTERNAL: 500,
};

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** decodeURIComponent that gives null for malformed escapes instead of throwing. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return safeDecode(v.join('=')) ?? undefined;
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 413 ? 'VALIDATION' : 'FORBIDDEN';
  send(res, status, { error: { code, message, details: {} } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      if (size > MAX_BODY) return;
      size += c.length;
      if (size > MAX_BODY) {
        // Keep reading (and dropping) the rest: destroying the socket here would lose the 413.
        chunks.length = 0;
        reject(new Error('body too large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebServer(core: Core, options: WebOptions = {}): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const assets = options.staticDir
    ? sirv(options.staticDir, { single: true, dev: false, etag: true, gzip: false, brotli: false })
    : null;
  let port = 0;
  let cookieName = '';
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    // DNS rebinding: only our own host names.
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, 'unknown host');
    const origin = req.headers.origin;
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return refuse(res, 403, 'requests from other origins are refused');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    // Opening the printed URL: trade the token in the query for a cookie, drop it from the address bar.
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (!sameToken(queryToken, token)) return refuse(res, 401, 'wrong token');
      res.writeHead(303, {
        location: '/',
        'set-cookie': `${cookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return res.end();
    }

    const auth = req.headers.authorization?.replace(/^Bearer /, '');
    if (!sameToken(auth, token) && !sameToken(cookie(req, cookieName), token)) {
      return refuse(res, 401, 'this Visit Ledger server needs its token: open the URL it printed');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'use POST');
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.trim() ? JSON.parse(body) : undefined;
      } catch (e) {
        const tooLarge = e instanceof Error && e.message === 'body too large';
        if (tooLarge) res.setHeader('connection', 'close');
        return send(res, tooLarge ? 413 : 400, {
          error: {
            code: 'VALIDATION',
            message: tooLarge
              ? `request body is larger than ${MAX_BODY / 1024 / 1024} MiB`
              : `request body is not valid JSON: ${(e as Error).message}`,
            details: {},
          },
        });
      }
      const raw = url.pathname.slice('/api/'.length);
      // A malformed name is passed on as is: callAsync() answers UNKNOWN_METHOD.
      const result = await callAsync(core, safeDecode(raw) ?? raw, input);
      return result.ok
        ? send(res, 200, { result: result.result })
        : send(res, HTTP_STATUS[result.error.code], { error: result.error });
    }

    if (!assets || (req.method !== 'GET' && req.method !== 'HEAD')) return refuse(res, 404, 'not found');
    res.setHeader('content-security-policy', CSP);
    assets(req, res, () => refuse(res, 404, 'not found'));
  };
  // A request that throws must never take the server (and the app's web mode) down.
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      send(res, 500, {
        error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), details: {} },
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  cookieName = `vl_token_${port}`;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    openUrl: `${base}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
