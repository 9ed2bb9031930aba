// The database as a whole (CONTRACTS.md command line): set up this laptop, check integrity,
// the canonical dump, importing a file by path and the one search over clients and employers.
// Dump and import by path are `local`: only the command line may call them.
import { z } from 'zod';
import { method } from '../define.js';
import { isBsnQuery } from '../../model/bsn.js';
import { RECORD_KINDS } from '../../model/records.js';
import { ALL_ROLES } from '../../model/access.js';

const problem = z.object({ file: z.string(), line: z.number(), field: z.string(), message: z.string() });

export const searchHit = z.object({
  type: z.enum(['client', 'employer']),
  id: z.string(),
  ref: z.string(),
  name: z.string(),
  city: z.string().nullable(),
  bsn_masked: z.string().nullable().optional(),
  birth_date: z.string().nullable().optional(),
  kvk: z.string().nullable().optional(),
});

export const dataMethods = {
  /** Creates or migrates the database (opening it does) and names this laptop. */
  'app.init': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({ deviceName: z.string().trim().min(1).max(100).optional() }).strict(),
    output: z.object({ db: z.string(), device: z.string(), device_name: z.string(), schema_version: z.number() }),
  }),
  /** Integrity of database, journal, links, refs, BSNs and audit log (`caseload check`). */
  'app.check': method({
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      counts: z.record(z.string(), z.number()),
      problems: z.array(z.object({ area: z.string(), message: z.string() })),
    }),
    roles: ['beheerder'],
  }),
  /** Every record as canonical JSONL: to the file `out` (written atomically), else line by line to stdout. */
  'data.dump': method({
    local: true,
    input: z.object({ out: z.string().min(1).max(4096).optional() }).strict(),
    output: z.object({ records: z.number(), file: z.string().nullable() }),
    roles: ['beheerder'],
  }),
  /** Imports a CSV, XLSX or JSONL file by path (all or nothing). */
  'import.file': method({
    writes: true,
    local: true,
    input: z
      .object({
        file: z.string().min(1).max(4096),
        kind: z.enum(RECORD_KINDS as [string, ...string[]]).optional(),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      ok: z.boolean(),
      dry_run: z.boolean(),
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      skipped: z.number(),
      problems: z.array(problem),
      /** Account-manager names that match no user, with their lines: imported with the name only. */
      unknown_managers: z.array(z.object({ name: z.string(), lines: z.array(z.number()) })),
    }),
    roles: ['beheerder', 'manager'],
  }),
  /** Clients and employers matching a text (name, BSN, ref - also an earlier one -, city, ...). */
  'search.records': method({
    roles: ALL_ROLES,
    // A query that is a BSN is a BSN lookup: audited, and refused to roles without BSN_ROLES.
    auditRead: (input: { query?: string }) => isBsnQuery(input.query),
    input: z
      .object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(10_000).default(20) })
      .strict(),
    output: z.object({ items: z.array(searchHit) }),
  }),
};
