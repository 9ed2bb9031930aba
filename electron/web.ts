// The loopback web shell: the built renderer and the contract over HTTP on 127.0.0.1, for
// end-to-end tests and machines without the Electron binary. Protocol (renderer/bridge.ts):
//   GET  /open/CODE   the one-time code from the printed URL: sets the session cookie, -> 303 /
//   POST /api/call    JSON {method, input} -> 200 Result JSON
//   GET  /api/events  Server-Sent Events, each `data: {"event","payload"}`
// Both /api paths need the session token: the HttpOnly, SameSite=Strict cookie the browser got
// from /open (scripts and tests may send it as header X-Caseload-Token instead). The token never
// leaves this process otherwise: not in a URL, not in the browser's or anyone's process arguments
// (`ps` shows those to every local user); the printed URL carries only the one-time code, which
// is worthless once the page has opened. The token is random per start and lives in memory only,
// so it expires when the server stops. Host must be 127.0.0.1:PORT or localhost:PORT and Origin,
// when sent, the same (DNS-rebinding defence).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES, isMethodName } from '../db/api/contract.js';
import { createApi } from '../db/api/dispatch.js';
import { type Session } from '../db/model/roles.js';
import { SECURITY_HEADERS } from './security.js';
import { serveStatic } from './static.js';
import { startSession } from './session.js';
import { Store, backupDirFor, commitRestore, discardPendingRestore } from '../db/api/host.js';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const TOKEN_HEADER = 'x-caseload-token';

export interface WebShellOptions {
  /** An open store (the caller closes it), or a database file the shell opens and closes. */
  store?: Store;
  dbFile?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The caller's session; absent = as the app starts (signed out when the database has users). */
  session?: Session | null;
}

export interface WebShell {
  /** Open this in a browser, once: http://127.0.0.1:PORT/open/CODE (a one-time code, not the token). */
  url: string;
  /** The session token, for in-process callers (tests); the browser holds it only as an HttpOnly cookie. */
  token: string;
  /** The session cookie's name (per port: cookies do not tell ports apart). */
  cookieName: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(value));
}

function tokenMatches(expected: Buffer, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const b = Buffer.from(given);
  return b.length === expected.length && timingSafeEqual(b, expected);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Reads a body up to MAX_BODY_BYTES; beyond that the rest is discarded unread and 413 follows. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpError(413, 'Verzoek te groot');
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Puts a staged restore in place; one that cannot be (database in use elsewhere) is dropped. */
function finishRestore(dbFile: string): void {
  try {
    commitRestore(dbFile, { backupDir: backupDirFor(dbFile) });
  } catch {
    discardPendingRestore(dbFile);
  }
}

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  if (!opts.store && !opts.dbFile) throw new Error('startWebShell: store or dbFile is required');
  const ownsStore = !opts.store;
  if (ownsStore) finishRestore(opts.dbFile!);
  let store = opts.store ?? Store.open(opts.dbFile!);
  let api = createApi(store, opts.session !== undefined ? opts.session : startSession(store), { transport: 'app' });
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  // The printed URL's code: one use, then the cookie carries the session.
  let openCode: Buffer | null = Buffer.from(randomBytes(32).toString('hex'));
  const openCodeText = openCode.toString();
  let cookieName = 'caseload';
  const authorized = (req: IncomingMessage) =>
    tokenMatches(tokenBytes, req.headers[TOKEN_HEADER]) || tokenMatches(tokenBytes, cookieValue(req, cookieName));
  const streams = new Set<ServerResponse>();
  let port = 0;

  const broadcast = (event: string, payload: unknown) => {
    const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const s of streams) s.write(line);
  };
  let unsubscribe = EVENT_NAMES.map((event) => api.on(event, (payload) => broadcast(event, payload)));

  // A restore staged in Beheer: once the answer is out, close the store, put the backup in place
  // and open it again (the Electron main restarts the app instead). A store we were given is not
  // ours to close: the restore then waits for the next start.
  const reopenAfterRestore = () =>
    setImmediate(() => {
      if (!ownsStore || closed) return;
      const session = api.session;
      unsubscribe.forEach((off) => off());
      store.close();
      finishRestore(opts.dbFile!);
      store = Store.open(opts.dbFile!);
      api = createApi(store, session, { transport: 'app' });
      unsubscribe = EVENT_NAMES.map((event) => api.on(event, (payload) => broadcast(event, payload)));
      api.on('backup.restored', reopenAfterRestore);
      broadcast('data.changed', {
        kinds: ['clients', 'employers', 'vacancies', 'placements', 'activities', 'contacts'],
      });
    });
  api.on('backup.restored', reopenAfterRestore);

  function hostAllowed(req: IncomingMessage): boolean {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowed.some((h) => origin === `http://${h}`);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw Object.assign(new HttpError(405, 'Alleen POST'), { allow: 'POST' });
    if (!authorized(req)) throw new HttpError(401, 'Ongeldige of ontbrekende sleutel');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, 'Verwacht application/json');
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Ongeldige JSON');
    }
    if (
      !body ||
      typeof body !== 'object' ||
      Array.isArray(body) ||
      typeof (body as { method?: unknown }).method !== 'string'
    ) {
      throw new HttpError(400, 'Verwacht {method, input}');
    }
    const { method, input } = body as { method: string; input?: unknown };
    if (!isMethodName(method)) {
      sendJson(res, 200, {
        ok: false,
        error: { code: 'unknown_method', message: `Onbekende functie: ${method.slice(0, 100)}` },
      });
      return;
    }
    sendJson(res, 200, await api.call(method, input));
  }

  /** The one-time code from the printed URL: sets the session cookie once; a used code opens nothing. */
  function handleOpen(req: IncomingMessage, res: ServerResponse, code: string): void {
    if (req.method !== 'GET') throw Object.assign(new HttpError(405, 'Alleen GET'), { allow: 'GET' });
    if (!openCode || !tokenMatches(openCode, code))
      throw new HttpError(401, 'Deze link is al gebruikt of ongeldig. Start Caseload opnieuw voor een nieuwe link.');
    openCode = null;
    send(
      res,
      303,
      {
        Location: '/',
        // No Max-Age: gone when the browser closes; the token itself dies with this server.
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Content-Type': 'text/plain; charset=utf-8',
      },
      'Aangemeld bij de webversie van Caseload',
    );
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') throw Object.assign(new HttpError(405, 'Alleen GET'), { allow: 'GET' });
    if (!authorized(req)) throw new HttpError(401, 'Ongeldige of ontbrekende sleutel');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': verbonden\n\n');
    streams.add(res);
    // Comments keep proxies and the browser from timing the stream out.
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    ping.unref();
    res.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req)) throw new HttpError(403, 'Verboden');
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    if (path === '/api/call') return handleCall(req, res);
    if (path === '/api/events') return handleEvents(req, res);
    if (path.startsWith('/open/')) return handleOpen(req, res, path.slice('/open/'.length));
    if (path.startsWith('/api/')) throw new HttpError(404, 'Onbekend adres');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw Object.assign(new HttpError(405, 'Alleen GET'), { allow: 'GET, HEAD' });
    const file = await serveStatic(opts.rendererDir, path);
    res.writeHead(file.status, file.headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) {
        const allow = (e as HttpError & { allow?: string }).allow;
        const extra: Record<string, string> = allow ? { Allow: allow } : {};
        // Do not read on after a refused oversized body: answer and end the connection.
        if (e.status === 413) extra.Connection = 'close';
        send(res, e.status, { 'Content-Type': 'text/plain; charset=utf-8', ...extra }, e.message);
      } else {
        // Never echo internal messages: they may carry client data.
        send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Interne fout');
      }
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;

  let closed = false;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  cookieName = `caseload-${port}`;

  return {
    url: `http://127.0.0.1:${port}/open/${openCodeText}`,
    token,
    cookieName,
    port,
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe.forEach((off) => off());
      for (const s of streams) s.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownsStore) store.close();
    },
  };
}
