// lasting-work (seed 2.5, issue 14): of the clients who left the caseload for regular work
// (work_regular + self_employed) with an exit date in [from, to], how many are still out of the
// caseload 6 and 12 months after their exit, and how many came back (a new intake after the
// exit, up to that moment). A moment after as_of cannot be measured yet: those count as
// "nog niet te meten". Every figure lists its periods, like every other report.
import { REGULAR_WORK_REASONS } from '../model/codes.js';
import { addMonths } from '../model/calendar.js';
import type { Store } from '../journal/store.js';
import { events, scopeOf, type Bucket } from './query.js';
import { FILTER_PARAMS, filtersOf, type ReportDef } from './types.js';

export interface Horizon {
  months: number;
  out: number;
  back: number;
  pending: number;
}
export interface LastingWork {
  from: string;
  to: string;
  as_of: string;
  /** Exits to regular work in [from, to]. */
  placed: number;
  horizons: Horizon[];
  filters?: Record<string, string | string[]>;
}

const HORIZONS = [6, 12];
const STATES = ['out', 'back', 'pending'] as const;

/** SQL: the state of period p `months` after its exit (the one calendar's month arithmetic). */
function stateAfter(months: number): string {
  const day = `caseload_add_months(p.exit_date, ${months})`;
  // raw SQL: a bucket expression of the report engine (query.ts grouped), like MANAGER_ON_DAY
  return `CASE WHEN ${day} > @as_of THEN 'pending'
    WHEN EXISTS (SELECT 1 FROM caseload_periods n WHERE n.client_id = p.cid AND n.deleted = 0
      AND n.intake_date > p.exit_date AND n.intake_date <= ${day}) THEN 'back'
    ELSE 'out' END`;
}

function register(store: Store): void {
  store.db.function('caseload_add_months', { deterministic: true }, (d: unknown, n: unknown) =>
    typeof d === 'string' ? addMonths(d, Number(n)) : null,
  );
}

export const lastingWork: ReportDef<LastingWork> = {
  name: 'lasting-work',
  title: 'Duurzame uitstroom naar werk',
  description: 'Van de uitstroom naar regulier werk: hoeveel klanten na 6 en 12 maanden nog uit de caseload zijn.',
  params: ['from', 'to', 'as_of', ...FILTER_PARAMS],

  compute(store, p, trace) {
    register(store);
    const scope = scopeOf(p);
    const regular = `p.exit_reason IN (${REGULAR_WORK_REASONS.map((r) => `'${r}'`).join(', ')})`;
    const placed = events(store, scope, 'exit_date', p.from, p.to, 'NULL', trace.wants(), regular).get(null);
    trace.add('placed', 'Uitstroom naar regulier werk', 'period', placed?.hits ?? []);
    const horizons = HORIZONS.map((months, i) => {
      const buckets = events(store, scope, 'exit_date', p.from, p.to, stateAfter(months), trace.wants(), regular, {
        as_of: p.as_of,
      });
      const get = (s: string): Bucket => buckets.get(s) ?? { count: 0, hits: [] };
      const label = { out: 'nog uit de caseload', back: 'teruggekomen', pending: 'nog niet te meten' };
      for (const s of STATES)
        trace.add(`horizons.${i}.${s}`, `Na ${months} maanden: ${label[s]}`, 'period', get(s).hits);
      return { months, out: get('out').count, back: get('back').count, pending: get('pending').count };
    });
    return { from: p.from, to: p.to, as_of: p.as_of, placed: placed?.count ?? 0, horizons, filters: filtersOf(p) };
  },

  tables(d) {
    const pct = (n: number, h: Horizon) => {
      const measured = h.out + h.back;
      return measured ? Math.round((n * 1000) / measured) / 10 : 0;
    };
    return [
      {
        id: 'horizons',
        title: `Duurzame uitstroom (${d.placed} klanten uitgestroomd naar regulier werk)`,
        columns: [
          { key: 'label', label: 'Moment', type: 'text' },
          { key: 'out', label: 'Nog uit de caseload', type: 'int' },
          { key: 'out_pct', label: '% van gemeten', type: 'percent' },
          { key: 'back', label: 'Teruggekomen', type: 'int' },
          { key: 'pending', label: 'Nog niet te meten', type: 'int' },
        ],
        rows: d.horizons.map((h, i) => ({
          cells: {
            label: `Na ${h.months} maanden`,
            out: h.out,
            out_pct: pct(h.out, h),
            back: h.back,
            pending: h.pending,
          },
          figures: { out: `horizons.${i}.out`, back: `horizons.${i}.back`, pending: `horizons.${i}.pending` },
        })),
        note: 'Teruggekomen: een nieuwe instroom na de uitstroom, tot het moment. Nog niet te meten: het moment ligt na de peildatum.',
      },
    ];
  },
};
