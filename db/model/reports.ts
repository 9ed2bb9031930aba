// The shapes of management reports (CONTRACTS.md "Report data"): names, parameters, the tables
// the UI and the files draw (with clickable figures) and the records behind a figure. Pure: the
// reports domain, the contract and the renderer share them.
import { z } from 'zod';
import { isIsoDate } from './calendar.js';
import { explanationsParam, reportSettingsParam } from './settings.js';

export const REPORT_NAMES = [
  'caseload-development',
  'exit-reasons',
  'work-target',
  'caseload-per-manager',
  'inflow-by-referrer',
  'activation',
  'employer-follow-up',
  'half-year',
  'lasting-work',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** The file formats a report can be made in (json is the CONTRACTS.md data). */
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportParamName =
  | 'from'
  | 'to'
  | 'as_of'
  | 'target_percent'
  | 'norm'
  | 'interval_days'
  | 'account_manager'
  | 'target_group'
  | 'referrer'
  | 'explanations';

const isoDate = z.string().refine(isIsoDate, { message: 'geen geldige datum (JJJJ-MM-DD)' });

/** Report parameters as callers give them; db/reports/params.ts fills in the defaults. */
export const reportParams = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    as_of: isoDate.optional(),
    /** Adds the refs of the counted records to every figure. */
    detail: z.boolean().optional(),
    target_percent: z.number().min(0).max(100).optional(),
    norm: z.number().int().min(1).max(100_000).optional(),
    interval_days: z.number().int().min(1).max(3650).optional(),
    account_manager: z.string().min(1).max(100).optional(),
    target_group: z.string().min(1).max(40).optional(),
    /** One referrer code, or several (e.g. to count Urk apart): `["urk"]`, `["social_team", "self"]`. */
    referrer: z.union([z.string().min(1).max(40), z.array(z.string().min(1).max(40)).min(1).max(20)]).optional(),
    /** The corporation's explanation of the qualitative agreements a, d, g (half-year). */
    explanations: explanationsParam.optional(),
    /** The team settings the report runs with (stored with a delivery); absent: the saved ones. */
    settings: reportSettingsParam.optional(),
  })
  .strict();
export type ReportParams = z.input<typeof reportParams>;

export type CellValue = string | number | boolean | null;
export type ColumnType = 'text' | 'int' | 'number' | 'percent' | 'date' | 'month' | 'bool';

export interface ReportColumn {
  key: string;
  label: string;
  type: ColumnType;
}
export interface ReportRow {
  cells: Record<string, CellValue>;
  /** Column key -> figure path (see reports.records) for cells that count records. */
  figures?: Record<string, string>;
  /** A totals row (printed bold). */
  total?: boolean;
}
export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  note?: string;
  /** Draw this table as a chart too (screen, HTML/PDF). */
  chart?: ChartKind;
}
export type ChartKind = 'caseload-development' | 'exit-reasons';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const reportTable = z.object({
  id: z.string(),
  title: z.string(),
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(['text', 'int', 'number', 'percent', 'date', 'month', 'bool']),
    }),
  ),
  rows: z.array(
    z.object({
      cells: z.record(z.string(), cell),
      figures: z.record(z.string(), z.string()).optional(),
      total: z.boolean().optional(),
    }),
  ),
  note: z.string().optional(),
  chart: z.enum(['caseload-development', 'exit-reasons']).optional(),
});

/** One record behind a figure: a client (with the caseload period the figure counts) or an employer. */
export const reportRecord = z.object({
  kind: z.enum(['client', 'employer']),
  id: z.string(),
  ref: z.string(),
  name: z.string(),
  account_manager: z.string().nullable(),
  intake_date: z.string().nullable(),
  referrer: z.string().nullable(),
  exit_date: z.string().nullable(),
  exit_reason: z.string().nullable(),
  exceptional_since: z.string().nullable(),
  last_contact: z.string().nullable(),
});
export type ReportRecord = z.infer<typeof reportRecord>;
