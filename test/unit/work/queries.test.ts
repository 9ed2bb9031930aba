// The daily screens' queries use their indexes (EXPLAIN QUERY PLAN of the statements they really
// run), page without sorting the whole table, and run a fixed number of statements however many
// records there are (no query per row).
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/generate.js';
import type { Store } from '../../../db/journal/store.js';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';

interface Ran {
  sql: string;
  args: unknown[];
}

/** Records the statements run through store.stmt while fn runs. */
async function recording(store: Store, fn: () => Promise<unknown>): Promise<Ran[]> {
  const ran: Ran[] = [];
  const original = store.stmt.bind(store);
  store.stmt = (sql: string) => {
    const st = original(sql);
    const proxy: typeof st = new Proxy(st, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (typeof v !== 'function') return v;
        if (['all', 'get', 'run', 'iterate'].includes(String(prop))) {
          return (...args: unknown[]) => {
            ran.push({ sql, args });
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (['pluck', 'raw', 'expand'].includes(String(prop))) {
          return (...a: unknown[]) => {
            (v as (...a: unknown[]) => unknown).apply(target, a);
            return proxy;
          };
        }
        return (v as (...a: unknown[]) => unknown).bind(target);
      },
    });
    return proxy;
  };
  try {
    await fn();
  } finally {
    store.stmt = original;
  }
  return ran;
}

function plan(store: Store, r: Ran): string {
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[])
    .map((x) => x.detail)
    .join('\n');
}

function planOf(store: Store, ran: Ran[], fragment: RegExp): string {
  const r = ran.find((x) => fragment.test(x.sql));
  if (!r) throw new Error(`no statement matching ${fragment}`);
  return plan(store, r);
}

async function demo(clients: number): Promise<Store> {
  const store = tempStore();
  loadDemo(store, { clients, seed: 5, today: '2026-06-30' });
  return store;
}

describe('query plans of the daily screens', () => {
  it("Mijn werk reads open follow-ups, a manager's caseload and employer contacts through their indexes", async () => {
    const store = await demo(300);
    const api = apiAs(store, 'klantmanager', 'x', 'A. de Boer');
    const ran = await recording(store, () => api.ok('mywork.get', { asOf: '2026-06-30' }));
    const followUps = ran.filter((r) => /"x"."follow_up_done" is null/.test(r.sql));
    expect(followUps.length).toBeGreaterThan(0);
    // Every column the sections test is in the index (or fixed by its WHERE): SQLite never reads
    // the contact row to decide, and the index's id gives the order without a sort (0015).
    const indexed = new Set([
      ...store.db.prepare("SELECT name FROM pragma_index_info('contacts_open_follow_up')").pluck().all().map(String),
      'follow_up_done',
      'deleted',
    ]);
    for (const r of followUps) {
      expect(plan(store, r)).toMatch(/SEARCH x USING INDEX contacts_open_follow_up \(.*follow_up_date<\?\)/);
      expect(plan(store, r)).not.toMatch(/TEMP B-TREE/);
      const tested = [...r.sql.matchAll(/"x"\."(\w+)"/g)].map((m) => m[1]!);
      expect(tested.filter((c) => !indexed.has(c))).toEqual([]);
    }
    expect(planOf(store, ran, /"e"."exceptional_since" is not null/)).toMatch(
      /SEARCH e USING INDEX employers_exceptional/,
    );
    expect(planOf(store, ran, /"e"."exceptional_since" is not null/)).toMatch(
      /SEARCH k USING (COVERING )?INDEX contacts_employer_date \(employer_id=\?/,
    );
    const idle = planOf(
      store,
      ran,
      /select "x"."id" from "caseload_periods" as "x"[\s\S]*not exists \(select 1 as "one" from "activities"/,
    );
    // Mine: the periods that point to me, and those that name me without pointing to a user.
    expect(idle).toMatch(/SEARCH m USING (COVERING )?INDEX caseload_periods_manager_id \(account_manager_id=\?/);
    expect(idle).toMatch(/SEARCH n USING (COVERING )?INDEX caseload_periods_manager \(account_manager=\?/);
    expect(idle).not.toMatch(/SCAN (a|pl|x)\b/);
    // Details (names, last activity) are read for the page only, by id.
    expect(planOf(store, ran, /last_activity_end/)).toMatch(
      /SEARCH x USING INDEX sqlite_autoindex_caseload_periods_1 \(id=\?\)/,
    );
  });

  it('pages lists from an index in their display order, without sorting all rows', async () => {
    const store = await demo(300);
    const api = apiAs(store, 'klantmanager');
    const client = store.db
      .prepare(
        'SELECT client_id FROM contacts WHERE client_id IS NOT NULL GROUP BY client_id ORDER BY count(*) DESC LIMIT 1',
      )
      .pluck()
      .get() as string;
    const v1 = await api.ok('vacancies.list', { limit: 5 });
    const e1 = await api.ok('employers.search', { limit: 5 });
    const ran = await recording(store, async () => {
      await api.ok('vacancies.list', { limit: 5, after: v1.next });
      await api.ok('employers.search', { limit: 5, after: e1.next });
      await api.ok('contacts.list', { clientId: client, limit: 2 });
      await api.ok('dossier.timeline', { clientId: client, kinds: ['contact', 'activity'], limit: 5 });
      await api.ok('audit.history', { entity: 'client', id: client });
    });
    const vacancies = planOf(
      store,
      ran,
      /from "vacancies" as "v" left join "employers" as "e"[\s\S]*order by "v"."opened_date" desc/,
    );
    expect(vacancies).toMatch(/SCAN v USING INDEX vacancies_opened|SEARCH v USING INDEX vacancies_opened/);
    expect(vacancies).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    const employers = planOf(store, ran, /ORDER BY coalesce\(e.name, ''\), e.id LIMIT/);
    expect(employers).toMatch(/SEARCH e USING INDEX employers_name \(<expr>>\?\)/);
    expect(employers).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    const contacts = planOf(store, ran, /select "k".\* from "contacts" as "k"/);
    expect(contacts).toMatch(/SEARCH k USING INDEX contacts_client_date \(client_id=\?/);
    expect(contacts).not.toMatch(/TEMP B-TREE/);
    const timeline = planOf(store, ran, /from "contacts" as "x" where "x"."client_id"/);
    expect(timeline).toMatch(/SEARCH x USING INDEX contacts_client_date/);
    expect(timeline).not.toMatch(/TEMP B-TREE/);
    expect(planOf(store, ran, /FROM journal WHERE row_id = \? AND entity = \?/)).toMatch(
      /SEARCH journal USING INDEX journal_row \(row_id=\?\)/,
    );
  });

  it('runs the same number of statements for Mijn werk, matching and the timeline at 100 and at 400 clients', async () => {
    const counts: number[][] = [];
    for (const n of [100, 400]) {
      const store = await demo(n);
      const api = apiAs(store, 'manager');
      const vacancy = store.db.prepare('SELECT id FROM vacancies ORDER BY id LIMIT 1').pluck().get() as string;
      // A client with two caseload periods, so both sizes read the same kinds of records.
      const client = store.db
        .prepare(
          'SELECT client_id FROM caseload_periods GROUP BY client_id HAVING count(*) = 2 ORDER BY client_id LIMIT 1',
        )
        .pluck()
        .get() as string;
      const c = [
        (await recording(store, () => api.ok('mywork.get', { asOf: '2026-06-30', scope: 'all' }))).length,
        (await recording(store, () => api.ok('matching.candidates', { vacancyId: vacancy, asOf: '2026-06-30' })))
          .length,
        (await recording(store, () => api.ok('dossier.timeline', { clientId: client }))).length,
        (await recording(store, () => api.ok('employers.search', {}))).length,
      ];
      counts.push(c);
    }
    // Mijn werk skips the detail read of an empty section, so it runs at most 9 statements, plus
    // the signals' six look-ups and their page of names (db/work/signals.ts).
    expect(counts[0]![0]).toBeLessThanOrEqual(16);
    expect(counts[1]![0]).toBeLessThanOrEqual(16);
    expect(counts[1]!.slice(1)).toEqual(counts[0]!.slice(1));
  });
});
