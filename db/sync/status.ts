// What the Synchronisatie screen and `sync.status` show: where and when, what is waiting to go
// out, which laptops were seen and when they were last active, problems, open conflicts.
import type { Store } from '../journal/store.js';
import { listConflicts } from './conflicts.js';
import { META } from './context.js';
import { pendingChanges } from './publish.js';
import type { RoundResult } from './round.js';

export interface SyncStatus {
  configured: boolean;
  folder: string | null;
  team: string | null;
  device: string;
  deviceName: string;
  lastRun: string | null;
  lastResult: RoundResult | null;
  /** This laptop's changes not yet in the folder. */
  pending: number;
  devices: {
    device: string;
    name: string | null;
    self: boolean;
    appVersion: string | null;
    lastActivity: string | null;
  }[];
  problems: {
    path: string;
    kind: string;
    message: string;
    tries: number;
    firstSeen: string;
    lastTry: string;
    quarantined: boolean;
  }[];
  /** Open conflicts on key fields (the ones a person must decide). */
  conflicts: number;
  /** Other overwritten concurrent edits (kept, listed on request). */
  otherConflicts: number;
}

export function syncStatus(store: Store): SyncStatus {
  const team = store.getMeta(META.team);
  const lastResult = store.getMeta(META.lastResult);
  const activity = store.db.prepare('SELECT device, max(created) AS last FROM sync_ingested GROUP BY device').all() as {
    device: string;
    last: number;
  }[];
  const lastSegment = new Map(activity.map((a) => [a.device, a.last]));
  const devices = (
    store.db.prepare('SELECT device, name, app_version, updated FROM sync_devices ORDER BY device').all() as {
      device: string;
      name: string | null;
      app_version: string | null;
      updated: number | null;
    }[]
  ).map((d) => {
    const last = Math.max(d.updated ?? 0, lastSegment.get(d.device) ?? 0);
    const self = d.device === store.device;
    return {
      device: d.device,
      name: self ? (store.getMeta('device_name') ?? d.name) : d.name,
      self,
      appVersion: d.app_version,
      lastActivity: self ? store.getMeta(META.lastRun) : last ? new Date(last).toISOString() : null,
    };
  });
  const problems = (
    store.db.prepare('SELECT * FROM sync_problems ORDER BY quarantined DESC, path').all() as {
      path: string;
      kind: string;
      message: string;
      tries: number;
      first_seen: string;
      last_try: string;
      quarantined: number;
    }[]
  ).map((p) => ({
    path: p.path,
    kind: p.kind,
    message: p.message,
    tries: p.tries,
    firstSeen: p.first_seen,
    lastTry: p.last_try,
    quarantined: p.quarantined === 1,
  }));
  const conflicts = team ? listConflicts(store, { all: true }) : [];
  return {
    configured: Boolean(team),
    folder: store.getMeta(META.folder),
    team,
    device: store.device,
    deviceName: store.getMeta('device_name') ?? '',
    lastRun: store.getMeta(META.lastRun),
    lastResult: lastResult ? (JSON.parse(lastResult) as RoundResult) : null,
    pending: team ? pendingChanges(store) : 0,
    devices,
    problems,
    conflicts: conflicts.filter((c) => c.keyField).length,
    otherConflicts: conflicts.filter((c) => !c.keyField).length,
  };
}
