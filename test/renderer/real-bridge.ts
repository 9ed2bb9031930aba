// A bridge for jsdom tests that goes through the real dispatcher and a real (in-memory) SQLite
// store: only the transport (IPC/HTTP) is skipped.
import { createApi } from '../../db/api/dispatch.js';
import { type Session } from '../../db/model/roles.js';
import { Store } from '../../db/journal/store.js';
import type { Bridge } from '../../renderer/bridge.js';

/** `now` is the one clock of the store (tests pass the same moment to renderer/clock.ts). */
export function realBridge(
  session?: Session | null,
  now?: () => number,
): { bridge: Bridge; store: Store; calls: string[] } {
  const store = Store.open(':memory:', { deviceName: 'jsdom', now });
  const api = createApi(store, session);
  const calls: string[] = [];
  const bridge: Bridge = {
    call: (method, input) => {
      calls.push(method);
      return api.call(method, input) as never;
    },
    on: (event, cb) => api.on(event, cb),
  };
  return { bridge, store, calls };
}
