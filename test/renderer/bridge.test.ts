// The transport choice: the Electron preload when it is there, otherwise HTTP to the web shell
// with the per-start token, which must leave the address bar and survive a reload.
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
  it('takes the token from the URL fragment, removes it from the address bar and sends it with every call', async () => {
    window.history.replaceState(null, '', '/#token=9f86d081884c7d65');
    const requests = fakeFetch();
    const bridge = createBridge();
    expect(window.location.href).not.toContain('9f86d081884c7d65');
    const r = await bridge.call('app.info', {});
    expect(r).toEqual({ ok: true, value: INFO });
    expect(requests[0]!.url).toBe('/api/call');
    expect(new Headers(requests[0]!.init.headers).get('X-Caseload-Token')).toBe('9f86d081884c7d65');
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({ method: 'app.info', input: {} });
  });

  it('keeps working after a reload, when the fragment no longer has the token', async () => {
    window.history.replaceState(null, '', '/#token=abc123');
    createBridge();
    window.history.replaceState(null, '', '/#/klanten');
    const requests = fakeFetch();
    await createBridge().call('clients.search', { query: 'jansen' });
    expect(new Headers(requests[0]!.init.headers).get('X-Caseload-Token')).toBe('abc123');
    expect(window.location.hash).toBe('#/klanten');
  });

  it('says in Dutch that the session expired when the shell refuses the token', async () => {
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
