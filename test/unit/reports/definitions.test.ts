// The report definitions of CONTRACTS.md "Report data", one edge case at a time, on small
// caseloads imported from CSV into a real SQLite file.
import { describe, expect, it } from 'vitest';
import { runReport } from '../../../db/reports/run.js';
import type { Store } from '../../../db/journal/store.js';
import { importCsv, storeWith } from './fixture.js';

type Month = {
  month: string;
  start: number;
  inflow: number;
  outflow: number;
  end: number;
  refs?: Record<string, string[]>;
};
const data = (store: Store, name: string, params: Record<string, unknown>) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- report JSON, checked field by field
  runReport(store, name, params).data as Record<string, any>;
const months = (store: Store, from: string, to: string, detail = false) =>
  data(store, 'caseload-development', { from, to, detail }).months as Month[];
const month = (ms: Month[], m: string) => ms.find((x) => x.month === m)!;

describe('caseload development', () => {
  it("counts a client who leaves on 1 January in the 1 January baseline and in January's outflow", async () => {
    const store = await storeWith([
      { ref: 'K1', periods: [{ intake: '2015-06-01', exit: '2016-01-01', reason: 'work_regular' }] },
      { ref: 'K2', periods: [{ intake: '2015-06-01' }] },
    ]);
    const jan = month(months(store, '2016-01-01', '2016-03-31', true), '2016-01');
    expect(jan).toMatchObject({ start: 2, inflow: 0, outflow: 1, end: 1 });
    expect(jan.refs).toEqual({ start: ['K1', 'K2'], inflow: [], outflow: ['K1'], end: ['K2'] });
    const wt = data(store, 'work-target', { from: '2016-01-01', to: '2016-12-31', detail: true });
    expect(wt.baseline_caseload).toBe(2);
    expect(wt.refs.baseline_caseload).toEqual(['K1', 'K2']);
    expect(wt.realized).toBe(1);
  });

  it("counts an intake on the first day of a month in that month's inflow, not in its start", async () => {
    const store = await storeWith([{ ref: 'K1', periods: [{ intake: '2016-03-01' }] }]);
    const ms = months(store, '2016-01-01', '2016-04-30', true);
    expect(month(ms, '2016-02')).toMatchObject({ start: 0, inflow: 0, outflow: 0, end: 0 });
    expect(month(ms, '2016-03')).toMatchObject({ start: 0, inflow: 1, outflow: 0, end: 1 });
    expect(month(ms, '2016-03').refs!.inflow).toEqual(['K1']);
    expect(month(ms, '2016-04')).toMatchObject({ start: 1, end: 1 });
  });

  it('counts a client who leaves and comes back once in the outflow and again in the inflow', async () => {
    const store = await storeWith([
      { ref: 'K1', periods: [{ intake: '2015-05-01', exit: '2016-02-15', reason: 'moved' }, { intake: '2016-04-10' }] },
    ]);
    const ms = months(store, '2016-01-01', '2016-05-31', true);
    expect(ms.map((m) => [m.month, m.start, m.inflow, m.outflow, m.end])).toEqual([
      ['2016-01', 1, 0, 0, 1],
      ['2016-02', 1, 0, 1, 0],
      ['2016-03', 0, 0, 0, 0],
      ['2016-04', 0, 1, 0, 1],
      ['2016-05', 1, 0, 0, 1],
    ]);
    expect(month(ms, '2016-04').refs!.inflow).toEqual(['K1']);
    // The caseload on a day in between does not have the client.
    expect(data(store, 'caseload-per-manager', { as_of: '2016-03-01' }).total).toBe(0);
  });

  it('counts a period that starts and ends in the same month in inflow and outflow, and keeps end = start + inflow - outflow', async () => {
    const store = await storeWith([
      { ref: 'K1', periods: [{ intake: '2016-02-03', exit: '2016-02-20' }] },
      { ref: 'K2', periods: [{ intake: '2016-02-10', exit: '2016-02-10' }] },
      { ref: 'K3', periods: [{ intake: '2015-12-31', exit: '2016-02-29' }] },
    ]);
    const ms = months(store, '2016-01-01', '2016-03-31');
    expect(month(ms, '2016-02')).toEqual({ month: '2016-02', start: 1, inflow: 2, outflow: 3, end: 0 });
    for (const m of ms) expect(m.end).toBe(m.start + m.inflow - m.outflow);
  });

  it('reports whole calendar months for every month touched by from..to', async () => {
    const store = await storeWith([{ ref: 'K1', periods: [{ intake: '2016-01-02' }] }]);
    const ms = months(store, '2016-01-15', '2016-03-10');
    expect(ms.map((m) => m.month)).toEqual(['2016-01', '2016-02', '2016-03']);
    expect(month(ms, '2016-01').inflow).toBe(1);
  });
});

describe('as-of date', () => {
  it('gives the figures as they were: a later exit does not change an earlier report', async () => {
    const store = await storeWith([
      { ref: 'K1', periods: [{ intake: '2015-03-01', exit: '2016-05-01', reason: 'work_regular' }] },
      { ref: 'K2', periods: [{ intake: '2016-04-20' }] },
    ]);
    const before = data(store, 'caseload-per-manager', { as_of: '2016-04-30' });
    expect(before.total).toBe(2);
    expect(data(store, 'caseload-per-manager', { as_of: '2016-05-01' }).total).toBe(1);
    // With as_of before the exit, the exit in [from, to] has not happened yet.
    const wt = data(store, 'work-target', { from: '2016-01-01', to: '2016-12-31', as_of: '2016-04-30' });
    expect(wt.realized).toBe(0);
    expect(data(store, 'exit-reasons', { from: '2016-01-01', to: '2016-12-31', as_of: '2016-04-30' }).total).toBe(0);
    const cd = months(store, '2016-04-01', '2016-06-30');
    expect(month(cd, '2016-05').outflow).toBe(1);
    const early = data(store, 'caseload-development', { from: '2016-04-01', to: '2016-06-30', as_of: '2016-04-30' })
      .months as Month[];
    expect(month(early, '2016-05')).toMatchObject({ start: 2, outflow: 0, end: 2 });
  });

  it('defaults as_of to to, and from to 1 January of to', async () => {
    const store = await storeWith([{ ref: 'K1', periods: [{ intake: '2016-02-01' }] }]);
    const d = data(store, 'exit-reasons', { to: '2016-08-31' });
    expect(d).toMatchObject({ from: '2016-01-01', to: '2016-08-31', as_of: '2016-08-31' });
    expect(data(store, 'activation', { to: '2016-08-31' }).as_of).toBe('2016-08-31');
  });
});

describe('exit reasons and inflow by referrer', () => {
  it('lists every exit reason with a count above zero, with its Dutch label, and the regular-work subtotal', async () => {
    const store = await storeWith([
      { ref: 'K1', periods: [{ intake: '2015-01-01', exit: '2016-02-01', reason: 'work_regular' }] },
      { ref: 'K2', periods: [{ intake: '2015-01-01', exit: '2016-03-01', reason: 'self_employed' }] },
      { ref: 'K3', periods: [{ intake: '2015-01-01', exit: '2016-03-05', reason: 'education' }] },
      { ref: 'K4', periods: [{ intake: '2015-01-01', exit: '2016-03-06', reason: 'education' }] },
      { ref: 'K5', periods: [{ intake: '2015-01-01', exit: '2015-12-31', reason: 'moved' }] },
      { ref: 'K6', periods: [{ intake: '2015-01-01', exit: '2016-09-01', reason: 'moved' }] },
    ]);
    const d = data(store, 'exit-reasons', { from: '2016-01-01', to: '2016-08-31', detail: true });
    expect(d.total).toBe(4);
    expect(d.regular_work).toBe(2);
    expect(d.reasons).toEqual([
      { code: 'work_regular', label: 'Niet-gesubsidieerd werk', count: 1, refs: ['K1'] },
      { code: 'self_employed', label: 'Zelfstandig ondernemerschap', count: 1, refs: ['K2'] },
      { code: 'education', label: 'Opleiding/school', count: 2, refs: ['K3', 'K4'] },
    ]);
  });

  it('counts intakes in the period per referrer', async () => {
    const store = await storeWith([
      { ref: 'K1', periods: [{ intake: '2016-01-05', referrer: 'uwv' }] },
      { ref: 'K2', periods: [{ intake: '2016-02-05', referrer: 'social_team' }] },
      { ref: 'K3', periods: [{ intake: '2016-03-05', referrer: 'social_team' }] },
      { ref: 'K4', periods: [{ intake: '2015-03-05', referrer: 'school' }] },
    ]);
    const d = data(store, 'inflow-by-referrer', { from: '2016-01-01', to: '2016-06-30' });
    expect(d.total).toBe(3);
    expect(d.referrers).toEqual([
      { code: 'social_team', label: 'Sociaal Team', count: 2 },
      { code: 'uwv', label: 'UWV', count: 1 },
    ]);
  });
});

describe('work target', () => {
  it('rounds the target up, forecasts over the days counted, and says whether it is on track', async () => {
    const clients = Array.from({ length: 10 }, (_, i) => ({
      ref: `K${i}`,
      periods: [{ intake: '2015-01-01', ...(i < 2 ? { exit: `2016-03-0${i + 1}`, reason: 'work_regular' } : {}) }],
    }));
    const store = await storeWith(clients);
    const d = data(store, 'work-target', { from: '2016-01-01', to: '2016-03-31' });
    // 10 x 25% = 2.5 -> 3; 2 exits in 91 days of a 366-day year -> 8.04 -> 8.
    expect(d).toMatchObject({
      baseline_date: '2016-01-01',
      baseline_caseload: 10,
      target_percent: 25,
      target: 3,
      realized: 2,
      forecast: 8,
      on_track: true,
    });
    const strict = data(store, 'work-target', { from: '2016-01-01', to: '2016-12-31', target_percent: 30 });
    expect(strict).toMatchObject({ target: 3, realized: 2, forecast: 2, on_track: false });
  });
});

describe('caseload per manager', () => {
  it('counts clients per account manager on the as-of date, over the norm only above it', async () => {
    const clients = [
      ...Array.from({ length: 3 }, (_, i) => ({
        ref: `KA${i}`,
        periods: [{ intake: '2016-01-01', manager: 'A. Jansen' }],
      })),
      ...Array.from({ length: 2 }, (_, i) => ({
        ref: `KB${i}`,
        periods: [{ intake: '2016-01-01', manager: 'B. de Vries' }],
      })),
      { ref: 'KC', periods: [{ intake: '2016-01-01', exit: '2016-02-01', manager: 'B. de Vries' }] },
    ];
    const store = await storeWith(clients);
    const d = data(store, 'caseload-per-manager', { as_of: '2016-03-01', norm: 2, detail: true });
    expect(d.norm).toBe(2);
    expect(d.managers).toEqual([
      { account_manager: 'A. Jansen', clients: 3, over_norm: true, over_by: 1, refs: ['KA0', 'KA1', 'KA2'] },
      { account_manager: 'B. de Vries', clients: 2, over_norm: false, over_by: 0, refs: ['KB0', 'KB1'] },
    ]);
    expect(data(store, 'caseload-per-manager', { as_of: '2016-03-01' }).norm).toBe(50);
  });
});

describe('activation', () => {
  it('counts activities ending exactly on the as-of date as active, and open-ended placements too', async () => {
    const store = await storeWith(
      ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'].map((ref) => ({ ref, periods: [{ intake: '2016-01-01' }] })),
    );
    await importCsv(store, 'employers', [{ ref: 'W1', name: 'Bakkerij Test' }]);
    await importCsv(store, 'activities', [
      {
        ref: 'A1',
        client_ref: 'K1',
        kind: 'job_application_training',
        start_date: '2016-05-01',
        end_date: '2016-06-30',
      },
      { ref: 'A2', client_ref: 'K2', kind: 'intake_programme', start_date: '2016-05-01', end_date: '2016-06-29' },
      { ref: 'A3', client_ref: 'K3', kind: 'training_course', start_date: '2016-07-01' },
      { ref: 'A4', client_ref: 'K5', kind: 'cvw_traject', start_date: '2016-06-30' },
    ]);
    await importCsv(store, 'placements', [
      { ref: 'P1', client_ref: 'K4', employer_ref: 'W1', start_date: '2016-03-01', kind: 'trial' },
    ]);
    const d = data(store, 'activation', { as_of: '2016-06-30', detail: true });
    expect(d).toMatchObject({ as_of: '2016-06-30', caseload: 6, active: 3, inactive: 3, percent: 50 });
    expect(d.refs.active).toEqual(['K1', 'K4', 'K5']);
    expect(d.refs.inactive).toEqual(['K2', 'K3', 'K6']);
  });
});

describe('employer follow-up', () => {
  it('lists exceptional employers, never-contacted ones overdue, and contacts more than the interval ago overdue', async () => {
    const store = await storeWith([]);
    await importCsv(store, 'employers', [
      { ref: 'W1', name: 'Nooit Gebeld BV', exceptional_since: '2016-01-01' },
      { ref: 'W2', name: 'Precies Op Tijd BV', exceptional_since: '2016-01-01' },
      { ref: 'W3', name: 'Te Laat BV', exceptional_since: '2015-06-01' },
      { ref: 'W4', name: 'Gewone Werkgever BV' },
      { ref: 'W5', name: 'Later Buitengewoon BV', exceptional_since: '2016-07-01' },
    ]);
    await importCsv(store, 'contacts', [
      { ref: 'C1', employer_ref: 'W2', date: '2016-04-01', kind: 'phone' },
      { ref: 'C2', employer_ref: 'W3', date: '2016-03-31', kind: 'visit' },
      { ref: 'C3', employer_ref: 'W3', date: '2016-02-01', kind: 'email' },
      { ref: 'C4', employer_ref: 'W1', date: '2016-07-15', kind: 'phone' },
    ]);
    const d = data(store, 'employer-follow-up', { as_of: '2016-06-30' });
    expect(d.interval_days).toBe(90);
    expect(d.employers).toEqual([
      {
        ref: 'W1',
        name: 'Nooit Gebeld BV',
        exceptional_since: '2016-01-01',
        last_contact: null,
        days_since: null,
        overdue: true,
      },
      {
        ref: 'W3',
        name: 'Te Laat BV',
        exceptional_since: '2015-06-01',
        last_contact: '2016-03-31',
        days_since: 91,
        overdue: true,
      },
      {
        ref: 'W2',
        name: 'Precies Op Tijd BV',
        exceptional_since: '2016-01-01',
        last_contact: '2016-04-01',
        days_since: 90,
        overdue: false,
      },
    ]);
    expect(d.overdue_count).toBe(2);
    expect(data(store, 'employer-follow-up', { as_of: '2016-06-30', interval_days: 91 }).overdue_count).toBe(1);
  });
});

describe('counted records and filters', () => {
  it('leaves out deleted and merged clients and filters on manager, referrer and target group', async () => {
    const store = await storeWith([
      {
        ref: 'K1',
        target_groups: ['banenafspraak'],
        periods: [{ intake: '2016-01-10', manager: 'A. Jansen', referrer: 'uwv' }],
      },
      { ref: 'K2', target_groups: ['statushouder'], periods: [{ intake: '2016-01-11', manager: 'B. de Vries' }] },
      { ref: 'K3', periods: [{ intake: '2016-01-12' }] },
      { ref: 'K4', periods: [{ intake: '2016-01-13' }] },
    ]);
    const id = (ref: string) => store.db.prepare('SELECT id FROM clients WHERE ref = ?').pluck().get(ref) as string;
    store.write('test', (w) => {
      w.update('client', id('K3'), { merged_into: id('K4') });
      w.remove('client', id('K4'));
    });
    const inflow = (extra: Record<string, unknown>) =>
      data(store, 'inflow-by-referrer', { from: '2016-01-01', to: '2016-01-31', ...extra }).total as number;
    expect(inflow({})).toBe(2);
    expect(inflow({ account_manager: 'A. Jansen' })).toBe(1);
    expect(inflow({ referrer: 'social_team' })).toBe(1);
    expect(inflow({ target_group: 'banenafspraak' })).toBe(1);
    expect(inflow({ target_group: 'vso_pro' })).toBe(0);
  });

  it('refuses impossible dates, a from after the to, unknown codes and unknown reports', async () => {
    const store = await storeWith([]);
    expect(() => runReport(store, 'exit-reasons', { from: '2016-02-30' })).toThrow(/geen geldige datum/);
    expect(() => runReport(store, 'exit-reasons', { from: '2016-05-01', to: '2016-04-01' })).toThrow(/ligt na/);
    expect(() => runReport(store, 'exit-reasons', { referrer: 'buurman' })).toThrow(/onbekende code/);
    expect(() => runReport(store, 'no-such-report', {})).toThrow(/onbekende rapportage/);
  });

  it('defaults the half-year report to the last half year that has ended', async () => {
    const store = await storeWith([]);
    expect(runReport(store, 'half-year', {}, { today: '2016-10-12' }).params).toMatchObject({
      from: '2016-01-01',
      to: '2016-06-30',
    });
    expect(runReport(store, 'half-year', {}, { today: '2016-06-30' }).params).toMatchObject({
      from: '2016-01-01',
      to: '2016-06-30',
    });
    expect(runReport(store, 'half-year', {}, { today: '2017-03-01' }).params).toMatchObject({
      from: '2016-07-01',
      to: '2016-12-31',
    });
    expect(runReport(store, 'half-year', { to: '2016-12-31' }).params).toMatchObject({ from: '2016-07-01' });
  });
});
