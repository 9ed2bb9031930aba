// What a report module provides: its name and Dutch title, which parameters it uses, how it
// computes its data (the JSON of CONTRACTS.md) and how that data is shown as tables (screen,
// CSV, XLSX, HTML/PDF all print the same tables).
import type { ReportName, ReportParamName, ReportTable } from '../model/reports.js';
import type { Store } from '../journal/store.js';
import type { Resolved } from './params.js';
import type { Trace } from './query.js';

export interface ReportDef<D extends object = object> {
  name: ReportName;
  /** Dutch title (screen, file names, document headings). */
  title: string;
  /** One Dutch sentence: what the report counts. */
  description: string;
  params: ReportParamName[];
  /** Half-year defaults for from/to (params.ts). */
  halfYear?: boolean;
  /** Prints the team settings (names, agreements' wording): runReport fills p.settings. */
  settings?: boolean;
  compute(store: Store, p: Resolved, trace: Trace): D;
  tables(data: D): ReportTable[];
}

/** Common filter parameters of the caseload-based reports. */
export const FILTER_PARAMS: ReportParamName[] = ['account_manager', 'target_group', 'referrer'];

/** The filters a report ran with, as an extra JSON key (only the ones given). */
export function filtersOf(p: Resolved): Record<string, string | string[]> | undefined {
  return Object.keys(p.filters).length ? { ...p.filters } : undefined;
}
