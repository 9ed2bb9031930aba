// Deliveries and adjusted profiles are synced data (migration 0004): what one laptop delivered
// is known on the others, and two laptops that deliver the same record end up with one row.
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../db/exchange/export/batch.js';
import { entryQueue } from '../../../db/exchange/export/entry.js';
import { changesSince } from '../../../db/journal/entries.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import type { Store } from '../../../db/journal/store.js';
import { tempDir, tempStore } from '../helpers.js';
import { seedCaseload } from './fixture.js';

const NOW = new Date('2026-11-02T10:00:00Z');

/** Applies every journal entry of `from` that `to` does not have yet, as sync would. */
function syncInto(from: Store, to: Store): void {
  const changes = [...changesSince(from)];
  to.write('sync', (w) => w.applyChanges(changes));
}

describe('deliveries across laptops', () => {
  it('a batch written on one laptop empties the queue on the other after sync', async () => {
    const a = tempStore();
    const b = tempStore();
    seedCaseload(a);
    syncInto(a, b);
    expect(entryQueue(b, 'wbs', { limit: 10, offset: 0, today: '2026-11-02' }).total).toBe(4);
    await runExport(a, { target: 'wbs', user: 'a', outDir: tempDir(), now: NOW });
    syncInto(a, b);
    expect(entryQueue(b, 'wbs', { limit: 10, offset: 0, today: '2026-11-02' }).total).toBe(0);
    expect((await runExport(b, { target: 'wbs', user: 'b', outDir: tempDir(), now: NOW })).status).toBe('nothing');
    expect(verifyJournal(b)).toEqual([]);
  });

  it('two laptops delivering the same record converge on one delivery row', async () => {
    const a = tempStore();
    const b = tempStore();
    seedCaseload(a);
    syncInto(a, b);
    await runExport(a, { target: 'gws', user: 'a', outDir: tempDir(), now: NOW });
    await runExport(b, { target: 'gws', user: 'b', outDir: tempDir(), now: new Date(NOW.getTime() + 60_000) });
    syncInto(a, b);
    syncInto(b, a);
    const rows = (s: Store) => s.db.prepare('SELECT id, batch FROM export_deliveries ORDER BY id').all();
    expect(rows(a)).toHaveLength(5);
    expect(rows(a)).toEqual(rows(b));
    expect(verifyJournal(a)).toEqual([]);
    expect(verifyJournal(b)).toEqual([]);
  });
});
