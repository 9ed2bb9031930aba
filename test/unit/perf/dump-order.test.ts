// The dump streams in ref order straight from SQLite, and still gives JavaScript's order (the
// dump's contract) when refs hold characters where the two orders differ.
import { describe, expect, it } from 'vitest';
import { dumpLines } from '../../../db/records/read.js';
import { tempStore } from '../helpers.js';

const refsOf = (lines: string[], kind: string) =>
  lines
    .map((l) => JSON.parse(l) as { kind: string; ref: string })
    .filter((r) => r.kind === kind)
    .map((r) => r.ref);

describe('dump order', () => {
  it('lists employers by ref in JavaScript string order, also beyond U+FFFF', () => {
    const store = tempStore();
    // UTF-8 (SQLite) puts U+FF01 before U+1F600; UTF-16 (JavaScript) puts the emoji first.
    const refs = ['W\u{1F600}', 'W\uFF01', 'W2', 'W10', 'W1'];
    store.write('u', (w) => refs.forEach((ref) => w.create('employer', { ref, name: `Bedrijf ${ref}` })));
    expect(refsOf([...dumpLines(store)], 'employer')).toEqual([...refs].sort());
  });

  it("lists clients with plain refs in ref order with each client's earlier periods", () => {
    const store = tempStore();
    store.write('u', (w) => {
      const k2 = w.create('client', { ref: 'K2', last_name: 'Bakker' });
      const k1 = w.create('client', { ref: 'K1', last_name: 'Visser' });
      w.create('period', {
        ref: 'P1',
        client_id: k1,
        intake_date: '2024-01-01',
        exit_date: '2024-06-01',
        exit_reason: 'moved',
      });
      w.create('period', { ref: 'P2', client_id: k1, intake_date: '2025-01-01' });
      w.create('period', { ref: 'P3', client_id: k2, intake_date: '2025-03-01' });
    });
    const clients = [...dumpLines(store)]
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((r) => r.kind === 'client');
    expect(clients.map((c) => c.ref)).toEqual(['K1', 'K2']);
    expect(clients[0]).toMatchObject({
      intake_date: '2025-01-01',
      periods: [{ intake_date: '2024-01-01', exit_date: '2024-06-01' }],
    });
    expect(clients[1]).toMatchObject({ intake_date: '2025-03-01' });
    expect(clients[1]!.periods).toBeUndefined();
  });
});
