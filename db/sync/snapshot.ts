// Snapshots: an encrypted, signed image of the whole store (VACUUM INTO: every row, the whole
// journal with its clocks, the conflicts, the pinned device keys and the vector of segments it
// includes), minus what belongs to one laptop (meta, audit log, file bookkeeping). A new laptop
// restores the newest valid snapshot page by page (SQLite backup), which is what makes 50,000
// clients load in seconds, then applies only newer segments. A laptop that already has data
// merges a snapshot change by change instead (only needed after a long absence, when
// compaction removed segments it never saw).
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MIGRATIONS, migrate } from '../store/migrations/index.js';
import type { FieldChange } from '../journal/write.js';
import { BadFile, FORMAT, peekHeader, readStreamedFile, writeStreamedFile, type FileHeader } from './container.js';
import { ConflictDetector } from './conflicts.js';
import { META, isoNow, metaNumber, nowOf, type SyncContext } from './context.js';
import { publicKeyOf } from './devices.js';
import { dropPurged } from './ingest.js';
import { listDir, looksLikeSnapshot, relOf, snapshotPath, snapshotsDir, statOrNull, subdirs } from './layout.js';
import { recordProblem, clearProblem, getProblem, shouldRetry } from './problems.js';

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

function tempDir(ctx: SyncContext): string {
  // Next to the database (the user-data folder), never in the shared folder.
  const dir =
    ctx.store.file === ':memory:'
      ? join(process.cwd(), '.caseload-sync-tmp')
      : join(dirname(ctx.store.file), 'sync-tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Publishes a snapshot of this store; returns its path inside the folder. */
export async function publishSnapshot(ctx: SyncContext): Promise<string> {
  const { store } = ctx;
  const image = join(tempDir(ctx), `snap-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    store.db.prepare('VACUUM INTO ?').run(image);
    const img = new Database(image, { nativeBinding: store.nativeBinding });
    let count: number;
    let vector: Vector;
    try {
      img.pragma('secure_delete = ON');
      img.exec('DELETE FROM meta; DELETE FROM audit_log; DELETE FROM sync_problems; DELETE FROM sync_files;');
      count = img.prepare('SELECT count(*) FROM journal').pluck().get() as number;
      vector = vectorOf(img);
    } finally {
      img.close();
    }
    const epoch = metaNumber(store, META.epoch, 1);
    const seq = metaNumber(store, META.snapshotSeq, 0) + 1;
    const header: FileHeader = {
      format: FORMAT,
      kind: 'snapshot',
      team: ctx.id.team,
      device: ctx.id.device,
      epoch,
      seq,
      count,
      created: nowOf(ctx),
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
}

/** Snapshots of this team that this version can read, newest first (by their own clock, not mtime). */
export function listSnapshots(ctx: SyncContext): SnapshotFile[] {
  const out: SnapshotFile[] = [];
  const base = snapshotsDir(ctx.root);
  for (const dir of subdirs(base)) {
    for (const name of listDir(join(base, dir))) {
      if (!looksLikeSnapshot(name)) continue;
      const path = join(base, dir, name);
      const st = statOrNull(path);
      if (!st?.isFile()) continue;
      try {
        const header = peekHeader(path);
        if (header.kind !== 'snapshot' || header.team !== ctx.id.team || Number(header.schema) > MIGRATIONS.length)
          continue;
        out.push({ path, rel: relOf(ctx.root, path), size: st.size, header });
      } catch {
        /* not (yet) a readable snapshot; listSnapshots is only a catalogue */
      }
    }
  }
  return out.sort((a, b) => b.header.created - a.header.created || (a.rel < b.rel ? -1 : 1));
}

/** A store that has nothing from other laptops and little of its own: a snapshot can replace it. */
export function isFresh(ctx: SyncContext): boolean {
  const { store } = ctx;
  if (store.db.prepare('SELECT 1 FROM sync_ingested WHERE device != ? LIMIT 1').get(store.device)) return false;
  if (((store.db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0) > 100_000) return false;
  return store.db.prepare('SELECT 1 FROM journal WHERE device != ? LIMIT 1').get(store.device) === undefined;
}

/** Decrypts the newest usable snapshot into a temp file; null when there is none. */
async function openNewest(
  ctx: SyncContext,
  accept: (h: FileHeader) => boolean,
): Promise<{ image: string; header: FileHeader } | null> {
  const keyOf = publicKeyOf(ctx);
  for (const s of listSnapshots(ctx)) {
    if (!accept(s.header) || !shouldRetry(ctx, getProblem(ctx, s.rel), s.size)) continue;
    const image = join(tempDir(ctx), `boot-${randomBytes(6).toString('hex')}.sqlite`);
    try {
      ctx.progress('Momentopname ophalen', 0, 1);
      const header = await readStreamedFile(s.path, ctx.id, keyOf, image);
      if (typeof header.maxHlc !== 'string' || ctx.store.clock.isTooFarAhead(header.maxHlc)) {
        throw new BadFile('future', 'momentopname met een klok te ver vooruit: in quarantaine');
      }
      clearProblem(ctx, s.rel);
      return { image, header };
    } catch (e) {
      rmSync(image, { force: true });
      if (!(e instanceof BadFile)) throw e;
      recordProblem(ctx, s.rel, e.kind, e.message, s.size);
    }
  }
  return null;
}

/** Bootstraps a fresh store from the newest valid snapshot. Returns whether it did. */
export async function bootstrapFromSnapshot(ctx: SyncContext): Promise<boolean> {
  if (!isFresh(ctx)) return false;
  const found = await openNewest(ctx, () => true);
  if (!found) return false;
  try {
    await restoreImage(ctx, found.image, found.header);
  } finally {
    rmSync(found.image, { force: true });
  }
  return true;
}

async function restoreImage(ctx: SyncContext, image: string, header: FileHeader): Promise<void> {
  const { store } = ctx;
  const img = new Database(image, { readonly: true, nativeBinding: store.nativeBinding });
  try {
    const version = img.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length)
      throw new BadFile('content', 'momentopname van een nieuwere versie: werk Caseload bij');
    if (img.pragma('page_size', { simple: true }) !== store.db.pragma('page_size', { simple: true })) {
      img.close();
      await mergeImage(ctx, image);
      return;
    }
    // What belongs to this laptop survives the restore.
    const meta = store.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    const auditRows = store.db.prepare('SELECT * FROM audit_log ORDER BY seq').raw().all() as unknown[][];
    const own = store.db
      .prepare('SELECT entity, row_id, field, value, hlc, base_hlc, device, user FROM journal ORDER BY seq')
      .all() as (Omit<FieldChange, 'value'> & { value: string | null })[];
    const published = store.db
      .prepare('SELECT * FROM sync_ingested WHERE device = ?')
      .raw()
      .all(store.device) as unknown[][];
    // Out of WAL mode while the pages are copied: in WAL mode every page would be written twice
    // (into the log, then by the checkpoint). This connection is the store's only one.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.pragma('journal_mode = DELETE');
    try {
      await img.backup(store.file, {
        progress: ({ totalPages, remainingPages }) => {
          ctx.progress('Momentopname laden', totalPages - remainingPages, totalPages);
          return 4096;
        },
      });
    } finally {
      store.db.pragma('journal_mode = WAL');
    }
    img.close();
    if ((store.db.pragma('user_version', { simple: true }) as number) < MIGRATIONS.length) migrate(store.db);
    store.db.transaction(() => {
      store.db.exec('DELETE FROM meta; DELETE FROM audit_log; DELETE FROM sync_problems; DELETE FROM sync_files;');
      for (const m of meta) store.setMeta(m.key, m.value);
      if (auditRows.length) {
        const ins = store.db.prepare(`INSERT INTO audit_log VALUES (${auditRows[0]!.map(() => '?').join(', ')})`);
        for (const r of auditRows) ins.run(...r);
      }
      if (published.length) {
        const ins = store.db.prepare(
          `INSERT OR IGNORE INTO sync_ingested VALUES (${published[0]!.map(() => '?').join(', ')})`,
        );
        for (const r of published) ins.run(...r);
      }
      // Everything in the image is somebody's published change; this laptop's own entries are
      // applied again on top and published from here on.
      store.setMeta(
        META.published,
        String((store.db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0),
      );
    })();
    store.clock.receive(header.maxHlc as string);
    if (own.length) {
      store.write('sync', (w) =>
        w.applyChanges(own.map((c) => ({ ...c, value: c.value === null ? null : JSON.parse(c.value) }) as FieldChange)),
      );
    } else {
      store.write('sync', () => undefined); // persists the clock
    }
  } finally {
    if (img.open) img.close();
  }
}

/** Applies every journal entry of a snapshot image through the write layer (a store with data). */
async function mergeImage(ctx: SyncContext, image: string): Promise<void> {
  const { store } = ctx;
  const img = new Database(image, { readonly: true, nativeBinding: store.nativeBinding });
  try {
    const total = img.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    const detector = new ConflictDetector(store, isoNow(ctx));
    const batch: FieldChange[] = [];
    let done = 0;
    const flush = () => {
      store.write('sync', (w) => w.applyChanges(dropPurged(ctx, batch), detector.check));
      done += batch.length;
      batch.length = 0;
      ctx.progress('Momentopname samenvoegen', done, total);
    };
    for (const r of img
      .prepare('SELECT entity, row_id, field, value, hlc, base_hlc, device, user FROM journal ORDER BY seq')
      .iterate() as IterableIterator<FieldChange & { value: string | null }>) {
      batch.push({ ...r, value: r.value === null ? null : JSON.parse(r.value) });
      if (batch.length >= 20_000) flush();
    }
    if (batch.length) flush();
    const maxHlc = img.prepare('SELECT max(hlc) FROM journal').pluck().get() as string | null;
    const rows = img.prepare('SELECT * FROM sync_ingested').raw().all() as unknown[][];
    store.db.transaction(() => {
      if (maxHlc && !store.clock.isTooFarAhead(maxHlc)) store.clock.receive(maxHlc);
      if (rows.length) {
        const ins = store.db.prepare(
          `INSERT OR IGNORE INTO sync_ingested VALUES (${rows[0]!.map(() => '?').join(', ')})`,
        );
        for (const r of rows) ins.run(...r);
      }
      store.setMeta('hlc', store.clock.current());
    })();
  } finally {
    img.close();
  }
}

/**
 * After a long absence segments this laptop never saw may have been compacted away. Then the
 * newest snapshot that covers them is merged in (change by change, keeping local work).
 */
export async function fillGaps(ctx: SyncContext, missing: (v: Vector) => boolean): Promise<boolean> {
  const found = await openNewest(ctx, (h) => missing(h.vector as Vector));
  if (!found) return false;
  try {
    await mergeImage(ctx, found.image);
  } finally {
    rmSync(found.image, { force: true });
  }
  return true;
}
