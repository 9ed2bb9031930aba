// work-target: the result agreement "at least 25% of the caseload on 1 January exits to regular
// work" (seed 4.1, 4.2). baseline_caseload = caseload at the end of the day before from;
// target = ceil(baseline x percent / 100); realized = exits to regular work (work_regular,
// self_employed) with exit date in [from, to]; forecast = round(realized x days in from's year /
// days from..to inclusive); on_track = forecast >= target.
// When as_of lies before to, only exits up to as_of count and the forecast extrapolates from
// the days up to as_of (the figures as they were known then); by default as_of = to.
import { REGULAR_WORK_REASONS } from '../model/codes.js';
import { addDays, daysInYear, daysInclusive, minDate, yearOf } from '../model/calendar.js';
import { caseloadOn, EMPTY, events, scopeOf } from './query.js';
import { FILTER_PARAMS, filtersOf, type ReportDef } from './types.js';

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
  filters?: Record<string, string | string[]>;
}

export const workTarget: ReportDef<WorkTarget> = {
  name: 'work-target',
  title: 'Resultaatafspraak uitstroom naar regulier werk',
  description:
    'Doel (percentage van de caseload op de basisdatum), gerealiseerde uitstroom naar regulier werk en prognose voor het jaar.',
  params: ['from', 'to', 'as_of', 'target_percent', ...FILTER_PARAMS],

  compute(store, p, trace) {
    const scope = scopeOf(p);
    const baseline =
      caseloadOn(store, scope, addDays(p.from, -1), 'NULL', trace.wants('baseline_caseload')).get(null) ?? EMPTY;
    const reasons = REGULAR_WORK_REASONS.map((r) => `'${r}'`).join(', ');
    const realized =
      events(
        store,
        scope,
        'exit_date',
        p.from,
        p.to,
        'NULL',
        trace.wants('realized'),
        `p.exit_reason IN (${reasons})`,
      ).get(null) ?? EMPTY;
    trace.add('baseline_caseload', 'Caseload op de basisdatum', 'period', baseline.hits);
    trace.add('realized', 'Uitstroom naar regulier werk', 'period', realized.hits);
    const target = Math.ceil((baseline.count * p.target_percent) / 100 - 1e-9);
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
      realized_percent: baseline.count ? Math.round((realized.count * 1000) / baseline.count) / 10 : 0,
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
          { cells: { label: 'Doelpercentage', value: `${d.target_percent}%` } },
          { cells: { label: 'Doel (aantal personen)', value: d.target } },
          { cells: { label: 'Gerealiseerd', value: d.realized }, figures: { value: 'realized' } },
          { cells: { label: 'Prognose voor het jaar', value: d.forecast } },
          { cells: { label: 'Op koers', value: d.on_track } },
        ],
        note: `Doel = ${d.target_percent}% van de caseload aan het eind van de dag voor de basisdatum, naar boven afgerond. Prognose = gerealiseerd x ${d.days_in_year} / ${d.days_counted} dagen, afgerond.`,
      },
    ];
  },
};
