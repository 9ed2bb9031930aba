// Process-wide sync settings of a shell: the key store (the Electron main configures its
// safeStorage one; the web shell and tests get one in memory unless they configure another)
// and the app version written into device.json. Also makes rounds on one store exclusive: a
// timer tick, a folder-change event and a click on "Nu synchroniseren" share one round.
import type { Store } from '../journal/store.js';
import { MemoryKeyStore, type KeyStore } from './keystore.js';
import type { RoundResult } from './round.js';

let keyStore: KeyStore = new MemoryKeyStore();
let appVersion = 'dev';

export function configureSync(opts: { keyStore?: KeyStore; appVersion?: string }): void {
  if (opts.keyStore) keyStore = opts.keyStore;
  if (opts.appVersion) appVersion = opts.appVersion;
}

export function syncKeyStore(): KeyStore {
  return keyStore;
}

export function syncAppVersion(): string {
  return appVersion;
}

const running = new WeakMap<Store, Promise<RoundResult>>();

/** Runs `fn` unless a round on this store is already running, in which case it joins that one. */
export function exclusiveRound(store: Store, fn: () => Promise<RoundResult>): Promise<RoundResult> {
  const busy = running.get(store);
  if (busy) return busy;
  const p = fn().finally(() => running.delete(store));
  running.set(store, p);
  return p;
}

export function isRoundRunning(store: Store): boolean {
  return running.has(store);
}
