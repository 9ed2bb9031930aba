// Contract methods for management reports (CONTRACTS.md "Report data", issue 5): the catalog,
// running a report, and the records behind one figure. Also the shapes the renderer draws
// (tables with clickable figures) - pure, so the UI imports it for its types.
import { z } from 'zod';
import { method } from '../define.js';
import { REPORT_FORMATS, REPORT_NAMES, reportParams, reportRecord, reportTable } from '../../model/reports.js';
import { ALL_ROLES } from '../../model/access.js';

const reportName = z.enum(REPORT_NAMES);

export const reportMethods = {
  /** The reports this version can make, with their Dutch titles and the parameters each uses. */
  'reports.list': method({
    roles: ALL_ROLES,
    input: z.object({}).strict(),
    output: z.array(
      z.object({ name: z.enum(REPORT_NAMES), title: z.string(), description: z.string(), params: z.array(z.string()) }),
    ),
  }),
  /** Runs a report: the JSON data of CONTRACTS.md plus the tables the UI and the files show. */
  'reports.run': method({
    roles: ALL_ROLES,
    input: z.object({ name: reportName, params: reportParams.default({}) }).strict(),
    output: z.object({
      name: z.enum(REPORT_NAMES),
      title: z.string(),
      data: z.record(z.string(), z.unknown()),
      tables: z.array(reportTable),
    }),
  }),
  /** The records one figure counts (`figure` is a path from a table cell, e.g. "months.2.outflow"). */
  'reports.records': method({
    roles: ALL_ROLES,
    input: z
      .object({
        name: reportName,
        params: reportParams.default({}),
        figure: z.string().min(1).max(200),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    output: z.object({ figure: z.string(), label: z.string(), total: z.number(), records: z.array(reportRecord) }),
  }),
  /** A report as a file for download (CSV, XLSX or the printable HTML), base64-encoded. */
  'reports.file': method({
    roles: ALL_ROLES,
    input: z.object({ name: reportName, params: reportParams.default({}), format: z.enum(REPORT_FORMATS) }).strict(),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
