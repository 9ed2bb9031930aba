// Search latency over the demo database: the client list search as the UI calls it (the
// contract method clients.search, a page of 100) and the CLI's `caseload search` (searchAll),
// against the raw baseline of one FTS5 MATCH (first 100 hits) or one indexed BSN lookup.
import { Store } from '../../../db/journal/store.js';
import { createApi } from '../../../db/api/dispatch.js';
import { searchAll } from '../../../db/search/all.js';
import { ftsQuery } from '../../../db/search/clients.js';
import { latency, sample } from '../lib/measure.js';

const RUNS = 15;

export async function search(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const store = Store.open(String(args.db));
  const api = createApi(store);
  const someBsn = store.db
    .prepare(
      'SELECT bsn FROM clients WHERE bsn IS NOT NULL ORDER BY ref LIMIT 1 OFFSET 4321 % (SELECT count(*) FROM clients)',
    )
    .pluck()
    .get() as string;
  const queries: { q: string; what: string }[] = [
    { q: '', what: 'list, first page' },
    { q: 'Müller', what: 'name with diacritics' },
    { q: 'muller', what: 'same name without' },
    { q: 'Çelik', what: 'name with diacritics' },
    { q: 'zoe', what: 'first name without diacritics' },
    { q: 'jan', what: 'first name' },
    { q: 'de vries', what: 'prefix + last name' },
    { q: 'j', what: 'prefix, 1 letter' },
    { q: 'ba', what: 'prefix, 2 letters' },
    { q: 'bak', what: 'prefix, 3 letters' },
    { q: 'Emmeloord', what: 'city (a third of all clients)' },
    { q: 'Urk', what: 'city' },
    { q: someBsn, what: 'BSN' },
    { q: 'K004321', what: 'client number' },
  ];
  const rawFts = store.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 100');
  const rawBsn = store.db.prepare('SELECT * FROM clients WHERE bsn = ? LIMIT 100');
  const rawList = store.db.prepare("SELECT * FROM clients ORDER BY coalesce(last_name, ''), id LIMIT 100");
  const perQuery: Record<string, unknown>[] = [];
  const all: number[] = [];
  const cli: number[] = [];
  const raw: number[] = [];
  for (const { q, what } of queries) {
    let total = 0;
    const ui = await sample(async () => {
      const r = await api.call('clients.search', { query: q, limit: 100 });
      if (!r.ok) throw new Error(r.error.message);
      total = (r.value as { total: number }).total;
    }, RUNS);
    // `caseload search` needs a query; the empty list is the UI's alone.
    const c = q ? await sample(() => searchAll(store, q, 20), RUNS) : [];
    const fts = ftsQuery(q);
    const r = await sample(() => (/^\d{9}$/.test(q) ? rawBsn.all(q) : fts ? rawFts.all(fts) : rawList.all()), RUNS);
    all.push(...ui);
    cli.push(...c);
    raw.push(...r);
    perQuery.push({
      q: /^\d{9}$/.test(q) ? '(BSN)' : q,
      what,
      total,
      ui: latency(ui),
      cli: latency(c),
      raw: latency(r),
    });
  }
  store.close();
  return { ui: latency(all), cli: latency(cli), raw: latency(raw), perQuery };
}
