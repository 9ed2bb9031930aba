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

export const MAX_CHANGES_PER_SEGMENT = 50_000;

export function pendingChanges(store: Store): number {
  return store.db
    .prepare('SELECT count(*) FROM journal WHERE seq > ? AND device = ?')
    .pluck()
    .get(metaNumber(store, META.published, 0), store.device) as number;
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
  const next = store.db.prepare(
    'SELECT seq, entity, row_id, field, value, hlc, base_hlc, user FROM journal WHERE seq > ? AND device = ? ORDER BY seq LIMIT ?',
  );
  let seq = Math.max(metaNumber(store, META.nextSeq, 1), highestInFolder(ctx, epoch) + 1);
  const out = { segments: 0, changes: 0 };
  for (;;) {
    const rows = next.all(metaNumber(store, META.published, 0), store.device, MAX_CHANGES_PER_SEGMENT) as JournalRow[];
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
      store.setMeta(META.published, String(rows[rows.length - 1]!.seq));
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
