// Running a report: defaults for the parameters, the computation, and - with detail - the refs
// of the counted records attached next to each figure: a figure `months.2.inflow` puts its refs
// in months[2].refs.inflow, a figure `reasons.3` (a list item) in reasons[3].refs, a top-level
// figure `realized` in refs.realized.
import type { ReportName, ReportParams, ReportTable } from '../model/reports.js';
import { AppError } from '../model/errors.js';
import type { Store } from '../journal/store.js';
import { resolveParams, type Resolved } from './params.js';
import { Trace, type Figure } from './query.js';
import { REPORTS, isReportName } from './registry.js';
import { readSettings } from './settings.js';
import { withDefaults } from '../model/settings.js';
import { periodName } from './period-title.js';

export interface ReportRun {
  name: ReportName;
  title: string;
  params: Resolved;
  data: Record<string, unknown>;
  tables: ReportTable[];
  /** The records behind each figure (filled when computed with detail or for record lists). */
  figures: Map<string, Figure>;
}

export interface RunOptions {
  /** Collect the records behind every figure even without params.detail (record lists in files). */
  trace?: boolean;
  /** Collect only this figure's records (reports.records): the rest runs in count form. */
  only?: string;
  /** Reference day for the defaults (tests). */
  today?: string;
}

export function runReport(store: Store, name: string, params: ReportParams = {}, opts: RunOptions = {}): ReportRun {
  if (!isReportName(name)) throw new AppError('invalid_input', `onbekende rapportage '${name}'`, 'name');
  const def = REPORTS[name];
  const p = resolveParams(params, { halfYear: def.halfYear, today: opts.today ?? store.today() });
  if (def.settings) p.settings = params.settings ? withDefaults(params.settings) : readSettings(store);
  const trace = new Trace(p.detail || Boolean(opts.trace), p.detail ? undefined : opts.only);
  const data = def.compute(store, p, trace) as Record<string, unknown>;
  const tables = def.tables(data);
  if (p.detail) attachRefs(data, trace.figures);
  return {
    name,
    title: titleOf(def.title, def.params.includes('from'), p, data),
    params: p,
    data,
    tables,
    figures: trace.figures,
  };
}

/**
 * The document title: a report over exactly one quarter or half year says so ("Ontwikkeling
 * caseload 1e kwartaal 2026"); a report that titles itself (half-year) keeps its own.
 */
function titleOf(title: string, hasPeriod: boolean, p: Resolved, data: Record<string, unknown>): string {
  if (typeof data.title === 'string') return data.title;
  const period = hasPeriod ? periodName(p.from, p.to) : null;
  return period ? `${title} ${period}` : title;
}

function attachRefs(data: Record<string, unknown>, figures: Map<string, Figure>): void {
  for (const [path, fig] of figures) {
    const parts = path.split('.');
    const last = parts.pop()!;
    let node: unknown = data;
    for (const k of parts) node = (node as Record<string, unknown>)?.[k];
    if (!node || typeof node !== 'object') continue;
    const refs = fig.hits.map((h) => h.ref);
    if (/^\d+$/.test(last)) {
      const item = (node as unknown[])[Number(last)];
      if (item && typeof item === 'object') (item as Record<string, unknown>).refs = refs;
    } else {
      const holder = node as Record<string, unknown>;
      holder.refs ??= {};
      (holder.refs as Record<string, string[]>)[last] = refs;
    }
  }
}
