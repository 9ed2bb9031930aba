// Running rounds without a click, for a shell (the Electron main, the web shell): once at start,
// every `intervalMs`, and shortly after something changes in the shared folder (fs.watch where
// the platform supports it; network shares often do not, hence the poll as well). `run` should
// be the shell's own `api.call('sync.run', {})`, so progress and status reach the window as
// events and a round already running (a click) is joined, not doubled.
import { watch, type FSWatcher } from 'node:fs';
import { META } from './context.js';
import { rootOf } from './layout.js';
import type { Store } from '../journal/store.js';

export interface SyncLoopOptions {
  store: Store;
  run: () => Promise<unknown>;
  /** Poll interval (default 20 s: a peer's segment is applied within 30 s of landing). */
  intervalMs?: number;
  /** Quiet time after a folder change before a round starts (default 2 s). */
  debounceMs?: number;
  /** First round after start (default 3 s, so the window comes up first). */
  startDelayMs?: number;
}

export function startSyncLoop(opts: SyncLoopOptions): { stop(): void; kick(): void } {
  let stopped = false;
  let watcher: FSWatcher | null = null;
  let watched: string | null = null;
  let debounce: NodeJS.Timeout | null = null;

  const folder = () => opts.store.getMeta(META.folder);
  const round = () => {
    if (stopped || !folder() || !opts.store.getMeta(META.team)) return;
    ensureWatch();
    // Errors (folder unreachable, key missing) show in the status panel; the loop keeps going.
    void opts.run().catch(() => undefined);
  };
  const kick = () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(round, opts.debounceMs ?? 2000);
  };
  function ensureWatch(): void {
    const f = folder();
    if (!f || f === watched) return;
    watcher?.close();
    watcher = null;
    watched = f;
    try {
      watcher = watch(rootOf(f), { recursive: true }, (_event, name) => {
        const n = String(name ?? '');
        // Our own temp files come and go during every write; they are not news.
        if (!/(^|[\\/])\.[^\\/]*\.part$/.test(n)) kick();
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = null;
      });
    } catch {
      watcher = null; // no watching on this filesystem: the poll does the work
    }
  }
  const start = setTimeout(round, opts.startDelayMs ?? 3000);
  const poll = setInterval(round, opts.intervalMs ?? 20_000);
  return {
    kick,
    stop() {
      stopped = true;
      clearTimeout(start);
      clearInterval(poll);
      if (debounce) clearTimeout(debounce);
      watcher?.close();
    },
  };
}
