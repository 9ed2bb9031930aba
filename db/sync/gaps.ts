// Gaps: segments this laptop never applied that are no longer in the folder (compacted while it
// was away for months). Known from what was applied here and from the team's signed "seen up
// to" vectors (device.json). A gap must persist for GAP_PATIENCE_MS before a snapshot is merged
// to fill it, since a segment that is merely still on its way looks the same for a while.
//
// Every number here may come from someone hostile (a forged name, a member's device.json): the
// gaps are kept as ranges, so 99,999,999 claimed segments cost as little as one, and nothing is
// allocated per missing number. File names in the folder only say "still there", never "exists".
import { join } from 'node:path';
import { MAX_SEQ } from './container.js';
import { nowOf, type SyncContext } from './context.js';
import { trustedDevices } from './devices.js';
import { devicesDir, isDeviceId, listDir, parseSegmentName, subdirs } from './layout.js';
import type { Vector } from './vector.js';

export const GAP_PATIENCE_MS = 60 * 60 * 1000;
const GAP_META = 'sync_gap_since';
/** More distinct streams than this in the vectors is not a real team: the rest is ignored. */
const MAX_STREAMS = 10_000;

/** Missing seqs of one stream as closed ranges [from, to]. */
export interface GapRange {
  device: string;
  epoch: number;
  from: number;
  to: number;
}

const isSeq = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= MAX_SEQ;

/** The ranges of 1..max not in `have` (sorted ascending, unique). */
function missingRanges(have: number[], max: number): [number, number][] {
  const out: [number, number][] = [];
  let next = 1;
  for (const s of have) {
    if (s > max) break;
    if (s > next) out.push([next, s - 1]);
    if (s >= next) next = s + 1;
  }
  if (next <= max) out.push([next, max]);
  return out;
}

/** Whether a snapshot vector covers any seq in [from, to] of a stream. */
export function coversRange(v: Vector | undefined | null, device: string, epoch: number, from: number, to: number) {
  const e = v?.[`${device}.${epoch}`];
  if (!e) return false;
  if (typeof e.upTo === 'number' && from <= e.upTo) return true;
  return Array.isArray(e.extra) && e.extra.some((s) => typeof s === 'number' && s >= from && s <= to);
}

export function findGaps(ctx: SyncContext): GapRange[] {
  const known = new Map<string, number>();
  const note = (k: string, n: unknown) => {
    if (!isSeq(n) || !/^[0-9a-f]{16}\.\d{1,9}$/.test(k)) return;
    if (!known.has(k) && known.size >= MAX_STREAMS) return;
    known.set(k, Math.max(known.get(k) ?? 0, n));
  };
  const have = new Map<string, number[]>();
  for (const r of ctx.store
    .stmt('SELECT DISTINCT device, epoch, seq FROM sync_ingested ORDER BY device, epoch, seq')
    .all() as { device: string; epoch: number; seq: number }[]) {
    const k = `${r.device}.${r.epoch}`;
    const list = have.get(k);
    if (list) list.push(r.seq);
    else have.set(k, [r.seq]);
    note(k, r.seq);
  }
  for (const d of trustedDevices(ctx)) {
    let seen: unknown;
    try {
      seen = d.seen ? JSON.parse(d.seen) : {};
    } catch {
      continue;
    }
    if (!seen || typeof seen !== 'object') continue;
    for (const [k, n] of Object.entries(seen as Record<string, unknown>)) note(k, n);
  }
  // Segments still in the folder are not gaps (they may be arriving or retried).
  const base = devicesDir(ctx.root);
  for (const dir of subdirs(base)) {
    if (!isDeviceId(dir)) continue;
    for (const name of listDir(join(base, dir))) {
      const p = parseSegmentName(name);
      if (!p) continue;
      const k = `${dir}.${p.epoch}`;
      if (!known.has(k)) continue;
      const list = have.get(k);
      if (list) list.push(p.seq);
      else have.set(k, [p.seq]);
    }
  }
  const gaps: GapRange[] = [];
  for (const [k, max] of known) {
    const [device, epoch] = k.split('.') as [string, string];
    const list = [...new Set(have.get(k) ?? [])].sort((a, b) => a - b);
    for (const [from, to] of missingRanges(list, max)) gaps.push({ device, epoch: Number(epoch), from, to });
  }
  return gaps;
}

export function gapCheck(ctx: SyncContext): ((v: Vector) => boolean) | null {
  const gaps = findGaps(ctx);
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
  return (v) => gaps.some((g) => coversRange(v, g.device, g.epoch, g.from, g.to));
}
