// Compaction: a device removes its own old files only (the folder is single-writer per device).
// A segment goes when it is older than RETAIN_MS, included in this device's own latest snapshot
// (so a new laptop still gets it) and seen by every active device (their device.json "seen up
// to" vectors). A device that has not synced for INACTIVE_MS no longer holds compaction back;
// if it returns it fills the gap from a snapshot (snapshot.ts fillGaps). Of its own snapshots a
// device keeps the newest and every one younger than RETAIN_MS.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { peekHeader } from './container.js';
import { META, nowOf, type SyncContext } from './context.js';
import { trustedDevices } from './devices.js';
import { deviceDir, listDir, parseSegmentName, snapshotsDir, subdirs } from './layout.js';
import { covers, type Vector } from './vector.js';

export const RETAIN_MS = 90 * 24 * 60 * 60 * 1000;
export const INACTIVE_MS = 180 * 24 * 60 * 60 * 1000;

export function compactOwnFiles(ctx: SyncContext): { segments: number; snapshots: number } {
  const out = { segments: 0, snapshots: 0 };
  const now = nowOf(ctx);
  const me = ctx.id.device;
  const own = ctx.store.getMeta(META.snapshotVector);
  const snap = own ? (JSON.parse(own) as { created: number; vector: Vector }) : null;
  if (snap) {
    const others = trustedDevices(ctx).filter(
      (d) => d.device !== me && (d.updated === null || now - d.updated < INACTIVE_MS),
    );
    const seenBy = others.map((d) => (d.seen ? (JSON.parse(d.seen) as Record<string, number>) : {}));
    const created = ctx.store.db
      .prepare('SELECT max(created) FROM sync_ingested WHERE device = ? AND epoch = ? AND seq = ?')
      .pluck();
    for (const name of listDir(deviceDir(ctx.root, me))) {
      const p = parseSegmentName(name);
      if (!p) continue;
      const at = created.get(me, p.epoch, p.seq) as number | null;
      if (at === null || now - at < RETAIN_MS) continue;
      if (!covers(snap.vector, me, p.epoch, p.seq)) continue;
      if (seenBy.some((s) => !(Number(s[`${me}.${p.epoch}`] ?? 0) >= p.seq))) continue;
      rmSync(join(deviceDir(ctx.root, me), name), { force: true });
      out.segments++;
    }
  }
  const mine: { path: string; seq: number }[] = [];
  for (const dir of subdirs(snapshotsDir(ctx.root))) {
    for (const name of listDir(join(snapshotsDir(ctx.root), dir))) {
      const m = /^s-([0-9a-f]{16})-(\d{8})\.csnap$/.exec(name);
      if (m && m[1] === me) mine.push({ path: join(snapshotsDir(ctx.root), dir, name), seq: Number(m[2]) });
    }
  }
  mine.sort((a, b) => b.seq - a.seq);
  for (const s of mine.slice(1)) {
    let created = now;
    try {
      created = peekHeader(s.path).created;
    } catch {
      /* an own file we cannot read is kept for a person to look at */
    }
    if (now - created < RETAIN_MS) continue;
    rmSync(s.path, { force: true });
    out.snapshots++;
  }
  return out;
}
