// caseload-per-manager: clients in the caseload at the end of as_of per account manager (of
// their caseload period on that day: handovers are dated), against the norm of about 50 clients each (seed 2.7). over_norm is
// true when a manager has more clients than the norm. Clients without an account manager form
// their own row (account_manager null), so the rows add up to the whole caseload.
import { caseloadOn, scopeOf } from './query.js';
import { filtersOf, type ReportDef } from './types.js';

export interface ManagerRow {
  account_manager: string | null;
  clients: number;
  over_norm: boolean;
  /** Extra key: clients above the norm (0 when not over). */
  over_by: number;
}
export interface CaseloadPerManager {
  as_of: string;
  norm: number;
  total: number;
  managers: ManagerRow[];
  filters?: Record<string, string | string[]>;
}

/**
 * The period's account manager at the end of the day (@on_day): the latest handover from that
 * day or before; before any handover, the manager the first handover took over from; without
 * handovers, the period's own (db/work/periods.ts handover).
 */
// raw SQL: a bucket of the report engine over its p CTE (db/reports/query.ts grouped). The
// periods with handovers are listed once (an IN list in memory), not probed per period.
const MANAGER_ON_DAY = `CASE WHEN p.pid IN (SELECT a.period_id FROM assignments a WHERE a.deleted = 0)
  THEN coalesce(
    (SELECT a.account_manager FROM assignments a WHERE a.period_id = p.pid AND a.deleted = 0 AND a.from_date <= @on_day
     ORDER BY a.from_date DESC, a.id DESC LIMIT 1),
    (SELECT a.previous FROM assignments a WHERE a.period_id = p.pid AND a.deleted = 0 ORDER BY a.from_date, a.id LIMIT 1))
  ELSE p.account_manager END`;

export const caseloadPerManager: ReportDef<CaseloadPerManager> = {
  name: 'caseload-per-manager',
  title: 'Caseload per klantmanager',
  description: 'Klanten in de caseload op de peildatum per klantmanager, vergeleken met de norm.',
  params: ['as_of', 'norm', 'target_group', 'referrer'],

  compute(store, p, trace) {
    const scope = scopeOf(p);
    // Without any handover every period's manager is its own: the plain column (as before
    // handovers were dated) costs a quarter less at 100,000 clients than the CASE (40 vs 50 ms).
    const handovers = store.first(
      store.kysely.selectFrom('assignments').select('id').where('deleted', '=', 0).limit(1),
    );
    const bucket = handovers ? MANAGER_ON_DAY : 'p.account_manager';
    const buckets = caseloadOn(store, scope, p.as_of, bucket, trace.wants());
    const names = [...buckets.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nl')));
    const managers = names.map((name, i) => {
      const b = buckets.get(name)!;
      trace.add(`managers.${i}`, `Caseload ${name ?? 'zonder klantmanager'}`, 'period', b.hits);
      return {
        account_manager: name,
        clients: b.count,
        over_norm: b.count > p.norm,
        over_by: Math.max(0, b.count - p.norm),
      };
    });
    trace.add(
      'total',
      'Caseload totaal',
      'period',
      names.flatMap((n) => buckets.get(n)!.hits),
    );
    return {
      as_of: p.as_of,
      norm: p.norm,
      total: managers.reduce((n, m) => n + m.clients, 0),
      managers,
      filters: filtersOf(p),
    };
  },

  tables(d) {
    return [
      {
        id: 'managers',
        title: `Caseload per klantmanager (norm ${d.norm})`,
        columns: [
          { key: 'account_manager', label: 'Klantmanager', type: 'text' },
          { key: 'clients', label: 'Klanten', type: 'int' },
          { key: 'over_norm', label: 'Boven de norm', type: 'bool' },
          { key: 'over_by', label: 'Aantal boven de norm', type: 'int' },
        ],
        rows: [
          ...d.managers.map((m, i) => ({
            cells: {
              account_manager: m.account_manager ?? '(geen klantmanager)',
              clients: m.clients,
              over_norm: m.over_norm,
              over_by: m.over_by,
            },
            figures: { clients: `managers.${i}` },
          })),
          {
            cells: { account_manager: 'Totaal', clients: d.total, over_norm: null, over_by: null },
            figures: { clients: 'total' },
            total: true,
          },
        ],
      },
    ];
  },
};
