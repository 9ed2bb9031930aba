import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../db/journal/verify.js';
import { changesSince } from '../../../db/journal/entries.js';
import { applyPurgeMarkers, isPurged, markerId } from '../../../db/retention/purge.js';
import { checkStore } from '../../../db/records/check.js';
import type { Store } from '../../../db/journal/store.js';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { bsnNo } from './fixture.js';

const AS_OF = '2026-03-02';

async function oldCase(store: Store) {
  const km = apiAs(store, 'klantmanager');
  const bsn = bsnNo(7, 4);
  const { id, ref } = await km.ok('clients.create', {
    bsn,
    first_name: 'Wubbo',
    last_name: 'Zwartkruis',
    email: 'wubbo.zwartkruis@voorbeeld.nl',
    phone: '06-12121212',
    intake_date: '2012-01-09',
    referrer: 'social_team',
    account_manager: 'A. de Boer',
    work_limitations: 'Astma',
  });
  const employer = await km.ok('employers.create', { name: 'Kwekerij Het Kuinderbos', kvk: '45678901' });
  const vacancy = await km.ok('vacancies.create', {
    employerId: employer.id,
    fields: { title: 'Oogstmedewerker', opened_date: '2012-03-01' },
  });
  await km.ok('contacts.create', {
    clientId: id,
    date: '2012-01-10',
    kind: 'meeting',
    summary: 'Intake met Wubbo',
    follow_up_date: '2012-01-24',
  });
  await km.ok('activities.create', {
    clientId: id,
    fields: { kind: 'intake_programme', start_date: '2012-01-16', end_date: '2012-02-10' },
  });
  await km.ok('measures.save', { clientId: id, date: '2012-02-01', kind: 'warning', reason: 'Afspraak gemist' });
  const m = await km.ok('matches.propose', { vacancyId: vacancy.id, clientId: id });
  const p = await km.ok('placements.create', {
    matchId: m.id,
    fields: { kind: 'trial', start_date: '2012-04-02', end_date: '2012-06-30' },
  });
  await km.ok('clients.update', { id, fields: { city: 'Luttelgeest', last_name: 'Zwartkruis' } });
  await km.ok('clients.exit', { clientId: id, exit_date: '2015-03-01', exit_reason: 'work_regular' });
  return { id, ref, bsn, employerId: employer.id, vacancyId: vacancy.id, placementId: p.id, km };
}

/** Every value of every column of every table (BLOBs as text too) that contains one of the needles. */
function find(store: Store, needles: string[]): string[] {
  const hits: string[] = [];
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  for (const t of tables) {
    const cols = (store.db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
    for (const row of store.db.prepare(`SELECT * FROM "${t}"`).iterate() as IterableIterator<Record<string, unknown>>) {
      for (const c of cols) {
        const v = row[c];
        if (v === null || v === undefined) continue;
        const text = Buffer.isBuffer(v) ? v.toString('latin1') : String(v);
        for (const n of needles) if (text.includes(n)) hits.push(`${t}.${c} has ${n}`);
      }
    }
  }
  return hits;
}

function replicate(from: Store, to: Store, afterSeq = 0): void {
  const changes = [...changesSince(from, afterSeq)].sort((x, y) => (x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : 0));
  to.write('sync', (w) => w.applyChanges(changes));
}

describe('the retention list', () => {
  it('lists clients from the 10th anniversary of their last exit, never with an open period', async () => {
    const store = tempStore();
    const km = apiAs(store);
    const mk = async (n: number, last: string, periods: [string, string | null][]) => {
      const { id } = await km.ok('clients.create', { last_name: last, bsn: bsnNo(n, 5) });
      for (const [intake, exit] of periods) {
        await km.ok('clients.intake', {
          clientId: id,
          intake_date: intake,
          referrer: 'uwv',
          account_manager: 'A. de Boer',
        });
        if (exit) await km.ok('clients.exit', { clientId: id, exit_date: exit, exit_reason: 'moved' });
      }
      return id;
    };
    await mk(1, 'Precies', [['2014-01-01', '2016-03-02']]);
    await mk(2, 'Dagtekort', [['2014-01-01', '2016-03-03']]);
    await mk(3, 'Teruggekomen', [
      ['2010-01-01', '2012-01-01'],
      ['2020-01-01', null],
    ]);
    await mk(4, 'Langgeleden', [
      ['2005-01-01', '2008-06-01'],
      ['2009-01-01', '2011-05-01'],
    ]);
    const list = await apiAs(store, 'manager').ok('retention.list', { asOf: AS_OF });
    expect(list.items.map((i) => [i.name, i.lastExit, i.destroyFrom])).toEqual([
      ['Langgeleden', '2011-05-01', '2021-05-01'],
      ['Precies', '2016-03-02', '2026-03-02'],
    ]);
    expect(await km.fail('retention.list', { asOf: AS_OF })).toMatchObject({ code: 'forbidden' });
    const p1 = await apiAs(store, 'manager').ok('retention.list', { asOf: AS_OF, limit: 1 });
    const p2 = await apiAs(store, 'manager').ok('retention.list', { asOf: AS_OF, limit: 1, after: p1.next });
    expect([...p1.items, ...p2.items].map((i) => i.name)).toEqual(['Langgeleden', 'Precies']);
  });
});

describe('the retention purge', () => {
  it('leaves nothing of the purged client in any table, the journal and search index included', async () => {
    const store = tempStore();
    const c = await oldCase(store);
    const other = await c.km.ok('clients.create', { last_name: 'Blijft', bsn: bsnNo(8, 4), intake_date: '2025-01-06' });
    // A local table of another module (e.g. sync conflicts) pointing at the client's row, and a
    // synced export delivery of the client's record (EXPORTS.md) with the target's own number.
    store.db.exec('CREATE TABLE local_notes (row_id TEXT, note TEXT)');
    store.db.prepare('INSERT INTO local_notes VALUES (?, ?)').run(c.id, 'conflict');
    store.write('export', (w) =>
      w.create(
        'export_delivery',
        {
          ref: `gws:${c.ref}`,
          target: 'gws',
          entity: 'client',
          record_id: c.id,
          delivered_at: '2012-02-01T10:00:00.000Z',
          method: 'entry',
          target_id: 'GWS-778899',
        },
        `gws.client.${c.id}`,
      ),
    );
    const rowIds = [
      c.id,
      ...(store.db
        .prepare(
          'SELECT id FROM contacts WHERE client_id = ? UNION ALL SELECT id FROM activities WHERE client_id = ? UNION ALL SELECT id FROM matches WHERE client_id = ? UNION ALL SELECT id FROM placements WHERE client_id = ? UNION ALL SELECT id FROM measures WHERE client_id = ? UNION ALL SELECT id FROM caseload_periods WHERE client_id = ?',
        )
        .pluck()
        .all(c.id, c.id, c.id, c.id, c.id, c.id) as string[]),
    ];
    expect(rowIds.length).toBe(1 + 4 + 1 + 1 + 1 + 1 + 1);
    const needles = [c.bsn, 'Wubbo', 'Zwartkruis', c.id, c.ref, 'Afspraak gemist', 'Astma', 'GWS-778899', ...rowIds];
    expect(find(store, needles).length).toBeGreaterThan(0);

    const manager = apiAs(store, 'manager', 'U000009', 'Manager');
    expect(await c.km.fail('retention.purge', { clientIds: [c.id], confirm: true, asOf: AS_OF })).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await manager.fail('retention.purge', { clientIds: [c.id], confirm: false, asOf: AS_OF } as never),
    ).toMatchObject({ field: 'confirm' });
    expect(
      await manager.fail('retention.purge', { clientIds: [c.id, other.id], confirm: true, asOf: AS_OF }),
    ).toMatchObject({ field: 'clientIds' });
    expect(find(store, [c.bsn]).length).toBeGreaterThan(0);

    const r = await manager.ok('retention.purge', { clientIds: [c.id], confirm: true, asOf: AS_OF });
    expect(r.purged).toBe(1);
    expect(r.rows).toMatchObject({
      clients: 1,
      caseload_periods: 1,
      contacts: 4,
      activities: 1,
      measures: 1,
      matches: 1,
      placements: 1,
      export_deliveries: 1,
      local_notes: 1,
    });
    expect(r.remaining).toEqual([]);
    expect(find(store, needles)).toEqual([]);
    expect(verifyJournal(store)).toEqual([]);
    expect(checkStore(store).problems).toEqual([]);
    // The employer, the vacancy and the other client stay.
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    expect((await manager.ok('employers.get', { id: c.employerId })).name).toBe('Kwekerij Het Kuinderbos');
    // Markers carry the purge without personal data: a hash per row, the entity and the date.
    expect(store.db.prepare('SELECT count(*) FROM purge_markers').pluck().get()).toBe(rowIds.length + 1);
    expect(isPurged(store, 'client', c.id)).toBe(true);
    expect(isPurged(store, 'client', other.id)).toBe(false);
    // Nor on disk: freed pages are zeroed and the WAL is truncated.
    const bytes = Buffer.concat([readFileSync(store.file), readFileSync(`${store.file}-wal`, { flag: 'a+' })]).toString(
      'latin1',
    );
    for (const n of [c.bsn, 'Zwartkruis', 'Afspraak gemist', c.id]) expect(bytes.includes(n), n).toBe(false);
    expect(
      store.db.prepare("SELECT action, object, result FROM audit_log WHERE action = 'retention.purge'").all(),
    ).toEqual([
      // The klantmanager's attempt, refused by role (BIO: refusals are logged too), then the purge.
      { action: 'retention.purge', object: null, result: 'refused' },
      { action: 'retention.purge', object: '1 klant(en)', result: 'ok' },
    ]);
  });

  it('reports, as counts, a BSN that someone typed into another record', async () => {
    const store = tempStore();
    const c = await oldCase(store);
    const other = await c.km.ok('clients.create', { last_name: 'Anders', intake_date: '2025-01-06' });
    await c.km.ok('contacts.create', {
      clientId: other.id,
      date: '2025-02-01',
      kind: 'phone',
      summary: `Broer van ${c.bsn}`,
    });
    const r = await apiAs(store, 'manager').ok('retention.purge', { clientIds: [c.id], confirm: true, asOf: AS_OF });
    expect(r.remaining).toEqual(
      expect.arrayContaining([
        { table: 'contacts', column: 'summary', rows: 1 },
        { table: 'journal', column: 'fields', rows: 1 },
      ]),
    );
  });

  it('carries the purge to another laptop through the markers alone', async () => {
    const a = tempStore();
    const b = tempStore();
    const c = await oldCase(a);
    replicate(a, b);
    expect(b.db.prepare('SELECT count(*) FROM contacts WHERE client_id = ?').pluck().get(c.id)).toBe(4);
    const before = a.db.prepare('SELECT max(seq) FROM journal').pluck().get() as number;
    await apiAs(a, 'manager').ok('retention.purge', { clientIds: [c.id], confirm: true, asOf: AS_OF });
    // Only the marker changes are new in A's journal; they name no person, no id, no ref.
    const published = [...changesSince(a, before)].map(({ entity, row_id, field, value }) => ({
      entity,
      row_id,
      field,
      value,
    }));
    expect(new Set(published.map((p) => p.entity))).toEqual(new Set(['purge_marker']));
    expect(JSON.stringify(published)).not.toMatch(new RegExp([c.id, c.ref, c.bsn, 'Zwartkruis'].join('|')));
    replicate(a, b, before);
    expect(applyPurgeMarkers(b, 'sync')).toMatchObject({ purged: 1, purgedRefs: [c.ref], conflicts: [], refused: [] });
    expect(find(b, [c.bsn, 'Zwartkruis', c.id])).toEqual([]);
    // The applying laptop's audit entry names which record went (its ref: no personal data).
    expect(find(b, [c.ref])).toEqual([`audit_log.object has ${c.ref}`]);
    expect(b.db.prepare("SELECT object FROM audit_log WHERE action = 'retention.apply'").pluck().all()).toEqual([
      `1 klant(en): ${c.ref}`,
    ]);
    expect(verifyJournal(b)).toEqual([]);
    expect(isPurged(b, 'placement', c.placementId)).toBe(true);
    expect(b.db.prepare('SELECT count(*) FROM purge_markers').pluck().get()).toBe(
      a.db.prepare('SELECT count(*) FROM purge_markers').pluck().get(),
    );
  });

  it('leaves a client changed on the other laptop after the purge decision to a person', async () => {
    const a = tempStore();
    const b = tempStore();
    const c = await oldCase(a);
    replicate(a, b);
    const before = a.db.prepare('SELECT max(seq) FROM journal').pluck().get() as number;
    await apiAs(a, 'manager').ok('retention.purge', { clientIds: [c.id], confirm: true, asOf: AS_OF });
    await new Promise((r) => setTimeout(r, 5));
    b.write('u', (w) => w.update('client', c.id, { city: 'Creil' }));
    replicate(a, b, before);
    expect(applyPurgeMarkers(b, 'sync')).toMatchObject({ purged: 0, conflicts: [c.ref], refused: [] });
    expect(b.db.prepare('SELECT count(*) FROM clients WHERE id = ?').pluck().get(c.id)).toBe(1);
    expect(markerId('client', c.id)).not.toContain(c.id);
  });
});
