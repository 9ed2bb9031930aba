// The import wizard: upload, column mapping, preview of refused rows, commit.
import { z } from 'zod';
import { method } from '../define.js';

const input = z
  .object({
    fileName: z.string().min(1).max(255),
    /** The file's bytes, base64 (max. about 40 MB). */
    contentBase64: z.string().max(56_000_000),
    kind: z.enum(['clients', 'employers', 'vacancies', 'placements', 'activities', 'contacts']),
    /** Column header -> field name, or null to ignore the column. Headers not listed are suggested. */
    mapping: z.record(z.string(), z.string().nullable()).optional(),
  })
  .strict();

const refused = z.object({ line: z.number(), field: z.string(), message: z.string() });
const counts = {
  ok: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** The first 500 refused rows, each with line, field and Dutch message. */
  refused: z.array(refused),
  refusedTotal: z.number(),
  /** Account-manager names that match no user, with their lines: imported with the name only. */
  unknownManagers: z.array(z.object({ name: z.string(), lines: z.array(z.number()) })),
};

export const importMethods = {
  /** Headers, the suggested mapping, the first rows and a dry run of the whole file (nothing written). */
  'import.preview': method({
    input,
    output: z.object({
      format: z.enum(['csv', 'xlsx', 'jsonl']),
      headers: z.array(z.string()),
      fields: z.array(z.object({ name: z.string(), label: z.string(), required: z.boolean() })),
      mapping: z.array(
        z.object({
          header: z.string(),
          field: z.string().nullable(),
          how: z.enum(['name', 'label', 'synonym', 'fuzzy', 'given', 'none']),
        }),
      ),
      rows: z.array(z.object({ line: z.number(), values: z.record(z.string(), z.unknown()) })),
      totalRows: z.number(),
      ...counts,
    }),
    roles: ['beheerder', 'manager'],
  }),
  /** Imports the file with the mapping: all rows or, when any row is refused, none. */
  'import.commit': method({
    writes: true,
    input,
    output: z.object(counts),
    roles: ['beheerder', 'manager'],
  }),
};
