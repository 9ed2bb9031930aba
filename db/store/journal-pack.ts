// The journal's bulk paths, which have changes one per row (the exchange format): converting an
// old journal (migration 0008) and restoring a snapshot (db/sync/snapshot-restore.ts), millions at a
// time. They stream in pages through the same packer as every write (db/model/journal-format.ts),
// so there is one packed layout. Also the journal_changes view for SQL that needs one row per field.
import type BetterSqlite3 from 'better-sqlite3';
import { ENTITIES, fieldNumber, isEntityName } from '../model/entities.js';
import { RunPacker, type FieldChange, type Value } from '../model/journal-format.js';

/** temp.field_no: (entity, field) -> the journal's field number (db/model/entities.ts fieldNumber). */
export function fieldNumberTable(db: BetterSqlite3.Database): void {
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS field_no (entity TEXT NOT NULL, field TEXT NOT NULL, no INTEGER NOT NULL, PRIMARY KEY (entity, field)) WITHOUT ROWID',
  );
  db.exec('DELETE FROM temp.field_no');
  const ins = db.prepare('INSERT INTO temp.field_no(entity, field, no) VALUES (?, ?, ?)');
  for (const [entity, spec] of Object.entries(ENTITIES)) {
    ['ref', 'deleted', ...Object.keys(spec.fields)].forEach((field, no) => ins.run(entity, field, no));
  }
}

/** One change as the exchange format has it (old journal rows, snapshot images): value as JSON text. */
export interface FlatChange {
  entity: string;
  row_id: string;
  field: string;
  value: string | null;
  hlc: string;
  base_hlc: string | null;
  user: string;
}

/** A packer that appends to the journal: `at` fixed, or (null) the clock's own millisecond. */
export function journalAppender(db: BetterSqlite3.Database, at: number | null): RunPacker {
  const ins = db.prepare(
    'INSERT INTO journal(entity, row_id, hlc, user, fields, clocks, bases, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return new RunPacker((p) =>
    ins.run(p.entity, p.row_id, p.hlc, p.user, p.fields, p.clocks, p.bases, at ?? Number(p.hlc.slice(0, 15))),
  );
}

/** A flat change as a field change (the registry's entities only; others are skipped by the packer's caller). */
export function fromFlat(c: FlatChange): FieldChange | null {
  if (!isEntityName(c.entity) || fieldNumber(c.entity, c.field) === undefined) return null;
  return {
    entity: c.entity,
    row_id: c.row_id,
    field: c.field,
    value: c.value === null ? null : (JSON.parse(c.value) as Value),
    hlc: c.hlc,
    base_hlc: c.base_hlc,
    device: c.hlc.slice(21),
    user: c.user,
  };
}

/** The journal's per-field view: a packed row's changes with their own clocks and bases. */
export const JOURNAL_CHANGES_VIEW = `CREATE VIEW journal_changes AS
  SELECT j.seq, j.entity, j.row_id, CAST(e.key AS INTEGER) AS field_no, e.value AS value, e.type AS type,
    CASE json_type(j.clocks, '$."' || e.key || '"')
      WHEN 'integer' THEN substr(j.hlc, 1, 16) || printf('%04x', json_extract(j.clocks, '$."' || e.key || '"')) || substr(j.hlc, 21)
      WHEN 'text' THEN json_extract(j.clocks, '$."' || e.key || '"')
      ELSE j.hlc END AS hlc,
    json_extract(j.bases, '$."' || e.key || '"') AS base_hlc,
    j.user, j.at
  FROM journal j, json_each(j.fields) e`;

/** A value of journal_changes (alias `a`) as JSON text again (its `value` column is SQL for scalars). */
export function changeJson(a: string): string {
  return `CASE ${a}.type WHEN 'array' THEN ${a}.value WHEN 'object' THEN ${a}.value WHEN 'true' THEN 'true'
    WHEN 'false' THEN 'false' WHEN 'null' THEN 'null' ELSE json_quote(${a}.value) END`;
}
