// The fault suite of SYNC.md: five laptops (and a sixth that starts from a snapshot) through one
// shared folder in bad weather - random arrival order, duplicated and conflict-copied segments,
// half-written files, sync-client junk, a clock one day ahead, a clock three days ahead, a
// laptop offline for 30 days, the same BSN registered on two laptops. After the final round
// every dump is byte-identical and every typed edit is the winner, a listed conflict, or was
// overwritten by someone who had seen it. (A kill -9 during apply: kill.test.ts.)
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/generate.js';
import { fieldChanges } from '../../../db/journal/entries.js';
import { decodeHlc } from '../../../db/journal/hlc.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { RecordWriter } from '../../../db/records/upsert.js';
import { listConflicts, resolveConflict } from '../../../db/sync/conflicts.js';
import { syncStatus } from '../../../db/sync/status.js';
import { bsnFrom } from '../helpers.js';
import { Cloud, DAY, expectSameDumps, type Laptop, type TypedEdit } from './harness.js';

const BAD_WEATHER = { fraction: 0.6, conflictCopies: 0.35, truncate: 0.3, junk: true };

function fate(l: Laptop, e: TypedEdit): string {
  const db = l.store.db;
  const history = fieldChanges(l.store, e.entity, e.rowId, e.field);
  if (history.at(-1)?.hlc === e.hlc) return 'winner';
  if (
    db
      .prepare('SELECT 1 FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ? AND loser_hlc = ?')
      .get(e.entity, e.rowId, e.field, e.hlc)
  )
    return 'conflict';
  if (history.some((c) => c.base_hlc !== null && c.base_hlc >= e.hlc)) return 'seen and overwritten';
  return 'lost';
}

function problemKinds(l: Laptop): string[] {
  return syncStatus(l.store).problems.map((p) => `${p.kind}${p.quarantined ? ' (quarantaine)' : ''}`);
}

describe('sync through one shared folder in bad weather', () => {
  it('gives every laptop the same data and loses no typed edit', async () => {
    const cloud = new Cloud(Number(process.env.SYNC_FAULT_SEED ?? 20260302), Date.UTC(2026, 2, 2, 8, 0));
    const [A, B, C, D, E] = ['a', 'b', 'c', 'd', 'e'].map((n) => cloud.laptop(n)) as [
      Laptop,
      Laptop,
      Laptop,
      Laptop,
      Laptop,
    ];

    // The first laptop has the caseload and makes the team; the others join and catch up.
    loadDemo(A.store, { clients: 40, seed: 11, today: '2026-03-01' });
    await A.create();
    await A.sync();
    cloud.propagate();
    for (const l of [B, C, D, E]) await l.join();
    await cloud.settle();
    expectSameDumps([A, B, C, D, E]);

    const client = (n: number) => A.idOf('clients', `K${String(n).padStart(6, '0')}`);
    const employer = A.idOf('employers', 'W000001');
    E.skew = DAY; // E's clock runs one day ahead from here on

    // Concurrent edits: different fields, the same key field on three laptops, the same plain
    // field on two, an edit to a record another laptop deletes, an edit from the fast clock.
    A.edit('client', client(1), { city: 'Urk' });
    B.edit('client', client(1), { phone: '06-11112222' });
    A.edit('client', client(2), { last_name: 'Visser' });
    B.edit('client', client(2), { last_name: 'Vissers' });
    C.edit('client', client(2), { last_name: 'Fisser' });
    B.edit('client', client(3), { email: 'b@voorbeeld.nl' });
    C.edit('client', client(3), { email: 'c@voorbeeld.nl' });
    A.type((w) => w.remove('employer', employer));
    B.edit('employer', employer, { city: 'Kraggenburg' });
    E.edit('client', client(5), { first_name: 'Eline' });
    A.edit('client', client(5), { first_name: 'Elise' });

    // The same person registered on two laptops, each with its own follow-up records.
    const bsn = bsnFrom('12312312');
    A.type((w) => {
      const rw = new RecordWriter(A.store, w);
      rw.upsert('clients', {
        ref: 'K-A-0001',
        bsn,
        first_name: 'Fatima',
        last_name: 'El Amrani',
        birth_date: '1990-04-12',
        intake_date: '2026-03-02',
        referrer: 'social_team',
      });
      rw.upsert('activities', { client_ref: 'K-A-0001', kind: 'intake_programme', start_date: '2026-03-09' });
    });
    cloud.now += 60_000; // B registers the same person a minute later
    B.type((w) => {
      const rw = new RecordWriter(B.store, w);
      rw.upsert('clients', {
        ref: 'K-B-0001',
        bsn,
        first_name: 'Fatma',
        last_name: 'El Amrani',
        birth_date: '1990-04-12',
        intake_date: '2026-03-03',
        referrer: 'uwv',
      });
      rw.upsert('contacts', { client_ref: 'K-B-0001', date: '2026-03-03', kind: 'phone', summary: 'Kennismaking' });
    });

    for (let i = 0; i < 6; i++) await cloud.round(BAD_WEATHER);
    expect(cloud.copiesMade, 'conflict copies were made').toBeGreaterThan(0);
    expect(cloud.truncatedMade, 'half-written files were delivered').toBeGreaterThan(0);
    expect(
      cloud.laptops.some((l) => l.rounds.some((r) => r.ingested.problems > 0)),
      'a half-written file was skipped',
    ).toBe(true);

    // A clock three days ahead: its segment waits in quarantine and moves no other clock.
    E.skew = 3 * DAY;
    E.edit('client', client(6), { postcode: '8301 AB' });
    await E.sync();
    cloud.propagate();
    await B.sync();
    expect(problemKinds(B)).toContain('future (quarantaine)');
    expect(decodeHlc(B.store.clock.current()).millis, "B's clock did not follow E's").toBeLessThan(cloud.now + 2 * DAY);
    E.skew = DAY; // someone fixed E's clock; its HLC stays ahead, so its segments wait for real time

    // D goes offline for 30 days and keeps working; the others keep working and syncing.
    await cloud.settle();
    cloud.offline.add('d');
    D.edit('client', client(7), { birth_date: '1985-05-05', city: 'Rutten' });
    for (let day = 0; day < 30; day += 10) {
      cloud.now += 10 * DAY;
      A.edit('client', client(7), { city: 'Tollebeek' });
      if (day === 20) {
        D.edit('client', client(2), { last_name: 'Vis' });
        D.type((w) =>
          new RecordWriter(D.store, w).upsert('contacts', {
            client_ref: 'K000007',
            date: '2026-03-28',
            kind: 'visit',
            summary: 'Huisbezoek',
          }),
        );
      }
      if (day === 10) {
        const c2 = listConflicts(B.store).find((c) => c.rowId === client(2) && c.field === 'last_name');
        expect(c2, 'the three-way name edit is a listed conflict').toBeDefined();
        resolveConflict(B.store, 'user-b', c2!.id, 'other');
      }
      await cloud.round(BAD_WEATHER);
    }
    cloud.offline.delete('d');
    for (let i = 0; i < 3; i++) await cloud.round(BAD_WEATHER);
    await cloud.settle();

    // A sixth laptop starts from a snapshot.
    await A.sync({ snapshot: true });
    cloud.propagate();
    const F = cloud.laptop('f');
    cloud.propagate();
    await F.join();
    const first = await F.sync();
    expect(first.bootstrapped).toBe(true);
    await cloud.settle();

    const all = [A, B, C, D, E, F];
    expectSameDumps(all);
    for (const l of all) {
      expect(verifyJournal(l.store), `journal of ${l.name}`).toEqual([]);
      expect(problemKinds(l), `problems left on ${l.name}`).toEqual([]);
    }
    // The conflicts are the same set everywhere, and so is what is open.
    const table = (l: Laptop) =>
      l.store.db
        .prepare('SELECT entity, row_id, field, loser_hlc, loser_value FROM sync_conflicts ORDER BY 1, 2, 3, 4')
        .all();
    const open = (l: Laptop) =>
      listConflicts(l.store, { all: true }).map(
        (c) => `${c.id}=${JSON.stringify(c.current?.value)}|${JSON.stringify(c.other.value)}`,
      );
    for (const l of all.slice(1)) {
      expect(table(l), `conflicts table of ${l.name}`).toEqual(table(A));
      expect(open(l), `open conflicts of ${l.name}`).toEqual(open(A));
    }

    // No typed edit is lost.
    const fates = cloud.typed.map((e) => ({ e, fate: fate(A, e) }));
    expect(fates.filter((f) => f.fate === 'lost').map((f) => f.e)).toEqual([]);

    const dump = A.dump()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // Concurrent edits to different fields both survive; the deleted employer stays deleted.
    const c1 = dump.find((r) => r.ref === 'K000001')!;
    expect([c1.city, c1.phone]).toEqual(['Urk', '06-11112222']);
    expect(dump.some((r) => r.kind === 'employer' && r.ref === 'W000001')).toBe(false);
    // The offline laptop's later edit wins over the resolution made while it was away, and the
    // resolution is kept as a conflict; the clock-ahead edit arrived once its time came.
    expect(dump.find((r) => r.ref === 'K000002')!.last_name).toBe('Vis');
    expect(open(A).some((c) => c.includes(`:${client(2)}:last_name:`))).toBe(true);
    expect(dump.find((r) => r.ref === 'K000006')!.postcode).toBe('8301 AB');
    expect(dump.find((r) => r.ref === 'K000007')).toMatchObject({ birth_date: '1985-05-05', city: 'Tollebeek' });
    expect(dump.filter((r) => r.kind === 'contact' && r.summary === 'Huisbezoek').map((r) => r.client_ref)).toEqual([
      'K000007',
    ]);

    // One person, one record: the earlier registration survives and gets the other's records.
    const people = dump.filter((r) => r.kind === 'client' && r.bsn === bsn);
    expect(people.map((p) => p.ref)).toEqual(['K-A-0001']);
    expect(dump.filter((r) => r.kind === 'contact' && r.summary === 'Kennismaking').map((r) => r.client_ref)).toEqual([
      'K-A-0001',
    ]);
    expect(dump.filter((r) => r.kind === 'activity' && r.client_ref === 'K-A-0001')).toHaveLength(1);
    // The newest registration's values win; the other values are listed, for the client and for
    // the caseload period that was registered twice (and is now one).
    const merge = listConflicts(A.store).filter((c) => c.kind === 'merge');
    expect(merge.map((c) => [c.entity, c.field, c.current?.value, c.other.value])).toEqual([
      ['client', 'first_name', 'Fatma', 'Fatima'],
      ['period', 'referrer', 'uwv', 'social_team'],
    ]);
    expect(people[0]).toMatchObject({ first_name: 'Fatma', intake_date: '2026-03-02', referrer: 'uwv' });
    expect(people[0]!.periods).toBeUndefined();
  });
});
