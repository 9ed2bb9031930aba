// Contract methods for management reports (CONTRACTS.md "Report data", issue 5): the catalog,
// running a report, and the records behind one figure. Also the shapes the renderer draws
// (tables with clickable figures) - pure, so the UI imports it for its types.
import { z } from 'zod';
import { method } from '../define.js';
import { parseMoment } from '../../model/calendar.js';
import { REPORT_FORMATS, REPORT_NAMES, reportParams, reportRecord, reportTable } from '../../model/reports.js';
import { ALL_ROLES } from '../../model/access.js';
import { AGREEMENT_CODES, reportSettingsInput } from '../../model/settings.js';

const reportName = z.enum(REPORT_NAMES);
/** A moment: a date (the end of that Dutch day) or an ISO date-time (db/model/calendar.ts parseMoment). */
const moment = z
  .string()
  .max(40)
  .refine((s) => parseMoment(s) !== null, 'geen geldig moment (JJJJ-MM-DD of JJJJ-MM-DDTuu:mm)');
const delivery = z.object({
  id: z.string(),
  name: z.enum(REPORT_NAMES),
  params: reportParams,
  today: z.string(),
  delivered_at: z.string(),
  by: z.string(),
  sha256: z.string(),
  note: z.string().nullable(),
  /** The moment the report was made as known on (ISO date-time), or null: as known at delivery. */
  known_on: z.string().nullable(),
});
const settings = z.object({
  municipality_name: z.string(),
  corporation_name: z.string(),
  agreements: z.object(
    Object.fromEntries(AGREEMENT_CODES.map((c) => [c, z.string()])) as Record<
      (typeof AGREEMENT_CODES)[number],
      z.ZodString
    >,
  ),
});
const explained = z.object({
  ref: z.string(),
  changes: z.array(
    z.object({ entity: z.string(), field: z.string(), value: z.unknown(), user: z.string(), at: z.string() }),
  ),
});

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
    input: z.object({ name: reportName, params: reportParams.default({}), asKnownOn: moment.optional() }).strict(),
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
        asKnownOn: moment.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    output: z.object({ figure: z.string(), label: z.string(), total: z.number(), records: z.array(reportRecord) }),
  }),
  /** A report as a file for download (CSV, XLSX or the printable HTML), base64-encoded. */
  'reports.file': method({
    roles: ALL_ROLES,
    input: z
      .object({
        name: reportName,
        params: reportParams.default({}),
        format: z.enum(REPORT_FORMATS),
        asKnownOn: moment.optional(),
      })
      .strict(),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
  /**
   * Makes a report (json) and archives it as delivered to the municipality (CONTRACTS.md
   * "Reproducible"): the archive syncs to the team and can be verified byte for byte later.
   */
  'reports.deliver': method({
    input: z
      .object({
        name: reportName,
        params: reportParams.default({}),
        note: z.string().max(2000).optional(),
        /** Deliver the report as known on this moment (the archive keeps that knowledge). */
        asKnownOn: moment.optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), filename: z.string(), mime: z.string(), base64: z.string() }),
    roles: ['manager', 'beheerder'],
    writes: true,
  }),
  /** The team's report settings: the names on the half-year report, the agreements' wording. */
  'settings.get': method({
    input: z.object({}).strict(),
    output: settings,
    roles: ALL_ROLES,
  }),
  /** A beheerder saves the report settings (synced to the team); returns them as saved. */
  'settings.save': method({
    input: reportSettingsInput,
    output: settings,
    roles: ['beheerder'],
    writes: true,
  }),
  /** The delivered reports, oldest first. */
  'archive.list': method({
    input: z.object({}).strict(),
    output: z.array(delivery),
    roles: ['manager', 'beheerder'],
  }),
  /** Makes an archived report again under its knowledge vector: identical bytes, or the differing figures. */
  'archive.verify': method({
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: z.object({
      id: z.string(),
      identical: z.boolean(),
      sha256: z.string(),
      delivered: z.string(),
      differences: z.array(
        z.object({ figure: z.string(), label: z.string().optional(), delivered: z.number(), now: z.number() }),
      ),
    }),
    roles: ['manager', 'beheerder'],
  }),
  /** Per figure that differs today: the records that came in or went out, with the changes since delivery. */
  'archive.changes': method({
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: z.array(
      z.object({
        figure: z.string(),
        /** The figure in words, when today's report still has it. */
        label: z.string().optional(),
        delivered: z.number(),
        now: z.number(),
        added: z.array(explained),
        removed: z.array(explained),
      }),
    ),
    roles: ['manager', 'beheerder'],
  }),
};
