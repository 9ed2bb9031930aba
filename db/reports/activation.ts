// activation: the share of the caseload (end of as_of) that is active - in an activity or a
// placement with start_date <= as_of and (end_date empty or end_date >= as_of); end dates are
// the last day (CONTRACTS.md). The municipality wants every client kept active (seed 2.4, 2.5),
// so the clients without a running activity are a figure of their own.
import { inCaseloadSql, periodCte, type Hit } from './query.js';
import { FILTER_PARAMS, filtersOf, type ReportDef } from './types.js';

export interface Activation {
  as_of: string;
  caseload: number;
  active: number;
  /** Extra key: caseload - active. */
  inactive: number;
  /** active / caseload x 100, one decimal; 0 for an empty caseload. */
  percent: number;
  filters?: Record<string, string>;
}

const RUNNING = (table: string) =>
  `EXISTS (SELECT 1 FROM ${table} x WHERE x.client_id = p.cid AND x.deleted = 0 AND x.start_date <= @day AND (x.end_date IS NULL OR x.end_date >= @day))`;

export const activation: ReportDef<Activation> = {
  name: 'activation',
  title: 'Activering',
  description: 'Aandeel van de caseload op de peildatum met een lopende activiteit of plaatsing.',
  params: ['as_of', ...FILTER_PARAMS],

  compute(store, p, trace) {
    const cte = periodCte(p.filters);
    const params = { ...cte.params, day: p.as_of };
    const active = `(${RUNNING('activities')} OR ${RUNNING('placements')})`;
    let caseload: number;
    let activeCount: number;
    if (!trace.detail) {
      const row = store.db
        .prepare(`${cte.sql} SELECT count(*) AS n, coalesce(sum(${active}), 0) AS a FROM p WHERE ${inCaseloadSql('day')}`)
        .get(params) as { n: number; a: number };
      caseload = row.n;
      activeCount = row.a;
    } else {
      const rows = store.db
        .prepare(`${cte.sql} SELECT p.pid AS id, p.ref AS ref, ${active} AS a FROM p WHERE ${inCaseloadSql('day')} ORDER BY p.ref, p.pid`)
        .all(params) as (Hit & { a: number })[];
      const hit = (r: Hit) => ({ id: r.id, ref: r.ref });
      trace.add('caseload', 'Caseload op de peildatum', 'period', rows.map(hit));
      trace.add('active', 'Actief (lopende activiteit of plaatsing)', 'period', rows.filter((r) => r.a).map(hit));
      trace.add('inactive', 'Zonder lopende activiteit of plaatsing', 'period', rows.filter((r) => !r.a).map(hit));
      caseload = rows.length;
      activeCount = rows.filter((r) => r.a).length;
    }
    return {
      as_of: p.as_of,
      caseload,
      active: activeCount,
      inactive: caseload - activeCount,
      percent: caseload ? Math.round((activeCount * 1000) / caseload) / 10 : 0,
      filters: filtersOf(p),
    };
  },

  tables(d) {
    return [
      {
        id: 'activation',
        title: 'Activering van de caseload',
        columns: [
          { key: 'label', label: 'Onderdeel', type: 'text' },
          { key: 'value', label: 'Aantal', type: 'number' },
        ],
        rows: [
          { cells: { label: 'Caseload op de peildatum', value: d.caseload }, figures: { value: 'caseload' } },
          { cells: { label: 'Actief in activiteit of plaatsing', value: d.active }, figures: { value: 'active' } },
          { cells: { label: 'Zonder lopende activiteit of plaatsing', value: d.inactive }, figures: { value: 'inactive' } },
          { cells: { label: 'Percentage actief', value: d.percent } },
        ],
        note: 'Actief op de peildatum: een activiteit of plaatsing met startdatum op of voor de peildatum en geen einddatum of een einddatum op of na de peildatum.',
      },
    ];
  },
};
