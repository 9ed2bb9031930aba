// Team integrity (issue 10): three laptops register clients, employers, vacancies and users
// offline without giving refs, then sync. Numbers that collided are given out again by one rule
// on every laptop; every record keeps its own data; the dumps are identical and round-trip; and
// a write through any path - by id, by BSN, by the new or the old number - lands on exactly the
// person meant, or is refused when the number is ambiguous.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../db/api/dispatch.js';
import { type Session } from '../../../db/model/roles.js';
import type { Input, MethodName, Output } from '../../../db/api/contract.js';
import { importFile } from '../../../db/exchange/import.js';
import { dumpLines } from '../../../db/records/read.js';
import { formerRefs } from '../../../db/records/refs.js';
import { searchRecords } from '../../../db/search/records.js';
import { checkStore } from '../../../db/records/check.js';
import { Store } from '../../../db/journal/store.js';
import { bsnFrom, cli, tempDir, writeFile } from '../helpers.js';
import { Cloud, expectSameDumps, type Laptop } from './harness.js';

const SERIES_TABLES = ['clients', 'employers', 'vacancies', 'users'] as const;

function as(l: Laptop, session: Session = { user: `km-${l.name}`, name: `Klantmanager ${l.name}`, role: 'beheerder' }) {
  const api: Api = createApi(l.store, session);
  return async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await api.call(method, input);
    if (!r.ok) throw new Error(`${l.name} ${method}: ${r.error.code} ${r.error.field ?? ''} ${r.error.message}`);
    return r.value as Output<M>;
  };
}

function row(l: Laptop, table: string, id: string): Record<string, unknown> {
  return l.store.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
}

function duplicateRefs(l: Laptop, table: string): unknown[] {
  return l.store.db
    .prepare(`SELECT ref, count(*) AS n FROM ${table} WHERE deleted = 0 GROUP BY ref HAVING n > 1`)
    .all();
}

/** The n-th synthetic BSN that passes the eleven-check. */
function bsnNo(n: number): string {
  for (let k = 0; ; k++) {
    try {
      return bsnFrom(String(20_000_000 + n * 100 + k));
    } catch {
      // no check digit for this prefix: try the next one
    }
  }
}

const KLANTMANAGER = (l: Laptop): Session => ({
  user: `km-${l.name}`,
  name: `Klantmanager ${l.name}`,
  role: 'klantmanager',
});

interface Typed {
  laptop: Laptop;
  table: string;
  id: string;
  /** What was typed, as it must read on every laptop afterwards. */
  expect: Record<string, unknown>;
}

/** A team of three that has synced once, with nothing in it yet. */
async function team(): Promise<{ cloud: Cloud; laptops: Laptop[] }> {
  const cloud = new Cloud(1010, Date.UTC(2026, 2, 2, 8, 0));
  const laptops = ['a', 'b', 'c'].map((n) => cloud.laptop(n));
  await laptops[0]!.create();
  cloud.propagate();
  for (const l of laptops.slice(1)) await l.join();
  await cloud.settle();
  return { cloud, laptops };
}

/** Each laptop registers two clients, an employer with a vacancy and a user, offline. */
async function registerOffline(laptops: Laptop[]): Promise<Typed[]> {
  const typed: Typed[] = [];
  let n = 0;
  for (const l of laptops) {
    const call = as(l);
    for (const first of ['Anna', 'Bram']) {
      n++;
      const input = {
        first_name: `${first} ${l.name.toUpperCase()}`,
        last_name: `Laptop${l.name.toUpperCase()}`,
        bsn: bsnNo(n),
        phone: `06-1000000${n}`,
        intake_date: '2026-03-02',
      };
      const c = await call('clients.create', input);
      typed.push({ laptop: l, table: 'clients', id: c.id, expect: { first_name: input.first_name, bsn: input.bsn } });
    }
    const e = await call('employers.create', { name: `Bakkerij ${l.name.toUpperCase()}`, city: 'Emmeloord' });
    typed.push({ laptop: l, table: 'employers', id: e.id, expect: { name: `Bakkerij ${l.name.toUpperCase()}` } });
    const v = await call('vacancies.create', {
      employerId: e.id,
      fields: { title: `Bakker ${l.name.toUpperCase()}`, opened_date: '2026-03-02' },
    });
    typed.push({ laptop: l, table: 'vacancies', id: v.id, expect: { title: `Bakker ${l.name.toUpperCase()}` } });
    const u = await call('users.create', {
      display_name: `Collega ${l.name.toUpperCase()}`,
      // The first user of a database is its beheerder (issue 12).
      role: 'beheerder',
      pin: 'polder-2026!',
    });
    typed.push({ laptop: l, table: 'users', id: u.id, expect: { display_name: `Collega ${l.name.toUpperCase()}` } });
  }
  return typed;
}

describe('team integrity: refs unique across laptops', () => {
  it('gives every record its own number after a sync, keeps every record its own data, and round-trips the dump', async () => {
    const { cloud, laptops } = await team();
    const [A, B, C] = laptops as [Laptop, Laptop, Laptop];
    const typed = await registerOffline(laptops);
    // Offline, all three laptops gave out the same numbers.
    for (const table of SERIES_TABLES) {
      const refs = typed.filter((t) => t.table === table).map((t) => row(t.laptop, table, t.id).ref);
      expect(new Set(refs).size, `${table} collide before the sync`).toBeLessThan(refs.length);
    }
    await cloud.settle();

    for (const l of laptops) {
      for (const table of SERIES_TABLES) expect(duplicateRefs(l, table), `${table} on ${l.name}`).toEqual([]);
      expect(checkStore(l.store).problems, `check on ${l.name}`).toEqual([]);
      for (const t of typed) expect(row(l, t.table, t.id), `${t.table} ${t.id} on ${l.name}`).toMatchObject(t.expect);
    }
    // Every laptop shows the same number for each record, and the numbers are still one series.
    for (const t of typed) {
      const refs = laptops.map((l) => row(l, t.table, t.id).ref as string);
      expect(new Set(refs).size).toBe(1);
      expect(refs[0]).toMatch(/^[KWVU]\d{6}$/);
    }
    expectSameDumps(laptops);

    // A renumbered record is still found under its old number, and says so.
    const moved = typed.filter((t) => t.table === 'clients' && formerRefs(A.store, 'client', t.id).length);
    expect(moved.length).toBeGreaterThan(0);
    for (const t of moved) {
      const old = formerRefs(A.store, 'client', t.id)[0]!;
      const hits = searchRecords(A.store, old, 10).map((h) => h.id);
      expect(hits).toContain(t.id);
      const detail = await as(C)('clients.get', { id: t.id });
      expect(detail.formerRefs).toEqual([old]);
    }

    // Users: three colleagues, three numbers, and the journal names each by id.
    const users = A.store.db.prepare('SELECT id, ref, display_name FROM users ORDER BY ref').all() as {
      id: string;
      ref: string;
    }[];
    expect(users.map((u) => u.ref)).toEqual(['U000001', 'U000002', 'U000003']);

    // The dump of the team, imported into an empty database, gives the same dump.
    const dir = tempDir();
    const file = writeFile(dir, 'team.jsonl', A.dump() + '\n');
    const fresh = Store.open(join(dir, 'fresh.sqlite'));
    const r = await importFile(fresh, 'test', { file });
    expect(r.problems).toEqual([]);
    expect(r.updated).toBe(0);
    expect([...dumpLines(fresh)].join('\n')).toBe(A.dump());
    fresh.close();

    // An edit by BSN on one laptop, and by id on another, change exactly that person everywhere.
    const [first, second] = typed.filter((t) => t.table === 'clients' && t.laptop === B);
    const before = laptops.map((l) => l.dump());
    const csv = writeFile(dir, 'telefoon.csv', `bsn;phone\n${second!.expect.bsn};06-99990000\n`);
    const byBsn = await importFile(C.store, 'km-c', { file: csv, kind: 'clients' });
    expect(byBsn.problems).toEqual([]);
    expect(byBsn.updated).toBe(1);
    await as(A)('clients.update', { id: first!.id, fields: { email: 'anna.b@voorbeeld.nl' } });
    await cloud.settle();
    for (const l of laptops) {
      expect(row(l, 'clients', second!.id).phone).toBe('06-99990000');
      expect(row(l, 'clients', first!.id).email).toBe('anna.b@voorbeeld.nl');
      const changed = l
        .dump()
        .split('\n')
        .filter((line, i) => line !== before[0]!.split('\n')[i]);
      expect(changed.filter((x) => x.includes('"kind":"client"'))).toHaveLength(2);
    }
    expectSameDumps(laptops);
  });

  it('writes through every path to the record meant, never to the one that holds its old number', async () => {
    const { cloud, laptops } = await team();
    const [A] = laptops as [Laptop, Laptop, Laptop];
    const typed = await registerOffline(laptops);
    await cloud.settle();
    const clients = typed.filter((t) => t.table === 'clients');
    // X was renumbered; Y holds X's old number now.
    const x = clients.find((t) => formerRefs(A.store, 'client', t.id).length)!;
    const old = formerRefs(A.store, 'client', x.id)[0]!;
    const y = clients.find((t) => row(A, 'clients', t.id).ref === old)!;
    expect(y.id).not.toBe(x.id);
    const yBefore = JSON.stringify(row(A, 'clients', y.id));
    const employer = typed.find((t) => t.table === 'employers')!;
    const call = as(A);
    const of = (sql: string, id: string) => A.store.db.prepare(sql).pluck().all(id);

    await call('clients.update', { id: x.id, fields: { city: 'Urk' } });
    await call('contacts.create', { clientId: x.id, date: '2026-03-05', kind: 'phone', summary: 'Gebeld' });
    await call('activities.create', {
      clientId: x.id,
      fields: { kind: 'intake_programme', start_date: '2026-03-09' },
    });
    await call('placements.create', {
      clientId: x.id,
      employerId: employer.id,
      fields: { start_date: '2026-04-01', kind: 'trial' },
    });
    await call('clients.exit', { clientId: x.id, exit_date: '2026-05-01', exit_reason: 'work_regular' });
    await call('clients.intake', {
      clientId: x.id,
      intake_date: '2026-06-01',
      referrer: 'uwv',
      account_manager: 'Klantmanager a',
    });
    // The contact, the activity and the placement (with its nazorg contacts) are X's.
    for (const [table, n] of [
      ['contacts', 4],
      ['activities', 1],
      ['placements', 1],
    ] as const) {
      expect(of(`SELECT count(*) FROM ${table} WHERE client_id = ?`, x.id), table).toEqual([n]);
      expect(of(`SELECT count(*) FROM ${table} WHERE client_id = ?`, y.id), table).toEqual([0]);
    }
    expect(of('SELECT count(*) FROM caseload_periods WHERE client_id = ? AND deleted = 0', x.id)).toEqual([2]);
    expect(row(A, 'clients', x.id).city).toBe('Urk');

    // Import: by BSN finds X; by the new number finds X; the old number is Y's now.
    const dir = tempDir();
    const xRef = row(A, 'clients', x.id).ref as string;
    const byBsn = writeFile(dir, 'a.csv', `bsn;email\n${x.expect.bsn};x@voorbeeld.nl\n`);
    expect((await importFile(A.store, 't', { file: byBsn, kind: 'clients' })).problems).toEqual([]);
    const byRef = writeFile(dir, 'b.csv', `ref;house_number\n${xRef};12\n`);
    expect((await importFile(A.store, 't', { file: byRef, kind: 'clients' })).problems).toEqual([]);
    const act = writeFile(dir, 'c.csv', `client_ref;kind;start_date\n${xRef};job_coaching;2026-06-02\n`);
    expect((await importFile(A.store, 't', { file: act, kind: 'activities' })).problems).toEqual([]);
    expect(row(A, 'clients', x.id)).toMatchObject({ email: 'x@voorbeeld.nl', house_number: '12' });
    expect(of('SELECT count(*) FROM activities WHERE client_id = ?', x.id)).toEqual([2]);
    // A list made before the sync, with X's BSN under X's old number: refused, naming both numbers.
    const stale = writeFile(dir, 'd.csv', `ref;bsn;phone\n${old};${x.expect.bsn};06-12121212\n`);
    const refused = await importFile(A.store, 't', { file: stale, kind: 'clients' });
    expect(refused.problems).toEqual([
      {
        file: stale,
        line: 2,
        field: 'bsn',
        message: `nummer ${old} is nu van een andere klant; de klant met dit BSN heeft nu nummer ${xRef}`,
      },
    ]);
    expect(JSON.stringify(row(A, 'clients', y.id))).toBe(yBefore);

    // Two live records under one number (written around the journal): import by that number is
    // refused as ambiguous, writes by id still reach the one meant, and check says so.
    A.store.db.prepare('UPDATE clients SET ref = ? WHERE id = ?').run(old, x.id);
    const ambiguous = writeFile(dir, 'e.csv', `ref;city\n${old};Lemmer\n`);
    const r = await importFile(A.store, 't', { file: ambiguous, kind: 'clients' });
    expect(r.problems).toMatchObject([
      { line: 2, field: 'ref', message: expect.stringMatching(/meer dan één record/) },
    ]);
    await call('clients.update', { id: y.id, fields: { city: 'Bant' } });
    expect(row(A, 'clients', y.id).city).toBe('Bant');
    expect(row(A, 'clients', x.id).city).toBe('Urk');
    expect(checkStore(A.store).problems.map((p) => p.area)).toContain('refs');
  });
});

describe('team integrity: the same person registered on two laptops', () => {
  it('keeps every field of both registrations, lists the differences and converges', async () => {
    const { cloud, laptops } = await team();
    const [A, B] = laptops as [Laptop, Laptop, Laptop];
    const bsn = bsnFrom('23456789');
    const a = await as(A)('clients.create', {
      bsn,
      first_name: 'Fatima',
      last_name: 'El Amrani',
      phone: '06-12345678',
      postcode: '8301 AB',
      intake_date: '2026-03-02',
      account_manager: 'Klantmanager a',
    });
    await as(A)('contacts.create', { clientId: a.id, date: '2026-03-02', kind: 'meeting', summary: 'Intake A' });
    cloud.now += 60_000;
    const b = await as(B, KLANTMANAGER(B))('clients.create', {
      bsn,
      first_name: 'Fatma',
      last_name: 'El Amrani',
      email: 'fatma@voorbeeld.nl',
      work_limitations: 'Niet zwaar tillen',
      intake_date: '2026-03-02',
      referrer: 'uwv',
    });
    await as(B)('activities.create', {
      clientId: b.id,
      fields: { kind: 'intake_programme', start_date: '2026-03-09' },
    });
    await cloud.settle();

    for (const l of laptops) {
      // One client with everything either laptop typed; the newest first name wins.
      expect(row(l, 'clients', a.id)).toMatchObject({
        merged_into: null,
        first_name: 'Fatma',
        phone: '06-12345678',
        postcode: '8301 AB',
        email: 'fatma@voorbeeld.nl',
        work_limitations: 'Niet zwaar tillen',
      });
      expect(row(l, 'clients', b.id).merged_into).toBe(a.id);
      // One caseload period (the intake was registered twice), with both laptops' details.
      const periods = l.store.db
        .prepare(
          'SELECT intake_date, referrer, account_manager FROM caseload_periods WHERE client_id = ? AND deleted = 0',
        )
        .all(a.id);
      expect(periods).toEqual([{ intake_date: '2026-03-02', referrer: 'uwv', account_manager: 'Klantmanager a' }]);
      // Records of both registrations follow the survivor.
      expect(l.store.db.prepare('SELECT count(*) FROM contacts WHERE client_id = ?').pluck().get(a.id)).toBe(1);
      expect(l.store.db.prepare('SELECT count(*) FROM activities WHERE client_id = ?').pluck().get(a.id)).toBe(1);
      expect(checkStore(l.store).problems).toEqual([]);
    }
    expectSameDumps(laptops);
    const conflicts = async (l: Laptop) => (await as(l)('sync.conflicts', { all: false })).items;
    const listed = await conflicts(A);
    expect(listed.map((c) => [c.kind, c.entity, c.field, c.current?.value, c.other.value])).toEqual([
      ['merge', 'client', 'first_name', 'Fatma', 'Fatima'],
    ]);
    for (const l of laptops) expect(await conflicts(l)).toEqual(listed);

    // The merged registration points to the survivor; its number and history are the survivor's.
    const merged = await as(B)('clients.get', { id: b.id });
    expect(merged.mergedInto).toEqual({ id: a.id, ref: row(B, 'clients', a.id).ref });
    const survivor = await as(B)('clients.get', { id: a.id });
    expect(survivor.mergedRefs).toEqual([row(B, 'clients', b.id).ref]);
    expect(searchRecords(B.store, row(B, 'clients', b.id).ref as string, 5).map((h) => h.id)).toEqual([a.id]);
    const history = await as(B)('audit.history', { entity: 'client', id: a.id, limit: 200, after: null });
    // B's own edits (masked for a beheerder: no need to know) and the merge's show in one history.
    expect(history.items.filter((h) => h.field === 'email').map((h) => h.user)).toEqual(['samenvoegen', 'km-b']);

    // Choosing the other value on one laptop settles it on all of them.
    await as(B)('sync.resolveConflict', { id: listed[0]!.id, choice: 'other' });
    await cloud.settle();
    for (const l of laptops) {
      expect(row(l, 'clients', a.id).first_name).toBe('Fatima');
      expect(await conflicts(l)).toEqual([]);
    }
    expectSameDumps(laptops);
  });
});

describe('caseload check', () => {
  it('fails on a duplicate ref and on one BSN for two clients, made around the journal', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const csv = writeFile(
      dir,
      'k.csv',
      `ref;last_name;bsn\nK000001;Jansen;${bsnFrom('11111111')}\nK000002;Pietersen;${bsnFrom('22222222')}\n`,
    );
    expect((await cli(['--db', db, 'import', csv, '--kind', 'clients'])).code).toBe(0);
    expect((await cli(['--db', db, 'check'])).code).toBe(0);
    const store = Store.open(db);
    store.db.prepare("UPDATE clients SET ref = 'K000001' WHERE ref = 'K000002'").run();
    store.close();
    const dup = await cli(['--db', db, 'check']);
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('refs: client K000001: 2 records met hetzelfde nummer');
    const again = Store.open(db);
    again.db
      .prepare("UPDATE clients SET ref = 'K000002', bsn = ? WHERE last_name = 'Pietersen'")
      .run(bsnFrom('11111111'));
    again.close();
    const bsn = await cli(['--db', db, 'check']);
    expect(bsn.code).toBe(1);
    expect(bsn.err).toContain('bsn: klanten K000001, K000002: hetzelfde BSN');
    expect(bsn.err.join('\n')).not.toContain(bsnFrom('11111111'));
  });

  it('refuses an import with two different records under one ref, listing both lines', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const csv = writeFile(
      dir,
      'team.csv',
      `ref;last_name;bsn\nK000001;Jansen;${bsnFrom('11111111')}\nK000002;Smit;${bsnFrom('33333333')}\nK000001;Pietersen;${bsnFrom('22222222')}\n`,
    );
    const r = await cli(['--db', db, 'import', csv, '--kind', 'clients']);
    expect(r.code).toBe(1);
    expect(r.err.filter((l) => l.startsWith(csv))).toEqual([
      `${csv}:2: ref: 'K000001' staat op regel 2 en 4 bij verschillende records (bsn verschilt): één nummer, twee records`,
      `${csv}:4: ref: 'K000001' staat op regel 2 en 4 bij verschillende records (bsn verschilt): één nummer, twee records`,
    ]);
    expect(JSON.parse((await cli(['--db', db, 'check'])).out[0]!)).toMatchObject({ clients: 0 });
  });
});
