// db/journal/knowledge.ts: the data as a laptop knew it at a moment - rows created later absent,
// rows changed later as they were, rows deleted later back - and the live tables untouched.
import { describe, expect, it } from 'vitest';
import { asKnown, covers, knowledgeAt, knowledgeNow, knownAt } from '../../../db/journal/knowledge.js';
import { tempStore } from '../helpers.js';

describe('knowledge at a moment', () => {
  it('shows the synced tables as they were, using the live indexes, and leaves the live ones alone', () => {
    let now = Date.UTC(2026, 0, 5, 9);
    const store = tempStore({ now: () => now });
    const kept = store.write('u', (w) => w.create('client', { ref: 'K1', last_name: 'Jansen', city: 'Urk' }));
    const gone = store.write('u', (w) => w.create('client', { ref: 'K2', last_name: 'Visser', city: 'Ens' }));
    const moment = now;
    now += 60_000;
    store.write('u', (w) => {
      w.update('client', kept, { city: 'Emmeloord', target_groups: ['statushouder'] });
      w.remove('client', gone);
      w.create('client', { ref: 'K3', last_name: 'Later' });
    });
    const rows = () =>
      store.db.prepare('SELECT ref, city, target_groups, deleted FROM clients ORDER BY ref').all() as unknown[];
    const live = rows();
    const k = knowledgeAt(store, moment);
    expect(covers(knowledgeNow(store), k)).toBe(true);
    expect(covers(k, knowledgeNow(store))).toBe(false);
    const then = asKnown(store, k, () => {
      // The real table, with its indexes.
      const plan = store.db
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM clients WHERE ref = 'K1'")
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' ');
      expect(plan).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/);
      return rows();
    });
    expect(then).toEqual([
      { ref: 'K1', city: 'Urk', target_groups: null, deleted: 0 },
      { ref: 'K2', city: 'Ens', target_groups: null, deleted: 0 },
    ]);
    expect(rows()).toEqual(live);
    expect(
      store.db
        .prepare("SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'asknown%' OR name = 'clients'")
        .pluck()
        .get(),
    ).toBe(0);
    // This laptop's journal position at the moment gives the same picture (as-known-on).
    expect(knownAt(store, moment)).toEqual({ seq: 2 });
    expect(asKnown(store, knownAt(store, moment), rows)).toEqual(then);
    expect(knownAt(store, moment - 1)).toEqual({ seq: 0 });
    // Knowing everything changes nothing.
    expect(asKnown(store, knowledgeNow(store), rows)).toEqual(live);
    // A read that fails leaves the live tables as they were, search index included.
    const search = () => store.db.prepare('SELECT rowid, text FROM search_fts ORDER BY rowid').all();
    const before = search();
    expect(() =>
      asKnown(store, k, () => {
        throw new Error('leesfout');
      }),
    ).toThrow('leesfout');
    expect(rows()).toEqual(live);
    expect(search()).toEqual(before);
  });
});
