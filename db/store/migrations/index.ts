// Migrations registered in code: static imports, zero-padded names, applied in order, each in
// its own transaction. PRAGMA user_version holds how many have run.
import type BetterSqlite3 from 'better-sqlite3';
import { m0001 } from './0001-initial.js';
import { m0002 } from './0002-report-indexes.js';
import { m0003 } from './0003-sync.js';
import { m0004 } from './0004-exports.js';
import { m0005 } from './0005-daily-work.js';
import { m0006 } from './0006-perf.js';

export interface Migration {
  name: string;
  /** SQL to run, or a function for migrations that need logic. */
  up: string | ((db: BetterSqlite3.Database) => void);
}

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];

export function migrate(db: BetterSqlite3.Database, upTo = MIGRATIONS.length): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `De database heeft schemaversie ${current}, deze versie van Caseload kent er ${MIGRATIONS.length}: werk Caseload bij.`,
    );
  }
  for (let v = current; v < upTo; v++) {
    const m = MIGRATIONS[v]!;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return upTo - current;
}
