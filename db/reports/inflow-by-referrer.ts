// inflow-by-referrer: caseload periods with their intake date in [from, to] per referrer
// (mostly the Sociaal Team, seed 3.3). Only referrers with inflow are listed, as in exit-reasons.
import { codeCounts, type CodeCount } from './code-counts.js';
import { events, scopeOf } from './query.js';
import { filtersOf, type ReportDef } from './types.js';

export interface InflowByReferrer {
  from: string;
  to: string;
  as_of: string;
  total: number;
  referrers: CodeCount[];
  filters?: Record<string, string | string[]>;
}

export const inflowByReferrer: ReportDef<InflowByReferrer> = {
  name: 'inflow-by-referrer',
  title: 'Instroom per verwijzer',
  description: 'Instroom in de periode per verwijzer.',
  params: ['from', 'to', 'as_of', 'account_manager', 'target_group', 'referrer'],

  compute(store, p, trace) {
    const scope = scopeOf(p);
    const { rows, hits } = codeCounts(
      'referrer',
      events(store, scope, 'intake_date', p.from, p.to, 'p.referrer', trace.wants()),
    );
    rows.forEach((r, i) => trace.add(`referrers.${i}`, `Instroom via ${r.label}`, 'period', hits[i]!));
    trace.add('total', 'Instroom totaal', 'period', hits.flat());
    return {
      from: p.from,
      to: p.to,
      as_of: p.as_of,
      total: rows.reduce((n, r) => n + r.count, 0),
      referrers: rows,
      filters: filtersOf(p),
    };
  },

  tables(d) {
    const pct = (n: number) => (d.total ? Math.round((n * 1000) / d.total) / 10 : 0);
    return [
      {
        id: 'referrers',
        title: 'Instroom per verwijzer',
        columns: [
          { key: 'label', label: 'Verwijzer', type: 'text' },
          { key: 'count', label: 'Aantal', type: 'int' },
          { key: 'percent', label: 'Aandeel (%)', type: 'percent' },
        ],
        rows: [
          ...d.referrers.map((r, i) => ({
            cells: { label: r.label, count: r.count, percent: pct(r.count) },
            figures: { count: `referrers.${i}` },
          })),
          {
            cells: { label: 'Totaal', count: d.total, percent: d.total ? 100 : 0 },
            figures: { count: 'total' },
            total: true,
          },
        ],
      },
    ];
  },
};
