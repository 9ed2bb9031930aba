// The vector of a snapshot (or of this laptop's ingest records): which segments it includes, per
// device and epoch. Signed in a snapshot's header, it is how snapshots are chosen (the most
// segments covered) and what gaps and compaction are decided by.
import type Database from 'better-sqlite3';
import { MAX_SEQ } from './container.js';

/** Per `<device>.<epoch>`: every seq up to `upTo`, plus `extra` ones above it. */
export type Vector = Record<string, { upTo: number; extra: number[] }>;

export function vectorOf(db: Database.Database): Vector {
  const out: Vector = {};
  for (const r of db
    .prepare('SELECT DISTINCT device, epoch, seq FROM sync_ingested ORDER BY device, epoch, seq')
    .all() as { device: string; epoch: number; seq: number }[]) {
    const k = `${r.device}.${r.epoch}`;
    const v = (out[k] ??= { upTo: 0, extra: [] });
    if (r.seq === v.upTo + 1 && !v.extra.length) v.upTo = r.seq;
    else v.extra.push(r.seq);
  }
  return out;
}

export function covers(v: Vector | undefined | null, device: string, epoch: number, seq: number): boolean {
  const e = v?.[`${device}.${epoch}`];
  return Boolean(e && (seq <= e.upTo || e.extra.includes(seq)));
}

/** A vector from a header (signed, but written by a team member): bounded shape, or null. */
export function checkedVector(v: unknown): Vector | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > 10_000) return null;
  let extras = 0;
  for (const [k, e] of entries) {
    if (!/^[0-9a-f]{16}\.\d{1,9}$/.test(k) || !e || typeof e !== 'object') return null;
    const { upTo, extra } = e as { upTo: unknown; extra: unknown };
    if (!Number.isSafeInteger(upTo) || (upTo as number) < 0 || (upTo as number) > MAX_SEQ) return null;
    if (!Array.isArray(extra) || (extras += extra.length) > 100_000) return null;
    if (!extra.every((s) => Number.isSafeInteger(s) && s >= 1 && s <= MAX_SEQ)) return null;
  }
  return v as Vector;
}

/** How many segments a vector covers: the measure of "newest" (more history included). */
export function coverage(v: Vector): number {
  return Object.values(v).reduce((n, e) => n + e.upTo + e.extra.length, 0);
}
