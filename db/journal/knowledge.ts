// What a laptop knew at a moment, and reading the data as it was then (issue 14, CONTRACTS.md
// "Reproducible"). The journal keeps every change with its clock and `at`, the moment this laptop
// journaled it (its own write, or another laptop's change arriving). Knowledge is a vector: per
// device, the highest clock known of that device's changes. A device's changes carry increasing
// clocks and reach other laptops in order (segments by sequence number), so "every change whose
// clock is at most its device's entry" is exactly what was known - on this laptop and, given the
// vector, on every other laptop that has those changes by now.
//
// `asKnown` runs a read with the synced tables as they were then: each table with later changes
// is shadowed by a TEMP view of the same name (SQLite resolves unqualified names in temp first):
// its live rows minus the records changed since, plus those records rebuilt from the journal as
// known then, by the same rule as sync (highest clock per field). The cost follows the number of
// records changed since, not the size of the tables. Everything is dropped afterwards.
// Raw SQL throughout: temp-schema shadowing, json_each over packed rows and dynamic table names
// are not expressible in Kysely.
import type { StoreBase } from '../store/open.js';
import { ENTITIES, isEntityName, type EntityName } from '../model/entities.js';
import { registerRowFunctions, rowsFromChangesSql } from './write.js';
import { JOURNAL_CHANGES_VIEW } from '../store/journal-pack.js';

/** Per device, the highest clock known (device id -> HLC). */
export type Knowledge = Record<string, string>;

/** This laptop's own knowledge at a moment: its journal up to a seq (`at` never decreases along seq). */
export interface KnownUpTo {
  seq: number;
}

/**
 * What this laptop knew at `at` (ms) as a journal position: the last row journaled by then. `at`
 * is kept non-decreasing along seq (db/journal/write.ts), so this is a binary search on the key.
 */
export function knownAt(store: StoreBase, at: number): KnownUpTo {
  const next = store.stmt('SELECT seq, at FROM journal WHERE seq >= ? ORDER BY seq LIMIT 1');
  let lo = 0; // known: every row with seq <= lo has at <= `at`
  let hi = ((store.stmt('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0) + 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const r = next.get(mid) as { seq: number; at: number } | undefined;
    // Rows from `mid` on: the first of them known by then moves lo up to it, else none is.
    if (r && r.at <= at) lo = r.seq;
    else hi = mid;
  }
  return { seq: lo };
}

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
 * Runs `fn` (synchronous reads only) over the synced tables as they were under `k` - a knowledge
 * vector (any laptop) or a journal position (this laptop). Returns what `fn` returns.
 */
export function asKnown<T>(store: StoreBase, k: Knowledge | KnownUpTo, fn: () => T): T {
  const db = store.db;
  registerRowFunctions(db);
  const shadowed: string[] = [];
  const cleanup = () => {
    for (const t of shadowed)
      db.exec(`DROP VIEW IF EXISTS temp.${quote(t)}; DROP TABLE IF EXISTS temp.${quote(`asknown_${t}`)};`);
    db.exec(`DROP VIEW IF EXISTS temp.asknown_changes; DROP TABLE IF EXISTS temp.asknown_journal;
      DROP TABLE IF EXISTS temp.asknown_vector; DROP TABLE IF EXISTS temp.asknown_rows;`);
  };
  cleanup();
  try {
    db.exec(`CREATE TEMP TABLE asknown_vector (device TEXT PRIMARY KEY, hlc TEXT NOT NULL) WITHOUT ROWID;
      CREATE TEMP TABLE asknown_rows (entity TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (entity, row_id)) WITHOUT ROWID;`);
    const upTo = typeof k.seq === 'number' ? (k as KnownUpTo).seq : null;
    let known: (alias: string) => string;
    if (upTo !== null) {
      // This laptop at a moment: the rows journaled after it are the records to rebuild.
      known = (alias) => `${alias}.seq <= ${Math.floor(upTo)}`;
      db.prepare('INSERT OR IGNORE INTO temp.asknown_rows SELECT entity, row_id FROM journal WHERE seq > ?').run(upTo);
    } else {
      const put = db.prepare('INSERT INTO temp.asknown_vector VALUES (?, ?)');
      for (const [d, h] of Object.entries(k as Knowledge)) put.run(d, h);
      known = (alias) =>
        `${alias}.hlc <= coalesce((SELECT v.hlc FROM temp.asknown_vector v WHERE v.device = substr(${alias}.hlc, 22)), '')`;
      // The records with a change this knowledge did not have.
      db.exec(`INSERT OR IGNORE INTO temp.asknown_rows
        SELECT j.entity, j.row_id FROM journal j WHERE NOT (${known('j')});
        INSERT OR IGNORE INTO temp.asknown_rows
        SELECT c.entity, c.row_id FROM journal_changes c
        WHERE c.seq IN (SELECT seq FROM journal WHERE clocks IS NOT NULL) AND NOT (${known('c')});`);
    }
    const entities = (db.prepare('SELECT DISTINCT entity FROM temp.asknown_rows').pluck().all() as string[]).filter(
      isEntityName,
    ) as EntityName[];
    // The journal rows of those records (by the row index), and their changes per field.
    db.exec(`CREATE TEMP TABLE asknown_journal AS SELECT j.* FROM temp.asknown_rows r
        CROSS JOIN journal j ON j.row_id = r.row_id AND j.entity = r.entity;
      ${JOURNAL_CHANGES_VIEW.replace('CREATE VIEW journal_changes', 'CREATE TEMP VIEW asknown_changes').replace('FROM journal j', 'FROM temp.asknown_journal j')};`);
    for (const entity of entities) {
      // A view by the table's name (SQLite resolves unqualified names in temp first): the live
      // rows not changed since, and those records rebuilt from the journal as known then.
      const table = ENTITIES[entity].table;
      const copy = quote(`asknown_${table}`);
      shadowed.push(table);
      db.exec(`CREATE TEMP TABLE ${copy} AS SELECT * FROM main.${quote(table)} WHERE 0`);
      db.prepare(
        `INSERT INTO temp.${copy}${rowsFromChangesSql(
          entity,
          'temp.asknown_changes c',
          `c.entity = ? AND ${known('c')}`,
        )}`,
      ).run(entity);
      db.exec(`CREATE INDEX temp.${quote(`asknown_${table}_id`)} ON ${copy}(id)`);
      db.exec(`CREATE TEMP VIEW ${quote(table)} AS
        SELECT * FROM main.${quote(table)}
        WHERE id NOT IN (SELECT row_id FROM temp.asknown_rows WHERE entity = '${entity}')
        UNION ALL SELECT * FROM temp.${copy}`);
    }
    return fn();
  } finally {
    cleanup();
  }
}
