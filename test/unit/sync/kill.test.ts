// kill -9 during apply: the `caseload sync` process is killed while it applies a big segment
// (its write-ahead log growing shows the transaction is under way). Nothing of the segment may
// remain, the store must be consistent, and the next round must apply the segment in full.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/generate.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { dumpLines } from '../../../db/records/read.js';
import { Store } from '../../../db/journal/store.js';
import { MemoryKeyStore } from '../../../db/sync/keystore.js';
import { runRound, setupSync } from '../../../db/sync/round.js';
import { REPO, tempDir } from '../helpers.js';
import { PASSPHRASE } from './harness.js';

const walSize = (file: string) => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

describe('a sync process killed during apply', () => {
  it('leaves nothing half-applied and the next round applies the whole segment', async () => {
    const folder = tempDir();
    const dir = tempDir();
    const source = Store.open(join(dir, 'source.sqlite'), { deviceName: 'bron' });
    loadDemo(source, { clients: 900, seed: 5, today: '2026-03-01' });
    await setupSync(source, { folder, mode: 'create', passphrase: PASSPHRASE, keyStore: new MemoryKeyStore() });
    const published = await runRound(source, { keyStore: new MemoryKeyStore(), passphrase: async () => PASSPHRASE });
    expect(published.published.segments).toBe(1);
    const changes = published.published.changes;
    expect(changes).toBeGreaterThan(30_000);

    const file = join(dir, 'target.sqlite');
    const target = Store.open(file, { deviceName: 'doel' });
    await setupSync(target, { folder, mode: 'join', passphrase: PASSPHRASE, keyStore: new MemoryKeyStore() });
    const journalBefore = target.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    target.db.pragma('wal_checkpoint(TRUNCATE)');
    target.close();

    const child = spawn(process.execPath, [join(REPO, 'bin/caseload.mjs'), '--db', file, 'sync', '--folder', folder], {
      cwd: REPO,
      env: { ...process.env, CASELOAD_SYNC_PASSPHRASE: PASSPHRASE },
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Killed once the log grows while the segment is not committed yet (a reader sees no ingest
    // record): the log keeps its size after a commit, so its size alone could come too late on
    // a busy machine.
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    const committed = reader.prepare('SELECT count(*) FROM sync_ingested WHERE device = ?').pluck();
    let killedAt = -1;
    const deadline = Date.now() + 60_000;
    while (killedAt < 0 && Date.now() < deadline && child.exitCode === null) {
      const wal = walSize(file);
      if (wal > 1 << 20 && committed.get(source.device) === 0) {
        child.kill('SIGKILL');
        killedAt = wal;
      } else await new Promise((r) => setTimeout(r, 2));
    }
    reader.close();
    const end = await exited;
    expect(end.signal, 'the process was killed, not finished').toBe('SIGKILL');

    const after = Store.open(file);
    expect(after.db.prepare('SELECT count(*) FROM journal').pluck().get(), 'no change of the segment stayed').toBe(
      journalBefore,
    );
    expect(after.db.prepare('SELECT count(*) FROM sync_ingested WHERE device = ?').pluck().get(source.device)).toBe(0);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyJournal(after)).toEqual([]);

    const again = await runRound(after, { keyStore: new MemoryKeyStore(), passphrase: async () => PASSPHRASE });
    expect(again.ingested).toMatchObject({ segments: 1, changes, applied: changes });
    expect([...dumpLines(after)].join('\n')).toBe([...dumpLines(source)].join('\n'));
    after.close();
    source.close();
  });
});
