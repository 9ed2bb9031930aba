// Removing a laptop from the team (issue 12): the removed laptop is locked out both ways - what
// it writes afterwards is applied nowhere, and it cannot read what the others write afterwards -
// while the remaining laptops carry on without typing the new passphrase, and a new laptop joins
// with the new passphrase only.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api/dispatch.js';
import { decodeSegment, BadFile } from '../../../db/sync/container.js';
import { subkey } from '../../../db/sync/crypto.js';
import { MemoryKeyStore } from '../../../db/sync/keystore.js';
import { removeDevice, teamDevices } from '../../../db/sync/remove.js';
import { runRound, setupSync } from '../../../db/sync/round.js';
import { Cloud, PASSPHRASE, expectSameDumps, type Laptop } from './harness.js';

const NEW = 'nieuw teamwachtwoord 2026';

function badKind(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof BadFile ? e.kind : `other: ${(e as Error).message}`;
  }
}

describe('removing a laptop from the team', () => {
  it('locks the removed laptop out both ways; the others carry on; a new laptop joins with the new passphrase', async () => {
    const cloud = new Cloud(12, Date.UTC(2026, 11, 1, 9));
    const [A, B, R] = ['a', 'b', 'r'].map((n) => cloud.laptop(n)) as [Laptop, Laptop, Laptop];
    await A.create();
    A.type((w) => w.create('client', { ref: 'K1', last_name: 'Jansen' }));
    await A.sync();
    cloud.propagate();
    await B.join();
    await R.join();
    R.type((w) => w.create('client', { ref: 'K-R1', last_name: 'Voor het vertrek' }));
    await cloud.settle();
    expect(B.dump()).toContain('Voor het vertrek');

    // Only a beheerder may remove a laptop (the contract checks the role).
    const km = createApi(A.store, { user: 'km', name: 'Klantmanager', role: 'klantmanager' });
    expect(await km.call('sync.removeDevice', { device: R.device, newPassphrase: NEW })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // R's colleague leaves; R is offline (laptop not handed in) and keeps typing.
    cloud.offline.add('r');
    const result = await removeDevice(A.store, {
      keyStore: A.keys,
      device: 'laptop r',
      newPassphrase: NEW,
      actor: 'beheer',
    });
    expect(result).toMatchObject({ removed: { device: R.device, name: 'Laptop r' }, keyEpoch: 2, needPassphrase: [] });
    expect(
      A.store.db.prepare("SELECT object FROM audit_log WHERE action = 'sync.remove_device'").pluck().get(),
    ).toContain(R.device);
    await expect(
      removeDevice(A.store, { keyStore: A.keys, device: R.device, newPassphrase: NEW, actor: 'beheer' }),
    ).rejects.toThrow(/al verwijderd/);

    R.type((w) => w.create('client', { ref: 'K-R2', last_name: 'Na het vertrek' }));
    await R.sync(); // writes its segment under the old key into its own (offline) view
    cloud.propagate();
    // B follows the key change through the wrap made for it: no passphrase asked.
    const asked: string[] = [];
    await runRound(B.store, { keyStore: B.keys, passphrase: async (p) => (asked.push(p), null) });
    expect(asked).toEqual([]);
    B.type((w) => w.create('client', { ref: 'K-B1', last_name: 'Na de sleutelwissel' }));
    for (let i = 0; i < 3; i++) await cloud.round({}, 1); // (settle() waits for the offline R too)
    expect(A.dump()).toContain('Na de sleutelwissel');
    expectSameDumps([A, B]);

    // R comes back online: its later segment reaches everyone but is applied nowhere.
    cloud.offline.delete('r');
    cloud.propagate();
    await A.sync();
    await B.sync();
    for (const l of [A, B]) {
      expect(l.dump(), l.name).toContain('Voor het vertrek');
      expect(l.dump(), l.name).not.toContain('Na het vertrek');
      const problems = l.store.db
        .prepare('SELECT kind FROM sync_problems WHERE path LIKE ?')
        .pluck()
        .all(`devices/${R.device}/%`);
      expect(problems, l.name).toContain('revoked');
    }
    // R itself is told it is out, and publishes nothing more.
    await expect(R.sync()).rejects.toMatchObject({ code: 'sync_removed' });
    expect(
      readdirSync(join(A.folder, 'caseload-sync', 'devices', R.device)).filter((n) => n.endsWith('.cjl')),
    ).toHaveLength(2);

    // R cannot read what B wrote after the removal: not with the key it has, nor by forcing it.
    const bDir = join(R.folder, 'caseload-sync', 'devices', B.device);
    const newest = readdirSync(bDir)
      .filter((n) => n.endsWith('.cjl'))
      .sort()
      .at(-1)!;
    const file = readFileSync(join(bDir, newest));
    const oldKey = (await R.keys.load(
      JSON.parse(readFileSync(join(R.folder, 'caseload-sync', 'team.json'), 'utf8')).team,
    ))!;
    const team = JSON.parse(readFileSync(join(R.folder, 'caseload-sync', 'team.json'), 'utf8')).team as string;
    const bKey = () =>
      B.store.db.prepare('SELECT public_key FROM sync_devices WHERE device = ?').pluck().get(B.device) as string;
    expect(badKind(() => decodeSegment(file, { team, encKey: subkey(oldKey, 'files'), keyEpoch: 1 }, bKey))).toBe(
      'unknown_key',
    );
    expect(badKind(() => decodeSegment(file, { team, encKey: subkey(oldKey, 'files'), keyEpoch: 2 }, bKey))).toBe(
      'decrypt',
    );
    expect(file.includes(Buffer.from('Na de sleutelwissel'))).toBe(false);

    // A new laptop joins with the new passphrase only; the old one no longer opens the team.
    cloud.offline.add('r');
    const N = cloud.laptop('n');
    cloud.propagate();
    await expect(
      setupSync(N.store, { folder: N.folder, mode: 'join', passphrase: PASSPHRASE, keyStore: new MemoryKeyStore() }),
    ).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await setupSync(N.store, { folder: N.folder, mode: 'join', passphrase: NEW, keyStore: N.keys });
    // R's files stay in the shared folder (the harness carries files only from an online owner).
    cloud.offline.delete('r');
    cloud.propagate();
    cloud.offline.add('r');
    await cloud.settle();
    expect(N.dump()).toContain('Voor het vertrek');
    expect(N.dump()).not.toContain('Na het vertrek');
    expect(
      N.store.db.prepare('SELECT kind FROM sync_problems WHERE path LIKE ?').pluck().all(`devices/${R.device}/%`),
    ).toEqual(['revoked']);
    expectSameDumps([A, B, N]);
    expect(teamDevices(N.store).find((d) => d.device === R.device)).toMatchObject({ removed: true });
  }, 60_000);
});
