// The hot paths at 100,000 clients use their indexes (EXPLAIN QUERY PLAN on the statements they
// really run) and run a fixed number of statements however many records there are.
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/generate.js';
import { searchClients } from '../../../db/search/clients.js';
import { searchRecords } from '../../../db/search/records.js';
import { clientOrder, hasClientOrder } from '../../../db/search/client-order.js';
import { dumpLines } from '../../../db/records/read.js';
import { RecordWriter } from '../../../db/records/upsert.js';
import type { Store } from '../../../db/journal/store.js';
import { tempStore } from '../helpers.js';
import { planOf, recordStatements, type Executed } from './plans.js';

const TODAY = '2026-06-30';

function demoStore(clients: number): Store {
  const store = tempStore();
  loadDemo(store, { clients, seed: 11, today: TODAY });
  return store;
}

/** Runs fn and returns the plan of every statement it ran, keyed by a fragment of its SQL. */
function plansOf(store: Store, fn: () => unknown): { sql: string; runs: number; plan: string }[] {
  const rec = recordStatements(store);
  try {
    fn();
  } finally {
    rec.stop();
  }
  return [...rec.executed.values()].map((e: Executed) => ({
    sql: e.sql,
    runs: e.runs,
    plan: planOf(store, e).join('\n'),
  }));
}

const input = (query: string, after: string | null = null) => ({ query, after, limit: 100, onlyCaseload: false });
const main = (plans: { sql: string; runs: number; plan: string }[], fragment: RegExp) =>
  plans.filter((p) => fragment.test(p.sql));

describe('query plans of the hot paths', () => {
  it('pages the client list from the live-clients name index, without sorting and without a full scan', () => {
    const store = demoStore(60);
    const first = searchClients(store, { ...input(''), limit: 10 });
    expect(first.next).not.toBeNull();
    const plans = plansOf(store, () => searchClients(store, input('', first.next)));
    const [count] = main(plans, /count\(\*\)/);
    const [page] = main(plans, /ORDER BY coalesce/);
    expect(count!.plan).toMatch(/SCAN c USING COVERING INDEX clients_live_name/);
    // The cursor is a range start on the index, not OFFSET.
    expect(page!.plan).toMatch(/SEARCH c USING INDEX clients_live_name \(<expr>>\?\)/);
    expect(page!.plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    // The current period of each listed client: newest intake first, straight from the index.
    expect(page!.plan).toMatch(/SEARCH p USING INDEX caseload_periods_client_intake \(client_id=\?\)/);
  });

  it('answers a name search from the full-text index and reads only the rows of the page', () => {
    const store = demoStore(60);
    // With the list's order in memory (the app builds it once the list is shown).
    clientOrder(store);
    searchClients(store, input('a'));
    const plans = plansOf(store, () => searchClients(store, input('a')));
    const [hits] = main(plans, /MATCH/);
    const [rows] = main(plans, /json_each/);
    expect(hits!.plan).toBe('SCAN search_fts VIRTUAL TABLE INDEX 0:M1');
    expect(rows!.plan).toMatch(/SEARCH c USING INDEX sqlite_autoindex_clients_1 \(id=\?\)/);
    expect(plans.map((p) => p.sql).join('\n')).not.toMatch(/FROM clients c\s+WHERE|merged_into/);
  });

  it('finds a client by BSN with one index lookup, in the list and in `caseload search`', () => {
    const store = demoStore(20);
    const bsn = store.db.prepare('SELECT bsn FROM clients LIMIT 1').pluck().get() as string;
    const plans = [
      ...plansOf(store, () => searchClients(store, input(bsn))),
      ...plansOf(store, () => searchRecords(store, bsn, 10)),
    ];
    for (const p of main(plans, /bsn = \?/))
      expect(p.plan).toMatch(/SEARCH c(lients)? USING INDEX clients_bsn \(bsn=\?\)/);
  });

  it('finds `caseload search` hits with the list engines: client hits from the full-text index, employers by their row', () => {
    const store = demoStore(20);
    const plans = plansOf(store, () => searchRecords(store, 'emmeloord', 200));
    // A process's first search (no list order in memory, as in `caseload search`): the client
    // hits sorted by SQL, each client read by its key from the few full-text hits; no count, as
    // `caseload search` shows none.
    expect(hasClientOrder(store)).toBe(false);
    const clients = main(plans, /FROM clients c/);
    expect(clients).toHaveLength(1);
    expect(clients[0]!.sql).not.toMatch(/count\(\*\)/);
    expect(clients[0]!.plan).toMatch(/^SEARCH c USING INDEX sqlite_autoindex_clients_1 \(id=\?\)/);
    expect(clients[0]!.plan).toMatch(/SCAN f VIRTUAL TABLE INDEX 0:M1\n\s+SEARCH d USING INDEX search_doc_doc/);
    const [employers] = main(plans, /kind = 'employer'/);
    expect(employers!.plan.split('\n')[0]).toMatch(/SCAN f VIRTUAL TABLE/);
    expect(employers!.plan).toMatch(/search_doc_doc/);
  });

  it('walks the live clients in list order for a first search with many hits, reading only the page', () => {
    const store = demoStore(1_500);
    // The one-letter prefix with the most hits (a user typing "j").
    const hitsOf = store.db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck();
    const [letter, hits] = [...'abcdefghijklmnopqrstuvwxyz']
      .map((l) => [l, hitsOf.get(`"${l}"*`) as number] as const)
      .sort((a, b) => b[1] - a[1])[0]!;
    expect(hits).toBeGreaterThanOrEqual(1_000);
    const plans = plansOf(store, () => searchClients(store, input(letter)));
    const [count, page] = [main(plans, /SELECT count\(\*\) FROM clients c/)[0]!, main(plans, /SELECT c\.\*/)[0]!];
    // The page walks the live clients in list order and looks up each one's search document: no
    // sort of the hits, and the LIMIT stops the walk at the page. The count reads the hits.
    expect(page.plan.split('\n')[0]).toMatch(/^SCAN c USING (COVERING )?INDEX clients_live_name/);
    expect(page.plan).toMatch(/SEARCH d USING PRIMARY KEY \(row_id=\?\)/);
    expect(count.plan).toMatch(/SEARCH d USING INDEX search_doc_doc/);
    expect(page.plan).not.toMatch(/TEMP B-TREE/);
  });

  it('resolves refs, BSNs and periods by index when importing a client', () => {
    const store = demoStore(20);
    const plans = plansOf(store, () =>
      store.write('u', (w) => {
        const rw = new RecordWriter(store, w);
        rw.upsert('clients', { ref: 'K000003', last_name: 'Nieuw', intake_date: '2026-01-05', referrer: 'uwv' });
        rw.upsert('clients', { ref: 'K900001', bsn: '111222333', last_name: 'Nieuw', intake_date: '2026-02-01' });
        rw.upsert('contacts', { client_ref: 'K000003', date: '2026-02-02', kind: 'phone', summary: 'Gebeld.' });
      }),
    );
    const reads = plans.filter((p) => /^\s*SELECT/i.test(p.sql) && !/FROM meta\b/.test(p.sql));
    expect(reads.length).toBeGreaterThan(3);
    for (const p of reads) expect(p.plan, p.sql).not.toMatch(/^\s*SCAN (?!.*COVERING INDEX)/m);
    const [periods] = main(plans, /from "caseload_periods" where "client_id" = \?/);
    expect(periods!.plan).toMatch(/caseload_periods_client_intake/);
    expect(periods!.plan).not.toMatch(/TEMP B-TREE/);
  });

  it('dumps with a fixed number of statements however many clients there are (no query per client)', () => {
    const count = (clients: number) => {
      const store = demoStore(clients);
      const plans = plansOf(store, () => [...dumpLines(store)]);
      return plans.reduce((n, p) => n + p.runs, 0);
    };
    expect(count(80)).toBe(count(20));
  });

  it("reads the dump's caseload periods in one pass, joining clients by primary key", () => {
    const store = demoStore(20);
    const plans = plansOf(store, () => [...dumpLines(store)]);
    const [periods] = main(plans, /from "caseload_periods" as "p" inner join "clients"/);
    expect(periods!.runs).toBe(1);
    expect(periods!.plan).toMatch(
      /SEARCH clients USING INDEX sqlite_autoindex_clients_1 \(id=\?\)|SEARCH p USING (COVERING )?INDEX caseload_periods_client_intake/,
    );
    expect(periods!.plan).not.toMatch(/SCAN clients\b(?!.*INDEX)/);
  });
});
