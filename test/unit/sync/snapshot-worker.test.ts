// A large snapshot image (db/sync/snapshot-restore.ts, from 20,000 journal rows) is checked in a worker
// thread (db/sync/image-check.ts) while the main thread builds the rows from it unchecked. The
// worker's verdict must still decide: a row only the check refuses (a duplicate key, which
// JSON.parse accepts) rolls the whole restore back, and the laptop bootstraps from the next good
// snapshot - also checked in a worker. A worker that cannot check leaves the checks to the main
// thread. Worker starts are counted, and a broken worker stood in, through node:worker_threads.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fieldNumber } from '../../../db/model/entities.js';
import { writeSnapshotImage } from '../../../db/sync/snapshot.js';
import { Cloud, expectSameDumps } from './harness.js';
import { newLaptop, publishAs } from './snapshot-helpers.js';

const started = vi.hoisted(() => ({ workers: 0, broken: false }));
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>();
  // `broken`: the worker answers as one whose module cannot load does (image-check.ts's loader).
  const cannotLoad = `const { workerData } = require('node:worker_threads');
    workerData.port.postMessage({ kind: 'failed', content: false, message: 'module kon niet laden' });
    const ticks = new Int32Array(workerData.signal);
    Atomics.add(ticks, 0, 1);
    Atomics.notify(ticks, 0);`;
  class CountedWorker extends real.Worker {
    constructor(...[code, opts]: ConstructorParameters<typeof real.Worker>) {
      super(started.broken ? cannotLoad : code, opts);
      started.workers++;
    }
  }
  return { ...real, Worker: CountedWorker };
});

describe('a large snapshot image', () => {
  it('is checked in a worker thread whose verdict refuses a bad row the main thread took as it came', async () => {
    const cloud = new Cloud(12, Date.UTC(2026, 11, 1, 9));
    const A = cloud.laptop('a');
    const B = cloud.laptop('b');
    await A.create();
    A.type((w) => {
      for (let k = 0; k < 21_000; k++) w.create('client', { ref: `K-${k}`, last_name: `Achternaam ${k}` });
    });
    await A.sync({ snapshot: true });
    cloud.propagate();
    await B.join();
    expect((await B.sync()).bootstrapped).toBe(true);
    expect(started.workers).toBe(1);
    await cloud.settle();

    const image = join(cloud.base, 'large-bad.sqlite');
    writeSnapshotImage(B.store, image);
    const img = new Database(image);
    expect(img.prepare('SELECT count(*) FROM journal').pluck().get()).toBeGreaterThanOrEqual(20_000);
    const last = fieldNumber('client', 'last_name')!;
    const seq = img.prepare("SELECT max(seq) FROM journal WHERE entity = 'client'").pluck().get() as number;
    img.prepare(`UPDATE journal SET fields = '{"${last}":"Een","${last}":"Twee"}' WHERE seq = ?`).run(seq);
    img.close();
    const bad = await publishAs(B, image, 300, 3);

    const before = started.workers;
    const N = await newLaptop(cloud, A, B);
    expect((await N.sync()).bootstrapped).toBe(true);
    const problems = N.store.db.prepare('SELECT path, message FROM sync_problems').all() as {
      path: string;
      message: string;
    }[];
    // The bad snapshot, then the good one: each checked in its own worker.
    expect(started.workers - before).toBe(2);
    const p = problems.find((x) => x.path.endsWith(bad.split(/[\\/]/).pop()!));
    expect(p?.message).toBe(`journaalregel ${seq} van de momentopname: ongeldige JSON`);
    expect(N.dump()).not.toMatch(/Een|Twee/);
    expect(N.store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(21_000);
    await cloud.settle();
    expectSameDumps([A, B, N]);

    // A worker that cannot check costs time, never the verdict: the same checks run in-thread.
    started.broken = true;
    const M = await newLaptop(cloud, A, B);
    expect((await M.sync()).bootstrapped).toBe(true);
    const again = M.store.db.prepare('SELECT path, message FROM sync_problems').all() as typeof problems;
    expect(again.find((x) => x.path.endsWith(bad.split(/[\\/]/).pop()!))?.message).toBe(p?.message);
    await cloud.settle();
    expectSameDumps([A, M]);
  }, 240_000);
});
