import { describe, expect, it } from 'vitest';
import { searchClients } from '../../../db/search/clients.js';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasClientOrder } from '../../../db/search/client-order.js';
import { Store } from '../../../db/journal/store.js';
import { loadDemo } from '../../../db/demo/generate.js';
import { tempDir, tempStore } from '../helpers.js';

const input = (query: string, after: string | null = null, limit = 10) => ({
  query,
  after,
  limit,
  onlyCaseload: false,
});

describe('client search', () => {
  it('ignores diacritics and matches word prefixes', () => {
    const store = tempStore();
    store.write('u', (w) => {
      w.create('client', { ref: 'K1', first_name: 'Zoë', last_name: 'Müller', city: 'Emmeloord' });
      w.create('client', { ref: 'K2', first_name: 'Chloë', last_name: 'Çelik', city: 'Urk' });
    });
    expect(searchClients(store, input('zoe mul')).items.map((i) => i.ref)).toEqual(['K1']);
    expect(searchClients(store, input('CELIK')).items.map((i) => i.ref)).toEqual(['K2']);
    expect(searchClients(store, input('urk')).items.map((i) => i.ref)).toEqual(['K2']);
    expect(searchClients(store, input('"; DROP TABLE clients; --')).items).toEqual([]);
  });

  it('pages through every client exactly once with the keyset cursor', () => {
    const store = tempStore();
    loadDemo(store, { clients: 230, seed: 2, today: '2026-01-01' });
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page = searchClients(store, input('', after, 50));
      total = page.total;
      seen.push(...page.items.map((i) => i.id));
      after = page.next;
    } while (after);
    expect(total).toBe(230);
    expect(new Set(seen).size).toBe(230);
    expect(seen).toHaveLength(230);
  });

  it('sorts a first search by SQL (no order in memory yet) into the same pages as the in-memory order', () => {
    const dir = tempDir();
    const file = join(dir, 'demo.sqlite');
    const demo = Store.open(file, { now: () => Date.UTC(2026, 0, 1, 9) });
    loadDemo(demo, { clients: 1_500, seed: 4, today: '2026-01-01' });
    // A one-letter prefix with over 1,000 hits: the first search walks the live-name index.
    const hitsOf = demo.db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck();
    const broad = [...'abcdefghijklmnopqrstuvwxyz'].find((l) => (hitsOf.get(`"${l}"*`) as number) >= 1_000);
    expect(broad).toBeDefined();
    demo.close();
    const walk = (s: Store, query: string, onlyCaseload: boolean) => {
      const pages: unknown[] = [];
      let after: string | null = null;
      do {
        const page = searchClients(s, { query, after, limit: 40, onlyCaseload });
        pages.push(page);
        after = page.next;
      } while (after);
      return pages;
    };
    let copies = 0;
    for (const query of ['j', 'de', 'emmeloord', 'van der', 'zzzz', broad!])
      for (const onlyCaseload of [false, true]) {
        // A fresh process's first search: sorted by SQL, the order not built ...
        const copy = join(dir, `copy-${copies++}.sqlite`);
        copyFileSync(file, copy);
        const fresh = Store.open(copy, { now: () => Date.UTC(2026, 0, 1, 9) });
        const first = walk(fresh, query, onlyCaseload);
        expect(hasClientOrder(fresh)).toBe(first.length > 1);
        // ... gives the pages the order gives (later pages: a second search builds it).
        expect(first).toEqual(walk(fresh, query, onlyCaseload));
        expect(hasClientOrder(fresh)).toBe(true);
        fresh.close();
      }
  });
});
