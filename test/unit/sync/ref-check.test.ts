// The collision check after a sync round (db/records/refs.ts resolveRefCollisions) looks at the
// refs journaled since its last run; after a great many (a snapshot restore brings the whole
// team's journal) it checks every ref at once. Both ways find the same collision and renumber
// the later claim, and leave a ref held once alone.
import { describe, expect, it } from 'vitest';
import { resolveRefCollisions } from '../../../db/records/refs.js';
import type { Store } from '../../../db/journal/store.js';
import { tempStore } from '../helpers.js';

function twoClaims(store: Store, contacts: number): { first: string; second: string } {
  const first = store.write('laptop-a', (w) => w.create('client', { ref: 'K000007', last_name: 'Eerste' }));
  // Everything so far was checked; what follows "arrives" (the check only looks at what is new).
  resolveRefCollisions(store);
  store.write('laptop-b', (w) => {
    for (let i = 0; i < contacts; i++) w.create('contact', { ref: `C-${i}`, date: '2026-11-30', kind: 'phone' });
  });
  const second = store.write('laptop-b', (w) => w.create('client', { ref: 'K000007', last_name: 'Tweede' }));
  return { first, second };
}

const refOf = (store: Store, id: string) => store.db.prepare('SELECT ref FROM clients WHERE id = ?').pluck().get(id);

describe('the ref check', () => {
  it.each([
    ['a few refs since the last check', 3, {}],
    ['every ref (asked for)', 3, { all: true }],
    ['every ref (more than 20,000 journal rows since the last check)', 20_001, {}],
  ] as const)('renumbers the later claim, looking at %s', (_, contacts, opts) => {
    let now = Date.UTC(2026, 11, 1, 9);
    const store = tempStore({ now: () => (now += 1000) });
    const { first, second } = twoClaims(store, contacts);
    const out = resolveRefCollisions(store, 'sync', opts);
    expect(out).toEqual([{ entity: 'client', id: second, from: 'K000007', to: 'K000008' }]);
    expect(refOf(store, first)).toBe('K000007');
    expect(refOf(store, second)).toBe('K000008');
    // Nothing else was touched: every contact keeps its own ref.
    expect(store.db.prepare("SELECT count(*) FROM contacts WHERE ref LIKE 'C-%'").pluck().get()).toBe(contacts);
    expect(resolveRefCollisions(store, 'sync', opts)).toEqual([]);
    store.close();
  });

  it.each([
    ['a few refs since the last check', {}],
    ['every ref', { all: true }],
  ] as const)('leaves a ref that a removed record held too, looking at %s', (_, opts) => {
    let now = Date.UTC(2026, 11, 1, 9);
    const store = tempStore({ now: () => (now += 1000) });
    const gone = store.write('laptop-a', (w) => w.create('client', { ref: 'K000009', last_name: 'Weg' }));
    store.write('laptop-a', (w) => w.remove('client', gone));
    resolveRefCollisions(store);
    const live = store.write('laptop-b', (w) => w.create('client', { ref: 'K000009', last_name: 'Blijft' }));
    expect(resolveRefCollisions(store, 'sync', opts)).toEqual([]);
    expect(refOf(store, live)).toBe('K000009');
    store.close();
  });
});
