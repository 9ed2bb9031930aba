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
import { ENTITIES, fieldNumber, fieldOfNumber, isEntityName, type EntityName } from '../model/entities.js';
import { decodeHlc } from './hlc.js';

export type Value = string | number | boolean | string[] | null;

export interface FieldChange {
  entity: EntityName;
  row_id: string;
  field: string;
  /** The logical value (lists as arrays, booleans as booleans). */
  value: Value;
  hlc: string;
  base_hlc: string | null;
  device: string;
  user: string;
}

/** A change as read back from the journal: where it sits and when this laptop had it. */
export interface StoredChange extends FieldChange {
  seq: number;
  at: number;
}

export interface PackedRow {
  seq: number;
  entity: string;
  row_id: string;
  hlc: string;
  user: string;
  fields: string;
  clocks: string | null;
  bases: string | null;
  at: number;
}

const HLC_HEAD = 15;

/** A field's clock from the row's clock and its override (counter within the same ms and device). */
function clockOf(rowHlc: string, override: number | string | undefined): string {
  if (override === undefined) return rowHlc;
  if (typeof override === 'string') return override;
  const device = rowHlc.slice(HLC_HEAD + 6);
  return `${rowHlc.slice(0, HLC_HEAD)}-${override.toString(16).padStart(4, '0')}-${device}`;
}

/** Every field change in one journal row, in field-number order. */
export function expand(row: PackedRow): StoredChange[] {
  if (!isEntityName(row.entity)) return [];
  const fields = JSON.parse(row.fields) as Record<string, Value>;
  const clocks = row.clocks ? (JSON.parse(row.clocks) as Record<string, number | string>) : {};
  const bases = row.bases ? (JSON.parse(row.bases) as Record<string, string>) : {};
  const out: StoredChange[] = [];
  for (const [no, value] of Object.entries(fields)) {
    const field = fieldOfNumber(row.entity, Number(no));
    if (!field) continue;
    const hlc = clockOf(row.hlc, clocks[no]);
    out.push({
      seq: row.seq,
      at: row.at,
      entity: row.entity,
      row_id: row.row_id,
      field,
      value,
      hlc,
      base_hlc: bases[no] ?? null,
      device: hlc.slice(HLC_HEAD + 6),
      user: row.user,
    });
  }
  return out;
}

/** The columns of one journal row for changes of one record by one user and device (distinct fields). */
export function pack(changes: readonly FieldChange[]): Omit<PackedRow, 'seq' | 'at'> {
  const first = changes[0]!;
  const rowHlc = changes.reduce((min, c) => (c.hlc < min ? c.hlc : min), first.hlc);
  const head = rowHlc.slice(0, HLC_HEAD);
  const fields: Record<number, Value> = {};
  const clocks: Record<number, number | string> = {};
  const bases: Record<number, string> = {};
  let hasClocks = false;
  let hasBases = false;
  for (const c of changes) {
    const no = fieldNumber(c.entity, c.field)!;
    fields[no] = c.value;
    if (c.hlc !== rowHlc) {
      hasClocks = true;
      clocks[no] = c.hlc.slice(0, HLC_HEAD) === head && c.device === first.device ? decodeHlc(c.hlc).counter : c.hlc;
    }
    if (c.base_hlc !== null) {
      hasBases = true;
      bases[no] = c.base_hlc;
    }
  }
  return {
    entity: first.entity,
    row_id: first.row_id,
    hlc: rowHlc,
    user: first.user,
    fields: JSON.stringify(fields),
    clocks: hasClocks ? JSON.stringify(clocks) : null,
    bases: hasBases ? JSON.stringify(bases) : null,
  };
}

/**
 * Splits changes into journal rows: one per run of changes of the same record, user and device
 * in which no field repeats (a local write is one row; a segment from an older version, with a
 * clock per field, packs the same way).
 */
export function packRuns(changes: readonly FieldChange[]): FieldChange[][] {
  const runs: FieldChange[][] = [];
  let run: FieldChange[] = [];
  const fields = new Set<string>();
  for (const c of changes) {
    const prev = run[0];
    if (
      prev &&
      (prev.entity !== c.entity ||
        prev.row_id !== c.row_id ||
        prev.user !== c.user ||
        prev.device !== c.device ||
        fields.has(c.field))
    ) {
      runs.push(run);
      run = [];
      fields.clear();
    }
    run.push(c);
    fields.add(c.field);
  }
  if (run.length) runs.push(run);
  return runs;
}

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
