import { describe, expect, it } from 'vitest';
import { searchClients } from '../../../db/search/clients.js';
import { clientOrder, hasClientOrder } from '../../../db/search/client-order.js';
import type { Store } from '../../../db/journal/store.js';
import { loadDemo } from '../../../db/demo/generate.js';
import { tempStore } from '../helpers.js';

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

  it('gives the same pages sorted by SQL (no order in memory yet) as through the in-memory order', () => {
    const store = tempStore({ now: () => Date.UTC(2026, 0, 1, 9) });
    loadDemo(store, { clients: 400, seed: 4, today: '2026-01-01' });
    const walk = (s: Store, query: string, onlyCaseload: boolean) => {
      const pages: unknown[] = [];
      let after: string | null = null;
      do {
        const page = searchClients(s, { query, after, limit: 7, onlyCaseload });
        pages.push(page);
        after = page.next;
      } while (after);
      return pages;
    };
    const queries = ['j', 'de', 'emmeloord', 'van der', 'zzzz'];
    expect(hasClientOrder(store)).toBe(false);
    const bySql = queries.flatMap((q) => [walk(store, q, false), walk(store, q, true)]);
    // Sorted by SQL: the order was never built.
    expect(hasClientOrder(store)).toBe(false);
    clientOrder(store);
    const byOrder = queries.flatMap((q) => [walk(store, q, false), walk(store, q, true)]);
    expect(bySql).toEqual(byOrder);
    expect(JSON.stringify(bySql)).toContain('"total":');
    expect((bySql[0] as { total: number }[])[0]!.total).toBeGreaterThan(7);
  });
});
