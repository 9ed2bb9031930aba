// 0008: a lean journal (issue 15). Until now every field change was its own row with the field
// name, the device and an index over (entity, row_id, field, hlc): 80% of a database's bytes.
// Now one row per write of one record, the fields packed by number (db/journal/entries.ts), no
// device column (it is in the clock), one small index by record, and `at`: when this laptop
// journaled it (as-known-on reports). The view journal_changes shows the rows per field again,
// for SQL that needs that (rebuilding rows from a snapshot, checks).
//
// Converting keeps every change exactly (value, clock, base, user): changes of one record by one
// user and device in the same millisecond become one row, the per-field clocks kept in `clocks`
// (db/store/journal-pack.ts). ref_history keeps only records that had more than one ref.
import type BetterSqlite3 from 'better-sqlite3';
import { JOURNAL_CHANGES_VIEW, fromFlat, journalAppender, type FlatChange } from '../journal-pack.js';
import type { Migration } from './index.js';

export const m0008: Migration = {
  name: '0008-lean-journal',
  up: (db: BetterSqlite3.Database) => {
    db.exec(`
      ALTER TABLE journal RENAME TO journal_v1;
      DROP INDEX IF EXISTS journal_field;
      CREATE TABLE journal (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        user TEXT NOT NULL,
        fields TEXT NOT NULL,
        clocks TEXT,
        bases TEXT,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX journal_row ON journal(row_id);
      ${JOURNAL_CHANGES_VIEW};
    `);
    // In journal order, a page at a time (reading and writing one connection), through the packer.
    const page = db.prepare(
      'SELECT seq, entity, row_id, field, value, hlc, base_hlc, user FROM journal_v1 WHERE seq > ? ORDER BY seq LIMIT 20000',
    );
    const packer = journalAppender(db, null);
    for (let after = 0; ;) {
      const rows = page.all(after) as (FlatChange & { seq: number })[];
      if (!rows.length) break;
      for (const r of rows) {
        const c = fromFlat(r);
        if (c) packer.push(c);
      }
      after = rows[rows.length - 1]!.seq;
    }
    packer.flush();
    // Old rows get their clock's millisecond as `at`; kept non-decreasing along seq like new ones.
    db.exec(`UPDATE journal SET at = m.top FROM (SELECT seq, max(at) OVER (ORDER BY seq) AS top FROM journal) m
      WHERE m.seq = journal.seq AND journal.at < m.top`);
    // Journal seqs are renumbered: the sync publish mark moves to just before the first new row
    // holding a change this laptop had not published (publishing one twice is harmless; skipping
    // one would lose it). The ref check starts over (db/records/refs.ts, one full pass).
    db.exec(`
      UPDATE meta SET value = coalesce(
        (SELECT min(j.seq) - 1 FROM journal_v1 o JOIN journal j ON j.row_id = o.row_id AND j.entity = o.entity
           AND j.user = o.user AND substr(j.hlc, 1, 15) = substr(o.hlc, 1, 15) AND substr(j.hlc, 22) = substr(o.hlc, 22)
         WHERE o.seq > CAST(meta.value AS INTEGER)),
        (SELECT coalesce(max(seq), 0) FROM journal))
      WHERE key = 'sync_published';
      DELETE FROM meta WHERE key = 'ref_checked_seq';
      DROP TABLE journal_v1;
      DELETE FROM ref_history;
      INSERT INTO ref_history(entity, ref, row_id, hlc)
        SELECT c.entity, c.value, c.row_id, min(c.hlc) FROM journal_changes c
        WHERE c.field_no = 0 AND c.type = 'text' AND EXISTS (
          SELECT 1 FROM journal_changes d WHERE d.entity = c.entity AND d.row_id = c.row_id AND d.field_no = 0
            AND d.type = 'text' AND d.value != c.value)
        GROUP BY c.entity, c.value, c.row_id
        ORDER BY min(c.hlc);
    `);
  },
};
