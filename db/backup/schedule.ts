// The daily backup while the app runs: shortly after start and then every hour, a backup when
// the backups folder has none of today (Europe/Amsterdam) yet, followed by the rotation. Errors
// (disk full, folder gone) go to onError and the next tick tries again.
import type { StoreBase } from '../store/open.js';
import { createBackup, hasBackupOn, rotateBackups, storeBackupDir, type BackupInfo } from './backup.js';
import { dutchDay } from '../model/calendar.js';

/** Makes today's backup if there is none yet, and rotates. Null when there already was one. */
export async function runDailyBackup(
  store: StoreBase,
  opts: { dir?: string; now?: number } = {},
): Promise<BackupInfo | null> {
  const dir = opts.dir ?? storeBackupDir(store);
  const now = opts.now ?? store.now();
  if (hasBackupOn(dir, dutchDay(now))) return null;
  const info = await createBackup(store, { dir, kind: 'daily', now });
  rotateBackups(dir);
  return info;
}

export interface ScheduleOptions {
  store: StoreBase;
  dir?: string;
  /** First check after start (default 60 s, so the window comes first). */
  firstDelayMs?: number;
  /** Later checks (default hourly: a laptop left open overnight still gets the next day's). */
  intervalMs?: number;
  onBackup?: (info: BackupInfo) => void;
  onError?: (e: unknown) => void;
}

export function startBackupSchedule(opts: ScheduleOptions): { stop(): void; busy(): boolean } {
  let stopped = false;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (stopped || running) return;
    running = runDailyBackup(opts.store, { dir: opts.dir })
      .then((info) => {
        if (info) opts.onBackup?.(info);
      })
      .catch((e: unknown) => opts.onError?.(e))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, opts.firstDelayMs ?? 60_000);
  const every = setInterval(tick, opts.intervalMs ?? 60 * 60_000);
  first.unref?.();
  every.unref?.();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
    busy: () => running !== null,
  };
}
