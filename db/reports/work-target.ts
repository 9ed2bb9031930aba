// work-target: the result agreement "at least 25% of the caseload on 1 January exits to regular
// work" (seed 4.1, 4.2). baseline_caseload = caseload at the end of the day before from;
// target = ceil(baseline x percent / 100); realized = exits to regular work (work_regular,
// self_employed) with exit date in [from, to]; forecast = round(realized x days in from's year /
// days from..to inclusive); on_track = forecast >= target.
// When as_of lies before to, only exits up to as_of count and the forecast extrapolates from
// the days up to as_of (the figures as they were known then); by default as_of = to.
//
// The base (issue 13/14, seed 4.1 b: "uitkeringsgerechtigden die klant zijn"): the clients of the
// baseline caseload with a benefit (BENEFIT_RECIPIENT_STATUSES). A client whose benefit status
// is not filled counts as long as it is not, so while nobody's is filled the base is the whole
// caseload - and the report says so (base_kind, note). Clients known to have no benefit
// ('geen') are left out of the base and of realized alike. target = ceil(base x percent / 100);
// baseline_caseload stays the whole caseload (CONTRACTS.md).
import { BENEFIT_RECIPIENT_STATUSES, REGULAR_WORK_REASONS } from '../model/codes.js';
import { addDays, daysInYear, daysInclusive, minDate, yearOf } from '../model/calendar.js';
import { caseloadOn, events, scopeOf, type Bucket } from './query.js';
import { FILTER_PARAMS, filtersOf, type ReportDef } from './types.js';
import type { Store } from '../journal/store.js';

export interface WorkTarget {
  baseline_date: string;
  to: string;
  as_of: string;
  baseline_caseload: number;
  target_percent: number;
  target: number;
  realized: number;
  forecast: number;
  on_track: boolean;
  /** Extra keys: the day count behind the forecast and the share realized so far. */
  days_counted: number;
  days_in_year: number;
  realized_percent: number;
  /** The clients the target is a share of: 'benefit' (all statuses filled), 'caseload' (none), 'mixed'. */
  base_kind: 'benefit' | 'caseload' | 'mixed';
  /** Baseline clients with a benefit, plus those whose status is not filled. */
  base: number;
  /** Baseline clients whose benefit status is not filled. */
  benefit_status_missing: number;
  /** Baseline clients known to have no benefit (left out of the base). */
  without_benefit: number;
  /** Dutch: how the base was made, when it is not the benefit recipients alone. */
  note: string | null;
  filters?: Record<string, string | string[]>;
}

/** Whether any client has a benefit status (a lookup per period is only needed then). */
function anyBenefitStatus(store: Store): boolean {
  return (
    store.first(store.kysely.selectFrom('clients').select('id').where('benefit_status', 'is not', null).limit(1)) !==
    undefined
  );
}

export const workTarget: ReportDef<WorkTarget> = {
  name: 'work-target',
  title: 'Resultaatafspraak uitstroom naar regulier werk',
  description:
    'Doel (percentage van de caseload op de basisdatum), gerealiseerde uitstroom naar regulier werk en prognose voor het jaar.',
  params: ['from', 'to', 'as_of', 'target_percent', ...FILTER_PARAMS],

  compute(store, p, trace) {
    const scope = scopeOf(p);
    const detail = trace.wants('baseline_caseload') || trace.wants('base') || trace.wants('realized');
    // Per client's benefit status: 'b' a benefit, 'n' none, 'u' not filled (or an unknown code).
    const recipients = BENEFIT_RECIPIENT_STATUSES.map((c) => `'${c}'`).join(', ');
    // raw SQL: the report engine's bucket fragment over the p CTE (db/reports/query.ts)
    // While no client has a status at all (as in most data today) every one is 'u': no lookups.
    const bucket = anyBenefitStatus(store)
      ? `(SELECT CASE WHEN c.benefit_status IN (${recipients}) THEN 'b' WHEN c.benefit_status = 'geen' THEN 'n' ELSE 'u' END FROM clients c WHERE c.id = p.cid)`
      : `'u'`;
    const byStatus = caseloadOn(store, scope, addDays(p.from, -1), bucket, detail);
    const sum = (m: Map<string | null, Bucket>, keys: string[]) =>
      keys.reduce<Bucket>(
        (acc, k) => {
          const b = m.get(k);
          return b ? { count: acc.count + b.count, hits: [...acc.hits, ...b.hits] } : acc;
        },
        { count: 0, hits: [] },
      );
    const baseline = sum(byStatus, ['b', 'n', 'u']);
    const base = sum(byStatus, ['b', 'u']);
    const missing = byStatus.get('u')?.count ?? 0;
    const without = byStatus.get('n')?.count ?? 0;
    const base_kind = missing === baseline.count ? 'caseload' : missing === 0 ? 'benefit' : 'mixed';
    const reasons = REGULAR_WORK_REASONS.map((r) => `'${r}'`).join(', ');
    const realized = sum(
      events(store, scope, 'exit_date', p.from, p.to, bucket, detail, `p.exit_reason IN (${reasons})`),
      ['b', 'u'],
    );
    trace.add('baseline_caseload', 'Caseload op de basisdatum', 'period', baseline.hits);
    trace.add('base', 'Uitkeringsgerechtigden op de basisdatum', 'period', base.hits);
    trace.add('realized', 'Uitstroom naar regulier werk', 'period', realized.hits);
    const target = Math.ceil((base.count * p.target_percent) / 100 - 1e-9);
    const note =
      base_kind === 'caseload'
        ? 'De uitkeringsstatus is voor geen enkele klant in de caseload vastgelegd: de basis is de hele caseload.'
        : base_kind === 'mixed'
          ? `Van ${missing} klant${missing === 1 ? '' : 'en'} in de caseload is de uitkeringsstatus niet vastgelegd; zij tellen mee in de basis tot die is vastgelegd.`
          : null;
    const counted = daysInclusive(p.from, minDate(p.to, p.as_of));
    const inYear = daysInYear(yearOf(p.from));
    const forecast = counted > 0 ? Math.round((realized.count * inYear) / counted) : 0;
    return {
      baseline_date: p.from,
      to: p.to,
      as_of: p.as_of,
      baseline_caseload: baseline.count,
      target_percent: p.target_percent,
      target,
      realized: realized.count,
      forecast,
      on_track: forecast >= target,
      days_counted: Math.max(0, counted),
      days_in_year: inYear,
      realized_percent: base.count ? Math.round((realized.count * 1000) / base.count) / 10 : 0,
      base_kind,
      base: base.count,
      benefit_status_missing: missing,
      without_benefit: without,
      note,
      filters: filtersOf(p),
    };
  },

  tables(d) {
    return [
      {
        id: 'work_target',
        title: 'Uitstroom naar regulier werk',
        columns: [
          { key: 'label', label: 'Onderdeel', type: 'text' },
          { key: 'value', label: 'Waarde', type: 'text' },
        ],
        rows: [
          { cells: { label: 'Basisdatum', value: d.baseline_date } },
          {
            cells: { label: 'Caseload op de basisdatum', value: d.baseline_caseload },
            figures: { value: 'baseline_caseload' },
          },
          {
            cells: { label: 'Uitkeringsgerechtigden (basis van het doel)', value: d.base },
            figures: { value: 'base' },
          },
          { cells: { label: 'Doelpercentage', value: `${d.target_percent}%` } },
          { cells: { label: 'Doel (aantal personen)', value: d.target } },
          { cells: { label: 'Gerealiseerd', value: d.realized }, figures: { value: 'realized' } },
          { cells: { label: 'Prognose voor het jaar', value: d.forecast } },
          { cells: { label: 'Op koers', value: d.on_track } },
        ],
        note: `Doel = ${d.target_percent}% van de uitkeringsgerechtigden in de caseload aan het eind van de dag voor de basisdatum, naar boven afgerond. Prognose = gerealiseerd x ${d.days_in_year} / ${d.days_counted} dagen, afgerond.${d.note ? ` ${d.note}` : ''}`,
      },
    ];
  },
};
