// The transport choice: the Electron preload when it is there, otherwise HTTP to the web shell,
// authorized by its HttpOnly cookie: the page itself never holds a token.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../renderer/bridge.js';

const INFO = {
  device: 'd1',
  deviceName: 'laptop-1',
  user: { id: 'u1', name: 'Beheerder', role: 'beheerder' },
  counts: { clients: 0, employers: 0, vacancies: 0 },
  empty: true,
};

function fakeFetch() {
  const requests: { url: string; init: RequestInit }[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(JSON.stringify({ ok: true, value: INFO }), { headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return requests;
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  delete window.caseload;
});

describe('bridge', () => {
  it('calls the same origin with its cookie and puts no token in a header, the URL or storage', async () => {
    window.history.replaceState(null, '', '/#/klanten');
    const requests = fakeFetch();
    const r = await createBridge().call('app.info', {});
    expect(r).toEqual({ ok: true, value: INFO });
    expect(requests[0]!.url).toBe('/api/call');
    expect(requests[0]!.init.credentials).toBe('same-origin');
    expect(new Headers(requests[0]!.init.headers).get('X-Caseload-Token')).toBeNull();
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({ method: 'app.info', input: {} });
    expect(sessionStorage.length).toBe(0);
    expect(window.location.hash).toBe('#/klanten');
  });

  it('opens the event stream without a token in its URL', () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'EventSource',
      class {
        onmessage: unknown = null;
        constructor(url: string) {
          urls.push(url);
        }
      },
    );
    createBridge().on('data.changed', () => undefined);
    expect(urls).toEqual(['/api/events']);
  });

  it('says in Dutch that the session expired when the shell refuses the cookie', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"error":"Ongeldige of ontbrekende sleutel"}', { status: 401 }));
    const r = await createBridge().call('app.info', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('unauthorized');
  });

  it('uses the Electron preload when it is there', async () => {
    const requests = fakeFetch();
    const calls: [string, unknown][] = [];
    window.caseload = {
      call: async (method, input) => {
        calls.push([method, input]);
        return { ok: true, value: INFO };
      },
      on: () => () => undefined,
      printToPdf: async () => null,
    };
    const r = await createBridge().call('app.info', {});
    expect(r).toEqual({ ok: true, value: INFO });
    expect(calls).toEqual([['app.info', {}]]);
    expect(requests).toEqual([]);
  });
});
