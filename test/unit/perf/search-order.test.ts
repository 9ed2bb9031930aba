// Full-text client search answered from the in-memory list order (db/search/client-order.ts)
// gives exactly what the plain SQL gives - same clients, same order, same total, page by page -
// and follows every change at once.
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/generate.js';
import { ftsQuery, searchClients } from '../../../db/search/clients.js';
import type { Store } from '../../../db/journal/store.js';
import { tempStore } from '../helpers.js';

/** The plain SQL answer: every matching live client in list order. */
function reference(store: Store, query: string, onlyCaseload: boolean): string[] {
  const fts = ftsQuery(query);
  const where = ['c.deleted = 0', 'c.merged_into IS NULL'];
  if (fts) where.push('search_fts MATCH @fts');
  if (onlyCaseload)
    where.push(
      'EXISTS (SELECT 1 FROM caseload_periods p WHERE p.client_id = c.id AND p.deleted = 0 AND p.exit_date IS NULL)',
    );
  const from = fts
    ? `search_fts f JOIN search_doc d ON d.doc = f.rowid AND d.kind = 'client' JOIN clients c ON c.id = d.row_id`
    : 'clients c';
  return store.db
    .prepare(`SELECT c.id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY coalesce(c.last_name, ''), c.id`)
    .pluck()
    .all(fts ? { fts } : {}) as string[];
}

/** All pages of a search, 7 at a time, and the total each page reported. */
function pages(store: Store, query: string, onlyCaseload: boolean): { ids: string[]; totals: Set<number> } {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  do {
    const page = searchClients(store, { query, limit: 7, after, onlyCaseload });
    ids.push(...page.items.map((i) => i.id));
    totals.add(page.total);
    after = page.next;
  } while (after);
  return { ids, totals };
}

function store(): Store {
  const s = tempStore();
  loadDemo(s, { clients: 120, seed: 21, today: '2026-06-30' });
  s.write('u', (w) => {
    // Same last name (order by id), no last name, diacritics and a name beyond U+FFFF.
    for (const first of ['Anna', 'Bram', 'Cas'])
      w.create('client', { ref: `K9${first}`, first_name: first, last_name: 'Jansen', city: 'Ens' });
    w.create('client', { ref: 'K9none', first_name: 'Naamloos', city: 'Ens' });
    w.create('client', { ref: 'K9zoe', first_name: 'Zoë', last_name: 'Ørsted', city: 'Ens' });
    w.create('client', { ref: 'K9star', first_name: 'Ster', last_name: '\u{1F31F}ster', city: 'Ens' });
  });
  return s;
}

describe('client search in list order', () => {
  it('gives the same clients in the same order with the same total as plain SQL, page by page', () => {
    const s = store();
    for (const query of ['a', 'jan', 'ens', 'emmeloord', 'zoe', 'Ørsted', 'de v', 'j', 'ster']) {
      for (const onlyCaseload of [false, true]) {
        const want = reference(s, query, onlyCaseload);
        const got = pages(s, query, onlyCaseload);
        expect(got.ids, `${query} ${onlyCaseload}`).toEqual(want);
        expect([...got.totals], `${query} ${onlyCaseload}`).toEqual([want.length]);
      }
    }
    const caseload = reference(s, '', true);
    expect(caseload.length).toBeGreaterThan(10);
    expect(pages(s, '', true).ids).toEqual(caseload);
  });

  it('follows renames, removals, merges and new clients immediately', () => {
    const s = store();
    expect(pages(s, 'ens', false).ids).toEqual(reference(s, 'ens', false));
    const [anna, bram] = s.db
      .prepare("SELECT id FROM clients WHERE ref IN ('K9Anna', 'K9Bram') ORDER BY ref")
      .pluck()
      .all() as string[];
    s.write('u', (w) => {
      w.update('client', anna!, { last_name: 'Aalders' });
      w.remove('client', bram!);
      w.create('client', { ref: 'K9new', first_name: 'Nieuw', last_name: 'Bakker', city: 'Ens' });
    });
    const after = pages(s, 'ens', false).ids;
    expect(after).toEqual(reference(s, 'ens', false));
    // The client without a last name sorts first, then the renamed Aalders.
    const none = s.db.prepare("SELECT id FROM clients WHERE ref = 'K9none'").pluck().get() as string;
    expect(after.slice(0, 2)).toEqual([none, anna]);
    expect(after).not.toContain(bram);
    const cas = s.db.prepare("SELECT id FROM clients WHERE ref = 'K9Cas'").pluck().get() as string;
    s.write('u', (w) => w.update('client', cas, { merged_into: anna! }));
    expect(pages(s, 'ens', false).ids).not.toContain(cas);
    expect(pages(s, 'ens', false).ids).toEqual(reference(s, 'ens', false));
  });

  it('follows caseload exits and new intakes, and many changes at once', () => {
    const s = store();
    expect(pages(s, '', true).ids).toEqual(reference(s, '', true));
    const open = s.db
      .prepare('SELECT id, client_id FROM caseload_periods WHERE exit_date IS NULL AND deleted = 0 ORDER BY id LIMIT 3')
      .all() as { id: string; client_id: string }[];
    s.write('u', (w) => {
      for (const p of open) w.update('period', p.id, { exit_date: '2026-06-01', exit_reason: 'moved' });
      w.create('period', { client_id: open[0]!.client_id, intake_date: '2026-06-15' });
    });
    const list = pages(s, '', true).ids;
    expect(list).toEqual(reference(s, '', true));
    expect(list).toContain(open[0]!.client_id);
    expect(list).not.toContain(open[1]!.client_id);
    // Hundreds of new clients (an import): the order is rebuilt rather than patched.
    s.write('u', (w) => {
      for (let i = 0; i < 400; i++) w.create('client', { ref: `K8${i}`, last_name: `Jansen${i % 7}`, city: 'Ens' });
    });
    expect(pages(s, 'jansen', false).ids).toEqual(reference(s, 'jansen', false));
    expect(pages(s, 'ens', true).ids).toEqual(reference(s, 'ens', true));
  });
});
