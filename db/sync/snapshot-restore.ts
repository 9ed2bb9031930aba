// Restoring a snapshot image into this store. An empty store (a new laptop) restores it by rows:
// every journal entry is checked against the entity registry, journaled here, and each synced
// row is built from its changes by the journal's rule - all in one transaction, so the result is
// exactly what applying those changes one by one would give, and nothing the writer put in its
// pages (triggers, un-journaled edits, pinned keys) can come along. A store that already has data
// merges the image change by change instead (after a long absence, when compaction removed
// segments it never saw). Choosing and opening the snapshot is snapshot.ts's.
import type BetterSqlite3 from 'better-sqlite3';
import Database from 'better-sqlite3';
import { fieldNumberTable, fromFlat, journalAppender, type FlatChange } from '../store/journal-pack.js';
import { RowBuilder } from '../journal/rows.js';
import type { FieldChange } from '../journal/write.js';
import type { StoreBase } from '../store/open.js';
import { ENTITIES, fieldNames, fieldSpec, type EntityName } from '../model/entities.js';
import { BadFile, type FileHeader } from './container.js';
import { checkChange } from './changes.js';
import { ConflictDetector } from './conflicts.js';
import { META, isoNow, type SyncContext } from './context.js';
import { checkInWorker } from './image-check.js';
import { changesOf, checkImageRows, checkedRow, foldImageRows, imagePages, type ImageRow } from './image-rows.js';
import { dropPurged } from './ingest.js';
import { covers, type Vector } from './vector.js';

/** The image's journal in the exchange format of segments: one change per row (formats 1 and 2). */
const FLAT_COLUMNS = 'entity, row_id, field, value, hlc, base_hlc, device, user';
/** The image's journal as the journal packs it (format 3, migration 0008): one row per write of a record. */
export const PACKED_COLUMNS = 'entity, row_id, hlc, user, fields, clocks, bases';
/**
 * Checks that the image has a journal table of one of the expected shapes (and nothing in its
 * place); returns whether it is packed (format 3) rather than one change per row.
 */
export function checkImage(db: Database.Database, schema: string): boolean {
  const obj = db.prepare(`SELECT type FROM ${schema}.sqlite_master WHERE name = 'journal'`).pluck().get();
  const cols = (db.prepare(`PRAGMA ${schema}.table_info(journal)`).all() as { name: string }[]).map((c) => c.name);
  const has = (list: string) => ['seq', ...list.split(', ')].every((c) => cols.includes(c));
  if (obj !== 'table') throw new BadFile('content', 'momentopname heeft geen geldig journaal');
  const ingested = (db.prepare(`PRAGMA ${schema}.table_info(sync_ingested)`).all() as { name: string }[]).map(
    (c) => c.name,
  );
  if (!['device', 'epoch', 'seq', 'hash', 'changes', 'created', 'at'].every((c) => ingested.includes(c)))
    throw new BadFile('content', 'momentopname zonder geldige lijst van opgenomen segmenten');
  if (has(PACKED_COLUMNS)) return true;
  if (has(FLAT_COLUMNS)) return false;
  throw new BadFile('content', 'momentopname heeft geen geldig journaal');
}

/** A clock in SQL's GLOB: 15 digits of milliseconds, 4 hex digits of counter, the device. */
const HLC = `'${'[0-9]'.repeat(15)}-${'[0-9a-f]'.repeat(4)}-[0-9a-z]*'`;

/** temp.snap_fields: the registry's fields and their types (validEntries, images of one change per row). */
function registryTable(db: BetterSqlite3.Database): void {
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS snap_fields(entity TEXT, field TEXT, type TEXT, PRIMARY KEY (entity, field)) WITHOUT ROWID',
  );
  db.exec('DELETE FROM temp.snap_fields');
  const addField = db.prepare('INSERT INTO temp.snap_fields VALUES (?, ?, ?)');
  for (const entity of Object.keys(ENTITIES) as EntityName[])
    for (const f of fieldNames(entity)) addField.run(entity, f, fieldSpec(entity, f)!.type);
}

/** Keeps the refs a restored record had before its current one in ref_history (search, import). */
function formerRefs(db: BetterSqlite3.Database) {
  const ins = db.prepare('INSERT OR IGNORE INTO ref_history(entity, ref, row_id, hlc) VALUES (?, ?, ?, ?)');
  return (entity: EntityName, rowId: string, refs: ReadonlyMap<string, string>) => {
    if (refs.size > 1) for (const [ref, hlc] of refs) ins.run(entity, ref, rowId, hlc);
  };
}

/** Images of at least this many journal rows are checked in a worker thread. */
const WORKER_FROM_ROWS = 20_000;

/**
 * Restores a packed image (format 3) into an empty store: copies its journal rows as they are
 * (`at`: now), checks every row (checkedRow; one bad row throws and the caller's transaction
 * rolls everything back) and builds each record's row when its rows end - each field with the
 * value of its highest clock, as applying the changes one by one would. A record whose rows are
 * not together is refused (its row would already exist). A large image is checked in a worker
 * thread (image-check.ts) while this thread builds, and its verdict awaited before returning.
 * Returns the number of journal rows and the highest clock restored.
 */
function restorePacked(
  store: StoreBase,
  image: string,
  total: number,
  progress: (n: number) => void,
): { rows: number; maxHlc: string } {
  const db = store.db;
  // The worker first (for a large image; starting one costs more than checking a few thousand
  // rows): it checks the image while the journal is copied and the rows are built.
  const worker = total >= WORKER_FROM_ROWS ? checkInWorker(image, store.nativeBinding) : null;
  try {
    let done: { rows: number; maxHlc: string };
    try {
      db.prepare(
        `INSERT INTO main.journal(${PACKED_COLUMNS}, at) SELECT ${PACKED_COLUMNS}, ? FROM snap.journal ORDER BY seq`,
      ).run(store.now());
      const finish = bulkLoad(db);
      done = foldImageRows(db, 'snap.journal', new RowBuilder(db, { beforeInsert: formerRefs(db) }), {
        checked: !worker,
        progress,
      });
      finish();
    } catch (e) {
      // A bad row the worker names explains a failure here better (a row built unchecked).
      worker?.verdict();
      throw e;
    }
    if (worker) {
      // No verdict (the worker could not check): the same checks here, before anything commits.
      const checked = worker.verdict() ?? checkImageRows(imagePages(db, 'snap.journal'));
      if (checked !== done.rows) throw new BadFile('content', 'momentopname veranderde tijdens het laden');
    }
    return done;
  } finally {
    worker?.stop();
  }
}

/**
 * Prepares an empty store for loading every synced row at once and returns the function that
 * finishes it: the secondary indexes of the synced tables are dropped and built again afterwards
 * (once over all rows, several times faster than row by row), and the search index's insert
 * triggers (one full-text insert per row, the slowest part by far) give way to one bulk insert
 * per table with the trigger's own text expression (read from the schema, so it is always the
 * current one). Inside the restore's transaction.
 */
function bulkLoad(db: BetterSqlite3.Database): () => void {
  const tables = Object.values(ENTITIES).map((e) => e.table as string);
  const list = tables.map(() => '?').join(', ');
  const indexes = db
    .prepare(
      `SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  const triggers = (
    db
      .prepare(
        `SELECT name, tbl_name AS tbl, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name IN (${list})`,
      )
      .all(...tables) as { name: string; tbl: string; sql: string }[]
  )
    .map((t) => ({ ...t, bulk: bulkSearchInsert(t.tbl, t.sql) }))
    .filter((t) => t.bulk !== null);
  for (const ix of indexes) db.exec(`DROP INDEX main."${ix.name}"`);
  for (const t of triggers) db.exec(`DROP TRIGGER main."${t.name}"`);
  return () => {
    for (const ix of indexes) db.exec(ix.sql);
    for (const t of triggers) {
      db.exec(t.bulk!);
      db.exec(t.sql);
    }
  };
}

/**
 * For a search index insert trigger (INSERT INTO search_fts(text) VALUES (<text>); INSERT INTO
 * search_doc(row_id, kind, doc) VALUES (new.id, '<kind>', last_insert_rowid())): the same for
 * every row of its table at once, in id order. Null for any other trigger (kept as it is).
 */
function bulkSearchInsert(table: string, trigger: string): string | null {
  const m =
    /^CREATE TRIGGER \S+ AFTER INSERT ON (\w+) BEGIN\s*INSERT INTO search_fts\(text\) VALUES \(([\s\S]+)\);\s*INSERT INTO search_doc\(row_id, kind, doc\) VALUES \(new\.id, '(\w+)', last_insert_rowid\(\)\);\s*END$/.exec(
      trigger.trim(),
    );
  if (!m || m[1] !== table) return null;
  const text = m[2]!.replace(/\bnew\./g, 'n.');
  return `INSERT INTO search_doc(row_id, kind, doc)
      SELECT id, '${m[3]}', (SELECT coalesce(max(doc), 0) FROM search_doc) + row_number() OVER (ORDER BY id) FROM main."${table}";
    INSERT INTO search_fts(rowid, text)
      SELECT d.doc, ${text} FROM main."${table}" n JOIN search_doc d ON d.row_id = n.id AND d.kind = '${m[3]}';`;
}

/**
 * The journal entries of an image that pass the registry's checks, in SQL (millions of rows):
 * known entity and field, a value of the field's JSON type, well-formed clocks whose device is
 * the entry's, sane lengths. json_type raises on malformed JSON, which refuses the snapshot.
 */
function validEntries(fields: string): string {
  return `
    SELECT j.seq, j.entity, j.row_id, j.field, j.value, j.hlc, j.base_hlc, j.device, j.user
    FROM snap.journal j JOIN ${fields} f ON f.entity = j.entity AND f.field = j.field
    WHERE j.seq > ? AND j.hlc GLOB ${HLC} AND substr(j.hlc, 22) = j.device AND length(j.device) BETWEEN 1 AND 64
      AND (j.base_hlc IS NULL OR j.base_hlc GLOB ${HLC})
      AND typeof(j.row_id) = 'text' AND length(j.row_id) BETWEEN 1 AND 100
      AND typeof(j.user) = 'text' AND length(j.user) <= 200
      AND (j.value IS NULL OR CASE f.type
        WHEN 'bool' THEN json_type(j.value) IN ('true', 'false', 'null')
        WHEN 'int' THEN json_type(j.value) IN ('integer', 'null')
        WHEN 'real' THEN json_type(j.value) IN ('integer', 'real', 'null')
        WHEN 'list' THEN json_type(j.value) = 'null' OR (json_type(j.value) = 'array'
          AND NOT EXISTS (SELECT 1 FROM json_each(j.value) WHERE type != 'text'))
        ELSE json_type(j.value) IN ('text', 'null') AND length(j.value) <= 100002 END)
    ORDER BY j.seq LIMIT 5000`;
}

/**
 * Journals the valid entries of a snapshot image (`valid`: validEntries, paged by seq) and builds
 * each record's row when its changes end - each field with the value of its highest clock, as
 * applying them one by one would - into a store whose synced tables are empty. Returns the number
 * of valid entries. The image keeps a record's changes together (writeSnapshotImage); a record
 * seen twice is refused, since its row would already exist.
 */
function restoreRecords(store: StoreBase, valid: string, progress: (n: number) => void): number {
  const db = store.db;
  const page = db.prepare(valid);
  const packer = journalAppender(db, store.now());
  const builder = new RowBuilder(db, { beforeInsert: formerRefs(db) });
  let record: FieldChange[] = [];
  const flush = () => {
    if (!record.length) return;
    // Once per field and clock, in clock order (one write's fields together).
    const seen = new Set<string>();
    const changes = record
      .filter((c) => !seen.has(`${c.field}\u0000${c.hlc}`) && seen.add(`${c.field}\u0000${c.hlc}`))
      .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    for (const c of changes) {
      packer.push(c);
      builder.add(c);
    }
    packer.flush();
    builder.flush();
    record = [];
  };
  let count = 0;
  for (let after = 0; ;) {
    const rows = page.all(after) as (FlatChange & { seq: number })[];
    if (!rows.length) break;
    for (const r of rows) {
      const c = fromFlat(r);
      if (!c) continue;
      const first = record[0];
      if (first && (first.entity !== c.entity || first.row_id !== c.row_id)) flush();
      record.push(c);
      count++;
    }
    after = rows[rows.length - 1]!.seq;
    progress(count);
  }
  flush();
  return count;
}

export async function restoreRows(ctx: SyncContext, image: string, header: FileHeader, vector: Vector): Promise<void> {
  const { store } = ctx;
  const db = store.db;
  db.prepare('ATTACH DATABASE ? AS snap').run(image);
  try {
    const packed = checkImage(db, 'snap');
    // A packed image's rows are counted as they are read, then held to the signed header's count
    // (counting first would read the whole image once more); one change per row (format 2) skips
    // invalid entries, so its rows are counted first.
    const total = packed ? header.count : (db.prepare('SELECT count(*) FROM snap.journal').pluck().get() as number);
    const wrongCount = () => new BadFile('content', 'aantal journaalregels klopt niet met de kop');
    if (total !== header.count) throw wrongCount();
    if (!packed) registryTable(db);
    ctx.progress('Momentopname laden', 0, total);
    // Out of WAL mode meanwhile: one big transaction would otherwise be written twice (log and
    // checkpoint). The rollback journal keeps it all-or-nothing. This is the store's only connection.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    try {
      db.transaction(() => {
        let copied: number;
        let maxHlc: string | null = null;
        const progress = (n: number) => ctx.progress('Momentopname laden', n, total);
        try {
          if (packed) ({ rows: copied, maxHlc } = restorePacked(store, image, total, progress));
          else copied = restoreRecords(store, validEntries('temp.snap_fields'), progress);
        } catch (e) {
          if (e instanceof BadFile) throw e;
          throw new BadFile('content', `momentopname met een ongeldig journaal (${(e as Error).message.slice(0, 80)})`);
        }
        if (copied !== total) {
          if (packed) throw wrongCount();
          throw new BadFile(
            'content',
            `${total - copied} journaalregel(s) in de momentopname zijn ongeldig: geweigerd`,
          );
        }
        // What it includes: the image's ingest records, as far as its signed vector vouches.
        const ins = db.prepare(
          'INSERT OR IGNORE INTO main.sync_ingested(device, epoch, seq, hash, changes, created, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        for (const r of db
          .prepare('SELECT device, epoch, seq, hash, changes, created, at FROM snap.sync_ingested')
          .raw()
          .all() as unknown[][]) {
          const [device, epoch, seq, hash, changes, created, at] = r;
          if (typeof device !== 'string' || typeof epoch !== 'number' || typeof seq !== 'number') continue;
          if (!covers(vector, device, epoch, seq)) continue;
          if (typeof hash !== 'string' || hash.length > 64 || !Number.isSafeInteger(changes)) continue;
          ins.run(device, epoch, seq, hash, changes, Number.isSafeInteger(created) ? created : 0, String(at ?? ''));
        }
        // Conflicts, only where both sides are journal entries here.
        fieldNumberTable(db);
        if (db.prepare("SELECT 1 FROM snap.sqlite_master WHERE name = 'sync_conflicts'").get())
          db.exec(`INSERT OR IGNORE INTO main.sync_conflicts
            SELECT s.entity, s.row_id, s.field, s.loser_hlc, s.loser_value, s.loser_device, s.loser_user, s.key_field, s.detected
            FROM snap.sync_conflicts s
            WHERE EXISTS (SELECT 1 FROM main.journal_changes j JOIN temp.field_no f ON f.entity = j.entity
              AND f.no = j.field_no WHERE j.entity = s.entity AND j.row_id = s.row_id AND f.field = s.field
              AND j.hlc = s.loser_hlc)`);
        // Everything here is somebody's published change; the clock moves past the newest entry
        // actually restored (not past a number in the header).
        store.setMeta(
          META.published,
          String((db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0),
        );
        maxHlc ??= db.prepare('SELECT max(hlc) FROM journal_changes').pluck().get() as string | null;
        if (maxHlc && !store.clock.isTooFarAhead(maxHlc)) store.clock.receive(maxHlc);
        store.setMeta('hlc', store.clock.current());
      })();
    } finally {
      db.pragma('journal_mode = WAL');
    }
    ctx.progress('Momentopname laden', total, total);
  } finally {
    db.exec('DETACH DATABASE snap');
  }
}

/** Applies every journal entry of a snapshot image through the write layer (a store with data). */
export async function mergeImage(ctx: SyncContext, image: string, vector: Vector): Promise<void> {
  const { store } = ctx;
  const img = new Database(image, { readonly: true, nativeBinding: store.nativeBinding });
  try {
    const packed = checkImage(img, 'main');
    const total = img.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    const detector = new ConflictDetector(store, isoNow(ctx));
    const batch: FieldChange[] = [];
    let read = 0;
    let maxHlc = '';
    const flush = () => {
      store.write('sync', (w) => w.applyChanges(dropPurged(ctx, batch), detector.check));
      batch.length = 0;
      ctx.progress('Momentopname samenvoegen', read, total);
    };
    /** A change already checked (checkedRow, checkChange). */
    const add = (c: FieldChange) => {
      if (c.hlc > maxHlc) maxHlc = c.hlc;
      batch.push(c);
      if (batch.length >= 20_000) flush();
    };
    if (packed) {
      for (const r of img
        .prepare(`SELECT seq, ${PACKED_COLUMNS} FROM journal ORDER BY seq`)
        .raw()
        .iterate() as IterableIterator<ImageRow>) {
        read++;
        for (const c of changesOf(checkedRow(r))) add(c);
      }
    } else {
      for (const r of img
        .prepare('SELECT entity, row_id, field, value, hlc, base_hlc, user FROM journal ORDER BY seq')
        .raw()
        .iterate() as IterableIterator<unknown[]>) {
        const [entity, rowId, field, value, hlc, base, user] = r;
        let parsed: unknown;
        try {
          parsed = value === null ? null : JSON.parse(String(value));
        } catch {
          throw new BadFile('content', 'momentopname met een ongeldige waarde');
        }
        read++;
        add(checkChange(entity, rowId, field, parsed, hlc, base, user));
      }
    }
    if (batch.length) flush();
    const rows = img
      .prepare('SELECT device, epoch, seq, hash, changes, created, at FROM sync_ingested')
      .raw()
      .all() as unknown[][];
    const ins = store.db.prepare(
      'INSERT OR IGNORE INTO sync_ingested(device, epoch, seq, hash, changes, created, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    store.db.transaction(() => {
      if (maxHlc && !store.clock.isTooFarAhead(maxHlc)) store.clock.receive(maxHlc);
      for (const [device, epoch, seq, hash, changes, created, at] of rows) {
        if (typeof device !== 'string' || typeof epoch !== 'number' || typeof seq !== 'number') continue;
        if (!covers(vector, device, epoch, seq) || typeof hash !== 'string' || !Number.isSafeInteger(changes)) continue;
        ins.run(device, epoch, seq, hash, changes, Number.isSafeInteger(created) ? created : 0, String(at ?? ''));
      }
      store.setMeta('hlc', store.clock.current());
    })();
  } finally {
    img.close();
  }
}
