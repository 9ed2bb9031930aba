// A report in each output format of CONTRACTS.md: json, csv, xlsx, html, pdf. Files (csv, xlsx)
// carry the record lists behind the figures, up to a limit that keeps them openable.
import type { ReportName, ReportParams } from '../model/reports.js';
import type { Store } from '../journal/store.js';
import { toCsv, type RecordList } from './format/csv.js';
import { toHtml, type HtmlMeta } from './format/html.js';
import { htmlToPdf } from './format/pdf.js';
import { toXlsx } from './format/xlsx.js';
import { resolveParams } from './params.js';
import { loadRecords } from './records.js';
import { REPORTS } from './registry.js';
import { runReport, type ReportRun } from './run.js';
import { asKnown, type Knowledge, type KnownUpTo } from '../journal/knowledge.js';

import type { ReportFormat as Format } from '../model/reports.js';

/** Record rows in one file at most; beyond that the file says so and the app shows the rest. */
export const RECORD_LIST_LIMIT = 50_000;

export function recordLists(store: Store, run: ReportRun, limit = RECORD_LIST_LIMIT): RecordList[] {
  const lists: RecordList[] = [];
  let left = limit;
  for (const fig of run.figures.values()) {
    if (left <= 0) {
      lists.push({ label: `Meer records dan ${limit}: zie de app of 'caseload report --detail'`, records: [] });
      break;
    }
    const page = { ...fig, hits: fig.hits.slice(0, left) };
    lists.push({
      label: fig.hits.length > left ? `${fig.label} (eerste ${left} van ${fig.hits.length})` : fig.label,
      records: loadRecords(store, page, fig.day ?? run.params.as_of),
    });
    left -= page.hits.length;
  }
  return lists;
}

/** "halfjaarrapportage-2016-01-01-2016-06-30.xlsx": the report's Dutch title and its days. */
export function reportFileName(name: ReportName, params: ReportParams, format: Format, today: string): string {
  const def = REPORTS[name];
  const p = resolveParams(params, { halfYear: def.halfYear, today });
  const slug = def.title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}-${def.params.includes('from') ? `${p.from}-${p.to}` : p.as_of}.${format}`;
}

export interface RenderOptions {
  today?: string;
  /** Make the report over the data as known under this vector (as-known-on, archive verify). */
  knowledge?: Knowledge | KnownUpTo;
  /** The as-known-on moment (ISO date-time), printed on html/pdf. */
  knownOn?: string;
  /** Chromium executable for pdf (default CASELOAD_CHROMIUM or /usr/bin/chromium). */
  chromium?: string;
}

export async function renderReport(
  store: Store,
  name: string,
  params: ReportParams,
  format: Format,
  opts: RenderOptions = {},
): Promise<Buffer> {
  const withLists = format === 'csv' || format === 'xlsx';
  // Everything that reads the database runs first (synchronously: as-known-on shadows tables).
  const read = () => {
    const run = runReport(store, name, params, { trace: withLists, today: opts.today });
    return { run, lists: withLists ? recordLists(store, run) : [] };
  };
  const { run, lists } = opts.knowledge ? asKnown(store, opts.knowledge, read) : read();
  switch (format) {
    case 'json':
      return reportJson(run);
    case 'csv':
      return toCsv(run.title, run.tables, lists);
    case 'xlsx':
      return toXlsx(run.title, run.tables, lists);
    case 'html':
      return Buffer.from(toHtml(run, htmlMeta(store, opts)), 'utf8');
    case 'pdf':
      return htmlToPdf(toHtml(run, htmlMeta(store, opts)), { chromium: opts.chromium });
  }
}

/** The json of CONTRACTS.md: the bytes a delivery's sha256 is taken over. */
export function reportJson(run: ReportRun): Buffer {
  return Buffer.from(JSON.stringify(run.data, null, 2) + '\n', 'utf8');
}

function htmlMeta(store: Store, opts: RenderOptions): HtmlMeta {
  const now = opts.today ?? store.today();
  return {
    organisation: store.getMeta('organisation_name') ?? 'Werkcorporatie',
    generated: now,
    ...(opts.knownOn ? { knownOn: opts.knownOn } : {}),
  };
}
