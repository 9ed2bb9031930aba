// exit-reasons (seed figure 4.2): caseload periods with their exit date in [from, to], per exit
// reason. "Regular work" (work_regular + self_employed, DOMAIN.md) is shown as a subtotal.
import { REGULAR_WORK_REASONS } from '../model/codes.js';
import { codeCounts, type CodeCount } from './code-counts.js';
import { events, scopeOf } from './query.js';
import { FILTER_PARAMS, filtersOf, type ReportDef } from './types.js';

export interface ExitReasons {
  from: string;
  to: string;
  as_of: string;
  total: number;
  /** Extra key: exits to regular work (work_regular + self_employed). */
  regular_work: number;
  reasons: CodeCount[];
  filters?: Record<string, string | string[]>;
}

export const exitReasons: ReportDef<ExitReasons> = {
  name: 'exit-reasons',
  title: 'Reden van uitstroom',
  description: 'Uitstroom in de periode per reden, met de uitstroom naar regulier werk.',
  params: ['from', 'to', 'as_of', ...FILTER_PARAMS],

  compute(store, p, trace) {
    const scope = scopeOf(p);
    const buckets = events(store, scope, 'exit_date', p.from, p.to, 'p.exit_reason', trace.wants());
    const { rows, hits } = codeCounts('exit_reason', buckets);
    rows.forEach((r, i) => trace.add(`reasons.${i}`, `Uitstroom: ${r.label}`, 'period', hits[i]!));
    const regular = rows.flatMap((r, i) =>
      (REGULAR_WORK_REASONS as readonly (string | null)[]).includes(r.code) ? [i] : [],
    );
    trace.add('total', 'Uitstroom totaal', 'period', hits.flat());
    trace.add(
      'regular_work',
      'Uitstroom naar regulier werk',
      'period',
      regular.flatMap((i) => hits[i]!),
    );
    return {
      from: p.from,
      to: p.to,
      as_of: p.as_of,
      total: rows.reduce((n, r) => n + r.count, 0),
      regular_work: regular.reduce((n, i) => n + rows[i]!.count, 0),
      reasons: rows,
      filters: filtersOf(p),
    };
  },

  tables(d) {
    const pct = (n: number) => (d.total ? Math.round((n * 1000) / d.total) / 10 : 0);
    return [
      {
        id: 'reasons',
        chart: 'exit-reasons',
        title: 'Uitstroom naar reden',
        columns: [
          { key: 'label', label: 'Reden uitstroom', type: 'text' },
          { key: 'count', label: 'Aantal', type: 'int' },
          { key: 'percent', label: 'Aandeel (%)', type: 'percent' },
        ],
        rows: [
          ...d.reasons.map((r, i) => ({
            cells: { label: r.label, count: r.count, percent: pct(r.count) },
            figures: { count: `reasons.${i}` },
          })),
          {
            cells: { label: 'Waarvan regulier werk', count: d.regular_work, percent: pct(d.regular_work) },
            figures: { count: 'regular_work' },
            total: true,
          },
          {
            cells: { label: 'Totaal', count: d.total, percent: d.total ? 100 : 0 },
            figures: { count: 'total' },
            total: true,
          },
        ],
        note: 'Regulier werk = niet-gesubsidieerd werk en zelfstandig ondernemerschap.',
      },
    ];
  },
};
