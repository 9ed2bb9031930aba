// 0001: the whole domain from the start (ENTITIES in db/model/entities.ts), the journal,
// code lists, the audit log and full-text search. Never edit after it lands: add a migration.
//
// Links between synced rows (client_id, employer_id, ...) are not SQL foreign keys on purpose:
// sync segments from different laptops arrive in any order, so a child can land before its
// parent. `caseload check` verifies the links instead.
import type { Migration } from './index.js';

export const m0001: Migration = {
  name: '0001-initial',
  up: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      display_name TEXT,
      role TEXT,
      email TEXT,
      pin_hash TEXT,
      active INTEGER,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX users_ref ON users(ref);
    CREATE TABLE clients (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      bsn TEXT,
      initials TEXT,
      first_name TEXT,
      name_prefix TEXT,
      last_name TEXT,
      birth_date TEXT,
      gender TEXT,
      phone TEXT,
      email TEXT,
      street TEXT,
      house_number TEXT,
      postcode TEXT,
      city TEXT,
      education_level TEXT,
      work_thinking_level TEXT,
      driving_licence TEXT,
      transport TEXT,
      hours_available REAL,
      occupations_wanted TEXT,
      sectors TEXT,
      competences TEXT,
      languages TEXT,
      work_limitations TEXT,
      target_groups TEXT,
      banenafspraak_status TEXT,
      banenafspraak_checked TEXT,
      merged_into TEXT,
      created TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX clients_ref ON clients(ref);
    CREATE INDEX clients_merged_into ON clients(merged_into);
    CREATE TABLE caseload_periods (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      client_id TEXT,
      intake_date TEXT,
      referrer TEXT,
      account_manager TEXT,
      exit_date TEXT,
      exit_reason TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX caseload_periods_ref ON caseload_periods(ref);
    CREATE INDEX caseload_periods_client_id ON caseload_periods(client_id);
    CREATE TABLE measures (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      client_id TEXT,
      date TEXT,
      kind TEXT,
      reason TEXT,
      end_date TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX measures_ref ON measures(ref);
    CREATE INDEX measures_client_id ON measures(client_id);
    CREATE TABLE employers (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      name TEXT,
      kvk TEXT,
      street TEXT,
      house_number TEXT,
      postcode TEXT,
      city TEXT,
      sector TEXT,
      account_holder TEXT,
      exceptional_since TEXT,
      contact_name TEXT,
      contact_phone TEXT,
      contact_email TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX employers_ref ON employers(ref);
    CREATE TABLE contact_persons (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      employer_id TEXT,
      name TEXT,
      role TEXT,
      phone TEXT,
      email TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX contact_persons_ref ON contact_persons(ref);
    CREATE INDEX contact_persons_employer_id ON contact_persons(employer_id);
    CREATE TABLE sroi_obligations (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      employer_id TEXT,
      contract TEXT,
      amount REAL,
      start_date TEXT,
      end_date TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX sroi_obligations_ref ON sroi_obligations(ref);
    CREATE INDEX sroi_obligations_employer_id ON sroi_obligations(employer_id);
    CREATE TABLE vacancies (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      employer_id TEXT,
      title TEXT,
      occupation_code TEXT,
      hours_per_week REAL,
      positions INTEGER,
      opened_date TEXT,
      closed_date TEXT,
      close_reason TEXT,
      banenafspraak INTEGER,
      description TEXT,
      source TEXT,
      education_level TEXT,
      work_thinking_level TEXT,
      driving_licence TEXT,
      postcode TEXT,
      city TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX vacancies_ref ON vacancies(ref);
    CREATE INDEX vacancies_employer_id ON vacancies(employer_id);
    CREATE TABLE matches (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      client_id TEXT,
      vacancy_id TEXT,
      status TEXT,
      score REAL,
      note TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX matches_ref ON matches(ref);
    CREATE INDEX matches_client_id ON matches(client_id);
    CREATE INDEX matches_vacancy_id ON matches(vacancy_id);
    CREATE TABLE placements (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      client_id TEXT,
      employer_id TEXT,
      vacancy_id TEXT,
      start_date TEXT,
      end_date TEXT,
      kind TEXT,
      hours_per_week REAL,
      wage_subsidy INTEGER,
      job_coach TEXT,
      wage_value REAL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX placements_ref ON placements(ref);
    CREATE INDEX placements_client_id ON placements(client_id);
    CREATE INDEX placements_employer_id ON placements(employer_id);
    CREATE INDEX placements_vacancy_id ON placements(vacancy_id);
    CREATE TABLE activities (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      client_id TEXT,
      kind TEXT,
      provider TEXT,
      start_date TEXT,
      end_date TEXT,
      outcome TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX activities_ref ON activities(ref);
    CREATE INDEX activities_client_id ON activities(client_id);
    CREATE TABLE contacts (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      client_id TEXT,
      employer_id TEXT,
      date TEXT,
      kind TEXT,
      summary TEXT,
      follow_up_date TEXT,
      "by" TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX contacts_ref ON contacts(ref);
    CREATE INDEX contacts_client_id ON contacts(client_id);
    CREATE INDEX contacts_employer_id ON contacts(employer_id);
    CREATE INDEX clients_bsn ON clients(bsn);
    CREATE INDEX clients_name ON clients(coalesce(last_name, ''), id);
    CREATE INDEX caseload_periods_intake ON caseload_periods(intake_date);
    CREATE INDEX caseload_periods_exit ON caseload_periods(exit_date);
    CREATE INDEX employers_kvk ON employers(kvk);
    CREATE INDEX contacts_follow_up ON contacts(follow_up_date);

    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT, WITHOUT ROWID;

    -- Every field change of every synced row: the truth that sync, audit and history read.
    -- value is JSON; the current value of a field is the one with the highest hlc.
    CREATE TABLE journal (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT,
      hlc TEXT NOT NULL,
      base_hlc TEXT,
      device TEXT NOT NULL,
      user TEXT NOT NULL
    ) STRICT;
    CREATE INDEX journal_field ON journal(entity, row_id, field, hlc);

    CREATE TABLE code_lists (
      list TEXT NOT NULL, code TEXT NOT NULL, label TEXT NOT NULL,
      sort INTEGER NOT NULL, active INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (list, code)
    ) STRICT, WITHOUT ROWID;

    -- BIO 8.15.01: action, object, result, origin, actor, time; hash-chained so tampering shows.
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL, device TEXT NOT NULL, actor TEXT NOT NULL,
      action TEXT NOT NULL, object TEXT, result TEXT NOT NULL,
      prev_hash TEXT NOT NULL, hash TEXT NOT NULL
    ) STRICT;

    -- Diacritics-insensitive search over clients and employers. search_doc maps a row id to
    -- its FTS document so triggers can update it without scanning.
    CREATE VIRTUAL TABLE search_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE search_doc (
      row_id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, doc INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
      INSERT INTO search_fts(text) VALUES (CASE WHEN new.deleted = 1 THEN '' ELSE coalesce(new.ref,'') || ' ' || coalesce(new.bsn,'') || ' ' || coalesce(new.initials,'') || ' ' || coalesce(new.first_name,'') || ' ' || coalesce(new.name_prefix,'') || ' ' || coalesce(new.last_name,'') || ' ' || coalesce(new.city,'') || ' ' || coalesce(replace(new.postcode,' ',''),'') || ' ' || coalesce(new.email,'') || ' ' || coalesce(new.phone,'') END);
      INSERT INTO search_doc(row_id, kind, doc) VALUES (new.id, 'client', last_insert_rowid());
    END;
    CREATE TRIGGER clients_fts_update AFTER UPDATE ON clients BEGIN
      UPDATE search_fts SET text = CASE WHEN new.deleted = 1 THEN '' ELSE coalesce(new.ref,'') || ' ' || coalesce(new.bsn,'') || ' ' || coalesce(new.initials,'') || ' ' || coalesce(new.first_name,'') || ' ' || coalesce(new.name_prefix,'') || ' ' || coalesce(new.last_name,'') || ' ' || coalesce(new.city,'') || ' ' || coalesce(replace(new.postcode,' ',''),'') || ' ' || coalesce(new.email,'') || ' ' || coalesce(new.phone,'') END
        WHERE rowid = (SELECT doc FROM search_doc WHERE row_id = new.id);
    END;
    CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
      DELETE FROM search_fts WHERE rowid = (SELECT doc FROM search_doc WHERE row_id = old.id);
      DELETE FROM search_doc WHERE row_id = old.id;
    END;
    CREATE TRIGGER employers_fts_insert AFTER INSERT ON employers BEGIN
      INSERT INTO search_fts(text) VALUES (CASE WHEN new.deleted = 1 THEN '' ELSE coalesce(new.ref,'') || ' ' || coalesce(new.name,'') || ' ' || coalesce(new.kvk,'') || ' ' || coalesce(new.city,'') || ' ' || coalesce(replace(new.postcode,' ',''),'') || ' ' || coalesce(new.contact_name,'') END);
      INSERT INTO search_doc(row_id, kind, doc) VALUES (new.id, 'employer', last_insert_rowid());
    END;
    CREATE TRIGGER employers_fts_update AFTER UPDATE ON employers BEGIN
      UPDATE search_fts SET text = CASE WHEN new.deleted = 1 THEN '' ELSE coalesce(new.ref,'') || ' ' || coalesce(new.name,'') || ' ' || coalesce(new.kvk,'') || ' ' || coalesce(new.city,'') || ' ' || coalesce(replace(new.postcode,' ',''),'') || ' ' || coalesce(new.contact_name,'') END
        WHERE rowid = (SELECT doc FROM search_doc WHERE row_id = new.id);
    END;
    CREATE TRIGGER employers_fts_delete AFTER DELETE ON employers BEGIN
      DELETE FROM search_fts WHERE rowid = (SELECT doc FROM search_doc WHERE row_id = old.id);
      DELETE FROM search_doc WHERE row_id = old.id;
    END;
  `,
};
