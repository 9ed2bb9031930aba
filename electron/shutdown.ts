// A clean end for the main process: stop the timers (sync loop, backups, update check), let a
// sync round that is writing finish (bounded), then checkpoint the WAL into the database file and
// close it, so the next start - or a backup tool copying the user-data folder - finds one
// complete file. Pure Node: main.ts calls it from before-quit.
import type { StoreBase } from '../db/api/host.js';

export interface ShutdownDeps {
  store: StoreBase | null;
  /** Timers to stop first (sync loop, daily backup, ...). */
  stoppers: { stop(): void }[];
  /** True while a sync round writes to the store. */
  busy(): boolean;
  /** How long to wait for a running round (default 10 s; a round is all-or-nothing anyway). */
  timeoutMs?: number;
  pollMs?: number;
}

export interface ShutdownResult {
  waitedMs: number;
  /** False when the round was still running at the deadline (its transaction rolls back). */
  roundFinished: boolean;
  checkpointed: boolean;
}

export async function shutdown(deps: ShutdownDeps): Promise<ShutdownResult> {
  for (const s of deps.stoppers) {
    try {
      s.stop();
    } catch {
      /* a timer that cannot stop must not keep the database open */
    }
  }
  const started = Date.now();
  const deadline = started + (deps.timeoutMs ?? 10_000);
  while (deps.busy() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, deps.pollMs ?? 50));
  }
  const roundFinished = !deps.busy();
  let checkpointed = false;
  const store = deps.store;
  if (store && store.db.open) {
    try {
      const [r] = store.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      checkpointed = r?.busy === 0;
    } catch {
      checkpointed = false;
    }
    store.close();
  }
  return { waitedMs: Date.now() - started, roundFinished, checkpointed };
}
