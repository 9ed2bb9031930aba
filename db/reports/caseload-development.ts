// caseload-development (seed figure 4.1): per calendar month touched by [from, to] the caseload
// at the start, inflow, outflow and the caseload at the end. start = caseload at the end of the
// day before the month's first day; inflow/outflow = periods with intake/exit date in the month;
// end = caseload at the end of the month's last day, so end = start + inflow - outflow.
// Months are whole calendar months, also when from/to fall inside a month.
import { addDays, monthEnd, monthNameNl, monthsBetween } from '../model/calendar.js';
import { byRef, caseloadOn, EMPTY, events, scopeOf, sortedByRef, type Hit } from './query.js';
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
  filters?: Record<string, string | string[]>;
}

const FIGURES = [
  ['start', 'Begin'],
  ['inflow', 'Instroom'],
  ['outflow', 'Uitstroom'],
  ['end', 'Eind'],
] as const;

function mergeByRef(a: Hit[], b: Hit[]): Hit[] {
  const out: Hit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    out.push(j >= b.length || (i < a.length && byRef(a[i]!, b[j]!) <= 0) ? a[i++]! : b[j++]!);
  return out;
}

export const caseloadDevelopment: ReportDef<CaseloadDevelopment> = {
  name: 'caseload-development',
  title: 'Ontwikkeling caseload',
  description: 'Per maand de caseload aan het begin, de instroom, de uitstroom en de caseload aan het eind.',
  params: ['from', 'to', 'as_of', ...FILTER_PARAMS],

  compute(store, p, trace) {
    const months = monthsBetween(p.from, p.to);
    const first = `${months[0]}-01`;
    const last = monthEnd(`${months[months.length - 1]}-01`);
    const scope = scopeOf(p);
    const detail = trace.wants('months');
    const start = caseloadOn(store, scope, addDays(first, -1), 'NULL', detail).get(null) ?? EMPTY;
    const inflow = events(store, scope, 'intake_date', first, last, 'substr(p.intake_date, 1, 7)', detail);
    const outflow = events(store, scope, 'exit_date', first, last, 'substr(p.exit_date, 1, 7)', detail);
    // Being in the caseload at the end of day X is "intake <= X" minus "exit <= X" (an exit
    // never precedes its intake), so each month's end is its start plus inflow minus outflow -
    // the caseload at the end of its last day, by the definition.
    let count = start.count;
    // The caseload as a list in ref order, updated month by month with merges (no re-sorting).
    let members = detail ? sortedByRef(start.hits) : [];
    const rows = months.map((month, i) => {
      const inn = inflow.get(month) ?? EMPTY;
      const out = outflow.get(month) ?? EMPTY;
      const startHits = members;
      if (detail) {
        const gone = new Set(out.hits.map((h) => h.id));
        members = mergeByRef(members, sortedByRef(inn.hits)).filter((h) => !gone.has(h.id));
      }
      const row = { month, start: count, inflow: inn.count, outflow: out.count, end: count + inn.count - out.count };
      count = row.end;
      const hits = { start: startHits, inflow: inn.hits, outflow: out.hits, end: members };
      for (const [key, label] of FIGURES)
        trace.add(`months.${i}.${key}`, `${label} ${monthNameNl(month)}`, 'period', hits[key]);
      return row;
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
            cells: {
              month: 'Totaal',
              start: d.months[0]?.start ?? 0,
              inflow: sum('inflow'),
              outflow: sum('outflow'),
              end: d.months.at(-1)?.end ?? 0,
            },
            total: true,
          },
        ],
        note: 'Begin: caseload aan het eind van de dag voor de eerste van de maand. Eind: caseload aan het eind van de laatste dag. De uitstroomdatum is de eerste dag uit de caseload.',
      },
    ];
  },
};
