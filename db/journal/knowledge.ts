// What a laptop knew at a moment, and reading the data as it was then (issue 14, CONTRACTS.md
// "Reproducible"). The journal keeps every change with its clock and `at`, the moment this laptop
// journaled it (its own write, or another laptop's change arriving). Knowledge is a vector: per
// device, the highest clock known of that device's changes. A device's changes carry increasing
// clocks and reach other laptops in order (segments by sequence number), so "every change whose
// clock is at most its device's entry" is exactly what was known - on this laptop and, given the
// vector, on every other laptop that has those changes by now.
//
// `asKnown` runs a read with the synced tables as they were under a knowledge vector: tables with
// later changes are shadowed by TEMP tables of the same name (SQLite resolves unqualified names in
// temp first), copied from the live rows, with the records changed since rebuilt from the journal
// under the vector by the same rule as sync (highest clock per field). Their indexes are copied
// too, so report queries keep their plans. Everything is dropped afterwards.
// Raw SQL throughout: temp-schema shadowing, json_each over packed rows and dynamic table names
// are not expressible in Kysely.
import type { StoreBase } from '../store/open.js';
import { ENTITIES, isEntityName, type EntityName } from '../model/entities.js';
import { registerRowFunctions, rowsFromChangesSql } from './write.js';

/** Per device, the highest clock known (device id -> HLC). */
export type Knowledge = Record<string, string>;

const DEVICE = 'substr(hlc, 22)';

/** What this laptop knows now. */
export function knowledgeNow(store: StoreBase): Knowledge {
  return knowledgeWhere(store, '1', []);
}

/** What this laptop knew at `at` (ms since the epoch): the changes it had journaled by then. */
export function knowledgeAt(store: StoreBase, at: number): Knowledge {
  return knowledgeWhere(store, 'at <= ?', [at]);
}

function knowledgeWhere(store: StoreBase, where: string, params: unknown[]): Knowledge {
  // A row's clock is its lowest; old rows (before 0008) may keep higher per-field clocks.
  const rows = store.db
    .prepare(
      `SELECT d, max(h) AS h FROM (
         SELECT ${DEVICE} AS d, max(hlc) AS h FROM journal WHERE ${where} GROUP BY d
         UNION ALL
         SELECT substr(c.hlc, 22), max(c.hlc) FROM journal_changes c
         WHERE c.seq IN (SELECT seq FROM journal WHERE clocks IS NOT NULL AND ${where}) GROUP BY 1)
       GROUP BY d ORDER BY d`,
    )
    .all(...params, ...params) as { d: string; h: string }[];
  return Object.fromEntries(rows.map((r) => [r.d, r.h]));
}

/** Whether `k` covers every change of `than` (the same or more knowledge). */
export function covers(k: Knowledge, than: Knowledge): boolean {
  return Object.entries(than).every(([d, h]) => (k[d] ?? '') >= h);
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Runs `fn` (synchronous reads only) over the synced tables as they were under `k`. Returns what
 * `fn` returns. Nesting is not supported; writes inside `fn` are refused by SQLite's read-only
 * transaction semantics of the caller's choice (the reports only read).
 */
export function asKnown<T>(store: StoreBase, k: Knowledge, fn: () => T): T {
  const db = store.db;
  registerRowFunctions(db);
  const shadowed: string[] = [];
  const cleanup = () => {
    for (const t of shadowed) db.exec(`DROP TABLE IF EXISTS temp.${quote(t)}`);
    db.exec('DROP TABLE IF EXISTS temp.asknown_vector; DROP TABLE IF EXISTS temp.asknown_rows;');
  };
  cleanup();
  try {
    db.exec(`CREATE TEMP TABLE asknown_vector (device TEXT PRIMARY KEY, hlc TEXT NOT NULL) WITHOUT ROWID;
      CREATE TEMP TABLE asknown_rows (entity TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (entity, row_id)) WITHOUT ROWID;`);
    const put = db.prepare('INSERT INTO temp.asknown_vector VALUES (?, ?)');
    for (const [d, h] of Object.entries(k)) put.run(d, h);
    const known = (alias: string) =>
      `${alias}.hlc <= coalesce((SELECT v.hlc FROM temp.asknown_vector v WHERE v.device = substr(${alias}.hlc, 22)), '')`;
    // The records with a change this knowledge did not have.
    db.exec(`INSERT OR IGNORE INTO temp.asknown_rows
      SELECT j.entity, j.row_id FROM journal j WHERE NOT (${known('j')});
      INSERT OR IGNORE INTO temp.asknown_rows
      SELECT c.entity, c.row_id FROM journal_changes c
      WHERE c.seq IN (SELECT seq FROM journal WHERE clocks IS NOT NULL) AND NOT (${known('c')});`);
    const entities = (db.prepare('SELECT DISTINCT entity FROM temp.asknown_rows').pluck().all() as string[]).filter(
      isEntityName,
    ) as EntityName[];
    for (const entity of entities) {
      const table = ENTITIES[entity].table;
      shadowed.push(table);
      db.exec(`CREATE TEMP TABLE ${quote(table)} AS SELECT * FROM main.${quote(table)}`);
      db.prepare(
        `DELETE FROM temp.${quote(table)} WHERE id IN (SELECT row_id FROM temp.asknown_rows WHERE entity = ?)`,
      ).run(entity);
      db.prepare(
        `INSERT INTO temp.${quote(table)}${rowsFromChangesSql(
          entity,
          'journal_changes c',
          `c.entity = ? AND c.row_id IN (SELECT row_id FROM temp.asknown_rows WHERE entity = ?) AND ${known('c')}`,
        )}`,
      ).run(entity, entity);
      // The live indexes, on the copy (same plans for the report queries).
      const indexes = db
        .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(table) as { name: string; sql: string }[];
      for (const ix of indexes) {
        const sql = ix.sql.replace(
          /^CREATE\s+(UNIQUE\s+)?INDEX\s+(IF\s+NOT\s+EXISTS\s+)?("[^"]+"|\S+)\s+ON\s+("[^"]+"|\S+)/i,
          (_m, _u, _ine, _name, tbl: string) => `CREATE INDEX temp.${quote(`asknown_${ix.name}`)} ON ${tbl}`,
        );
        db.exec(sql);
      }
    }
    return fn();
  } finally {
    cleanup();
  }
}
