// Roles in a team (issue 12): the person who creates a team is its beheerder; a laptop that joins
// starts as its own user with role klantmanager (accountmanager) - not as a beheerder, even when
// its OS account has the same name as the creator's - until a beheerder assigns another role.
// Through the real command line, a real shared folder and real SQLite files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { createApi } from '../../../db/api/dispatch.js';
import { cli, tempDir } from '../helpers.js';

const env = { CASELOAD_SYNC_PASSPHRASE: 'twaalf-tekens-of-meer' };

function users(file: string) {
  const store = Store.open(file);
  const rows = store.db
    .prepare('SELECT id, display_name, role, pin_hash IS NOT NULL AS hasPin FROM users ORDER BY ref')
    .all() as { id: string; display_name: string; role: string; hasPin: number }[];
  store.close();
  return rows;
}

describe('roles in a team', () => {
  it('makes the creator beheerder and a joining laptop klantmanager until a beheerder says otherwise', async () => {
    const dir = tempDir();
    const folder = join(dir, 'gedeeld');
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    // Both laptops run under the same OS account name (a municipal laptop image).
    const same = { ...env, CASELOAD_USER: '' };
    expect(
      (await cli(['--db', a, 'sync', '--folder', folder, '--create-team', '--device-name', 'Emmeloord'], same)).code,
    ).toBe(0);
    const [creator] = users(a);
    expect(creator).toMatchObject({ role: 'beheerder', hasPin: 0 });
    expect((await cli(['--db', a, 'dump'], same)).code).toBe(0);

    expect((await cli(['--db', b, 'sync', '--folder', folder, '--join', '--device-name', 'Urk'], same)).code).toBe(0);
    const onB = users(b);
    const joined = onB.find((u) => u.id !== creator!.id)!;
    expect(joined).toMatchObject({ role: 'klantmanager', display_name: `${creator!.display_name} (Urk)` });
    // The joined laptop's command line runs as its own user: a klantmanager may not dump everything.
    const dump = await cli(['--db', b, 'dump'], same);
    expect(dump.code).toBe(1);
    expect(dump.err.join('\n')).toContain('Uw rol mag deze actie niet uitvoeren.');

    // The new user reaches the team with B's next round; the beheerder makes them a manager on
    // laptop A, and that reaches B with the rounds after.
    expect((await cli(['--db', b, 'sync', '--folder', folder], same)).code).toBe(0);
    expect((await cli(['--db', a, 'sync', '--folder', folder], same)).code).toBe(0);
    const storeA = Store.open(a);
    const admin = createApi(storeA, { user: creator!.id, name: creator!.display_name, role: 'beheerder' });
    expect((await admin.call('users.update', { id: joined.id, role: 'manager' })).ok).toBe(true);
    storeA.close();
    expect((await cli(['--db', a, 'sync', '--folder', folder], same)).code).toBe(0);
    expect((await cli(['--db', b, 'sync', '--folder', folder], same)).code).toBe(0);
    expect(users(b).find((u) => u.id === joined.id)!.role).toBe('manager');
    // A manager may import, a klantmanager may not: the role now applies on B.
    const imp = await cli(['--db', b, 'import', join(dir, 'geen.csv'), '--kind', 'clients'], same);
    expect(imp.err.join('\n')).not.toContain('Uw rol mag');
  });
});
