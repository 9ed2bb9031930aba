import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api/dispatch.js';
import { importFile } from '../../../db/exchange/import.js';
import { loadDemo } from '../../../db/demo/generate.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { rowChanges, type StoredChange } from '../../../db/journal/entries.js';
import { ENTITIES } from '../../../db/model/entities.js';
import type { Store } from '../../../db/journal/store.js';
import { Clock } from '../../../db/journal/hlc.js';
import type { FieldChange } from '../../../db/journal/write.js';
import { REPO, bsnFrom, tempDir, tempStore, writeFile } from '../helpers.js';

const journalCount = (s: Store) => s.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;

describe('journal', () => {
  it('records each changed field with clock, device and user in the same transaction', () => {
    const store = tempStore();
    const id = store.write('jdevries', (w) =>
      w.create('client', { ref: 'K1', last_name: 'Jansen', target_groups: ['statushouder', 'banenafspraak'] }),
    );
    // One write is one journal row: its fields packed by number, one clock, the user.
    expect(journalCount(store)).toBe(1);
    const pick = ({ field, value, device, user, base_hlc }: StoredChange) => ({ field, value, device, user, base_hlc });
    expect(rowChanges(store, 'client', id).map(pick)).toEqual([
      { field: 'ref', value: 'K1', device: store.device, user: 'jdevries', base_hlc: null },
      { field: 'last_name', value: 'Jansen', device: store.device, user: 'jdevries', base_hlc: null },
      {
        field: 'target_groups',
        value: ['banenafspraak', 'statushouder'],
        device: store.device,
        user: 'jdevries',
        base_hlc: null,
      },
    ]);
    const created = rowChanges(store, 'client', id)[0]!;
    expect(new Set(rowChanges(store, 'client', id).map((c) => c.hlc))).toEqual(new Set([created.hlc]));
    expect(created.at).toBeGreaterThan(0);
    expect(created.at).toBeLessThanOrEqual(store.now());
    const before = journalCount(store);
    store.write('jdevries', (w) => w.update('client', id, { last_name: 'Jansen', city: 'Urk' }));
    expect(journalCount(store)).toBe(before + 1);
    const last = rowChanges(store, 'client', id).at(-1)!;
    expect(last.field).toBe('city');
    expect(last.base_hlc).toBeNull();
    store.write('jdevries', (w) => w.update('client', id, { city: 'Emmeloord' }));
    // A changed field keeps the clock it replaced as its base (conflict detection).
    expect(rowChanges(store, 'client', id).at(-1)).toMatchObject({ field: 'city', base_hlc: last.hlc });
  });

  it('writes nothing at all when a write fails halfway', () => {
    const store = tempStore();
    const before = journalCount(store);
    expect(() =>
      store.write('u', (w) => {
        w.create('client', { ref: 'K1', last_name: 'Jansen' });
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(journalCount(store)).toBe(before);
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });

  it('refuses fields that are not registered', () => {
    const store = tempStore();
    expect(() => store.write('u', (w) => w.create('client', { ref: 'K1', salary: 10 }))).toThrow(/Onbekend veld/);
  });

  it('every write path leaves rows that replay exactly from the journal', async () => {
    const store = tempStore();
    const dir = tempDir();
    loadDemo(store, { clients: 40, seed: 7, today: '2026-06-30' });
    const api = createApi(store);
    const created = await api.call('clients.create', {
      last_name: 'Bakker',
      bsn: bsnFrom('11122233'),
      intake_date: '2026-01-05',
      referrer: 'uwv',
    });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    expect(
      (await api.call('clients.update', { id, fields: { city: 'Ens', exit_date: '2026-03-01', exit_reason: 'moved' } }))
        .ok,
    ).toBe(true);
    const csv = writeFile(dir, 'employers.csv', 'ref;name;kvk\nW9;Bouwbedrijf Test;12345678\n');
    expect((await importFile(store, 'u', { file: csv, kind: 'employers' })).ok).toBe(true);
    store.write('u', (w) =>
      w.remove('employer', store.db.prepare("SELECT id FROM employers WHERE ref = 'W9'").pluck().get() as string),
    );
    expect(verifyJournal(store)).toEqual([]);
  });

  it('applies remote changes one by one against the history as it is, after any other write in between', () => {
    const store = tempStore();
    // A laptop whose clock ran an hour behind: its changes are older than anything written here.
    const remote = new Clock('remote0000000009', null, () => store.now() - 3_600_000);
    const id = '0190a0b0-0000-7000-8000-000000000001';
    const change = (field: string, value: string, hlc: string): FieldChange => ({
      entity: 'contact',
      row_id: id,
      field,
      value,
      hlc,
      base_hlc: null,
      device: 'remote0000000009',
      user: 'm.visser',
    });
    const [h1, h2, h3] = [remote.tick(), remote.tick(), remote.tick()];
    const summary = () => store.db.prepare('SELECT summary FROM contacts WHERE id = ?').pluck().get(id);
    store.write('sync', (w) => {
      expect(w.applyChange(change('date', '2025-06-01', h1))).toBe(true);
      expect(w.applyChange(change('summary', 'van elders', h1))).toBe(true);
      // The same change again is journaled once.
      expect(w.applyChange(change('summary', 'van elders', h1))).toBe(false);
      // A local edit in between: its clock is newer than the remote laptop's next change.
      w.update('contact', id, { summary: 'hier gewijzigd' });
      expect(w.applyChange(change('summary', 'later van elders', h2))).toBe(false);
      // A delete behind the writer's back (as a purge does) is seen too: the history is read again.
      store.db.prepare('DELETE FROM journal WHERE row_id = ? AND hlc = ?').run(id, h1);
      expect(w.applyChange(change('date', '2025-06-01', h1))).toBe(true);
      expect(w.applyChange(change('kind', 'phone', h3))).toBe(true);
    });
    expect(summary()).toBe('hier gewijzigd');
    // A write that is rolled back takes what it applied with it: the same change applies again.
    const h4 = remote.tick();
    expect(() =>
      store.write('sync', (w) => {
        expect(w.applyChange(change('summary', 'teruggedraaid', h4))).toBe(false);
        expect(w.applyChange(change('kind', 'visit', h4))).toBe(true);
        throw new Error('segment geweigerd');
      }),
    ).toThrow('segment geweigerd');
    expect(store.write('sync', (w) => w.applyChange(change('kind', 'visit', h4)))).toBe(true);
    expect(store.db.prepare('SELECT kind FROM contacts WHERE id = ?').pluck().get(id)).toBe('visit');
    expect(
      rowChanges(store, 'contact', id)
        .filter((c) => c.field === 'summary')
        .map((c) => c.value),
    ).toEqual(['hier gewijzigd', 'later van elders']);
  });

  it("notices a row changed behind the journal's back", () => {
    const store = tempStore();
    store.write('u', (w) => w.create('client', { ref: 'K1', last_name: 'Jansen' }));
    store.db.prepare("UPDATE clients SET last_name = 'Smit'").run();
    store.db.prepare("INSERT INTO employers(id, ref, name) VALUES ('x', 'W1', 'Stiekem BV')").run();
    const problems = verifyJournal(store);
    expect(problems).toContainEqual(expect.objectContaining({ entity: 'client', field: 'last_name' }));
    expect(problems).toContainEqual(expect.objectContaining({ entity: 'employer', id: 'x', field: '*' }));
  });

  it('has no code outside the write layer that changes synced tables directly', () => {
    const tables = Object.values(ENTITIES)
      .map((e) => e.table)
      .join('|');
    // SQL in a string, or a Kysely write (`deleteFrom('clients')`).
    const re = new RegExp(
      `\\b(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+["\`]?(${tables})\\b|\\.(insertInto|updateTable|deleteFrom|replaceInto)\\(\\s*['"\`](${tables})\\b`,
      'i',
    );
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) {
          const rel = relative(REPO, p);
          // The write layer itself, migrations (schema/backfills) and the retention purge, which
          // must also erase the journal (DOMAIN.md) and is tested for that, are the only places.
          if (rel === 'db/journal/write.ts' || rel.startsWith('db/store/migrations/') || rel.includes('purge'))
            continue;
          readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (re.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(join(REPO, 'db'));
    walk(join(REPO, 'electron'));
    expect(offenders).toEqual([]);
  });
});
