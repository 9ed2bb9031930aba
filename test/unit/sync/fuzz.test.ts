// A hostile or broken shared folder hurts no one. Anyone who can write to the folder (no key
// needed) drops absurd names, empty, random, truncated, oversized and swapped files, and a team
// member forges snapshots. A sync round must finish within seconds with bounded memory, change
// nothing, and list every bad file as a problem; a new laptop must not be taken over.
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT, writeStreamedFile, type FileHeader } from '../../../db/sync/container.js';
import { newDeviceKeys } from '../../../db/sync/crypto.js';
import { openTeam } from '../../../db/sync/identity.js';
import { rootOf, snapshotPath } from '../../../db/sync/layout.js';
import { writeSnapshotImage } from '../../../db/sync/snapshot.js';
import { readTeamFile } from '../../../db/sync/team.js';
import { rng } from '../../../db/demo/random.js';
import { Cloud, expectSameDumps, type Laptop } from './harness.js';

const problemPaths = (l: Laptop) =>
  new Set(l.store.db.prepare('SELECT path FROM sync_problems').pluck().all() as string[]);

async function teamOfTwo(seed: number): Promise<{ cloud: Cloud; A: Laptop; B: Laptop }> {
  const cloud = new Cloud(seed, Date.UTC(2026, 11, 1, 9));
  const A = cloud.laptop('a');
  const B = cloud.laptop('b');
  await A.create();
  for (let i = 0; i < 3; i++)
    A.type((w) => {
      for (let k = 0; k < 20; k++) w.create('client', { ref: `K${i}-${k}`, last_name: `Achternaam ${i}-${k}` });
    });
  await A.sync();
  A.type((w) => w.create('client', { ref: 'K-LAST', last_name: 'Laatste' }));
  await A.sync();
  cloud.propagate();
  await B.join();
  await cloud.settle();
  return { cloud, A, B };
}

describe('a hostile shared folder', () => {
  it('gets through absurd names, junk, truncated, oversized and swapped files: fast, bounded, unchanged, reported', async () => {
    const { cloud, A, B } = await teamOfTwo(99);
    const root = join(B.folder, 'caseload-sync');
    const aDir = join(root, 'devices', A.device);
    const segs = readdirSync(aDir)
      .filter((n) => /^j-\d+-\d{8}\.cjl$/.test(n))
      .sort();
    expect(segs.length).toBeGreaterThanOrEqual(2);
    const seg1 = readFileSync(join(aDir, segs[0]!));
    const seg2 = readFileSync(join(aDir, segs[1]!));
    const random = rng(5);
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
    const bad: string[] = [];
    const put = (rel: string, data: Buffer | string) => {
      const p = join(root, rel);
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, data);
      bad.push(rel);
    };
    // Absurd sequence numbers and names, empty and random content.
    put(`devices/${A.device}/j-1-99999999.cjl`, '');
    put(`devices/${A.device}/j-999999999-99999999.cjl`, bytes(100));
    put(`devices/${A.device}/j-1-9007199254740992.cjl`, bytes(64));
    put(`devices/${A.device}/j-1--5.cjl`, bytes(10));
    put(`devices/${A.device}/j-1-1e400.cjl`, seg1.subarray(0, 40));
    put(`devices/${A.device}/j-${'9'.repeat(200)}.cjl`, bytes(300));
    put(`devices/${A.device}/j-1-00000600.cjl`, bytes(100_000));
    put(`devices/${'f'.repeat(16)}/j-1-00000001.cjl`, bytes(1000));
    put(`devices/not-a-device/j-1-00000001.cjl`, bytes(1000));
    // Truncated, renamed and swapped files.
    put(`devices/${A.device}/j-1-00000001 (2).cjl`, seg1.subarray(0, Math.floor(seg1.length / 2)));
    put(`devices/${A.device}/j-1-00000077.cjl`, seg1); // a real segment under another seq
    put(`devices/${B.device}/j-1-00000001.sync-conflict-20261201-PC.cjl`, seg2); // A's segment in B's folder
    put(`devices/${'e'.repeat(16)}/j-1-00000003.cjl`, seg2); // ... in a stranger's folder
    const len = seg1.readUInt32BE(4) + 8;
    put(`devices/${A.device}/j-1-00000078.cjl`, Buffer.concat([seg1.subarray(0, len), seg2.subarray(len)])); // header of one, body of another
    // device.json: junk, oversized, and someone else's.
    put(`devices/${'d'.repeat(16)}/device.json`, '{"format":1,');
    put(`devices/${'c'.repeat(16)}/device.json`, Buffer.alloc(3 << 20, 32));
    put(`devices/${'b'.repeat(16)}/device.json`, readFileSync(join(aDir, 'device.json')));
    // A key change nobody made.
    put('keys/e-2.json', JSON.stringify({ body: '{}', macPrev: 'x', macNew: 'y', signature: 'z' }));
    // 256 MB of junk under a segment's name: sparse, so the test is fast; refused by its size.
    const big = join(root, 'devices', A.device, 'j-1-00000700.cjl');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 256 << 20);
    closeSync(fd);
    bad.push(`devices/${A.device}/j-1-00000700.cjl`);

    const before = B.dump();
    const journal = B.store.db.prepare('SELECT count(*) FROM journal').pluck().get();
    const rss = process.memoryUsage().rss;
    const t = performance.now();
    const r = await B.sync();
    const ms = performance.now() - t;
    expect(ms).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 << 20);
    expect(r.ingested.applied).toBe(0);
    expect(B.dump()).toBe(before);
    expect(B.store.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(journal);
    const listed = problemPaths(B);
    expect(bad.filter((p) => !listed.has(p))).toEqual([]);
    // A second round (as the app runs every 20 s) is as calm, and real work still gets through.
    await B.sync();
    A.type((w) => w.create('client', { ref: 'K-NA', last_name: 'Na de storm' }));
    await A.sync();
    cloud.propagate();
    await B.sync();
    expect(B.dump()).toContain('Na de storm');
    expectSameDumps([A, B]);
  }, 60_000);

  it('does not let a forged snapshot take over a new laptop', async () => {
    const { cloud, A, B } = await teamOfTwo(7);
    await A.sync({ snapshot: true });
    cloud.propagate();
    const root = rootOf(B.folder);
    const team = readTeamFile(root)!;
    const bId = await openTeam(B.store, root, team, B.keys);
    // B, a team member, makes a page image with a trigger, a row no journal entry explains, a
    // pinned key of its choosing and meta - and claims it covers far more than the real one.
    const evil = join(cloud.base, 'evil.sqlite');
    writeSnapshotImage(B.store, evil);
    const img = new Database(evil);
    // ... plus tables a real image does not have, with the app's own definitions.
    for (const t of ['clients', 'sync_devices', 'meta'])
      img.exec(B.store.db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string);
    img.exec(`
      CREATE TRIGGER evil AFTER INSERT ON clients BEGIN UPDATE clients SET last_name = 'Overgenomen'; END;
      INSERT INTO clients(id, ref, last_name) VALUES ('evil-row', 'K-EVIL', 'Stiekem');
      INSERT INTO sync_devices(device, public_key, first_seen) VALUES ('${'a'.repeat(16)}', 'bad', 'x');
      INSERT OR REPLACE INTO meta(key, value) VALUES ('sync_trust', '{"epoch":1,"members":null,"revoked":{}}');`);
    const count = img.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    img.close();
    // Each claims more than the one before, so all are tried before B's own (seq 50).
    const vector = (seq: number) => ({
      [`${A.device}.1`]: { upTo: 900 + seq, extra: [] },
      [`${B.device}.1`]: { upTo: 900, extra: [] },
    });
    const header = (device: string, seq: number): FileHeader => ({
      format: FORMAT,
      kind: 'snapshot',
      team: team.team,
      device,
      epoch: 1,
      seq,
      count,
      created: Date.UTC(2099, 0, 1),
      schema: 1,
      maxHlc: B.store.clock.current(),
      vector: vector(seq),
    });
    const put = async (device: string, seq: number, signer = bId.signer) => {
      const target = snapshotPath(root, 1, device, seq);
      await writeStreamedFile(target, header(device, seq), evil, bId, signer);
    };
    await put(B.device, 50); // B's own, signed by B: accepted, but restored by rows only
    await put(A.device, 51); // B signing for A
    await put('9'.repeat(16), 52, newDeviceKeys().privateKey); // an unknown key
    // The real snapshot with its vector changed after signing.
    const real = readdirSync(join(root, 'snapshots', '1')).find((n) => n.startsWith(`s-${A.device}`))!;
    const data = readFileSync(join(root, 'snapshots', '1', real));
    // (a vector claiming more than anything else, so it is tried first)
    const hlen = data.readUInt32BE(4);
    const h = JSON.parse(data.subarray(8, 8 + hlen).toString('utf8')) as FileHeader;
    h.vector = { [`${A.device}.1`]: { upTo: 5000, extra: [] } };
    const hjson = Buffer.from(JSON.stringify(h));
    const hl = Buffer.alloc(4);
    hl.writeUInt32BE(hjson.length);
    const tampered = Buffer.concat([data.subarray(0, 4), hl, hjson, data.subarray(8 + hlen)]);
    const tamperedPath = join(root, 'snapshots', '1', `s-${A.device}-00000060.csnap`);
    writeFileSync(tamperedPath, tampered);
    writeFileSync(join(root, 'snapshots', '1', `s-${A.device}-00000061.csnap`), randomBytes(5000));

    // A new laptop joins in B's folder view.
    const N = cloud.laptop('n');
    cloud.teamOwner = A;
    cloud.propagate();
    for (const f of readdirSync(join(root, 'snapshots', '1')))
      copyFileSync(join(root, 'snapshots', '1', f), join(rootOf(N.folder), 'snapshots', '1', f));
    await N.join();
    const r = await N.sync();
    expect(r.bootstrapped).toBe(true);
    const problems = problemPaths(N);
    for (const name of [
      `s-${A.device}-00000051.csnap`,
      `s-${'9'.repeat(16)}-00000052.csnap`,
      `s-${A.device}-00000060.csnap`,
    ])
      expect(
        [...problems].some((p) => p.endsWith(name)),
        name,
      ).toBe(true);
    // Whatever was restored came through the journal's rules only.
    expect(N.store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'evil'").pluck().get()).toBe(0);
    expect(N.store.db.prepare("SELECT count(*) FROM clients WHERE ref = 'K-EVIL'").pluck().get()).toBe(0);
    expect(N.store.db.prepare('SELECT count(*) FROM sync_devices WHERE public_key = ?').pluck().get('bad')).toBe(0);
    expect(N.dump()).not.toContain('Overgenomen');
    await cloud.settle();
    expectSameDumps([A, B, N]);
  }, 60_000);
});
