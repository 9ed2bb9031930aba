// `caseload team devices` and `caseload team remove-device` (CONTRACTS.md), through the same
// contract methods as the Synchronisatie screen: one JSON object a line; a removal needs a new
// passphrase of at least 12 characters and a beheerder; the removed laptop is out afterwards.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const OLD = 'teamgeheim 2026';
const NEW = 'nieuw teamgeheim 2026';

describe('caseload team', () => {
  it('lists the laptops and removes one by name with a new passphrase from the environment', async () => {
    const folder = tempDir();
    const dir = tempDir();
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const env = { CASELOAD_SYNC_PASSPHRASE: OLD };
    const sync = (db: string, extra: string[], e: NodeJS.ProcessEnv = env) =>
      cli(['--db', db, 'sync', '--folder', folder, ...extra], e);
    expect((await sync(a, ['--create-team', '--device-name', 'Laptop Emmeloord'])).code).toBe(0);
    expect((await sync(b, ['--join', '--device-name', 'Laptop Urk'])).code).toBe(0);
    expect((await sync(a, [])).code).toBe(0);

    expect((await cli(['--db', a, 'team', 'devices'], env)).code, '--folder is required').toBe(2);
    expect((await cli(['--db', a, 'team', 'wat', '--folder', folder], env)).code).toBe(2);
    const listed = await cli(['--db', a, 'team', 'devices', '--folder', folder], env);
    expect(listed.code).toBe(0);
    const devices = listed.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(devices.map((d) => [d.name, d.removed])).toEqual([
      ['Laptop Emmeloord', false],
      ['Laptop Urk', false],
    ]);
    expect(Object.keys(devices[0]!)).toEqual(['device', 'name', 'lastSeen', 'removed']);
    const urk = devices[1]!.device as string;

    const short = await cli(['--db', a, 'team', 'remove-device', 'Laptop Urk', '--folder', folder], {
      ...env,
      CASELOAD_SYNC_NEW_PASSPHRASE: 'te kort',
    });
    expect(short.code).toBe(1);
    expect(short.err.join('\n')).toMatch(/minstens 12 tekens/);
    const noNew = await cli(['--db', a, 'team', 'remove-device', 'Laptop Urk', '--folder', folder], env);
    expect(noNew.code).toBe(1);
    expect(noNew.err.join('\n')).toMatch(/CASELOAD_SYNC_NEW_PASSPHRASE/);
    const self = await cli(['--db', a, 'team', 'remove-device', 'Laptop Emmeloord', '--folder', folder], {
      ...env,
      CASELOAD_SYNC_NEW_PASSPHRASE: NEW,
    });
    expect(self.code).toBe(1);
    expect(self.err.join('\n')).toMatch(/zichzelf/);

    const removed = await cli(['--db', a, 'team', 'remove-device', 'laptop urk', '--folder', folder], {
      ...env,
      CASELOAD_SYNC_NEW_PASSPHRASE: NEW,
    });
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.out[0]!)).toMatchObject({ removed: { device: urk, name: 'Laptop Urk' }, keyEpoch: 2 });

    // After a removal the command line unlocks with the new passphrase (it keeps no key).
    const after = await cli(['--db', a, 'team', 'devices', '--folder', folder], { CASELOAD_SYNC_PASSPHRASE: NEW });
    expect(after.out.map((l) => (JSON.parse(l) as { removed: boolean }).removed)).toEqual([false, true]);
    expect((await sync(a, [], { CASELOAD_SYNC_PASSPHRASE: NEW })).code).toBe(0);
    const out = await sync(b, [], { CASELOAD_SYNC_PASSPHRASE: NEW });
    expect(out.code).toBe(1);
    expect(out.err.join('\n')).toMatch(/uit het team verwijderd/);
  }, 60_000);
});
