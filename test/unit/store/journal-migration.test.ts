// Migration 0008 (the lean journal) on a database made by the version before it
// (test/fixtures/journal-v1.*: one journal row per field change, its dump, the change histories
// of five clients and a report, all taken with that version). After converting, the dump, the
// histories and the report are the same; the journal is smaller; a converted laptop and a new
// one converge through the shared folder.
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { dumpLines } from '../../../db/records/read.js';
import { runReport } from '../../../db/reports/run.js';
import { pendingChanges } from '../../../db/sync/publish.js';
import { changesOf } from '../../../db/work/history.js';
import { tempDir } from '../helpers.js';
import { Cloud, expectSameDumps } from '../sync/harness.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'journal-v1.expected.json'), 'utf8')) as {
  ids: string[];
  history: { hlc: string; field: string; old: unknown; new: unknown; user: string }[][];
  report: { from: string; to: string; as_of: string };
};
const NOW = Date.UTC(2026, 11, 1, 9);

function oldCopy(dir = tempDir(), name = 'old.sqlite'): string {
  const file = join(dir, name);
  copyFileSync(join(FIXTURES, 'journal-v1.caseload-db'), file);
  return file;
}

describe('migration 0008: the lean journal', () => {
  it('keeps the dump, every change history and the report of a database made by the previous version', () => {
    const file = oldCopy();
    const raw = new Database(file);
    const before = raw.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    expect(raw.prepare("SELECT count(*) FROM schema_migrations WHERE name = '0008-lean-journal'").pluck().get()).toBe(
      0,
    );
    raw.close();

    const store = Store.open(file, { now: () => NOW });
    expect([...dumpLines(store)].join('\n') + '\n').toBe(readFileSync(join(FIXTURES, 'journal-v1.dump.jsonl'), 'utf8'));
    const histories = expected.ids.map((id) =>
      changesOf(store, 'client', id, 'klantmanager').map((e) => ({
        hlc: e.hlc,
        field: e.field,
        old: e.old,
        new: e.new,
        user: e.user,
      })),
    );
    expect(histories).toEqual(expected.history);
    const { from, to, as_of } = expected.report;
    expect(
      JSON.parse(JSON.stringify(runReport(store, 'caseload-development', { from, to, as_of, detail: true }).data)),
    ).toEqual(expected.report);
    expect(verifyJournal(store)).toEqual([]);
    // The per-change index is gone; the journal has fewer rows (never more) than changes before.
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'journal_field'").pluck().get()).toBe(0);
    const after = store.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    const changes = store.db.prepare('SELECT count(*) FROM journal_changes').pluck().get() as number;
    expect(changes).toBe(before);
    expect(after).toBeLessThanOrEqual(before);
    store.close();
  });

  it('moves the publish mark so that no unpublished change is skipped', () => {
    const file = oldCopy();
    const raw = new Database(file);
    const total = raw.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    // As if the first 1,000 changes had been published to the shared folder.
    raw.prepare("INSERT INTO meta(key, value) VALUES ('sync_published', '1000')").run();
    raw.close();
    const store = Store.open(file, { now: () => NOW });
    const pending = pendingChanges(store);
    expect(pending).toBeGreaterThanOrEqual(total - 1000);
    expect(pending).toBeLessThan(total);
    store.close();
  });

  it('syncs a converted laptop with a new one until both have the same data', async () => {
    const cloud = new Cloud(8, NOW);
    oldCopy(cloud.base, 'old.sqlite');
    const old = cloud.laptop('old');
    const fresh = cloud.laptop('new');
    await old.create();
    cloud.propagate();
    await fresh.join();
    await old.sync();
    cloud.propagate();
    await fresh.sync();
    const k1 = fresh.idOf('clients', 'K000001');
    fresh.edit('client', k1, { city: 'Marknesse' });
    old.edit('client', old.idOf('clients', 'K000002'), { phone: '06-99998888' });
    for (let i = 0; i < 2; i++) {
      await old.sync();
      await fresh.sync();
      cloud.propagate();
    }
    await old.sync();
    await fresh.sync();
    expectSameDumps([old, fresh]);
    expect(old.dump()).toContain('"city":"Marknesse"');
    expect(fresh.dump()).toContain('"phone":"06-99998888"');
    for (const l of [old, fresh]) expect(verifyJournal(l.store)).toEqual([]);
  }, 60_000);
});
