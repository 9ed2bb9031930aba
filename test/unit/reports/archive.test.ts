// Issue 14: a delivered report can be made again, byte for byte. On the seed's 2016 caseload,
// laptop A delivers the half-year work target; then a late exit (dated in March) is entered and a
// client is handed to another account manager. The live report changes; `--as-known-on` the
// delivery moment and `archive verify` give the delivered bytes - on A and, after sync, on B;
// "what changed since" names exactly the late exit.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Cloud, expectSameDumps, type Laptop } from '../sync/harness.js';
import { apiAs } from '../work/api.js';
import { cli, suiteTempDir } from '../helpers.js';
import { importClients } from './fixture.js';
import { seed2016 } from './seed-2016.js';

const HALF_YEAR = { from: '2016-01-01', to: '2016-06-30' };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let cloud: Cloud;
let A: Laptop;
let B: Laptop;
let delivered: { id: string; json: Buffer; at: string };
let lateRef: string;

beforeAll(async () => {
  cloud = new Cloud(14, Date.UTC(2016, 6, 4, 9), suiteTempDir());
  A = cloud.laptop('a');
  B = cloud.laptop('b');
  await importClients(A.store, seed2016().clients);
  await A.create();
  cloud.propagate();
  await B.join();
  await A.sync();
  cloud.propagate();
  await B.sync();

  cloud.now += 60_000;
  const d = await apiAs(A.store, 'manager', 'm1').ok('reports.deliver', {
    name: 'work-target',
    params: HALF_YEAR,
    note: 'Halfjaarrapportage aan de gemeente',
  });
  delivered = { id: d.id, json: Buffer.from(d.base64, 'base64'), at: new Date(cloud.now).toISOString() };

  // A week later: a late exit to regular work, dated in March, for a client still in the caseload;
  // and a handover on laptop B.
  cloud.now += 7 * 86_400_000;
  const km = apiAs(A.store, 'klantmanager', 'km1');
  const open = A.store.db
    .prepare(
      `SELECT c.id, c.ref FROM clients c JOIN caseload_periods p ON p.client_id = c.id
       WHERE p.exit_date IS NULL AND p.intake_date < '2016-03-01' ORDER BY c.ref LIMIT 2`,
    )
    .all() as { id: string; ref: string }[];
  lateRef = open[0]!.ref;
  await km.ok('clients.exit', { clientId: open[0]!.id, exit_date: '2016-03-15', exit_reason: 'work_regular' });
  await apiAs(B.store, 'klantmanager', 'km2').ok('clients.update', {
    id: open[1]!.id,
    fields: { account_manager: 'Z. Nieuw' },
  });
  cloud.now += 60_000;
  for (let i = 0; i < 2; i++) {
    await A.sync();
    await B.sync();
    cloud.propagate();
  }
  await A.sync();
  await B.sync();
}, 120_000);

describe('a delivered report', () => {
  it('is archived with its parameters, author, sha256 and the refs behind its figures, on every laptop', async () => {
    expectSameDumps([A, B]);
    for (const l of [A, B]) {
      const list = await apiAs(l.store, 'manager', 'm1').ok('archive.list', {});
      expect(list).toEqual([
        expect.objectContaining({
          id: delivered.id,
          name: 'work-target',
          params: HALF_YEAR,
          by: 'm1',
          sha256: sha(delivered.json),
          note: 'Halfjaarrapportage aan de gemeente',
          delivered_at: delivered.at,
        }),
      ]);
    }
    // Only managers and beheerders deliver and read the archive.
    expect(
      await apiAs(A.store, 'klantmanager').fail('reports.deliver', { name: 'work-target', params: HALF_YEAR }),
    ).toMatchObject({ code: 'forbidden' });
    expect(await apiAs(A.store, 'klantmanager').fail('archive.list', {})).toMatchObject({ code: 'forbidden' });
  });

  it('differs from the live report after the late exit, and is reproduced as known at its delivery', async () => {
    const m = apiAs(A.store, 'manager', 'm1');
    const live = await m.ok('reports.file', { name: 'work-target', params: HALF_YEAR, format: 'json' });
    const liveJson = JSON.parse(Buffer.from(live.base64, 'base64').toString('utf8')) as { realized: number };
    const then = JSON.parse(delivered.json.toString('utf8')) as { realized: number };
    expect(liveJson.realized).toBe(then.realized + 1);

    for (const l of [A, B]) {
      const api = apiAs(l.store, 'manager', 'm1');
      // On A: what A knew at the delivery moment. On B: what B knew then (it had synced before).
      if (l === A) {
        const asKnown = await api.ok('reports.file', {
          name: 'work-target',
          params: HALF_YEAR,
          format: 'json',
          asKnownOn: delivered.at,
        });
        expect(Buffer.from(asKnown.base64, 'base64').equals(delivered.json)).toBe(true);
      }
      const v = await api.ok('archive.verify', { id: delivered.id });
      expect(v).toEqual({
        id: delivered.id,
        identical: true,
        sha256: sha(delivered.json),
        delivered: sha(delivered.json),
        differences: [],
      });
    }
  });

  it('explains what changed since: exactly the late exit', async () => {
    for (const l of [A, B]) {
      const changes = await apiAs(l.store, 'manager', 'm1').ok('archive.changes', { id: delivered.id });
      expect(changes.map((c) => [c.figure, c.delivered, c.now, c.added.map((a) => a.ref), c.removed])).toEqual([
        ['realized', changes[0]!.delivered, changes[0]!.delivered + 1, [lateRef], []],
      ]);
      const fields = changes[0]!.added[0]!.changes.map((c) => [c.entity, c.field, c.value, c.user]);
      expect(fields).toEqual(
        expect.arrayContaining([
          ['period', 'exit_date', '2016-03-15', 'km1'],
          ['period', 'exit_reason', 'work_regular', 'km1'],
        ]),
      );
    }
  });

  it('is reproduced from the command line, and bad moments and ids are usage errors', async () => {
    const db = ['--db', A.store.db.name];
    const asKnown = await cli([
      ...db,
      'report',
      'work-target',
      '--from',
      '2016-01-01',
      '--to',
      '2016-06-30',
      '--as-known-on',
      delivered.at,
    ]);
    expect(asKnown.code, asKnown.err.join('\n')).toBe(0);
    expect(asKnown.out.join('\n') + '\n').toBe(delivered.json.toString('utf8'));
    const verify = await cli([...db, 'archive', 'verify', delivered.id]);
    expect(verify.code, verify.err.join('\n')).toBe(0);
    expect(JSON.parse(verify.out[0]!)).toMatchObject({ identical: true });
    const list = await cli([...db, 'archive', 'list']);
    expect(list.out.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([delivered.id]);
    expect((await cli([...db, 'report', 'work-target', '--as-known-on', '30-02-2016'])).code).toBe(2);
    expect((await cli([...db, 'archive', 'verify'])).code).toBe(2);
    const future = await cli([...db, 'report', 'work-target', '--as-known-on', '2099-01-01']);
    expect(future.code).not.toBe(0);
    expect(future.err.join('\n')).toMatch(/toekomst/);
  });
});
