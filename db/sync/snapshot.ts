// Snapshots: an encrypted, signed image of the team's journal (every field change with its
// clock), the conflicts and the vector of segments it includes - nothing else: no rows, no
// schema objects of the writer's, no device keys, no meta. Made with SQLite (an image holding
// the journal sorted by entity, row, field and clock), streamed through deflate, AES-GCM and
// signed (container.ts).
//
// A new laptop (an empty database) restores the best snapshot by rows, a laptop that already has
// data merges one change by change (snapshot-restore.ts). Which snapshot: the one whose signed
// vector covers the most segments (vector.ts).
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MIGRATIONS } from '../store/migrations/index.js';
import { mkdirPrivate } from '../store/private-files.js';
import type { StoreBase } from '../store/open.js';
import {
  BadFile,
  SNAPSHOT_FORMAT,
  peekHeader,
  readStreamedFile,
  writeStreamedFile,
  type FileHeader,
} from './container.js';
import { META, metaNumber, nowOf, type SyncContext } from './context.js';
import { publicKeyOf } from './devices.js';
import { listDir, looksLikeSnapshot, relOf, snapshotPath, snapshotsDir, statOrNull, subdirs } from './layout.js';
import { recordProblem, clearProblem, getProblem, shouldRetry } from './problems.js';
import { PACKED_COLUMNS, mergeImage, restoreRows } from './snapshot-restore.js';
import { checkedVector, coverage, vectorOf, type Vector } from './vector.js';

function tempDir(ctx: SyncContext): string {
  // Next to the database (the user-data folder), never in the shared folder; owner-only, since
  // a decrypted snapshot holds everyone's data.
  const dir =
    ctx.store.file === ':memory:'
      ? join(process.cwd(), '.caseload-sync-tmp')
      : join(dirname(ctx.store.file), 'sync-tmp');
  mkdirPrivate(dir);
  return dir;
}

/**
 * Writes a snapshot image of `store` to the file `image`: the journal's packed rows (format 3)
 * ordered record by record (the journal's row index), so the receiver builds each record as its
 * rows end; the ingest vector and the conflicts. Nothing else: no pages, no keys, no `at`.
 */
export function writeSnapshotImage(store: StoreBase, image: string): void {
  const db = store.db;
  db.prepare('ATTACH DATABASE ? AS snapimg').run(image);
  try {
    db.exec(`
      PRAGMA snapimg.journal_mode = OFF;
      PRAGMA snapimg.synchronous = OFF;
      CREATE TABLE snapimg.journal (seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, row_id TEXT NOT NULL,
        hlc TEXT NOT NULL, user TEXT NOT NULL, fields TEXT NOT NULL, clocks TEXT, bases TEXT);
      CREATE TABLE snapimg.sync_ingested AS SELECT device, epoch, seq, hash, changes, created, at FROM main.sync_ingested;
      CREATE TABLE snapimg.sync_conflicts AS SELECT * FROM main.sync_conflicts;`);
    db.exec(`INSERT INTO snapimg.journal(${PACKED_COLUMNS})
      SELECT ${PACKED_COLUMNS} FROM main.journal ORDER BY row_id, entity, seq`);
  } finally {
    db.exec('DETACH DATABASE snapimg');
  }
}

/** Publishes a snapshot of this store; returns its path inside the folder. */
export async function publishSnapshot(ctx: SyncContext): Promise<string> {
  const { store } = ctx;
  const image = join(tempDir(ctx), `snap-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    writeSnapshotImage(store, image);
    const img = new Database(image, { readonly: true, nativeBinding: store.nativeBinding });
    let count: number;
    let vector: Vector;
    try {
      count = img.prepare('SELECT count(*) FROM journal').pluck().get() as number;
      vector = vectorOf(img);
    } finally {
      img.close();
    }
    const epoch = metaNumber(store, META.epoch, 1);
    const seq = metaNumber(store, META.snapshotSeq, 0) + 1;
    const header: FileHeader = {
      format: SNAPSHOT_FORMAT,
      kind: 'snapshot',
      team: ctx.id.team,
      device: ctx.id.device,
      epoch,
      seq,
      count,
      created: nowOf(ctx),
      ...(ctx.id.keyEpoch && ctx.id.keyEpoch > 1 ? { keyEpoch: ctx.id.keyEpoch } : {}),
      app: ctx.appVersion,
      schema: MIGRATIONS.length,
      maxHlc: store.clock.current(),
      vector,
    };
    const target = snapshotPath(ctx.root, epoch, ctx.id.device, seq);
    ctx.progress('Momentopname maken', 0, 1);
    await writeStreamedFile(target, header, image, ctx.id, ctx.id.signer);
    ctx.progress('Momentopname maken', 1, 1);
    store.setMeta(META.snapshotSeq, String(seq));
    store.setMeta(META.snapshotVector, JSON.stringify({ created: header.created, vector }));
    return relOf(ctx.root, target);
  } finally {
    rmSync(image, { force: true });
  }
}

interface SnapshotFile {
  path: string;
  rel: string;
  size: number;
  header: FileHeader;
  vector: Vector;
}

/**
 * Snapshots of this team that this version can read, the most complete first: by the number of
 * segments their vector covers, then their highest clock - never by a date the writer chose or
 * a file time. Headers are only a catalogue here; the one used is verified in full.
 */
export function listSnapshots(ctx: SyncContext): SnapshotFile[] {
  const out: SnapshotFile[] = [];
  const base = snapshotsDir(ctx.root);
  for (const dir of subdirs(base)) {
    for (const name of listDir(join(base, dir))) {
      if (!looksLikeSnapshot(name)) continue;
      const path = join(base, dir, name);
      const st = statOrNull(path);
      if (!st?.isFile()) continue;
      const rel = relOf(ctx.root, path);
      try {
        const header = peekHeader(path);
        if (header.kind !== 'snapshot' || header.team !== ctx.id.team || Number(header.schema) > MIGRATIONS.length)
          continue;
        const vector = checkedVector(header.vector);
        if (!vector) {
          recordProblem(ctx, rel, 'content', 'momentopname met een ongeldige vector: genegeerd', st.size);
          continue;
        }
        out.push({ path, rel, size: st.size, header, vector });
      } catch (e) {
        if (e instanceof BadFile && e.kind !== 'truncated') recordProblem(ctx, rel, e.kind, e.message, st.size);
      }
    }
  }
  const hlc = (h: FileHeader) => (typeof h.maxHlc === 'string' ? h.maxHlc : '');
  return out.sort(
    (a, b) =>
      coverage(b.vector) - coverage(a.vector) ||
      (hlc(a.header) < hlc(b.header) ? 1 : hlc(a.header) > hlc(b.header) ? -1 : 0) ||
      (a.rel < b.rel ? -1 : 1),
  );
}

/** An empty store: no journal entry at all (a snapshot restores only into one). */
export function isEmptyStore(ctx: SyncContext): boolean {
  return ctx.store.db.prepare('SELECT 1 FROM journal LIMIT 1').get() === undefined;
}

/** A store that has nothing from other laptops and little of its own: worth a bootstrap. */
export function isFresh(ctx: SyncContext): boolean {
  const { store } = ctx;
  if (store.db.prepare('SELECT 1 FROM sync_ingested WHERE device != ? LIMIT 1').get(store.device)) return false;
  if (((store.db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0) > 100_000) return false;
  return store.db.prepare('SELECT 1 FROM journal WHERE substr(hlc, 22) != ? LIMIT 1').get(store.device) === undefined;
}

/** Verifies and decrypts the best usable snapshot into a private temp file; null when there is none. */
async function openNewest(
  ctx: SyncContext,
  accept: (v: Vector) => boolean,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ image: string; header: FileHeader; vector: Vector; rel: string } | null> {
  const keyOf = publicKeyOf(ctx);
  for (const s of listSnapshots(ctx)) {
    if (skip.has(s.rel) || !accept(s.vector) || !shouldRetry(ctx, getProblem(ctx, s.rel), s.size)) continue;
    const image = join(tempDir(ctx), `boot-${randomBytes(6).toString('hex')}.sqlite`);
    try {
      ctx.progress('Momentopname ophalen', 0, 1);
      const header = await readStreamedFile(s.path, ctx.id, keyOf, image);
      // From here on only the verified header counts.
      const vector = checkedVector(header.vector);
      if (header.kind !== 'snapshot' || !vector) throw new BadFile('content', 'geen geldige momentopname');
      if (typeof header.maxHlc !== 'string' || ctx.store.clock.isTooFarAhead(header.maxHlc)) {
        throw new BadFile('future', 'momentopname met een klok te ver vooruit: in quarantaine');
      }
      clearProblem(ctx, s.rel);
      return { image, header, vector, rel: s.rel };
    } catch (e) {
      rmSync(image, { force: true });
      if (!(e instanceof BadFile)) throw e;
      recordProblem(ctx, s.rel, e.kind, e.message, s.size);
    }
  }
  return null;
}

/**
 * Bootstraps a fresh store from the best valid snapshot: one whose content is refused (noted as a
 * problem; the restore leaves the store empty) gives way to the next best. Returns whether it did.
 */
export async function bootstrapFromSnapshot(ctx: SyncContext): Promise<boolean> {
  if (!isFresh(ctx)) return false;
  const refused = new Set<string>();
  for (;;) {
    const found = await openNewest(ctx, () => true, refused);
    if (!found) return false;
    try {
      if (isEmptyStore(ctx)) await restoreRows(ctx, found.image, found.header, found.vector);
      else await mergeImage(ctx, found.image, found.vector);
      return true;
    } catch (e) {
      // The snapshot is at fault (bad content), not this laptop: note it and try the next.
      if (!(e instanceof BadFile)) throw e;
      recordProblem(ctx, found.rel, e.kind, e.message, 0);
      refused.add(found.rel);
    } finally {
      rmSync(found.image, { force: true });
    }
  }
}

/**
 * After a long absence segments this laptop never saw may have been compacted away. Then the
 * best snapshot that covers them is merged in (change by change, keeping local work).
 */
export async function fillGaps(ctx: SyncContext, missing: (v: Vector) => boolean): Promise<boolean> {
  const found = await openNewest(ctx, (v) => missing(v));
  if (!found) return false;
  try {
    await mergeImage(ctx, found.image, found.vector);
  } catch (e) {
    if (!(e instanceof BadFile)) throw e;
    return false;
  } finally {
    rmSync(found.image, { force: true });
  }
  return true;
}
