// activation: the share of the caseload (end of as_of) that is active - in an activity or a
// placement with start_date <= as_of and (end_date empty or end_date >= as_of); end dates are
// the last day (CONTRACTS.md). The municipality wants every client kept active (seed 2.4, 2.5),
// so the clients without a running activity are a figure of their own.
import { inCaseloadOnParam, periodCte, refsOf, type Hit } from './query.js';
import { FILTER_PARAMS, filtersOf, type ReportDef } from './types.js';

export interface Activation {
  as_of: string;
  caseload: number;
  active: number;
  /** Extra key: caseload - active. */
  inactive: number;
  /** active / caseload x 100, one decimal; 0 for an empty caseload. */
  percent: number;
  filters?: Record<string, string | string[]>;
}

// Clients with a running activity or placement, as one set (covering indexes of migration 0002)
// rather than a lookup per client in the caseload.
// raw SQL: fragments of the report engine's p CTE queries (db/reports/query.ts)
const RUNNING = (table: string) =>
  `SELECT client_id FROM ${table} WHERE deleted = 0 AND start_date <= @day AND (end_date IS NULL OR end_date >= @day)`;
const ACTIVE = `(p.cid IN (${RUNNING('activities')} UNION ALL ${RUNNING('placements')}))`;

export const activation: ReportDef<Activation> = {
  name: 'activation',
  title: 'Activering',
  description: 'Aandeel van de caseload op de peildatum met een lopende activiteit of plaatsing.',
  params: ['as_of', ...FILTER_PARAMS],

  compute(store, p, trace) {
    const cte = periodCte(p.filters);
    const params = { ...cte.params, day: p.as_of };
    let caseload: number;
    let activeCount: number;
    if (!trace.wants()) {
      // raw SQL: the report engine's p CTE with the running-activity set, as above
      const row = store.db
        .prepare(
          `${cte.sql} SELECT count(*) AS n, coalesce(sum(${ACTIVE}), 0) AS a FROM p WHERE ${inCaseloadOnParam('day')}`,
        )
        .get(params) as { n: number; a: number };
      caseload = row.n;
      activeCount = row.a;
    } else {
      // raw SQL: the report engine's p CTE with the running-activity set, as above
      const found = store.db
        .prepare(`${cte.sql} SELECT p.pid AS id, p.cid AS cid, ${ACTIVE} AS a FROM p WHERE ${inCaseloadOnParam('day')}`)
        .all(params) as { id: string; cid: string; a: number }[];
      const refs = refsOf(
        store,
        found.map((r) => r.cid),
        p.memo,
      );
      const rows = found.map((r) => ({ id: r.id, ref: refs.get(r.cid) ?? '', a: r.a }));
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
          {
            cells: { label: 'Zonder lopende activiteit of plaatsing', value: d.inactive },
            figures: { value: 'inactive' },
          },
          { cells: { label: 'Percentage actief', value: d.percent } },
        ],
        note: 'Actief op de peildatum: een activiteit of plaatsing met startdatum op of voor de peildatum en geen einddatum of een einddatum op of na de peildatum.',
      },
    ];
  },
};
