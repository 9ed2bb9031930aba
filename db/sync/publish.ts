// Writing: this device's journal entries not yet published become segment files in
// devices/<device>/, at most MAX_CHANGES_PER_SEGMENT each, under a name never used before.
// They count as published only after the rename, in the same transaction that records them.
// A crash between rename and record publishes the same changes again later: harmless, since
// the same change is applied once (Writer.applyChanges).
import { join } from 'node:path';
import { encodeSegment, FORMAT, type FileHeader } from './container.js';
import { encodeChanges, type JournalRow } from './changes.js';
import { META, metaNumber, nowOf, type SyncContext } from './context.js';
import { sha256 } from './crypto.js';
import { recordFile, recordIngested } from './ingest.js';
import { deviceDir, listDir, parseSegmentName, relOf, segmentName, statOrNull, writeBufferAtomic } from './layout.js';
import type { Store } from '../journal/store.js';
import { expand, type PackedRow } from '../journal/entries.js';

export const MAX_CHANGES_PER_SEGMENT = 50_000;

/** This device's field changes not yet in a segment (its journal rows after the published mark). */
export function pendingChanges(store: Store): number {
  return (store
    .stmt(
      `SELECT coalesce(sum((SELECT count(*) FROM json_each(fields))), 0) FROM journal
       WHERE seq > ? AND substr(hlc, 22) = ?`,
    )
    .pluck()
    .get(metaNumber(store, META.published, 0), store.device) ?? 0) as number;
}

/**
 * The next batch of this device's journal rows after `after`, expanded to field changes: whole
 * rows only (the published mark is a journal seq), about `max` changes.
 */
function ownChanges(store: Store, after: number, max: number): { rows: JournalRow[]; last: number } {
  const next = store.stmt('SELECT * FROM journal WHERE seq > ? AND substr(hlc, 22) = ? ORDER BY seq LIMIT 1000');
  const rows: JournalRow[] = [];
  let last = after;
  for (;;) {
    const page = next.all(last, store.device) as PackedRow[];
    if (!page.length) return { rows, last };
    for (const p of page) {
      if (rows.length >= max) return { rows, last };
      for (const c of expand(p)) rows.push({ ...c, value: JSON.stringify(c.value) });
      last = p.seq;
    }
  }
}

/** The highest seq of this device's segments for an epoch as found in the folder. */
function highestInFolder(ctx: SyncContext, epoch: number): number {
  let max = 0;
  for (const name of listDir(deviceDir(ctx.root, ctx.id.device))) {
    const p = parseSegmentName(name);
    if (p && p.epoch === epoch && p.seq > max) max = p.seq;
  }
  return max;
}

export function publishOwn(ctx: SyncContext): { segments: number; changes: number } {
  const { store } = ctx;
  const epoch = metaNumber(store, META.epoch, 1);
  let seq = Math.max(metaNumber(store, META.nextSeq, 1), highestInFolder(ctx, epoch) + 1);
  const out = { segments: 0, changes: 0 };
  for (;;) {
    const { rows, last } = ownChanges(store, metaNumber(store, META.published, 0), MAX_CHANGES_PER_SEGMENT);
    if (!rows.length) break;
    const header: FileHeader = {
      format: FORMAT,
      kind: 'segment',
      team: ctx.id.team,
      device: ctx.id.device,
      epoch,
      seq,
      count: rows.length,
      created: nowOf(ctx),
      app: ctx.appVersion,
    };
    const buf = encodeSegment(header, encodeChanges(rows), ctx.id, ctx.id.signer);
    const path = join(deviceDir(ctx.root, ctx.id.device), segmentName(epoch, seq));
    if (!writeBufferAtomic(path, buf, true)) {
      seq++; // the name exists (a restored database, or a lagging folder): never overwrite
      continue;
    }
    const st = statOrNull(path);
    const hash = sha256(buf).toString('hex');
    store.db.transaction(() => {
      store.setMeta(META.published, String(last));
      store.setMeta(META.epoch, String(epoch));
      store.setMeta(META.nextSeq, String(seq + 1));
      recordIngested(ctx, header, hash);
      if (st) recordFile(ctx, relOf(ctx.root, path), st.size, Math.floor(st.mtimeMs), hash);
    })();
    out.segments++;
    out.changes += rows.length;
    ctx.progress('Publiceren', out.changes, out.changes);
    seq++;
  }
  // Everything below the journal's end is now published or came from elsewhere: move the mark
  // there, so the next round does not scan past other laptops' entries again.
  const top = (store.db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0;
  if (top > metaNumber(store, META.published, 0)) store.setMeta(META.published, String(top));
  return out;
}
