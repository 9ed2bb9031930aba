// The loopback web shell for real: a temp SQLite store, a temp renderer folder, and HTTP
// requests from outside (fetch, and node:http where a raw path or a forged Host is needed,
// since fetch normalises both).
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { MAX_BODY_BYTES, startWebShell, type WebShell } from '../../../electron/web.js';
import { CSP } from '../../../electron/security.js';
import { tempDir, tempStore } from '../helpers.js';

const shells: WebShell[] = [];
afterEach(async () => {
  while (shells.length) await shells.pop()!.close();
});

/** A renderer folder with a secret file next to it, so traversal has something to find. */
function fixture(): { rendererDir: string; dir: string } {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Caseload</title><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("caseload")');
  writeFileSync(join(rendererDir, 'assets', 'index-Ab3_x-9Z.js'), 'console.log("caseload")');
  writeFileSync(join(dir, 'secret.txt'), 'GEHEIM');
  return { rendererDir, dir };
}

async function start(store = tempStore()) {
  const { rendererDir, dir } = fixture();
  const shell = await startWebShell({ store, rendererDir });
  shells.push(shell);
  return { shell, store, dir, base: `http://127.0.0.1:${shell.port}` };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request exactly as given: path not normalised, Host and Origin as we say. */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Streams a body of `size` bytes without Content-Length; resolves with the status the server answers. */
function chunkedUpload(port: number, token: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/call',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'x-caseload-token': token },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode!);
      },
    );
    // Writing may fail once the server has answered and closed the connection; the answer
    // (handled above) is what counts, so an error only fails the upload if no answer follows.
    req.on('error', (e) => setTimeout(() => reject(e), 2000).unref());
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

function call(
  base: string,
  token: string | null,
  method: string,
  input: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${base}/api/call`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { 'x-caseload-token': token }),
      ...headers,
    },
    body: JSON.stringify({ method, input }),
  });
}

describe('the web shell', () => {
  it('listens on 127.0.0.1 only and prints a URL with a one-time code, never the token', async () => {
    const { shell } = await start();
    const other = await start();
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/open/[0-9a-f]{64}$`));
    expect(shell.url).not.toContain(shell.token);
    expect(shell.token).toMatch(/^[0-9a-f]{64}$/);
    expect(other.shell.token).not.toBe(shell.token);
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const s = connect({ host, port: shell.port }, () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    expect(await reachable('::1')).toBe(false);
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan) expect(await reachable(lan.address)).toBe(false);
  });

  it('answers a call only with the token of this start', async () => {
    const { shell, base } = await start();
    expect((await call(base, null, 'app.info', {})).status).toBe(401);
    expect((await call(base, 'f'.repeat(64), 'app.info', {})).status).toBe(401);
    expect((await call(base, 'short', 'app.info', {})).status).toBe(401);
    const ok = await call(base, shell.token, 'app.info', {});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { empty: true, counts: { clients: 0, employers: 0 } } });
  });

  it('refuses requests for another host name or from another origin (DNS rebinding)', async () => {
    const { shell } = await start();
    const body = JSON.stringify({ method: 'app.info', input: {} });
    const headers = { 'content-type': 'application/json', 'x-caseload-token': shell.token };
    const post = (extra: Record<string, string>) =>
      raw(shell.port, { method: 'POST', path: '/api/call', headers: { ...headers, ...extra }, body });
    expect((await post({ host: `evil.example:${shell.port}` })).status).toBe(403);
    expect((await post({ host: `127.0.0.1:${shell.port + 1}` })).status).toBe(403);
    expect((await raw(shell.port, { path: '/', headers: { host: `evil.example:${shell.port}` } })).status).toBe(403);
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ origin: `http://evil.example:${shell.port}` })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ host: `localhost:${shell.port}`, origin: `http://localhost:${shell.port}` })).status).toBe(
      200,
    );
    expect((await post({ origin: `http://127.0.0.1:${shell.port}` })).status).toBe(200);
  });

  it('serves the built UI with the CSP and without sniffing or referrers', async () => {
    const { base } = await start();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Caseload</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const script = await fetch(`${base}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('caseload');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('lets the browser keep hashed assets (and their compiled code), never the page that names them', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('no-store');
    // Vite's build names: the content hash is in the name, so the file never changes under it.
    const hashed = await fetch(`${base}/assets/index-Ab3_x-9Z.js`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}/assets/missing-Ab3_x-9Z.js`)).headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    '/../secret.txt',
    '/../../etc/passwd',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2E%2E/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/index.html%00.js',
  ])('does not serve files outside the renderer folder: %s', async (path) => {
    const { shell } = await start();
    const res = await raw(shell.port, { path });
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('GEHEIM');
    expect(res.body).not.toContain('root:');
  });

  it('returns contract errors as results: unknown method, invalid input with the field', async () => {
    const { shell, base } = await start();
    expect(await (await call(base, shell.token, 'clients.drop', {})).json()).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await (await call(base, shell.token, 'toString', {})).json()).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    const invalid = await (await call(base, shell.token, 'clients.get', { id: 5 })).json();
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
  });

  it('accepts only JSON posts of reasonable size on the call endpoint', async () => {
    const { shell, base } = await start();
    const headers = { 'x-caseload-token': shell.token };
    expect((await fetch(`${base}/api/call`, { headers })).status).toBe(405);
    expect(
      (
        await fetch(`${base}/api/call`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/plain' },
          body: '{"method":"app.info"}',
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await fetch(`${base}/api/call`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{"method":',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await fetch(`${base}/api/call`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: '["app.info"]',
        })
      ).status,
    ).toBe(400);
    const big = JSON.stringify({ method: 'clients.search', input: { query: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(
      (
        await fetch(`${base}/api/call`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: big,
        })
      ).status,
    ).toBe(413);
    expect(await chunkedUpload(shell.port, shell.token, MAX_BODY_BYTES + 1024 * 1024)).toBe(413);
    // Still serving after the refusals.
    expect((await call(base, shell.token, 'app.info', {})).status).toBe(200);
    expect((await fetch(`${base}/api/nothing`, { headers })).status).toBe(404);
  });

  it('trades the one-time code for an HttpOnly SameSite=Strict cookie, once', async () => {
    const { shell, base } = await start();
    const opened = await fetch(shell.url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/');
    const setCookie = opened.headers.get('set-cookie')!;
    expect(setCookie).toBe(`${shell.cookieName}=${shell.token}; HttpOnly; SameSite=Strict; Path=/`);
    // The code is spent: whoever read it from a process list or a history afterwards gets nothing.
    const again = await fetch(shell.url, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${base}/open/${'0'.repeat(64)}`, { redirect: 'manual' })).status).toBe(401);
    // The cookie is the session: calls and the event stream work with it alone.
    const cookie = { cookie: `${shell.cookieName}=${shell.token}` };
    const info = await fetch(`${base}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...cookie },
      body: JSON.stringify({ method: 'app.info', input: {} }),
    });
    expect(await info.json()).toMatchObject({ ok: true });
    const events = await fetch(`${base}/api/events`, { headers: cookie });
    expect(events.status).toBe(200);
    await events.body!.cancel();
    // Another shell's cookie (another port) is no key here.
    const other = await start();
    const foreign = await fetch(`${base}/api/events`, {
      headers: { cookie: `${other.shell.cookieName}=${other.shell.token}` },
    });
    expect(foreign.status).toBe(401);
  });

  it('lets the token expire with the server: a new start on the same port refuses the old cookie', async () => {
    const { rendererDir } = fixture();
    const store = tempStore();
    const first = await startWebShell({ store, rendererDir });
    const port = first.port;
    const cookie = `${first.cookieName}=${first.token}`;
    await first.close();
    const second = await startWebShell({ store, rendererDir, port });
    shells.push(second);
    const res = await fetch(`http://127.0.0.1:${port}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ method: 'app.info', input: {} }),
    });
    expect(res.status).toBe(401);
  });

  it('streams backend events to a page that holds the token, never taking it from the URL', async () => {
    const { shell, base } = await start();
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await fetch(`${base}/api/events?token=${shell.token}`)).status).toBe(401);
    const events = await fetch(`${base}/api/events`, { headers: { 'x-caseload-token': shell.token } });
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = events.body!.getReader();
    const result = await call(base, shell.token, 'demo.load', { clients: 3, seed: 7 });
    expect(await result.json()).toMatchObject({ ok: true, value: { clients: 3 } });
    let text = '';
    while (!text.includes('data:')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const line = text.split('\n').find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(line.slice(6))).toMatchObject({
      event: 'data.changed',
      payload: { kinds: expect.arrayContaining(['clients']) },
    });
    await reader.cancel();
  });

  it('opens the database file itself when given one, and writes to it', async () => {
    const { rendererDir } = fixture();
    const dbFile = join(tempDir(), 'caseload.sqlite');
    const shell = await startWebShell({ dbFile, rendererDir });
    const base = `http://127.0.0.1:${shell.port}`;
    expect(await (await call(base, shell.token, 'demo.load', { clients: 2, seed: 1 })).json()).toMatchObject({
      ok: true,
    });
    await shell.close();
    const store = Store.open(dbFile);
    try {
      expect(store.db.prepare('SELECT count(*) FROM clients WHERE deleted = 0').pluck().get()).toBe(2);
    } finally {
      store.close();
    }
  });
});
