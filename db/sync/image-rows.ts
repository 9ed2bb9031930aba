// The packed rows of a snapshot image (format 3), checked and folded into the synced tables' rows.
// Every row is checked by the same rules as a segment's changes (db/sync/changes.ts) and folded by
// the journal's rule (db/journal/rows.ts RowBuilder). The checks read only the image, so during a
// large bootstrap they run in a worker thread (image-worker.ts) while the main thread folds the
// same rows, parsed only; elsewhere they run in-thread. Paged by seq, so memory stays bounded.
import type BetterSqlite3 from 'better-sqlite3';
import type { RecordFolder } from '../journal/rows.js';
import { isEntityName, numberedFields, numberedSpecs, type EntityName } from '../model/entities.js';
import { expandParsed, type StoredChange, type Value } from '../model/journal-format.js';
import { BadFile } from './container.js';
import { checkValue, checkWrite, deviceOf } from './changes.js';

/** The longest JSON text of a row read (a packed row of every field at its longest stays far below). */
const MAX_JSON = 4_000_000;

/** The columns of the image's journal read here, seq first (format 3, migration 0008). */
const IMAGE_ROW_COLUMNS = 'seq, entity, row_id, hlc, user, fields, clocks, bases';

/** A packed row of an image (format 3), as read: nothing about it is trusted yet. */
export type ImageRow = [
  seq: unknown,
  entity: unknown,
  rowId: unknown,
  hlc: unknown,
  user: unknown,
  fields: unknown,
  clocks: unknown,
  bases: unknown,
];

/** A JSON text of a row within the bound (nothing huge is parsed), else null. */
function boundedText(text: unknown): string | null {
  return typeof text === 'string' && text.length <= MAX_JSON ? text : null;
}

/** JSON text as the journal's packer writes it (JSON.stringify of a plain object), parsed; else null. */
function canonicalObject(raw: unknown): Record<string, unknown> | null {
  const text = boundedText(raw);
  if (text === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  return v && typeof v === 'object' && !Array.isArray(v) && JSON.stringify(v) === text
    ? (v as Record<string, unknown>)
    : null;
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** A packed row of an image that passed checkedRow: its fields by number, their clocks and bases. */
interface CheckedRow {
  entity: EntityName;
  rowId: string;
  hlc: string;
  user: string;
  values: Record<string, Value>;
  clocks: Record<string, number | string>;
  bases: Record<string, string>;
}

/**
 * One packed row of an image, checked by the same rules as a segment's changes (checkWrite and
 * checkField: known entity and field, the value of its field's type, valid clocks, lengths), every
 * field's clock of the row's device; the JSON exactly as the packer writes it (so no duplicate
 * keys, no field numbers written otherwise, no clocks or bases for fields the row does not have).
 * Checked by field number, without expanding the row into changes (millions on a bootstrap).
 * Throws BadFile 'content' naming the row.
 */
export function checkedRow(r: ImageRow): CheckedRow {
  try {
    return checkRow(r);
  } catch (e) {
    throw new BadFile('content', `journaalregel ${String(r[0])} van de momentopname: ${(e as Error).message}`);
  }
}

function checkRow(r: ImageRow): CheckedRow {
  const [, entity, rowId, hlc, user, fields, clocks, bases] = r;
  const refuse = (why: string) => new Error(why);
  if (typeof entity !== 'string' || !isEntityName(entity)) throw refuse('onbekend soort record');
  if (typeof hlc !== 'string' || typeof rowId !== 'string' || typeof user !== 'string') throw refuse('ongeldige regel');
  const values = canonicalObject(fields) as Record<string, Value> | null;
  const own = (clocks === null ? null : canonicalObject(clocks)) as Record<string, unknown> | null;
  const was = (bases === null ? null : canonicalObject(bases)) as Record<string, unknown> | null;
  if (!values || (clocks !== null && !own) || (bases !== null && !was)) throw refuse('ongeldige JSON');
  // The packer never writes a row without fields; one here would be copied unchecked.
  if (!hasKeys(values)) throw refuse('regel zonder velden');
  for (const k in own) if (!(k in values)) throw refuse('klok of basis van een veld dat de regel niet heeft');
  for (const k in was) if (!(k in values)) throw refuse('klok of basis van een veld dat de regel niet heeft');
  const device = checkWrite(entity, rowId, hlc, user);
  const names = numberedFields(entity);
  const specs = numberedSpecs(entity);
  for (const key in values) {
    const no = Number(key);
    const field = names[no];
    if (field === undefined || String(no) !== key) throw refuse('onbekend veldnummer');
    checkValue(entity, field, specs[no]!, values[key]);
    if (own) {
      const clock = own[key];
      if (typeof clock === 'number') {
        // A counter within the row's millisecond (clockOf).
        if (!Number.isSafeInteger(clock) || clock < 0 || clock > 0xffff) throw refuse('ongeldige klokwaarde');
      } else if (clock !== undefined && deviceOf(clock) !== device) throw refuse('klok van een ander apparaat');
    }
    if (was && was[key] !== undefined) deviceOf(was[key]);
  }
  return {
    entity,
    rowId,
    hlc,
    user,
    values,
    clocks: (own ?? {}) as Record<string, number | string>,
    bases: (was ?? {}) as Record<string, string>,
  };
}

/** A checked row's field changes (a snapshot merged into a store with data). */
export function changesOf(r: CheckedRow): StoredChange[] {
  return expandParsed(
    { seq: 0, at: 0, entity: r.entity, row_id: r.rowId, hlc: r.hlc, user: r.user },
    r.values,
    r.clocks,
    r.bases,
  );
}

/** Every row `readPage` gives (pages of rows after a seq, in seq order, empty at the end). */
function eachRow<Row extends unknown[]>(
  readPage: (after: number) => Row[],
  row: (r: Row) => void,
  progress: (n: number) => void,
) {
  let rows = 0;
  for (let after = 0; ;) {
    const batch = readPage(after);
    if (!batch.length) return rows;
    for (const r of batch) row(r);
    rows += batch.length;
    after = Number(batch[batch.length - 1]![0]);
    progress(rows);
  }
}

/** Checks every row (checkedRow); returns their number. One bad row throws BadFile naming it. */
export function checkImageRows(readPage: (after: number) => ImageRow[]): number {
  return eachRow(readPage, checkedRow, () => {});
}

/** The columns read for folding where the rows are checked elsewhere: what folding needs, seq first. */
const FOLD_ROW_COLUMNS = 'seq, entity, row_id, hlc, fields, clocks';

/** A packed row of an image as read for folding only (FOLD_ROW_COLUMNS), not trusted yet. */
type FoldRow = [seq: unknown, entity: unknown, rowId: unknown, hlc: unknown, fields: unknown, clocks: unknown];

/** A JSON text within the bound, parsed (nothing huge is parsed before the verdict); else null. */
function parsedText(text: unknown): unknown {
  return typeof text === 'string' && text.length <= MAX_JSON ? JSON.parse(text) : null;
}

/**
 * A packed row read for folding while image-check.ts checks it elsewhere: only what folding needs
 * to run (a known entity, JSON objects), straight into `folder`; its verdict decides before
 * anything is committed.
 */
function foldParsed(r: FoldRow, folder: RecordFolder): void {
  const entity = r[1];
  const values = parsedText(r[4]);
  const own = r[5] === null ? null : parsedText(r[5]);
  if (
    typeof entity !== 'string' ||
    !isEntityName(entity) ||
    !values ||
    typeof values !== 'object' ||
    (r[5] !== null && (!own || typeof own !== 'object'))
  )
    throw new BadFile('content', `journaalregel ${String(r[0])} van de momentopname: ongeldige regel`);
  folder.addPacked(
    entity,
    String(r[2]),
    String(r[3]),
    values as Record<string, Value>,
    own as Record<string, number | string> | null,
  );
}

/** Where an image's journal is: `journal` (the image opened alone) or `snap.journal` (attached). */
type ImageJournal = 'journal' | 'snap.journal';

/** Pages of an image's journal rows after a seq, in seq order (`columns`: seq first). */
function pages<Row extends unknown[]>(db: BetterSqlite3.Database, journal: ImageJournal, columns: string) {
  const page = db.prepare(`SELECT ${columns} FROM ${journal} WHERE seq > ? ORDER BY seq LIMIT 5000`).raw();
  return (after: number) => page.all(after) as Row[];
}

/** Pages of an image's journal rows after a seq, in seq order, every column the checks read. */
export function imagePages(db: BetterSqlite3.Database, journal: ImageJournal) {
  return pages<ImageRow>(db, journal, IMAGE_ROW_COLUMNS);
}

/**
 * Folds every row of an image's journal into records in `folder` (which writes each record's row
 * as it ends): checked row by row (checkedRow), or - `checked: false`, where a worker checks the
 * same rows - only parsed, reading only what folding needs. Returns the number of rows and the
 * highest clock.
 */
export function foldImageRows(
  db: BetterSqlite3.Database,
  journal: ImageJournal,
  folder: RecordFolder,
  opts: { checked: boolean; progress?: (rows: number) => void },
): { rows: number; maxHlc: string } {
  const progress = opts.progress ?? (() => {});
  const rows = opts.checked
    ? eachRow(
        imagePages(db, journal),
        (r) => {
          const c = checkedRow(r);
          folder.addPacked(c.entity, c.rowId, c.hlc, c.values, c.clocks);
        },
        progress,
      )
    : eachRow(pages<FoldRow>(db, journal, FOLD_ROW_COLUMNS), (r) => foldParsed(r, folder), progress);
  folder.flush();
  return { rows, maxHlc: folder.maxHlc };
}
