// half-year: the report to the municipality at least twice a year (seed 2.4) - every report for
// one half year plus the result agreements, printed as one document with a cover page.
// - caseload development, exit reasons and inflow per referrer over [from, to];
// - the work target year to date: from 1 January of from's year to `to` (the 25% agreement is
//   a yearly one with 1 January as baseline, seed 4.2);
// - caseload per manager, activation and employer follow-up on the last day (to, or as_of
//   when that is earlier).
import type { ReportTable } from '../model/reports.js';
import { activation, type Activation } from './activation.js';
import { caseloadDevelopment, type CaseloadDevelopment } from './caseload-development.js';
import { caseloadPerManager, type CaseloadPerManager } from './caseload-per-manager.js';
import { longDateNl, minDate, yearOf } from '../model/calendar.js';
import { halfYearName, quarterName } from './period-title.js';
import { withDefaults } from '../model/settings.js';
import { employerFollowUp, type EmployerFollowUp } from './employer-follow-up.js';
import { exitReasons, type ExitReasons } from './exit-reasons.js';
import { inflowByReferrer, type InflowByReferrer } from './inflow-by-referrer.js';
import { scopeOf } from './query.js';
import { resultAgreements, type ResultAgreement } from './result-agreements.js';
import { FILTER_PARAMS, filtersOf, type ReportDef } from './types.js';
import { workTarget, type WorkTarget } from './work-target.js';

export interface HalfYear {
  from: string;
  to: string;
  as_of: string;
  title: string;
  sections: {
    caseload_development: CaseloadDevelopment;
    exit_reasons: ExitReasons;
    work_target: WorkTarget;
    inflow_by_referrer: InflowByReferrer;
    caseload_per_manager: CaseloadPerManager;
    activation: Activation;
    employer_follow_up: EmployerFollowUp;
  };
  result_agreements: ResultAgreement[];
  filters?: Record<string, string | string[]>;
  /** Who reports to whom (team settings, printed on the cover page). */
  parties: { municipality: string; corporation: string };
}

/** Section order in the document, with the report each comes from. */
export const HALF_YEAR_SECTIONS = [
  ['caseload_development', caseloadDevelopment],
  ['exit_reasons', exitReasons],
  ['work_target', workTarget],
  ['inflow_by_referrer', inflowByReferrer],
  ['caseload_per_manager', caseloadPerManager],
  ['activation', activation],
  ['employer_follow_up', employerFollowUp],
] as const;

/** "Halfjaarrapportage eerste halfjaar 2016", "Kwartaalrapportage 1e kwartaal 2026", or by dates. */
function titleOf(from: string, to: string): string {
  const quarter = quarterName(from, to);
  if (quarter) return `Kwartaalrapportage ${quarter}`;
  return `Halfjaarrapportage ${halfYearName(from, to) ?? `${longDateNl(from)} t/m ${longDateNl(to)}`}`;
}

export const halfYear: ReportDef<HalfYear> = {
  name: 'half-year',
  title: 'Halfjaarrapportage',
  description: 'Alle rapportages over een half jaar plus de resultaatafspraken, als één document met voorblad.',
  params: ['from', 'to', 'as_of', 'target_percent', 'norm', 'interval_days', ...FILTER_PARAMS, 'explanations'],
  halfYear: true,
  settings: true,

  compute(store, p, trace) {
    const day = minDate(p.to, p.as_of);
    const period = { ...p };
    const onDay = { ...p, as_of: day };
    const yearToDate = { ...p, from: `${yearOf(p.from)}-01-01` };
    const sub = <D extends object>(key: string, def: ReportDef<D>, params: typeof p) =>
      def.compute(store, params, trace.prefixed(`sections.${key}`, def.title));
    const sections = {
      caseload_development: sub('caseload_development', caseloadDevelopment, period),
      exit_reasons: sub('exit_reasons', exitReasons, period),
      work_target: sub('work_target', workTarget, yearToDate),
      inflow_by_referrer: sub('inflow_by_referrer', inflowByReferrer, period),
      caseload_per_manager: sub('caseload_per_manager', caseloadPerManager, onDay),
      activation: sub('activation', activation, onDay),
      employer_follow_up: sub('employer_follow_up', employerFollowUp, onDay),
    };
    const settings = p.settings ?? withDefaults(undefined);
    const agreements = resultAgreements(
      store,
      {
        wording: settings.agreements,
        explanations: p.explanations,
        from: p.from,
        to: p.to,
        scope: scopeOf(p),
        workTarget: sections.work_target,
        activation: sections.activation,
        employers: sections.employer_follow_up,
      },
      trace,
    );
    return {
      from: p.from,
      to: p.to,
      as_of: p.as_of,
      title: titleOf(p.from, p.to),
      sections,
      result_agreements: agreements,
      filters: filtersOf(p),
      parties: { municipality: settings.municipality_name, corporation: settings.corporation_name },
    };
  },

  tables(d) {
    const agreements: ReportTable = {
      id: 'result_agreements',
      title: 'Resultaatafspraken',
      columns: [
        { key: 'code', label: 'Afspraak', type: 'text' },
        { key: 'text', label: 'Omschrijving', type: 'text' },
        { key: 'indicator', label: 'Indicator', type: 'text' },
        { key: 'value', label: 'Stand', type: 'number' },
        { key: 'status', label: 'Status', type: 'text' },
        { key: 'explanation', label: 'Toelichting', type: 'text' },
      ],
      rows: d.result_agreements.map((a) => ({
        cells: {
          code: a.code,
          text: a.text,
          indicator: a.indicator,
          value: a.value,
          status: a.status,
          explanation: a.explanation ?? null,
        },
        figures: a.figure ? { value: a.figure } : undefined,
      })),
    };
    const sectionTables = HALF_YEAR_SECTIONS.flatMap(([key, def]) =>
      (def.tables as (data: object) => ReportTable[])(d.sections[key]).map((t) => ({
        ...t,
        id: `${key}.${t.id}`,
        rows: t.rows.map((r) => ({
          ...r,
          figures: r.figures
            ? Object.fromEntries(Object.entries(r.figures).map(([k, f]) => [k, `sections.${key}.${f}`]))
            : undefined,
        })),
      })),
    );
    return [agreements, ...sectionTables];
  },
};
