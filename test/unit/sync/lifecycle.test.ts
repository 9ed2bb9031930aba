// Over months: compaction removes a device's old segments only when a snapshot has them and
// every active laptop has seen them; a laptop away for half a year fills the gap from a
// snapshot (keeping its own offline work); a retention purge on one laptop reaches the others.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/generate.js';
import { fieldChanges } from '../../../db/journal/entries.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { purgeClients } from '../../../db/retention/purge.js';
import { Cloud, DAY, expectSameDumps, type Laptop } from './harness.js';

const segments = (l: Laptop, of: Laptop) => {
  const dir = join(l.folder, 'caseload-sync', 'devices', of.device);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /^j-\d+-\d{8}\.cjl$/.test(n))
        .sort()
    : [];
};

describe('sync over months', () => {
  it('compacts only what every active laptop has seen and lets a long-absent laptop catch up from a snapshot', async () => {
    const cloud = new Cloud(42, Date.UTC(2026, 0, 5, 9));
    const [A, B, C] = ['a', 'b', 'c'].map((n) => cloud.laptop(n)) as [Laptop, Laptop, Laptop];
    loadDemo(A.store, { clients: 20, seed: 2, today: '2026-01-04' });
    await A.create();
    await A.sync();
    cloud.propagate();
    await B.join();
    await C.join();
    await cloud.settle();
    const k1 = A.idOf('clients', 'K000001');

    // Segment 2 reaches B but not C, who goes offline and keeps working.
    cloud.offline.add('c');
    A.edit('client', k1, { city: 'Luttelgeest' });
    await cloud.settle();
    C.edit('client', C.idOf('clients', 'K000002'), { phone: '06-22223333' });
    expect(segments(A, A)).toEqual(['j-1-00000001.cjl', 'j-1-00000002.cjl']);

    // 91 days on: segment 1 is old, in A's snapshot and seen by all; segment 2 is not seen by C.
    cloud.now += 91 * DAY;
    const r = await A.sync({ snapshot: true });
    expect(r.compacted.segments).toBe(1);
    expect(segments(A, A)).toEqual(['j-1-00000002.cjl']);

    // 200 days on C counts as inactive: it no longer holds segment 2 back.
    cloud.now += 110 * DAY;
    A.edit('client', k1, { city: 'Bant' });
    await A.sync({ snapshot: true });
    expect(segments(A, A)).toEqual(['j-1-00000003.cjl']);
    await cloud.settle();

    // A new laptop starts from the snapshot and gets everything, compacted segments included.
    const D = cloud.laptop('d');
    cloud.propagate();
    await D.join();
    expect((await D.sync()).bootstrapped).toBe(true);
    await cloud.settle();
    expectSameDumps([A, B, D]);

    // C returns: segment 2 is gone, so after a while it merges the snapshot and keeps its own work.
    cloud.offline.delete('c');
    await cloud.settle();
    expect(
      C.rounds.some((x) => x.filledGap),
      'a missing segment may still be on its way: wait',
    ).toBe(false);
    cloud.now += 2 * 60 * 60 * 1000;
    await cloud.settle();
    expectSameDumps([A, B, C, D]);
    expect(C.rounds.some((x) => x.filledGap)).toBe(true);
    const cities = fieldChanges(C.store, 'client', k1, 'city').map((c) => c.value);
    expect(
      cities.filter((v) => v === 'Luttelgeest'),
      'history from a compacted segment',
    ).toHaveLength(1);
    const dump = A.dump();
    expect(dump).toContain('"city":"Bant"');
    expect(dump).toContain('"phone":"06-22223333"');
    for (const l of [A, B, C, D]) expect(verifyJournal(l.store)).toEqual([]);
  });

  it('carries a retention purge to the other laptops and keeps late segments from bringing it back', async () => {
    // In 2040 every laptop itself finds the client past retention (it checks before it purges).
    const cloud = new Cloud(43, Date.UTC(2040, 0, 5, 9));
    const [A, B, C] = ['a', 'b', 'c'].map((n) => cloud.laptop(n)) as [Laptop, Laptop, Laptop];
    loadDemo(A.store, { clients: 20, seed: 9, today: '2026-01-04' });
    await A.create();
    await A.sync();
    cloud.propagate();
    await B.join();
    await C.join();
    await cloud.settle();
    const gone = A.store.db
      .prepare(
        'SELECT c.id, c.ref, c.last_name FROM clients c JOIN caseload_periods p ON p.client_id = c.id WHERE p.exit_date IS NOT NULL AND c.id NOT IN (SELECT client_id FROM caseload_periods WHERE exit_date IS NULL) LIMIT 1',
      )
      .get() as { id: string; ref: string; last_name: string };
    // C edits the client, offline, before the purge is decided.
    cloud.offline.add('c');
    C.edit('client', gone.id, { city: 'Marknesse' });
    cloud.now += 60_000;
    expect(purgeClients(A.store, 'beheer', [gone.id], '2040-01-01').purged).toBe(1);
    await cloud.settle();
    expect(B.dump()).not.toContain(`"ref":"${gone.ref}"`);
    expect(B.store.db.prepare('SELECT count(*) FROM journal WHERE row_id = ?').pluck().get(gone.id)).toBe(0);
    cloud.offline.delete('c');
    await cloud.settle();
    expectSameDumps([A, B, C]);
    for (const l of [A, B, C]) {
      expect(l.store.db.prepare('SELECT count(*) FROM clients WHERE id = ?').pluck().get(gone.id), l.name).toBe(0);
    }
  });
});
