// What a laptop knew at a moment, and reading the data as it was then (issue 14, CONTRACTS.md
// "Reproducible"). The journal keeps every change with its clock and `at`, the moment this laptop
// journaled it (its own write, or another laptop's change arriving). Knowledge is a vector: per
// device, the highest clock known of that device's changes. A device's changes carry increasing
// clocks and reach other laptops in order (segments by sequence number), so "every change whose
// clock is at most its device's entry" is exactly what was known - on this laptop and, given the
// vector, on every other laptop that has those changes by now.
//
// `asKnown` runs a read with the synced tables as they were then: inside a savepoint that is
// always rolled back, the records changed since are put back as known then - rebuilt from the
// journal by the same rule as sync (highest clock per field, db/journal/rows.ts), or gone when
// they did not exist yet. The read sees real tables with their indexes, so it is as fast as a
// live one; the cost of going back follows the number of records changed since, not the size of
// the tables. Nothing of it is ever committed. Raw SQL throughout: savepoints, the journal's own
// statements and table names from the registry are not expressible in Kysely.
import type { StoreBase } from '../store/open.js';
import { ENTITIES, isEntityName, type EntityName } from '../model/entities.js';
import { RowBuilder } from './rows.js';
import { expand, type PackedRow, type StoredChange } from '../model/journal-format.js';

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

/**
 * Runs `fn` (synchronous reads only) over the synced tables as they were under `k` - a knowledge
 * vector (any laptop) or a journal position (this laptop). Returns what `fn` returns.
 */
export function asKnown<T>(store: StoreBase, k: Knowledge | KnownUpTo, fn: () => T): T {
  const db = store.db;
  const upTo = typeof k.seq === 'number' ? Math.floor((k as KnownUpTo).seq) : null;
  const vector = k as Knowledge;
  const late = (h: string) => h > (vector[h.slice(21)] ?? '');
  // The records with a change not known then: journaled after the position, or with a clock
  // beyond the vector's entry for its device (old rows may keep higher per-field clocks).
  const changed =
    upTo !== null
      ? store.stmt('SELECT DISTINCT entity, row_id FROM journal WHERE seq > ?').all(upTo)
      : [
          ...store
            .stmt(
              `SELECT DISTINCT entity, row_id FROM journal
               WHERE hlc > coalesce(json_extract(?, '$."' || substr(hlc, 22) || '"'), '')`,
            )
            .all(JSON.stringify(vector)),
          ...(store.stmt('SELECT * FROM journal WHERE clocks IS NOT NULL').all() as PackedRow[]).filter((r) =>
            expand(r).some((c) => late(c.hlc)),
          ),
        ];
  const ids = new Map<EntityName, Set<string>>();
  for (const r of changed as { entity: string; row_id: string }[])
    if (isEntityName(r.entity)) (ids.get(r.entity) ?? ids.set(r.entity, new Set()).get(r.entity)!).add(r.row_id);
  const isKnown = (c: StoredChange) => (upTo !== null ? c.seq <= upTo : !late(c.hlc));
  // The tables themselves, put back as known then, inside a savepoint that is always rolled
  // back: `fn` reads real tables with their indexes (as fast as a live report), and nothing of
  // this is ever committed. Records that did not exist then are simply gone.
  db.exec('SAVEPOINT asknown');
  try {
    const rows = new RowBuilder(db, { mode: 'patch' });
    for (const [entity, set] of ids) {
      const list = JSON.stringify([...set].sort());
      const journal = store.stmt(
        `SELECT j.* FROM json_each(?) r CROSS JOIN journal j ON j.row_id = r.value AND j.entity = ? ORDER BY r.value, j.seq`,
      );
      const unknown = new Set(set);
      for (const row of journal.all(list, entity) as PackedRow[])
        for (const c of expand(row))
          if (isKnown(c)) {
            rows.add(c);
            unknown.delete(c.row_id);
          }
      rows.flush();
      // Records none of whose changes were known then did not exist yet.
      if (unknown.size)
        store
          .stmt(`DELETE FROM main."${ENTITIES[entity].table}" WHERE id IN (SELECT value FROM json_each(?))`)
          .run(JSON.stringify([...unknown]));
    }
    return fn();
  } finally {
    db.exec('ROLLBACK TO asknown; RELEASE asknown');
  }
}
