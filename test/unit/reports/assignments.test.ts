// Issue 14: handovers are dated. Caseload per klantmanager on a past day counts each client with
// the account manager of that day, not today's - also when the handover was typed later.
import { describe, expect, it } from 'vitest';
import { runReport } from '../../../db/reports/run.js';
import { tempStore } from '../helpers.js';
import { apiAs } from '../work/api.js';
import { importClients } from './fixture.js';

const managers = (store: ReturnType<typeof tempStore>, as_of: string) =>
  (
    runReport(store, 'caseload-per-manager', { as_of }).data.managers as { account_manager: string; clients: number }[]
  ).map((m) => [m.account_manager, m.clients]);

describe('caseload per klantmanager on a past day', () => {
  it('uses the account manager of that day', async () => {
    const store = tempStore({ now: () => Date.UTC(2016, 6, 1, 9) });
    await importClients(store, [
      { ref: 'K000001', periods: [{ intake: '2015-06-01', manager: 'A. Jansen' }] },
      { ref: 'K000002', periods: [{ intake: '2015-06-01', manager: 'A. Jansen' }] },
      { ref: 'K000003', periods: [{ intake: '2015-09-01', exit: '2016-02-01', manager: 'A. Jansen' }] },
    ]);
    const id = (ref: string) => store.db.prepare('SELECT id FROM clients WHERE ref = ?').pluck().get(ref) as string;
    const km = apiAs(store, 'klantmanager', 'km1');
    await km.ok('clients.handover', {
      clientId: id('K000001'),
      account_manager: 'B. Smit',
      from_date: '2016-03-01',
      note: 'Overdracht wegens herverdeling',
    });
    await km.ok('clients.handover', {
      clientId: id('K000001'),
      account_manager: 'C. de Vries',
      from_date: '2016-05-01',
    });

    expect(managers(store, '2015-12-31')).toEqual([['A. Jansen', 3]]);
    expect(managers(store, '2016-04-01')).toEqual([
      ['A. Jansen', 1],
      ['B. Smit', 1],
    ]);
    expect(managers(store, '2016-06-30')).toEqual([
      ['A. Jansen', 1],
      ['C. de Vries', 1],
    ]);
    // Today's manager on the client's period is the last one.
    expect(
      store.db.prepare('SELECT account_manager FROM caseload_periods WHERE client_id = ?').pluck().get(id('K000001')),
    ).toBe('C. de Vries');
    // A client who left cannot be handed over; a date before the intake is refused.
    expect(
      await km.fail('clients.handover', {
        clientId: id('K000003'),
        account_manager: 'B. Smit',
        from_date: '2016-03-01',
      }),
    ).toMatchObject({ code: 'invalid_input', field: 'clientId' });
    expect(
      await km.fail('clients.handover', {
        clientId: id('K000002'),
        account_manager: 'B. Smit',
        from_date: '2015-01-01',
      }),
    ).toMatchObject({ code: 'invalid_input', field: 'from_date' });
  });
});
