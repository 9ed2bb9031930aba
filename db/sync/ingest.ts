// Reading the folder: every segment not yet applied here is found by (device, epoch, seq) -
// never by modification time - verified, decrypted, checked, and applied in one transaction
// together with its ingest record, through the journal write layer (Writer.applyChanges). A
// crash mid-apply leaves nothing; the next round applies the segment again.
// Conflict copies made by sync clients are found by their content (the verified header), not
// their name: an identical copy is recognised as a duplicate, a copy with other content (a
// restored laptop reusing a name) is applied as well. Bad files go to problems.ts.
import { join } from 'node:path';
import { decodeHlc } from '../journal/hlc.js';
import type { FieldChange } from '../journal/write.js';
import { isPurged } from '../retention/purge.js';
import { BadFile, decodeSegment, readSegmentFile, type FileHeader } from './container.js';
import { decodeChanges } from './changes.js';
import { ConflictDetector } from './conflicts.js';
import { isoNow, type SyncContext } from './context.js';
import { sha256 } from './crypto.js';
import { publicKeyOf } from './devices.js';
import {
  devicesDir,
  isDeviceId,
  listDir,
  looksLikeSegment,
  parseSegmentName,
  relOf,
  statOrNull,
  subdirs,
} from './layout.js';
import { clearProblem, clearVanished, getProblem, recordProblem, shouldRetry } from './problems.js';

export interface IngestResult {
  segments: number;
  changes: number;
  applied: number;
  duplicates: number;
  /** Conflicts newly found. */
  conflicts: number;
  /** Files skipped this round (bad, still arriving, clock far ahead). */
  problems: number;
  /** A retention purge made on another laptop arrived (db/retention/purge.ts). */
  purgeMarkers?: boolean;
}

/**
 * Changes to records a retention purge destroyed are dropped, so a late segment cannot bring a
 * purged client back (db/retention/purge.ts: isPurged).
 */
export function dropPurged(ctx: Pick<SyncContext, 'store'>, changes: FieldChange[]): FieldChange[] {
  if (ctx.store.stmt('SELECT 1 FROM purge_markers LIMIT 1').get() === undefined) return changes;
  const seen = new Map<string, boolean>();
  return changes.filter((c) => {
    const k = `${c.entity}\u0000${c.row_id}`;
    let purged = seen.get(k);
    if (purged === undefined) seen.set(k, (purged = isPurged(ctx.store, c.entity, c.row_id)));
    return !purged;
  });
}

interface Candidate {
  rel: string;
  path: string;
  size: number;
  mtime: number;
  /** From the exact name, for ordering; conflict copies sort last. */
  order: string;
  /** (epoch, seq) its exact name claims; null for other names (conflict copies). */
  named: { epoch: number; seq: number } | null;
}

/** Disk full, read-only, locked or damaged database: a problem of this laptop, not of the file. */
function isEnvironmental(e: unknown): boolean {
  const code = String((e as { code?: unknown }).code ?? '');
  return (
    /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CORRUPT|NOTADB|CANTOPEN)/.test(code) ||
    /^E(NOSPC|ACCES|PERM|IO)$/.test(code)
  );
}

export function isIngested(ctx: SyncContext, device: string, epoch: number, seq: number, hash?: string): boolean {
  const row = hash
    ? ctx.store
        .stmt('SELECT 1 FROM sync_ingested WHERE device = ? AND epoch = ? AND seq = ? AND hash = ?')
        .get(device, epoch, seq, hash)
    : ctx.store
        .stmt('SELECT 1 FROM sync_ingested WHERE device = ? AND epoch = ? AND seq = ? LIMIT 1')
        .get(device, epoch, seq);
  return row !== undefined;
}

export function recordIngested(ctx: SyncContext, h: FileHeader, hash: string): void {
  ctx.store
    .stmt(
      'INSERT OR IGNORE INTO sync_ingested(device, epoch, seq, hash, changes, created, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(h.device, h.epoch, h.seq, hash, h.count, h.created, isoNow(ctx));
}

export function recordFile(ctx: SyncContext, rel: string, size: number, mtime: number, hash: string): void {
  ctx.store
    .stmt(
      'INSERT INTO sync_files(path, size, mtime, hash) VALUES (?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, hash = excluded.hash',
    )
    .run(rel, size, mtime, hash);
}

/** Segment files that may hold something new, in (device, epoch, seq) order. */
function candidates(ctx: SyncContext): Candidate[] {
  const out: Candidate[] = [];
  const known = ctx.store.stmt('SELECT size, mtime FROM sync_files WHERE path = ?');
  const base = devicesDir(ctx.root);
  for (const dir of subdirs(base)) {
    for (const name of listDir(join(base, dir))) {
      if (!looksLikeSegment(name)) continue;
      const path = join(base, dir, name);
      const rel = relOf(ctx.root, path);
      const st = statOrNull(path);
      if (!st?.isFile()) continue;
      const mtime = Math.floor(st.mtimeMs);
      const k = known.get(rel) as { size: number; mtime: number } | undefined;
      if (k && k.size === st.size && k.mtime === mtime) continue;
      const exact = isDeviceId(dir) ? parseSegmentName(name) : null;
      // A segment under its own name that is already applied (e.g. from a conflict copy that
      // came first, or from a snapshot) needs no reading; a change of size or mtime re-reads it.
      if (exact && !k && isIngested(ctx, dir, exact.epoch, exact.seq)) {
        recordFile(ctx, rel, st.size, mtime, '');
        continue;
      }
      if (!shouldRetry(ctx, getProblem(ctx, rel), st.size)) continue;
      const order = exact
        ? `0:${dir}:${String(exact.epoch).padStart(9, '0')}:${String(exact.seq).padStart(8, '0')}`
        : `1:${rel}`;
      out.push({ rel, path, size: st.size, mtime, order, named: exact });
    }
  }
  return out.sort((a, b) => (a.order < b.order ? -1 : 1));
}

export function ingestSegments(ctx: SyncContext): IngestResult {
  const res: IngestResult = { segments: 0, changes: 0, applied: 0, duplicates: 0, conflicts: 0, problems: 0 };
  const list = candidates(ctx);
  const detector = new ConflictDetector(ctx.store, isoNow(ctx));
  list.forEach((c, i) => {
    ctx.progress('Synchroniseren', i, list.length);
    try {
      // One handle, size checked before reading; these bytes are the ones verified and applied.
      let buf: Buffer | null;
      try {
        buf = readSegmentFile(c.path, ctx.id.team);
      } catch (e) {
        if (e instanceof BadFile) throw e;
        return; // unreadable right now (locked, vanished): next round
      }
      if (!buf) return; // vanished between listing and reading: next round
      const hash = sha256(buf).toString('hex');
      const { header, plaintext } = decodeSegment(buf, ctx.id, publicKeyOf(ctx, hash));
      if (header.kind !== 'segment') throw new BadFile('unparsable', 'geen segment');
      // A segment in another device's folder, or under another device's name: not its place.
      const dir = c.rel.split('/')[1];
      if (dir !== header.device)
        throw new BadFile('content', `segment van apparaat ${header.device} in de map van een ander`);
      if (c.named && (c.named.epoch !== header.epoch || c.named.seq !== header.seq))
        throw new BadFile('content', 'bestandsnaam en kop noemen een ander volgnummer');
      if (isIngested(ctx, header.device, header.epoch, header.seq, hash)) {
        ctx.store.db.transaction(() => {
          recordFile(ctx, c.rel, c.size, c.mtime, hash);
          clearProblem(ctx, c.rel);
        })();
        return;
      }
      const changes = dropPurged(ctx, decodeChanges(plaintext, header));
      const maxHlc = changes.reduce((m, x) => (x.hlc > m ? x.hlc : m), '');
      if (maxHlc && ctx.store.clock.isTooFarAhead(maxHlc)) {
        const ahead = Math.round((decodeHlc(maxHlc).millis - ctx.store.clock.wallTime()) / 3_600_000);
        throw new BadFile(
          'future',
          `klok van apparaat ${header.device} loopt ${ahead} uur voor: in quarantaine tot de tijd bij is`,
        );
      }
      ctx.store.write('sync', (w) => {
        if (maxHlc) ctx.store.clock.receive(maxHlc);
        const before = detector.found;
        const stats = w.applyChanges(changes, detector.check);
        recordIngested(ctx, header, hash);
        recordFile(ctx, c.rel, c.size, c.mtime, hash);
        clearProblem(ctx, c.rel);
        res.segments++;
        res.changes += changes.length;
        res.applied += stats.applied;
        res.duplicates += stats.duplicates;
        res.conflicts += detector.found - before;
        if (changes.some((x) => x.entity === 'purge_marker')) res.purgeMarkers = true;
      });
    } catch (e) {
      if (e instanceof BadFile) recordProblem(ctx, c.rel, e.kind, e.message, c.size);
      else if (isEnvironmental(e)) throw e;
      // Anything else that stops one segment (rolled back) must not stop every later round.
      else
        recordProblem(
          ctx,
          c.rel,
          'apply',
          `toepassen mislukt (${(e as Error).name}); niets van dit bestand is toegepast`,
          c.size,
        );
      res.problems++;
    }
  });
  ctx.progress('Synchroniseren', list.length, list.length);
  clearVanished(ctx);
  return res;
}
