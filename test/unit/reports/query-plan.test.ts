// Report speed on large caseloads comes from the query plans: every report query reads caseload
// periods, activities, placements and contacts through the indexes of migration 0002, and never
// walks a whole table row by row. Checked with EXPLAIN QUERY PLAN on the queries the reports
// really run (captured while running them).
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/generate.js';
import { REPORTS } from '../../../db/reports/registry.js';
import { runReport } from '../../../db/reports/run.js';
import { migrate } from '../../../db/store/migrations/index.js';
import type { Store } from '../../../db/journal/store.js';
import { tempStore } from '../helpers.js';

let store: Store;

beforeAll(() => {
  store = tempStore();
  // No ANALYZE: a laptop's database has no planner statistics, so these are the plans it gets.
  loadDemo(store, { clients: 300, seed: 5, today: '2016-09-30' });
});

function capture(fn: () => void): { sql: string; params: unknown[] }[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const db = store.db;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    for (const m of ['all', 'get', 'iterate'] as const) {
      const orig = (stmt[m] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        seen.push({ sql, params: args });
        return orig(...args);
      };
    }
    return stmt;
  }) as typeof db.prepare;
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return seen;
}

function plan(q: { sql: string; params: unknown[] }): string[] {
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map(
    (r) => r.detail,
  );
}

describe('report query plans', () => {
  for (const name of Object.keys(REPORTS)) {
    it(`${name} reads periods, activities and contacts through covering or searched indexes`, () => {
      const queries = capture(() => runReport(store, name, { from: '2016-01-01', to: '2016-06-30' }));
      expect(queries.length).toBeGreaterThan(0);
      for (const q of queries) {
        const steps = plan(q);
        const text = steps.join(' | ');
        // No full scan of a synced table (a scan of an index is fine: it is the covering read).
        for (const s of steps)
          expect(s, text).not.toMatch(/^SCAN (caseload_periods|cp|clients|activities|placements|contacts|ct|x)$/);
        if (q.sql.includes('FROM caseload_periods cp'))
          expect(text).toMatch(/COVERING INDEX caseload_periods_report_(intake|exit)/);
        if (q.sql.includes('deleted <> 0 OR merged_into IS NOT NULL')) expect(text).toMatch(/clients_not_counted/);
        if (q.sql.includes('FROM activities')) expect(text).toMatch(/COVERING INDEX activities_running/);
        if (q.sql.includes('FROM contacts ct')) expect(text).toMatch(/contacts_employer_date/);
      }
    });
  }

  it('migration 0002 adds the report indexes to an existing database, once', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare("INSERT INTO caseload_periods(id, client_id, intake_date) VALUES ('p1', 'c1', '2016-01-01')").run();
    migrate(db);
    const names = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('caseload_periods_report_intake', 'caseload_periods_report_exit', 'clients_not_counted', 'clients_ref_by_id', 'activities_running', 'placements_running', 'contacts_employer_date')",
      )
      .pluck()
      .all();
    expect(names).toHaveLength(7);
    expect(
      db.prepare('SELECT count(*) FROM caseload_periods INDEXED BY caseload_periods_report_intake').pluck().get(),
    ).toBe(1);
  });
});
