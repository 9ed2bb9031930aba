import { describe, expect, it } from 'vitest';
import { searchClients } from '../../../db/search/clients.js';
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
});
