// The IPC side of the Electron shell without an Electron binary: the router main.ts wires to
// 'caseload:call' (with a real SQLite store), and the real preload bundle (built by
// build/build-electron.mjs) run against a recording contextBridge/ipcRenderer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../../db/api/contract.js';
import { createApi } from '../../../db/api/dispatch.js';
import { CHANNELS, createCallRouter, pdfFileName } from '../../../electron/ipc.js';
import type { CaseloadBridge } from '../../../electron/channels.js';
import { REPO, tempStore } from '../helpers.js';

describe('the IPC router', () => {
  it('answers the app window with the contract result', async () => {
    const route = createCallRouter(createApi(tempStore()));
    const r = await route('app://caseload/index.html', 'app.info', {});
    expect(r).toMatchObject({ ok: true, value: { empty: true, counts: { clients: 0 } } });
  });

  it('refuses frames that do not show the app, before touching the store', async () => {
    const store = tempStore();
    const route = createCallRouter(createApi(store));
    for (const sender of ['https://evil.example/', 'file:///tmp/x.html', 'about:blank', undefined]) {
      const r = await route(sender, 'demo.load', { clients: 1 });
      expect(r, String(sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });

  it('refuses names outside the contract and validates input against it', async () => {
    const route = createCallRouter(createApi(tempStore()));
    expect(await route('app://caseload/', 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await route('app://caseload/', 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await route('app://caseload/', 'clients.get', { id: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'id' },
    });
  });

  it('suggests a file name the save dialog can use on every system', () => {
    expect(pdfFileName('Halfjaarrapportage 2026-1')).toBe('Halfjaarrapportage 2026-1.pdf');
    expect(pdfFileName('../../evil:name?*')).toBe('evil name.pdf');
    expect(pdfFileName('  ')).toBe('Caseload.pdf');
    expect(pdfFileName(undefined)).toBe('Caseload.pdf');
    expect(pdfFileName('x'.repeat(300))).toHaveLength(104);
  });
});

interface Recorded {
  exposed: Map<string, unknown>;
  required: string[];
  invoked: unknown[][];
  listeners: Map<string, Set<(...a: unknown[]) => void>>;
}

/** Runs the built preload as Electron's sandbox would: CommonJS with a `require` for 'electron' only. */
function runPreload(code: string): Recorded {
  const rec: Recorded = { exposed: new Map(), required: [], invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => rec.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        rec.invoked.push(args);
        return Promise.resolve({ ok: true, value: 'from main' });
      },
      on: (channel: string, fn: (...a: unknown[]) => void) => {
        if (!rec.listeners.has(channel)) rec.listeners.set(channel, new Set());
        rec.listeners.get(channel)!.add(fn);
      },
      removeListener: (channel: string, fn: (...a: unknown[]) => void) => rec.listeners.get(channel)?.delete(fn),
    },
  };
  const module = { exports: {} };
  const require = (name: string) => {
    rec.required.push(name);
    if (name !== 'electron') throw new Error(`module not found in sandbox: ${name}`);
    return electron;
  };
  runInNewContext(code, { module, exports: module.exports, require, Promise, TypeError, Set, Object, String });
  return rec;
}

describe('the preload bundle', () => {
  let code: string;
  let main: string;

  // Built once for the whole block (the per-test temp folders are removed after each test).
  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'caseload-electron-build-'));
    try {
      execFileSync(process.execPath, [join(REPO, 'build/build-electron.mjs'), '--out', out], {
        cwd: REPO,
        stdio: 'pipe',
      });
      code = readFileSync(join(out, 'preload.cjs'), 'utf8');
      main = readFileSync(join(out, 'main.cjs'), 'utf8');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('needs nothing but electron, so it runs in the sandbox', () => {
    const rec = runPreload(code);
    expect(rec.required).toEqual(['electron']);
    // The contract's schemas (zod) stay out of the window: only the event names are bundled.
    expect(code.length).toBeLessThan(10_000);
  });

  it('exposes window.caseload with call, on and printToPdf only', () => {
    const rec = runPreload(code);
    expect([...rec.exposed.keys()]).toEqual(['caseload']);
    expect(Object.keys(rec.exposed.get('caseload')!).sort()).toEqual(['call', 'on', 'printToPdf']);
  });

  it('sends calls to the router channel and refuses a method that is not a string', async () => {
    const rec = runPreload(code);
    const bridge = rec.exposed.get('caseload') as CaseloadBridge;
    await expect(bridge.call('app.info', {})).resolves.toEqual({ ok: true, value: 'from main' });
    expect(rec.invoked).toEqual([[CHANNELS.call, 'app.info', {}]]);
    await expect(bridge.call(42 as unknown as string)).rejects.toThrow(/method must be a string/);
    expect(rec.invoked).toHaveLength(1);
  });

  it('subscribes to contract events only, hands over the payload alone, and unsubscribes', () => {
    const rec = runPreload(code);
    const bridge = rec.exposed.get('caseload') as CaseloadBridge;
    expect(() => bridge.on('ipc.secret', () => {})).toThrow(/unknown event/);
    for (const name of EVENT_NAMES) expect(() => bridge.on(name, () => {})()).not.toThrow();
    const got: unknown[] = [];
    const off = bridge.on('data.changed', (payload) => got.push(payload));
    const emit = (message: unknown) =>
      rec.listeners.get(CHANNELS.event)!.forEach((fn) => fn({ sender: 'ipc event' }, message));
    emit({ event: 'data.changed', payload: { kinds: ['clients'] } });
    emit({ event: 'sync.status', payload: 'busy' });
    expect(got).toEqual([{ kinds: ['clients'] }]);
    off();
    emit({ event: 'data.changed', payload: 'after' });
    expect(got).toHaveLength(1);
    expect(rec.listeners.get(CHANNELS.event)!.size).toBe(0);
  });

  it('passes only a name string to printToPdf', async () => {
    const rec = runPreload(code);
    const bridge = rec.exposed.get('caseload') as CaseloadBridge;
    await bridge.printToPdf({ name: 'Rapportage', extra: 'x' } as { name: string });
    await bridge.printToPdf();
    expect(rec.invoked).toEqual([
      [CHANNELS.printToPdf, { name: 'Rapportage' }],
      [CHANNELS.printToPdf, { name: undefined }],
    ]);
  });

  it('bundles main with only electron and the native SQLite module left external (and the CLI-only PDF renderer)', () => {
    const external = new Set(
      [...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!).filter((m) => !isBuiltin(m)),
    );
    expect(external).toContain('electron');
    expect(external).toContain('better-sqlite3');
    expect([...external].filter((m) => !['electron', 'better-sqlite3', 'playwright-core'].includes(m))).toEqual([]);
  });
});
