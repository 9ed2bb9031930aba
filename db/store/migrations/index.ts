// Migrations registered in code: static imports, zero-padded names, applied in order, each in
// its own transaction. Applied migrations are recorded by name in schema_migrations, so a
// database tells which ones it has, not only how many; PRAGMA user_version still counts them
// for older readers (snapshot headers, `caseload init`).
import type BetterSqlite3 from 'better-sqlite3';
import { m0001 } from './0001-initial.js';
import { m0002 } from './0002-report-indexes.js';
import { m0003 } from './0003-sync.js';
import { m0004 } from './0004-exports.js';
import { m0005 } from './0005-daily-work.js';
import { m0006 } from './0006-perf.js';
import { m0007 } from './0007-ref-history.js';
import { m0008 } from './0008-lean-journal.js';
import { m0009 } from './0009-sign-in-audit-key.js';
import { m0010 } from './0010-report-archive.js';
import { m0011 } from './0011-account-manager-users.js';
import { m0012 } from './0012-placement-end-reason.js';
import { m0013 } from './0013-settings.js';
import { m0014 } from './0014-benefit-index.js';
import { m0015 } from './0015-open-follow-up-columns.js';

export interface Migration {
  name: string;
  /** SQL to run, or a function for migrations that need logic. */
  up: string | ((db: BetterSqlite3.Database) => void);
}

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
];

function applied(db: BetterSqlite3.Database): string[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied TEXT NOT NULL) STRICT',
  );
  const names = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
  if (names.length) return names;
  // A database from before migrations were recorded by name: its user_version counts them.
  const counted = db.pragma('user_version', { simple: true }) as number;
  if (counted > MIGRATIONS.length) return Array.from({ length: counted }, (_, i) => `${i}-unknown`);
  const ins = db.prepare("INSERT INTO schema_migrations(name, applied) VALUES (?, 'before 0007')");
  for (const m of MIGRATIONS.slice(0, counted)) ins.run(m.name);
  return MIGRATIONS.slice(0, counted).map((m) => m.name);
}

/** Applies the migrations this database lacks (up to `upTo` of them); returns how many ran. */
export function migrate(db: BetterSqlite3.Database, upTo = MIGRATIONS.length): number {
  const done = new Set(applied(db));
  const known = new Set(MIGRATIONS.map((m) => m.name));
  if ([...done].some((n) => !known.has(n))) {
    throw new Error(
      `De database is gemaakt door een nieuwere versie van Caseload (${done.size} migraties, deze versie kent er ${MIGRATIONS.length}): werk Caseload bij.`,
    );
  }
  let ran = 0;
  for (const m of MIGRATIONS.slice(0, upTo)) {
    if (done.has(m.name)) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.prepare('INSERT INTO schema_migrations(name, applied) VALUES (?, ?)').run(m.name, new Date().toISOString());
      db.pragma(`user_version = ${done.size + ran + 1}`);
    })();
    ran++;
  }
  return ran;
}
