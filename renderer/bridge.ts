// The one file that knows the transport. In Electron the preload exposes window.caseload (IPC);
// in the web shell the contract is reached over HTTP on the same origin, authorized by the
// HttpOnly session cookie the shell set when the page was opened from its one-time link
// (electron/web.ts). The page never sees the token: nothing to steal from script or storage.
import type { EventName, Input, MethodName, Output } from '../db/api/contract.js';
import type { Result } from '../db/model/errors.js';
import i18n from './i18n/index.js';

export interface Bridge {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on(event: EventName, cb: (payload: unknown) => void): () => void;
  /** Electron only: save the window as PDF. In the browser, printing goes through window.print. */
  printToPdf?: (options?: { name?: string }) => Promise<unknown>;
}

interface PreloadBridge {
  call(method: string, input?: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  printToPdf(options?: { name?: string }): Promise<unknown>;
}

declare global {
  interface Window {
    caseload?: PreloadBridge;
  }
}

function httpBridge(): Bridge {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource('/api/events');
    source.onmessage = (e) => {
      const msg = JSON.parse(String(e.data)) as { event: string; payload: unknown };
      listeners.get(msg.event)?.forEach((cb) => cb(msg.payload));
    };
  };
  return {
    async call(method, input) {
      try {
        const res = await fetch('/api/call', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
        if (res.status === 401)
          return { ok: false, error: { code: 'unauthorized', message: i18n.t('app.unauthorized') } };
        return (await res.json()) as Result<never>;
      } catch {
        return { ok: false, error: { code: 'offline', message: i18n.t('app.offline') } };
      }
    },
    on(event, cb) {
      connect();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(cb);
      return () => listeners.get(event)!.delete(cb);
    },
  };
}

function ipcBridge(pre: PreloadBridge): Bridge {
  return {
    call: (method, input) => pre.call(method, input) as Promise<Result<never>>,
    on: (event, cb) => pre.on(event, cb),
    printToPdf: (options) => pre.printToPdf(options),
  };
}

export function createBridge(): Bridge {
  return window.caseload ? ipcBridge(window.caseload) : httpBridge();
}
