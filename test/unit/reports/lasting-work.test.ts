// The lasting-work report (seed 2.5) on a small caseload with known answers: who left for work
// in the first half of 2016, and who of them was still out, came back, or cannot be measured yet
// 6 and 12 months later (as of 31 May 2017).
import { describe, expect, it } from 'vitest';
import { runReport } from '../../../db/reports/run.js';
import { tempStore } from '../helpers.js';
import { importClients } from './fixture.js';

describe('lasting work', () => {
  it('counts, per horizon, the clients still out, back, and not yet measurable - each with its records', async () => {
    const store = tempStore({ now: () => Date.UTC(2017, 5, 1, 9) });
    await importClients(store, [
      // Out for good.
      { ref: 'K000001', periods: [{ intake: '2015-01-01', exit: '2016-01-15', reason: 'work_regular' }] },
      // Back after 3 months: back at 6 and at 12.
      {
        ref: 'K000002',
        periods: [{ intake: '2015-01-01', exit: '2016-02-01', reason: 'self_employed' }, { intake: '2016-05-01' }],
      },
      // Back after 9 months: out at 6, back at 12.
      {
        ref: 'K000003',
        periods: [
          { intake: '2015-01-01', exit: '2016-03-01', reason: 'work_regular' },
          { intake: '2016-12-01', exit: '2017-01-10', reason: 'moved' },
        ],
      },
      // Left for work in June: out at 6, 12 months not measurable yet (June 2017).
      { ref: 'K000004', periods: [{ intake: '2015-01-01', exit: '2016-06-01', reason: 'work_regular' }] },
      // Not to work, and to work outside the period: not counted.
      { ref: 'K000005', periods: [{ intake: '2015-01-01', exit: '2016-02-01', reason: 'moved' }] },
      { ref: 'K000006', periods: [{ intake: '2015-01-01', exit: '2016-07-01', reason: 'work_regular' }] },
    ]);
    const run = runReport(store, 'lasting-work', {
      from: '2016-01-01',
      to: '2016-06-30',
      as_of: '2017-05-31',
      detail: true,
    });
    expect(run.data).toMatchObject({
      placed: 4,
      horizons: [
        { months: 6, out: 3, back: 1, pending: 0 },
        { months: 12, out: 1, back: 2, pending: 1 },
      ],
    });
    const refs = (path: string) => run.figures.get(path)!.hits.map((h) => h.ref);
    expect(refs('placed')).toEqual(['K000001', 'K000002', 'K000003', 'K000004']);
    expect(refs('horizons.0.back')).toEqual(['K000002']);
    expect(refs('horizons.1.out')).toEqual(['K000001']);
    expect(refs('horizons.1.back')).toEqual(['K000002', 'K000003']);
    expect(refs('horizons.1.pending')).toEqual(['K000004']);
    expect(run.tables[0]!.rows.map((r) => r.cells.out_pct)).toEqual([75, 33.3]);
  });
});
