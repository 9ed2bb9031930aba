// A retention purge decided on another laptop is carried out here only when this laptop can
// justify it: the client past its 10-year retention date by this laptop's own data and today's
// date, the reference date not in the future. Anything else is refused and reported (sync
// problem, audit with refs only) and the client stays; an applied purge's audit names the refs.
import { describe, expect, it } from 'vitest';
import { purgeClients } from '../../../db/retention/purge.js';
import { Cloud, type Laptop } from './harness.js';

function client(l: Laptop, ref: string, exit: string): string {
  return l.type((w) => {
    const id = w.create('client', { ref, last_name: `Naam ${ref}`, created: '2008-01-01' });
    w.create('period', { client_id: id, intake_date: '2008-02-01', exit_date: exit, exit_reason: 'werk' });
    return id;
  });
}

const audits = (l: Laptop, action: string) =>
  l.store.db.prepare('SELECT object FROM audit_log WHERE action = ?').pluck().all(action) as string[];
const exists = (l: Laptop, id: string) =>
  l.store.db.prepare('SELECT count(*) FROM clients WHERE id = ?').pluck().get(id) === 1;

describe('purges from another laptop', () => {
  it('applies a justified purge, refuses one with a future reference date or not past retention here', async () => {
    const cloud = new Cloud(21, Date.UTC(2026, 11, 1, 9)); // today: 2026-12-01
    const [A, B] = ['a', 'b'].map((n) => cloud.laptop(n)) as [Laptop, Laptop];
    await A.create();
    const old = client(A, 'K-OUD', '2014-03-01'); // past retention since 2024-03-01
    const young = client(A, 'K-JONG', '2020-06-01'); // past retention from 2030-06-01
    const back = client(A, 'K-TERUG', '2014-05-01'); // past on A, but B knows a later period
    await A.sync();
    cloud.propagate();
    await B.join();
    await cloud.settle();

    // B, offline, registers a later period for K-TERUG that A does not know yet.
    cloud.offline.add('b');
    B.type((w) => w.create('period', { client_id: back, intake_date: '2019-01-07', exit_date: '2022-09-30' }));
    cloud.now += 60_000;
    purgeClients(A.store, 'manager', [old, back], '2026-12-01');
    purgeClients(A.store, 'manager', [young], '2031-01-01'); // a reference date in the future
    await A.sync();
    cloud.offline.delete('b');
    cloud.propagate();
    await B.sync();

    expect(exists(B, old)).toBe(false);
    expect(exists(B, young)).toBe(true);
    expect(exists(B, back)).toBe(true);
    expect(audits(B, 'retention.apply')).toEqual(['1 klant(en): K-OUD']);
    const refused = audits(B, 'retention.refused').join('\n');
    expect(refused).toMatch(/K-JONG \(peildatum 2031-01-01 ligt na vandaag \(2026-12-01\)\)/);
    expect(refused).toMatch(/K-TERUG \(op deze laptop niet over de bewaartermijn op 2026-12-01\)/);
    expect(refused).not.toMatch(/Naam/); // refs only, no names
    const problems = B.store.db
      .prepare("SELECT path, kind FROM sync_problems WHERE kind = 'purge_refused' ORDER BY path")
      .all();
    expect(problems).toEqual([
      { path: 'bewaartermijn/K-JONG', kind: 'purge_refused' },
      { path: 'bewaartermijn/K-TERUG', kind: 'purge_refused' },
    ]);
    // The refusal stays listed in later rounds, is audited once, and blocks no later change.
    B.edit('client', young, { city: 'Marknesse' });
    await B.sync();
    await B.sync();
    expect(audits(B, 'retention.refused')).toHaveLength(1);
    expect(B.store.db.prepare('SELECT city FROM clients WHERE id = ?').pluck().get(young)).toBe('Marknesse');
    expect(B.store.db.prepare("SELECT count(*) FROM sync_problems WHERE kind = 'purge_refused'").pluck().get()).toBe(2);
  }, 60_000);
});
