// Daily local backups on real SQLite files: a consistent, owner-only, self-contained copy;
// rotation (7 daily, 4 weekly, Amsterdam days); once a day; listing only our own files.
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, parseBackupName } from '../../../db/model/backup.js';
import { createBackup, listBackups, rotateBackups, storeBackupDir } from '../../../db/backup/backup.js';
import { inspectDatabase } from '../../../db/backup/restore.js';
import { dayOf, isoWeekOf, planRotation } from '../../../db/backup/rotation.js';
import { runDailyBackup } from '../../../db/backup/schedule.js';
import { Store } from '../../../db/journal/store.js';
import { tempDir, tempStore } from '../helpers.js';

const DAY = 86_400_000;
const posix = process.platform !== 'win32';

function withClients(store: Store, n: number, prefix = 'K'): void {
  store.write('t', (w) => {
    for (let i = 0; i < n; i++) w.create('client', { ref: `${prefix}${i}`, last_name: `Jansen ${i}` });
  });
}

describe('a backup', () => {
  it('is a consistent, self-contained copy of the database with everything in it', async () => {
    const store = tempStore();
    withClients(store, 25);
    store.write('t', (w) => w.create('employer', { ref: 'W1', name: 'Bakkerij De Korenaar' }));
    const info = await createBackup(store, { now: Date.UTC(2026, 11, 1, 9, 30, 0) });
    expect(info).toMatchObject({
      name: 'caseload-20261201-093000-handmatig.sqlite',
      kind: 'manual',
      day: '2026-12-01',
    });
    expect(info.file).toBe(join(storeBackupDir(store), info.name));
    // Rollback journal, not WAL: nothing is lost when only this one file is copied elsewhere.
    expect(readFileSync(info.file)[18]).toBe(1);
    expect(inspectDatabase(info.file, { full: true })).toMatchObject({
      counts: { clients: 25, employers: 1, vacancies: 0 },
      device: store.device,
    });
    store.close();
  });

  it.skipIf(!posix)('is readable by its owner only, in a folder only its owner can open', async () => {
    const store = tempStore();
    const info = await createBackup(store);
    expect(statSync(info.file).mode & 0o777).toBe(0o600);
    expect(statSync(storeBackupDir(store)).mode & 0o777).toBe(0o700);
    store.close();
  });

  it('keeps working while the app writes, and two backups in one second get different names', async () => {
    const store = tempStore();
    withClients(store, 10);
    const now = Date.UTC(2026, 11, 1, 12, 0, 0);
    const pending = createBackup(store, { now });
    withClients(store, 5, 'N');
    const [a, b] = await Promise.all([pending, createBackup(store, { now })]);
    expect(a!.name).not.toBe(b!.name);
    expect(inspectDatabase(a!.file).counts.clients).toBeGreaterThanOrEqual(10);
    store.close();
  });

  it('is refused for a database that lives in memory', async () => {
    const store = Store.open(':memory:');
    await expect(createBackup(store)).rejects.toMatchObject({ code: 'not_available' });
    store.close();
  });
});

describe('the backup folder', () => {
  it('lists only backup files, newest first, ignoring temp files, links and look-alikes', async () => {
    const store = tempStore();
    const dir = storeBackupDir(store);
    await createBackup(store, { now: Date.UTC(2026, 10, 1), kind: 'daily' });
    await createBackup(store, { now: Date.UTC(2026, 10, 3), kind: 'safety' });
    writeFileSync(join(dir, '.caseload-20261102-000000.sqlite.ab12.part'), 'x');
    writeFileSync(join(dir, 'caseload-20261399-000000.sqlite'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    if (posix) symlinkSync('/etc/passwd', join(dir, 'caseload-20261104-000000.sqlite'));
    expect(listBackups(dir).map((b) => [b.name, b.kind])).toEqual([
      ['caseload-20261103-000000-voor-terugzetten.sqlite', 'safety'],
      ['caseload-20261101-000000.sqlite', 'daily'],
    ]);
    store.close();
  });

  it('names a backup after its moment in UTC and reads the name back', () => {
    const ms = Date.UTC(2026, 0, 31, 23, 5, 9);
    expect(backupName(ms, 'daily')).toBe('caseload-20260131-230509.sqlite');
    expect(parseBackupName('caseload-20260131-230509.sqlite')).toEqual({
      createdAt: new Date(ms).toISOString(),
      kind: 'daily',
    });
    for (const bad of [
      'caseload-20260231-000000.sqlite',
      '../caseload-20260101-000000.sqlite',
      'caseload-20260101-000000.sqlite.exe',
    ])
      expect(parseBackupName(bad), bad).toBeNull();
  });
});

describe('rotation', () => {
  const at = (iso: string) => ({ name: `b-${iso}`, createdAt: new Date(iso).toISOString() });

  it('keeps the newest backup of each of the last 7 days and of each of the last 4 weeks', () => {
    // One backup a day for 60 days up to Monday 30 November 2026, plus a second one on the last day.
    const days = Array.from({ length: 60 }, (_, i) => at(new Date(Date.UTC(2026, 10, 30, 8) - i * DAY).toISOString()));
    const extra = at('2026-11-30T15:00:00Z');
    const doomed = planRotation([...days, extra]);
    const kept = [...days, extra]
      .filter((b) => !doomed.includes(b.name))
      .map((b) => b.createdAt.slice(0, 10))
      .sort()
      .reverse();
    expect(kept).toEqual(
      [
        // 7 daily: 30 November (the newer of two) back to 24 November
        '2026-11-30',
        '2026-11-29',
        '2026-11-28',
        '2026-11-27',
        '2026-11-26',
        '2026-11-25',
        '2026-11-24',
        // 4 weekly (Sundays are the newest of their ISO week): W48 is kept by the dailies already
        '2026-11-22',
        '2026-11-15',
      ].filter((d, i, all) => all.indexOf(d) === i),
    );
    expect(doomed).toContain(days[0]!.name); // 30 November 08:00, not the newest of its day
    expect(kept).toHaveLength(9);
  });

  it('counts days and weeks in Amsterdam time, not UTC', () => {
    expect(dayOf('2026-11-30T23:30:00Z')).toBe('2026-12-01');
    expect(dayOf('2026-07-01T22:30:00Z')).toBe('2026-07-02');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });

  it('deletes the files it does not keep', async () => {
    const store = tempStore();
    const dir = storeBackupDir(store);
    for (let i = 0; i < 12; i++) await createBackup(store, { now: Date.UTC(2026, 10, 30, 8) - i * DAY, kind: 'daily' });
    const deleted = rotateBackups(dir);
    expect(deleted.length).toBeGreaterThan(0);
    expect(listBackups(dir).length).toBe(12 - deleted.length);
    expect(
      listBackups(dir)
        .map((b) => b.day)
        .slice(0, 7),
    ).toEqual(['2026-11-30', '2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24']);
    store.close();
  });
});

describe('the daily backup', () => {
  it('is made once per Amsterdam day, and rotates', async () => {
    const store = tempStore();
    withClients(store, 3);
    const dir = join(tempDir(), 'backups');
    const monday = Date.UTC(2026, 10, 30, 7);
    expect(await runDailyBackup(store, { dir, now: monday })).toMatchObject({ kind: 'daily', day: '2026-11-30' });
    expect(await runDailyBackup(store, { dir, now: monday + 3 * 3_600_000 })).toBeNull();
    // 23:30 UTC is already Tuesday in Amsterdam.
    expect(await runDailyBackup(store, { dir, now: Date.UTC(2026, 10, 30, 23, 30) })).toMatchObject({
      day: '2026-12-01',
    });
    expect(listBackups(dir)).toHaveLength(2);
    store.close();
  });
});
