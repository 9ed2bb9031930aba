// 0007: every ref a record ever had (issue 10, team integrity); the unread code_lists table goes. Two laptops can give out the
// same number offline; the later registration is renumbered after sync (db/records/refs.ts),
// and must stay findable under its old number: in search (the full-text document of clients
// and employers now carries their earlier refs), when importing by ref, and in the dossier
// ("eerder nummer"). Filled by the journal write layer from every journaled `ref` change, local
// or from another laptop, so every laptop ends with the same history. `seq` lets the collision
// check after a sync round look only at refs it has not checked yet.
import type { Migration } from './index.js';

// Earlier refs of the row, and (clients) the refs of registrations merged into it.
const FORMER = (entity: string) =>
  `coalesce((SELECT group_concat(h.ref, ' ') FROM ref_history h WHERE h.entity = '${entity}' AND h.row_id = new.id AND h.ref IS NOT new.ref), '')`;
const MERGED = `coalesce((SELECT group_concat(m.ref, ' ') FROM clients m WHERE m.merged_into = new.id AND m.deleted = 0), '')`;

const CLIENT_TEXT = `CASE WHEN new.deleted = 1 THEN '' ELSE coalesce(new.ref,'') || ' ' || coalesce(new.bsn,'') || ' ' || coalesce(new.initials,'') || ' ' || coalesce(new.first_name,'') || ' ' || coalesce(new.name_prefix,'') || ' ' || coalesce(new.last_name,'') || ' ' || coalesce(new.city,'') || ' ' || coalesce(replace(new.postcode,' ',''),'') || ' ' || coalesce(new.email,'') || ' ' || coalesce(new.phone,'') || ' ' || ${FORMER('client')} || ' ' || ${MERGED} END`;
const EMPLOYER_TEXT = `CASE WHEN new.deleted = 1 THEN '' ELSE coalesce(new.ref,'') || ' ' || coalesce(new.name,'') || ' ' || coalesce(new.kvk,'') || ' ' || coalesce(new.city,'') || ' ' || coalesce(replace(new.postcode,' ',''),'') || ' ' || coalesce(new.contact_name,'') || ' ' || ${FORMER('employer')} END`;

export const m0007: Migration = {
  name: '0007-ref-history',
  up: `
    -- Seeded from db/model/codes.ts since 0001 but never read: the code lists live in the model.
    DROP TABLE code_lists;

    -- A caseload period registered twice for one person is folded into the other (db/sync/merge.ts).
    ALTER TABLE caseload_periods ADD COLUMN merged_into TEXT;
    CREATE INDEX caseload_periods_merged_into ON caseload_periods(merged_into) WHERE merged_into IS NOT NULL;

    CREATE TABLE ref_history (
      seq INTEGER PRIMARY KEY,
      entity TEXT NOT NULL,
      ref TEXT NOT NULL,
      row_id TEXT NOT NULL,
      -- the clock of the first change that gave this row this ref: who claimed a number first
      hlc TEXT NOT NULL,
      UNIQUE (entity, ref, row_id)
    ) STRICT;
    CREATE INDEX ref_history_row ON ref_history(entity, row_id);
    INSERT INTO ref_history(entity, ref, row_id, hlc)
      SELECT entity, json_extract(value, '$'), row_id, min(hlc) FROM journal
      WHERE field = 'ref' AND value IS NOT NULL AND value != 'null'
      GROUP BY entity, json_extract(value, '$'), row_id
      ORDER BY min(hlc);

    DROP TRIGGER clients_fts_insert;
    DROP TRIGGER clients_fts_update;
    DROP TRIGGER employers_fts_insert;
    DROP TRIGGER employers_fts_update;
    CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
      INSERT INTO search_fts(text) VALUES (${CLIENT_TEXT});
      INSERT INTO search_doc(row_id, kind, doc) VALUES (new.id, 'client', last_insert_rowid());
    END;
    CREATE TRIGGER clients_fts_update AFTER UPDATE ON clients BEGIN
      UPDATE search_fts SET text = ${CLIENT_TEXT} WHERE rowid = (SELECT doc FROM search_doc WHERE row_id = new.id);
    END;
    -- A merged registration's number finds the survivor (its own document is hidden).
    CREATE TRIGGER clients_fts_merged AFTER UPDATE OF merged_into ON clients WHEN new.merged_into IS NOT NULL BEGIN
      UPDATE search_fts SET text = text || ' ' || coalesce(new.ref, '')
        WHERE rowid = (SELECT doc FROM search_doc WHERE row_id = new.merged_into);
    END;
    CREATE TRIGGER employers_fts_insert AFTER INSERT ON employers BEGIN
      INSERT INTO search_fts(text) VALUES (${EMPLOYER_TEXT});
      INSERT INTO search_doc(row_id, kind, doc) VALUES (new.id, 'employer', last_insert_rowid());
    END;
    CREATE TRIGGER employers_fts_update AFTER UPDATE ON employers BEGIN
      UPDATE search_fts SET text = ${EMPLOYER_TEXT} WHERE rowid = (SELECT doc FROM search_doc WHERE row_id = new.id);
    END;
  `,
};
