// Snapshot images carry the journal's packed rows (format 3, db/sync/snapshot-restore.ts): a new laptop
// checks every row by the same rule as a segment's changes and refuses the whole snapshot for one
// bad row - JSON not as the packer writes it, an unknown field number or one written otherwise, a
// value of the wrong type, a clock of another device, a record whose rows are not together. Images
// of one change per row (format 2, written by earlier versions) still restore.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSnapshotImage } from '../../../db/sync/snapshot.js';
import { expand, type PackedRow } from '../../../db/journal/entries.js';
import { fieldNumber } from '../../../db/model/entities.js';
import { formerRefs } from '../../../db/records/refs.js';
import { Cloud, expectSameDumps, type Laptop } from './harness.js';
import { newLaptop, publishAs } from './snapshot-helpers.js';

async function teamOfTwo(): Promise<{ cloud: Cloud; A: Laptop; B: Laptop }> {
  const cloud = new Cloud(11, Date.UTC(2026, 11, 1, 9));
  const A = cloud.laptop('a');
  const B = cloud.laptop('b');
  await A.create();
  A.type((w) => {
    for (let k = 0; k < 30; k++)
      w.create('client', { ref: `K-${k}`, last_name: `Achternaam ${k}`, hours_available: 24, driving_licence: ['B'] });
  });
  A.edit('client', A.idOf('clients', 'K-3'), { city: 'Emmeloord' });
  // Renumbered twice: its earlier numbers travel with the snapshot (ref_history).
  const moved = A.idOf('clients', 'K-5');
  A.edit('client', moved, { ref: 'K-50' });
  A.edit('client', moved, { ref: 'K-51' });
  await A.sync({ snapshot: true });
  cloud.propagate();
  await B.join();
  await cloud.settle();
  return { cloud, A, B };
}

describe('snapshot images', () => {
  it('refuses a packed image with any bad row, names the file, and bootstraps from a good one', async () => {
    const { cloud, A, B } = await teamOfTwo();
    const last = fieldNumber('client', 'last_name')!;
    const hours = fieldNumber('client', 'hours_available')!;
    const other = 'f'.repeat(16);
    // Each: one change to one row of B's real image.
    const mutations: [string, string, RegExp][] = [
      [
        'duplicate key',
        `UPDATE journal SET fields = '{"${last}":"Een","${last}":"Twee"}' WHERE seq = 1`,
        /ongeldige JSON/,
      ],
      ['spaces in the JSON', `UPDATE journal SET fields = replace(fields, ':', ': ') WHERE seq = 1`, /ongeldige JSON/],
      [
        'unknown field number',
        `UPDATE journal SET fields = json_set(fields, '$."900"', 'x') WHERE seq = 1`,
        /onbekend veldnummer/,
      ],
      [
        // "0<n>" is read as field n by Number(): a second value for a field the row already has.
        'field number written otherwise',
        `UPDATE journal SET fields = json_set(fields, '$."0${last}"', 'Anders') WHERE seq = 1`,
        /onbekend veldnummer/,
      ],
      [
        'wrong type',
        `UPDATE journal SET fields = json_set(fields, '$."${hours}"', 'veel') WHERE seq = 1`,
        /hours_available heeft het verkeerde type/,
      ],
      [
        'other device',
        `UPDATE journal SET clocks = '{"${last}":"000000000000001-0000-${other}"}' WHERE seq = 1`,
        /klok van een ander apparaat/,
      ],
      ['counter out of range', `UPDATE journal SET clocks = '{"${last}":70000}' WHERE seq = 1`, /ongeldige klokwaarde/],
      [
        'base of a missing field',
        `UPDATE journal SET bases = '{"77":"000000000000001-0000-${other}"}' WHERE seq = 1`,
        /klok of basis van een veld/,
      ],
      ['a row without fields', `UPDATE journal SET fields = '{}', hlc = 'zzz' WHERE seq = 1`, /regel zonder velden/],
      ['unknown entity', `UPDATE journal SET entity = 'salaris' WHERE seq = 1`, /onbekend soort record/],
      [
        'record not together',
        `INSERT INTO journal(entity, row_id, hlc, user, fields, clocks, bases)
         SELECT entity, row_id, hlc, user, fields, clocks, bases FROM journal WHERE seq = 1`,
        /UNIQUE/,
      ],
    ];
    const bad: string[] = [];
    for (const [i, [, sql]] of mutations.entries()) {
      const image = join(cloud.base, `bad-${i}.sqlite`);
      writeSnapshotImage(B.store, image);
      const img = new Database(image);
      expect(img.prepare('SELECT count(*) FROM journal WHERE fields IS NOT NULL').pluck().get()).toBeGreaterThan(1);
      img.exec(sql);
      img.close();
      // Later mutations claim more, so each is tried (and refused) before the next.
      bad.push(await publishAs(B, image, 100 + i, 3));
    }
    // Headers that claim one journal row more, or one fewer, than their (sound) image has.
    const miscounted: string[] = [];
    for (const [k, miscount] of [1, -1].entries()) {
      const image = join(cloud.base, `miscount-${k}.sqlite`);
      writeSnapshotImage(B.store, image);
      miscounted.push(await publishAs(B, image, 200 + k, 3, miscount));
    }
    const N = await newLaptop(cloud, A, B);
    const r = await N.sync();
    const problems = N.store.db.prepare('SELECT path, message FROM sync_problems').all() as {
      path: string;
      message: string;
    }[];
    expect(r.bootstrapped, JSON.stringify(problems)).toBe(true);
    for (const [i, target] of bad.entries()) {
      const name = target.split(/[\\/]/).pop()!;
      const p = problems.find((x) => x.path.endsWith(name));
      expect(p?.message, mutations[i]![0]).toMatch(mutations[i]![2]);
    }
    for (const target of miscounted) {
      const name = target.split(/[\\/]/).pop()!;
      expect(problems.find((x) => x.path.endsWith(name))?.message).toMatch(
        /aantal journaalregels klopt niet met de kop/,
      );
    }
    // The search index was built for every restored client (in bulk), as the triggers would have.
    const db = N.store.db;
    expect(db.prepare("SELECT count(*) FROM search_doc WHERE kind = 'client'").pluck().get()).toBe(
      db.prepare('SELECT count(*) FROM clients').pluck().get(),
    );
    const found = db
      .prepare(
        'SELECT c.ref FROM search_fts f JOIN search_doc d ON d.doc = f.rowid JOIN clients c ON c.id = d.row_id WHERE search_fts MATCH \'"Achternaam" "17"\'',
      )
      .pluck()
      .all();
    expect(found).toEqual(['K-17']);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'").pluck().get(),
    ).toBe(
      A.store.db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'")
        .pluck()
        .get(),
    );
    // ... with the very text the triggers give on the laptop that typed them.
    const texts = (l: Laptop) =>
      l.store.db
        .prepare('SELECT d.row_id, f.text FROM search_fts f JOIN search_doc d ON d.doc = f.rowid ORDER BY d.row_id')
        .all();
    expect(texts(N)).toEqual(texts(A));
    // A renumbered client is still found under its earlier numbers, as on the laptop that typed them.
    const moved = A.idOf('clients', 'K-51');
    expect(formerRefs(N.store, 'client', moved)).toEqual(['K-5', 'K-50']);
    expect(formerRefs(N.store, 'client', moved)).toEqual(formerRefs(A.store, 'client', moved));
    // Nothing of the bad images arrived.
    expect(N.dump()).not.toMatch(/Een|Twee|salaris/);
    await cloud.settle();
    expectSameDumps([A, B, N]);
  }, 60_000);

  it('restores an image of one change per row (format 2) from an earlier version', async () => {
    const { cloud, A, B } = await teamOfTwo();
    const image = join(cloud.base, 'flat.sqlite');
    const img = new Database(image);
    img.exec(`CREATE TABLE journal (seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, row_id TEXT NOT NULL,
        field TEXT NOT NULL, value TEXT, hlc TEXT NOT NULL, base_hlc TEXT, device TEXT NOT NULL, user TEXT NOT NULL)`);
    const ins = img.prepare(
      'INSERT INTO journal(entity, row_id, field, value, hlc, base_hlc, device, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const rows = B.store.db.prepare('SELECT * FROM journal ORDER BY row_id, entity, seq').all() as PackedRow[];
    let changes = 0;
    for (const row of rows)
      for (const c of expand(row)) {
        ins.run(c.entity, c.row_id, c.field, JSON.stringify(c.value), c.hlc, c.base_hlc, c.device, c.user);
        changes++;
      }
    img.close();
    B.store.db.prepare('ATTACH DATABASE ? AS flat').run(image);
    B.store.db
      .exec(`CREATE TABLE flat.sync_ingested AS SELECT device, epoch, seq, hash, changes, created, at FROM main.sync_ingested;
      CREATE TABLE flat.sync_conflicts AS SELECT * FROM main.sync_conflicts`);
    B.store.db.exec('DETACH DATABASE flat');
    await publishAs(B, image, 200, 2);
    const N = await newLaptop(cloud, A, B);
    const r = await N.sync();
    expect(r.bootstrapped).toBe(true);
    expect(N.store.db.prepare('SELECT count(*) FROM sync_problems').pluck().get()).toBe(0);
    // Every change of the image, packed here (one row per write again).
    const packed = N.store.db.prepare('SELECT * FROM journal').all() as PackedRow[];
    expect(packed.flatMap(expand)).toHaveLength(changes);
    expect(packed.length).toBeLessThan(changes);
    expect(N.dump()).toContain('Emmeloord');
    await cloud.settle();
    expectSameDumps([A, B, N]);
  }, 60_000);
});
