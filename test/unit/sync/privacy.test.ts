// Nothing readable in the shared folder: after publishing a caseload full of synthetic people
// (segments, device files, a snapshot), no file contains a BSN, a name, a phone number or a
// street - not as UTF-8, not as UTF-16, not as base64. And a file changed by one byte is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/generate.js';
import { RecordWriter } from '../../../db/records/upsert.js';
import { bsnFrom } from '../helpers.js';
import { Cloud } from './harness.js';

function needles(store: import('../../../db/journal/store.js').Store): string[] {
  const rows = store.db.prepare('SELECT bsn, first_name, last_name, phone, street, email FROM clients').all() as Record<
    string,
    string | null
  >[];
  const out = new Set<string>();
  for (const r of rows) {
    if (r.bsn) out.add(r.bsn);
    if (r.first_name && r.last_name) out.add(`${r.first_name} ${r.last_name}`);
    for (const v of [r.last_name, r.phone, r.email, r.street]) if (v && v.length >= 6) out.add(v);
  }
  return [...out];
}

function encodings(s: string): Buffer[] {
  return [
    Buffer.from(s, 'utf8'),
    Buffer.from(s, 'utf16le'),
    Buffer.from(Buffer.from(s).toString('base64').replace(/=+$/, ''), 'latin1'),
  ];
}

describe('privacy of the shared folder', () => {
  it('holds no BSN, name, phone number, e-mail address or street in any file', async () => {
    const cloud = new Cloud(7, Date.UTC(2026, 3, 1, 9));
    const A = cloud.laptop('a');
    const B = cloud.laptop('b');
    loadDemo(A.store, { clients: 60, seed: 3, today: '2026-03-31' });
    A.type((w) =>
      new RecordWriter(A.store, w).upsert('clients', {
        ref: 'K-P-1',
        bsn: bsnFrom('55544433'),
        first_name: 'Wilhelmina',
        last_name: 'Oudendijk',
        phone: '06-98765432',
        intake_date: '2026-03-30',
      }),
    );
    await A.create();
    await A.sync({ snapshot: true });
    cloud.propagate();
    await B.join();
    await B.sync();
    B.edit('client', B.idOf('clients', 'K-P-1'), { street: 'Zuiderzeestraat', email: 'w.oudendijk@voorbeeld.nl' });
    await cloud.settle();
    expect(B.dump()).toContain('Oudendijk');

    const files = cloud.allFiles();
    expect(files.some((f) => f.endsWith('.cjl'))).toBe(true);
    expect(files.some((f) => f.endsWith('.csnap'))).toBe(true);
    const words = [...needles(A.store), 'Zuiderzeestraat', 'w.oudendijk@voorbeeld.nl'];
    expect(words.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const f of files) {
      const data = readFileSync(f);
      for (const w of words) if (encodings(w).some((e) => data.includes(e))) found.push(`${f}: ${w}`);
    }
    expect(found).toEqual([]);
  });
});
