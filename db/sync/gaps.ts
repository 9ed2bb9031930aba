// Gaps: segments this laptop never applied that are no longer in the folder (compacted while it
// was away for months). Known from the seq numbers present and from other devices' "seen up to"
// vectors. A gap must persist for GAP_PATIENCE_MS before a snapshot is merged to fill it, since
// a segment that is merely still on its way looks the same for a while.
import { join } from 'node:path';
import { nowOf, type SyncContext } from './context.js';
import { knownDevices } from './devices.js';
import { devicesDir, isDeviceId, listDir, parseSegmentName, subdirs } from './layout.js';
import { covers, type Vector } from './snapshot.js';

export const GAP_PATIENCE_MS = 60 * 60 * 1000;
const GAP_META = 'sync_gap_since';

export function gapCheck(ctx: SyncContext): ((v: Vector) => boolean) | null {
  const known = new Map<string, number>();
  const present = new Set<string>();
  const base = devicesDir(ctx.root);
  for (const dir of subdirs(base)) {
    if (!isDeviceId(dir)) continue;
    for (const name of listDir(join(base, dir))) {
      const p = parseSegmentName(name);
      if (!p) continue;
      const k = `${dir}.${p.epoch}`;
      present.add(`${k}.${p.seq}`);
      known.set(k, Math.max(known.get(k) ?? 0, p.seq));
    }
  }
  for (const d of knownDevices(ctx)) {
    for (const [k, n] of Object.entries(d.seen ? (JSON.parse(d.seen) as Record<string, number>) : {}))
      known.set(k, Math.max(known.get(k) ?? 0, n));
  }
  const have = new Set<string>();
  for (const r of ctx.store.stmt('SELECT DISTINCT device, epoch, seq FROM sync_ingested').all() as {
    device: string;
    epoch: number;
    seq: number;
  }[]) {
    have.add(`${r.device}.${r.epoch}.${r.seq}`);
  }
  const gaps: { device: string; epoch: number; seq: number }[] = [];
  for (const [k, max] of known) {
    const [device, epoch] = k.split('.') as [string, string];
    for (let s = 1; s <= max; s++)
      if (!have.has(`${k}.${s}`) && !present.has(`${k}.${s}`)) gaps.push({ device, epoch: Number(epoch), seq: s });
  }
  if (!gaps.length) {
    if (ctx.store.getMeta(GAP_META)) ctx.store.db.prepare('DELETE FROM meta WHERE key = ?').run(GAP_META);
    return null;
  }
  const since = Number(ctx.store.getMeta(GAP_META) ?? NaN);
  if (Number.isNaN(since)) {
    ctx.store.setMeta(GAP_META, String(nowOf(ctx)));
    return null;
  }
  if (nowOf(ctx) - since < GAP_PATIENCE_MS) return null;
  return (v) => gaps.some((g) => covers(v, g.device, g.epoch, g.seq));
}
