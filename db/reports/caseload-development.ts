// caseload-development (seed figure 4.1): per calendar month touched by [from, to] the caseload
// at the start, inflow, outflow and the caseload at the end. start = caseload at the end of the
// day before the month's first day; inflow/outflow = periods with intake/exit date in the month;
// end = caseload at the end of the month's last day, so end = start + inflow - outflow.
// Months are whole calendar months, also when from/to fall inside a month.
import { addDays, monthEnd, monthNameNl, monthsBetween } from './dates.js';
import { caseloadOnDays, events, type Bucket } from './query.js';
import { FILTER_PARAMS, filtersOf, type ReportDef } from './types.js';

export interface MonthRow {
  month: string;
  start: number;
  inflow: number;
  outflow: number;
  end: number;
}
export interface CaseloadDevelopment {
  from: string;
  to: string;
  as_of: string;
  months: MonthRow[];
  filters?: Record<string, string>;
}

const FIGURES = [
  ['start', 'Begin'],
  ['inflow', 'Instroom'],
  ['outflow', 'Uitstroom'],
  ['end', 'Eind'],
] as const;

export const caseloadDevelopment: ReportDef<CaseloadDevelopment> = {
  name: 'caseload-development',
  title: 'Ontwikkeling caseload',
  description: 'Per maand de caseload aan het begin, de instroom, de uitstroom en de caseload aan het eind.',
  params: ['from', 'to', 'as_of', ...FILTER_PARAMS],

  compute(store, p, trace) {
    const months = monthsBetween(p.from, p.to);
    const first = `${months[0]}-01`;
    const last = monthEnd(`${months[months.length - 1]}-01`);
    const scope = { as_of: p.as_of, filters: p.filters };
    // Boundary i is the end of the day before month i; the last boundary is the last month's end.
    const days = [addDays(first, -1), ...months.map((m) => monthEnd(`${m}-01`))];
    const at = caseloadOnDays(store, scope, days, trace.detail);
    const inflow = events(store, scope, 'intake_date', first, last, 'substr(p.intake_date, 1, 7)', trace.detail);
    const outflow = events(store, scope, 'exit_date', first, last, 'substr(p.exit_date, 1, 7)', trace.detail);
    const none: Bucket = { count: 0, hits: [] };
    const rows = months.map((month, i) => {
      const b: Record<(typeof FIGURES)[number][0], Bucket> = {
        start: at[i]!,
        inflow: inflow.get(month) ?? none,
        outflow: outflow.get(month) ?? none,
        end: at[i + 1]!,
      };
      for (const [key, label] of FIGURES) trace.add(`months.${i}.${key}`, `${label} ${monthNameNl(month)}`, 'period', b[key].hits);
      return { month, start: b.start.count, inflow: b.inflow.count, outflow: b.outflow.count, end: b.end.count };
    });
    return { from: p.from, to: p.to, as_of: p.as_of, months: rows, filters: filtersOf(p) };
  },

  tables(d) {
    const sum = (k: 'inflow' | 'outflow') => d.months.reduce((n, m) => n + m[k], 0);
    return [
      {
        id: 'months',
        chart: 'caseload-development',
        title: 'Ontwikkeling caseload per maand',
        columns: [
          { key: 'month', label: 'Maand', type: 'month' },
          { key: 'start', label: 'Begin', type: 'int' },
          { key: 'inflow', label: 'Instroom', type: 'int' },
          { key: 'outflow', label: 'Uitstroom', type: 'int' },
          { key: 'end', label: 'Eind', type: 'int' },
        ],
        rows: [
          ...d.months.map((m, i) => ({
            cells: { ...m },
            figures: Object.fromEntries(FIGURES.map(([k]) => [k, `months.${i}.${k}`])),
          })),
          {
            cells: { month: 'Totaal', start: d.months[0]?.start ?? 0, inflow: sum('inflow'), outflow: sum('outflow'), end: d.months.at(-1)?.end ?? 0 },
            total: true,
          },
        ],
        note: 'Begin: caseload aan het eind van de dag voor de eerste van de maand. Eind: caseload aan het eind van de laatste dag. De uitstroomdatum is de eerste dag uit de caseload.',
      },
    ];
  },
};
