// What every step of a sync round shares: the store, the folder, this device's identity, the
// clock (injectable in tests through Store.open's `now`) and a progress callback.
import type { Store } from '../journal/store.js';
import type { Identity } from './team.js';

export type ProgressFn = (label: string, done: number, total: number) => void;

export interface SyncContext {
  store: Store;
  /** <folder>/caseload-sync */
  root: string;
  id: Identity;
  progress: ProgressFn;
  appVersion: string;
}

export const nowOf = (ctx: { store: Store }) => ctx.store.clock.wallTime();
export const isoNow = (ctx: { store: Store }) => new Date(nowOf(ctx)).toISOString();

/** Meta keys of sync state in the local store (device-local; never in a snapshot). */
export const META = {
  team: 'sync_team',
  folder: 'sync_folder',
  epoch: 'sync_epoch',
  nextSeq: 'sync_next_seq',
  published: 'sync_published',
  snapshotSeq: 'sync_snapshot_seq',
  snapshotVector: 'sync_snapshot_vector',
  lastRun: 'sync_last_run',
  lastResult: 'sync_last_result',
} as const;

export function metaNumber(store: Store, key: string, fallback: number): number {
  const v = store.getMeta(key);
  return v === null ? fallback : Number(v);
}
