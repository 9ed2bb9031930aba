// How the journal stores field changes (migration 0008): one row per write of one record, the
// changed fields packed by number (db/model/entities.ts fieldNumber) instead of a row per field.
//
//   journal(seq, entity, row_id, hlc, user, fields, clocks, bases, at)
//   fields  JSON object {fieldNo: value}        the values as written (lists as arrays, booleans)
//   clocks  JSON object {fieldNo: counter|hlc}  only for fields whose clock is not the row's `hlc`
//                                               (old data and old segments had a tick per field):
//                                               a number = same millisecond and device, that counter
//   bases   JSON object {fieldNo: hlc}          the field's clock its writer had seen (conflicts);
//                                               absent for a field that was new to the writer
//   at      this laptop's wall time when it journaled the write (as-known-on reports)
//
// The device of a change is the one in its clock. Everything else reads changes through
// `rowChanges` (one record's history, per field) or `changesSince` (in journal order).
import type { StoreBase } from '../store/open.js';
import { ENTITIES, type EntityName } from '../model/entities.js';
import { expand, type PackedRow, type StoredChange } from '../model/journal-format.js';

export {
  expand,
  pack,
  RunPacker,
  type FieldChange,
  type PackedRow,
  type StoredChange,
  type Value,
} from '../model/journal-format.js';

/** One record's field changes, oldest journal row first (ordered by field and clock by callers that need it). */
export function rowChanges(store: StoreBase, entity: EntityName, rowId: string): StoredChange[] {
  const rows = store
    .stmt('SELECT * FROM journal WHERE row_id = ? AND entity = ? ORDER BY seq')
    .all(rowId, entity) as PackedRow[];
  return rows.flatMap(expand);
}

/** The changes of one field of one record, clock order. */
export function fieldChanges(store: StoreBase, entity: EntityName, rowId: string, field: string): StoredChange[] {
  return rowChanges(store, entity, rowId)
    .filter((c) => c.field === field)
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.seq - b.seq));
}

/** The field change with the highest clock, or undefined. */
export function latestChange(
  store: StoreBase,
  entity: EntityName,
  rowId: string,
  field: string,
): StoredChange | undefined {
  return fieldChanges(store, entity, rowId, field).at(-1);
}

/** Journal rows after `seq`, in journal order, in pages (never the whole journal in memory). */
export function* rowsSince(store: StoreBase, seq: number, page = 5000): Generator<PackedRow> {
  let after = seq;
  for (;;) {
    const rows = store.stmt('SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT ?').all(after, page) as PackedRow[];
    if (!rows.length) return;
    yield* rows;
    after = rows[rows.length - 1]!.seq;
  }
}

export function lastSeq(store: StoreBase): number {
  return (store.stmt('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0;
}

/** The entities a journal row can name (the registry), for SQL over the journal. */
export const ENTITY_TABLES: Record<EntityName, string> = Object.fromEntries(
  Object.entries(ENTITIES).map(([e, s]) => [e, s.table]),
) as Record<EntityName, string>;

/** Every field change journaled after `seq`, in journal order (sync, tests, checks). */
export function* changesSince(store: StoreBase, seq = 0): Generator<StoredChange> {
  for (const row of rowsSince(store, seq)) yield* expand(row);
}

/**
 * The refs journaled in (from, upto]: distinct (entity, ref), by entity and ref (the collision
 * check after a sync round, db/records/refs.ts). Field number 0 is `ref` (db/model/entities.ts).
 */
export function refsJournaled(store: StoreBase, from: number, upto: number): { entity: string; ref: string }[] {
  return store
    .stmt(
      `SELECT DISTINCT entity, value AS ref FROM journal_changes
       WHERE seq > ? AND seq <= ? AND field_no = 0 AND type = 'text' ORDER BY entity, ref`,
    )
    .all(from, upto) as { entity: string; ref: string }[];
}

/** The highest clock of any change of one record (null when it has none). */
export function newestClock(store: StoreBase, entity: string, rowId: string): string | null {
  return (
    (store.stmt('SELECT max(hlc) FROM journal_changes WHERE entity = ? AND row_id = ?').pluck().get(entity, rowId) as
      string | null) ?? null
  );
}
