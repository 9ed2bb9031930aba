// The seed report's 2016 (chapter 4.2): a caseload built like figures 4.1 and 4.2 gives the
// work-target figures of the evaluation - baseline 307, target 77, realized 64, on track - and
// every figure opens exactly the records it counts.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api/dispatch.js';
import { figureRecords } from '../../../db/reports/records.js';
import { runReport } from '../../../db/reports/run.js';
import type { Store } from '../../../db/journal/store.js';
import { storeWith } from './fixture.js';
import { seed2016, type Seed } from './seed-2016.js';

let store: Store;
let seed: Seed;
const period = { from: '2016-01-01', to: '2016-08-31' };

beforeAll(async () => {
  seed = seed2016();
  store = await storeWith(seed.clients);
});

/** Every figure with refs in a report's detail JSON: [path, count, refs]. */
function figuresOf(node: unknown, path = ''): [string, number, string[]][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => figuresOf(x, `${path}${i}.`));
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const out: [string, number, string[]][] = [];
  if (Array.isArray(o.refs))
    out.push([path.slice(0, -1), (o.count ?? o.clients ?? o.value) as number, o.refs as string[]]);
  else if (o.refs && typeof o.refs === 'object') {
    for (const [k, refs] of Object.entries(o.refs as Record<string, string[]>)) {
      const v = o[k];
      out.push([`${path}${k}`, typeof v === 'number' ? v : Array.isArray(v) ? v.length : NaN, refs]);
    }
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'refs') out.push(...figuresOf(v, `${path}${k}.`));
  return out;
}

describe('the 2016 caseload of the seed report', () => {
  it('says baseline 307, target 77, realized 64 and on track for January to August', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- report JSON, checked field by field
    const d = runReport(store, 'work-target', { ...period, detail: true }).data as Record<string, any>;
    expect(seed.regularExits).toBe(64);
    expect(d).toMatchObject({
      baseline_date: '2016-01-01',
      to: '2016-08-31',
      baseline_caseload: 307,
      target_percent: 25,
      target: 77,
      realized: 64,
      on_track: true,
    });
    // 64 in 244 days of a 366-day year.
    expect(d.forecast).toBe(Math.round((64 * 366) / 244));
    expect(d.refs.baseline_caseload).toHaveLength(307);
    expect(new Set(d.refs.baseline_caseload).size).toBe(307);
    expect(d.refs.realized).toHaveLength(64);
  });

  it('opens exactly the counted records behind each work-target figure', async () => {
    const api = createApi(store);
    for (const [figure, n] of [
      ['baseline_caseload', 307],
      ['realized', 64],
    ] as const) {
      const r = await api.call('reports.records', { name: 'work-target', params: period, figure, limit: 1000 });
      expect(r.ok).toBe(true);
      const v = (r as { value: { total: number; records: { ref: string; exit_reason: string | null }[] } }).value;
      expect(v.total).toBe(n);
      expect(v.records).toHaveLength(n);
      if (figure === 'realized')
        expect(new Set(v.records.map((x) => x.exit_reason))).toEqual(new Set(['work_regular', 'self_employed']));
    }
  });

  it('shows the inflow peak of 37 in January and the monthly books of figure 4.1', () => {
    const d = runReport(store, 'caseload-development', period).data as { months: Seed['months'] };
    expect(d.months).toEqual(seed.months);
    expect(Math.max(...d.months.map((m) => m.inflow))).toBe(37);
    expect(d.months[0]!.inflow).toBe(37);
    // The caseload shrinks from March and is about ten percent lower in August than in January.
    const jan = d.months[0]!.end;
    const aug = d.months[7]!.end;
    expect(aug / jan).toBeGreaterThan(0.85);
    expect(aug / jan).toBeLessThan(0.95);
    for (const m of d.months) expect(m.end).toBe(m.start + m.inflow - m.outflow);
  });

  it("agrees with the caseload counted directly on each month's last day", () => {
    const d = runReport(store, 'caseload-development', period).data as { months: Seed['months'] };
    for (const m of d.months) {
      const last = new Date(Date.UTC(Number(m.month.slice(0, 4)), Number(m.month.slice(5)), 0))
        .toISOString()
        .slice(0, 10);
      expect((runReport(store, 'caseload-per-manager', { as_of: last }).data as { total: number }).total, m.month).toBe(
        m.end,
      );
    }
  });

  it('counts the returning client in May and the 1 January exit in the baseline and in January', () => {
    const d = runReport(store, 'caseload-development', { ...period, detail: true }).data as {
      months: (Seed['months'][number] & { refs: Record<string, string[]> })[];
    };
    expect(d.months[0]!.refs.start).toContain(seed.exitOnNewYear);
    expect(d.months[0]!.refs.outflow).toContain(seed.exitOnNewYear);
    expect(d.months[2]!.refs.outflow).toContain(seed.returning);
    expect(d.months[4]!.refs.inflow).toContain(seed.returning);
    expect(d.months[3]!.refs.end).not.toContain(seed.returning);
  });

  it('gives every figure of every report as many refs as its count', () => {
    const names = [
      'caseload-development',
      'exit-reasons',
      'work-target',
      'caseload-per-manager',
      'inflow-by-referrer',
      'activation',
      'half-year',
    ];
    let checked = 0;
    for (const name of names) {
      const plain = runReport(store, name, period).data;
      const detail = runReport(store, name, { ...period, detail: true }).data;
      const figures = figuresOf(detail);
      expect(figures.length, name).toBeGreaterThan(0);
      for (const [path, count, refs] of figures) {
        if (Number.isNaN(count)) continue;
        expect(refs, `${name} ${path}`).toHaveLength(count);
        checked++;
      }
      // --detail only adds refs: the figures are the same.
      expect(JSON.parse(JSON.stringify(detail, (k, v) => (k === 'refs' ? undefined : v)))).toEqual(plain);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('lists the records of one month figure through the contract and the record loader alike', async () => {
    const api = createApi(store);
    const r = await api.call('reports.records', {
      name: 'caseload-development',
      params: period,
      figure: 'months.2.outflow',
    });
    expect(r.ok).toBe(true);
    const v = (r as { value: { label: string; total: number; records: { exit_date: string }[] } }).value;
    expect(v.label).toBe('Uitstroom maart 2016');
    expect(v.total).toBe(17);
    expect(v.records.every((x) => x.exit_date.startsWith('2016-03'))).toBe(true);
    const direct = figureRecords(store, 'half-year', period, 'sections.work_target.realized', { offset: 0, limit: 10 });
    expect(direct.total).toBe(64);
    expect(direct.records).toHaveLength(10);
    const bad = await api.call('reports.records', { name: 'work-target', params: period, figure: 'nope' });
    expect(bad.ok).toBe(false);
  });

  it('hands the report out as a file for download through the contract', async () => {
    const api = createApi(store);
    const r = await api.call('reports.file', {
      name: 'half-year',
      params: { from: '2016-01-01', to: '2016-06-30' },
      format: 'csv',
    });
    expect(r.ok).toBe(true);
    const v = (r as { value: { filename: string; mime: string; base64: string } }).value;
    expect(v.filename).toBe('halfjaarrapportage-2016-01-01-2016-06-30.csv');
    expect(v.mime).toBe('text/csv;charset=utf-8');
    const text = Buffer.from(v.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('januari 2016;307;37;16;328');
    const list = await api.call('reports.list', {});
    expect(list.ok && (list.value as { name: string }[]).map((x) => x.name)).toEqual([
      'caseload-development',
      'exit-reasons',
      'work-target',
      'caseload-per-manager',
      'inflow-by-referrer',
      'activation',
      'employer-follow-up',
      'half-year',
      'lasting-work',
    ]);
  });

  it('puts the work target in the half-year report with the result agreements', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- report JSON, checked field by field
    const d = runReport(store, 'half-year', { from: '2016-01-01', to: '2016-06-30' }).data as Record<string, any>;
    expect(d.title).toBe('Halfjaarrapportage eerste halfjaar 2016');
    expect(d.sections.work_target).toMatchObject({
      baseline_date: '2016-01-01',
      to: '2016-06-30',
      baseline_caseload: 307,
      target: 77,
    });
    expect(d.sections.caseload_development.months).toHaveLength(6);
    const b = d.result_agreements.find((a: { code: string }) => a.code === 'b');
    expect(b.value).toBe(d.sections.work_target.realized);
  });
});
