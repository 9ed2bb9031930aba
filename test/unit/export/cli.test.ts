// `caseload export wbs|gws|vum`: exit codes of CONTRACTS.md (0 done, 1 refused and nothing
// written, 2 usage), problems per record and field on stderr, the shared export folder.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { bin, cli, tempDir } from '../helpers.js';
import { seedCaseload, update } from './fixture.js';

function seededDb(): string {
  const file = join(tempDir(), 'caseload.sqlite');
  const store = Store.open(file);
  seedCaseload(store);
  store.close();
  return file;
}

describe('caseload export', () => {
  it('writes a batch, then says there is nothing new (as a real process)', () => {
    const db = seededDb();
    const out = tempDir();
    const first = bin(['--db', db, 'export', 'wbs', '--out', out], { CASELOAD_USER: 'mvisser' });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /Batch wbs-\d{8}-\d{6}-[0-9a-f]{6} voor WBS \(UWV\) geschreven: 2 wbs-vacatures\.csv, 2 wbs-werkgevers\.csv/,
    );
    const second = bin(['--db', db, 'export', 'wbs', '--out', out]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Niets nieuws of gewijzigd/);
    expect(readdirSync(out)).toHaveLength(1);
  });

  it('refuses with exit 1 and lists every problem by record and field when data are invalid', async () => {
    const db = seededDb();
    const store = Store.open(db);
    update(store, 'employers', { ref: 'W000002', kvk: null });
    store.close();
    const out = join(tempDir(), 'batches');
    const r = await cli(['--db', db, 'export', 'wbs', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err.slice(0, 2)).toEqual([
      'V000002: KvK-nummer: is verplicht maar leeg',
      'W000002: KvK-nummer: is verplicht maar leeg',
    ]);
    expect(r.err[2]).toMatch(/niets geschreven.*--valid-only/);
    expect(existsSync(out)).toBe(false);
    const valid = await cli(['--db', db, 'export', 'wbs', '--out', out, '--valid-only']);
    expect(valid.code).toBe(0);
    expect(valid.err).toEqual([
      'in de wachtrij: V000002: KvK-nummer: is verplicht maar leeg',
      'in de wachtrij: W000002: KvK-nummer: is verplicht maar leeg',
    ]);
    expect(valid.out[0]).toMatch(
      /1 wbs-vacatures\.csv, 1 wbs-werkgevers\.csv\. 2 record\(s\) met problemen blijven in de wachtrij/,
    );
  });

  it("puts the batch in the target's subfolder of the shared export folder", async () => {
    const db = seededDb();
    const shared = tempDir();
    const r = await cli(['--db', db, 'export', 'vum', '--shared', shared]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(shared, 'vum'))).toHaveLength(1);
    expect(r.out[1]).toBe(join(shared, 'vum', readdirSync(join(shared, 'vum'))[0]!));
  });

  it('exits 2 on a missing or unknown target and a missing folder', async () => {
    const db = seededDb();
    expect((await cli(['--db', db, 'export', '--out', tempDir()])).code).toBe(2);
    expect((await cli(['--db', db, 'export', 'sonar', '--out', tempDir()])).code).toBe(2);
    const noOut = await cli(['--db', db, 'export', 'gws']);
    expect(noOut.code).toBe(2);
    expect(noOut.err[0]).toMatch(/--out DIR is verplicht/);
  });
});
