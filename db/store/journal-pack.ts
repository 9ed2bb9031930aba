// Packing field changes into journal rows in SQL, for the bulk paths that have them one per row:
// converting an old journal (migration 0008) and restoring a snapshot (db/sync/snapshot.ts),
// millions at a time. The same layout as db/journal/entries.ts `pack`: changes of one record by
// one user and device in one millisecond share a row (no field twice), the row's clock is the
// lowest, the others keep theirs in `clocks` (as a counter when only the counter differs).
import type BetterSqlite3 from 'better-sqlite3';
import { ENTITIES } from '../model/entities.js';

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

/**
 * Appends the changes of `source` - a table or subquery with columns entity, field, value (JSON
 * text), hlc, base_hlc, user, ord (the order to keep) - to the journal as packed rows, in `ord`
 * order. `at` is the wall time to record (ms), or null for the clock's own millisecond (old
 * journal entries, whose arrival time was not kept). Returns the number of rows written.
 */
export function packIntoJournal(db: BetterSqlite3.Database, source: string, at: number | null): number {
  fieldNumberTable(db);
  db.function('caseload_hex', { deterministic: true }, (s: unknown) => parseInt(String(s), 16));
  db.exec(`
    DROP TABLE IF EXISTS temp.pack_in;
    DROP TABLE IF EXISTS temp.pack_grp;
    CREATE TEMP TABLE pack_in AS
      SELECT s.ord, s.entity, s.row_id, s.value, s.hlc, s.base_hlc, s.user, f.no,
        s.entity || char(31) || s.row_id || char(31) || s.user || char(31) || substr(s.hlc, 1, 15) || char(31)
          || substr(s.hlc, 22) || char(31)
          || row_number() OVER (PARTITION BY s.entity, s.row_id, s.user, substr(s.hlc, 1, 15), substr(s.hlc, 22), f.no
                                ORDER BY s.hlc, s.ord) AS grp
      FROM ${source} s JOIN temp.field_no f ON f.entity = s.entity AND f.field = s.field;
    CREATE TEMP TABLE pack_grp AS SELECT grp, min(ord) AS first, min(hlc) AS hlc FROM temp.pack_in GROUP BY grp;
    CREATE INDEX temp.pack_grp_grp ON pack_grp(grp);
  `);
  const written = db
    .prepare(
      `INSERT INTO journal(entity, row_id, hlc, user, fields, clocks, bases, at)
       SELECT v.entity, v.row_id, g.hlc, v.user,
         json_group_object(v.no, json(v.value)),
         nullif(json_group_object(v.no, CASE WHEN substr(v.hlc, 1, 16) = substr(g.hlc, 1, 16)
                  THEN caseload_hex(substr(v.hlc, 17, 4)) ELSE v.hlc END) FILTER (WHERE v.hlc != g.hlc), '{}'),
         nullif(json_group_object(v.no, v.base_hlc) FILTER (WHERE v.base_hlc IS NOT NULL), '{}'),
         coalesce(?, CAST(substr(g.hlc, 1, 15) AS INTEGER))
       FROM temp.pack_in v JOIN temp.pack_grp g ON g.grp = v.grp
       GROUP BY v.grp
       ORDER BY g.first`,
    )
    .run(at).changes;
  db.exec('DROP TABLE temp.pack_in; DROP TABLE temp.pack_grp;');
  return written;
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
