// The bulk demo generator: its data is what the journal says, its BSNs are valid and unique at
// city size, and it makes as many contacts as asked.
import { describe, expect, it } from 'vitest';
import { defaultContactsPerClient, loadDemo, syntheticBsn } from '../../../db/demo/generate.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { isValidBsn } from '../../../db/model/bsn.js';
import { RecordWriter } from '../../../db/records/upsert.js';
import { tempStore } from '../helpers.js';

const count = (store: ReturnType<typeof tempStore>, table: string) =>
  store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('demo data at scale', () => {
  it('replays from the journal exactly (every row and field was journaled)', () => {
    const store = tempStore();
    const r = loadDemo(store, { clients: 150, seed: 4, today: '2026-06-30' });
    expect(r.clients).toBe(150);
    expect(count(store, 'clients')).toBe(150);
    expect(count(store, 'caseload_periods')).toBeGreaterThan(150);
    expect(verifyJournal(store)).toEqual([]);
  });

  it('gives every client of a large city its own valid BSN', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 200_000; n++) seen.add(syntheticBsn(n));
    for (let n = 1_000_000; n < 1_010_000; n++) seen.add(syntheticBsn(n));
    expect(seen.size).toBe(210_000);
    for (const bsn of [...seen].filter((_, i) => i % 997 === 0)) expect(isValidBsn(bsn), bsn).toBe(true);
  });

  it('makes about the asked number of contacts per client, and ten per client at 100,000 clients by default', () => {
    const store = tempStore();
    const r = loadDemo(store, { clients: 300, seed: 8, today: '2026-06-30', contactsPerClient: 6 });
    const perClient = store.db
      .prepare('SELECT count(*) FROM contacts WHERE client_id IS NOT NULL')
      .pluck()
      .get() as number;
    expect(perClient / 300).toBeGreaterThan(5);
    expect(perClient / 300).toBeLessThan(7);
    expect(r.contacts).toBe(count(store, 'contacts'));
    expect(defaultContactsPerClient(300)).toBe(2.5);
    expect(defaultContactsPerClient(100_000)).toBe(10);
  });

  it('stays the same data for the same seed and lets an import find its caseload periods', () => {
    const a = tempStore();
    const b = tempStore();
    loadDemo(a, { clients: 40, seed: 3, today: '2026-06-30' });
    loadDemo(b, { clients: 40, seed: 3, today: '2026-06-30' });
    const rows = (s: typeof a) =>
      s.db.prepare('SELECT ref, bsn, last_name, birth_date, city FROM clients ORDER BY ref').all();
    expect(rows(a)).toEqual(rows(b));
    // Correcting the current period of a demo client updates that period instead of adding one.
    const { ref, intake } = a.db
      .prepare(
        `SELECT c.ref, max(p.intake_date) AS intake FROM clients c JOIN caseload_periods p ON p.client_id = c.id
         GROUP BY c.id HAVING count(*) = 1 AND max(p.exit_date) IS NULL LIMIT 1`,
      )
      .get() as { ref: string; intake: string };
    const before = count(a, 'caseload_periods');
    a.write('u', (w) =>
      new RecordWriter(a, w).upsert('clients', { ref, intake_date: intake, account_manager: 'Nieuwe Klantmanager' }),
    );
    expect(count(a, 'caseload_periods')).toBe(before);
    expect(verifyJournal(a)).toEqual([]);
  });

  it("leaves only the last weeks' follow-ups open, as account managers handle the rest", () => {
    const store = tempStore();
    loadDemo(store, { clients: 300, seed: 8, today: '2026-06-30', contactsPerClient: 6 });
    const q = (where: string) =>
      store.db
        .prepare(`SELECT count(*) FROM contacts WHERE follow_up_date IS NOT NULL AND ${where}`)
        .pluck()
        .get() as number;
    const open = q('follow_up_done IS NULL');
    const done = q('follow_up_done IS NOT NULL');
    expect(done).toBeGreaterThan(open * 3);
    expect(q("follow_up_done IS NULL AND follow_up_date > '2026-06-16'")).toBeGreaterThan(0);
    expect(q('follow_up_done < follow_up_date')).toBe(0);
    expect(verifyJournal(store)).toEqual([]);
  });
});
