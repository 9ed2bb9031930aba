// `caseload sync --folder DIR` as people and scripts use it: team setup with the passphrase from
// CASELOAD_SYNC_PASSPHRASE, refusals with exit 1 and a clear message, usage errors with exit 2,
// the round's summary as JSON on stdout.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

describe('caseload sync', () => {
  it('creates a team, joins it, refuses a wrong or missing passphrase and gives the same dump', async () => {
    const folder = tempDir();
    const dir = tempDir();
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const env = { CASELOAD_SYNC_PASSPHRASE: 'teamgeheim 2026' };
    expect((await cli(['--db', a, 'demo', '--clients', '15', '--seed', '4'])).code).toBe(0);

    expect((await cli(['--db', a, 'sync', '--folder', folder], env)).code, 'no team yet').toBe(2);
    expect((await cli(['--db', a, 'sync', '--folder', folder, '--create-team', '--join'], env)).code).toBe(2);
    expect((await cli(['--db', a, 'sync'], env)).code, '--folder is required').toBe(2);

    const created = await cli(
      ['--db', a, 'sync', '--folder', folder, '--create-team', '--device-name', 'Laptop Emmeloord'],
      env,
    );
    expect(created.code).toBe(0);
    const summary = JSON.parse(created.out.join('\n')) as { published: { changes: number }; pending: number };
    expect(summary.published.changes).toBeGreaterThan(100);
    expect(summary.pending).toBe(0);

    const wrong = await cli(['--db', b, 'sync', '--folder', folder, '--join'], { CASELOAD_SYNC_PASSPHRASE: 'geraden' });
    expect(wrong.code).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/Onjuist teamwachtwoord: er is niets toegepast\. \(Wrong team passphrase/);
    expect((await cli(['--db', b, 'dump'])).out).toEqual([]);

    const none = await cli(['--db', b, 'sync', '--folder', folder, '--join'], {});
    expect(none.code).toBe(1);
    expect(none.err.join('\n')).toMatch(/CASELOAD_SYNC_PASSPHRASE/);

    const joined = await cli(['--db', b, 'sync', '--folder', folder, '--join'], env);
    expect(joined.code).toBe(0);
    expect(JSON.parse(joined.out.join('\n')).ingested.applied).toBe(summary.published.changes);
    // A joined laptop runs as a klantmanager, who may not dump: the team's beheerder (the creator,
    // U000001) may, on any laptop (issue 12).
    expect((await cli(['--db', b, 'dump'], { CASELOAD_USER: 'U000001' })).out).toEqual(
      (await cli(['--db', a, 'dump'])).out,
    );

    // A later round on a joined laptop needs the passphrase again; a wrong one applies nothing.
    expect((await cli(['--db', a, 'sync', '--folder', folder], { CASELOAD_SYNC_PASSPHRASE: 'fout' })).code).toBe(1);
    expect((await cli(['--db', a, 'sync', '--folder', folder], env)).code).toBe(0);
  });
});
