// The shape of an export profile (EXPORTS.md 1): for one target and one record kind, the
// columns in the target's screen order with label, source, code mapping, format and limits,
// plus the file format. Profiles are data: the shipped defaults live as JSON in
// db/exchange/profiles/, a beheerder's adjusted copies in the synced export_profiles table.
// Pure (zod only): the contract in db/api/methods/exports.ts reuses these schemas.
import { z } from 'zod';

export const TARGETS = ['wbs', 'gws', 'vum'] as const;
export type Target = (typeof TARGETS)[number];
/** Targets that work with profiles (VUM is an exact public format, built in code). */
export const PROFILE_TARGETS = ['wbs', 'gws'] as const;
export type ProfileTarget = (typeof PROFILE_TARGETS)[number];

export const TARGET_LABELS: Record<Target, string> = { wbs: 'WBS (UWV)', gws: 'GWS4all', vum: 'VUM (JSON)' };

/** What a profile exports: one row per record of this kind. `exits` are ended caseload periods. */
export const EXPORT_KINDS = [
  'vacancies',
  'employers',
  'clients',
  'activities',
  'placements',
  'exits',
  'jobseekers',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const PROFILE_KINDS = ['vacancies', 'employers', 'clients', 'activities', 'placements', 'exits'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export const KIND_LABELS: Record<ExportKind, string> = {
  vacancies: 'Vacatures',
  employers: 'Werkgevers',
  clients: 'Klanten',
  activities: 'Activiteiten',
  placements: 'Plaatsingen',
  exits: 'Uitstroom',
  jobseekers: 'Werkzoekendeprofielen',
};

/**
 * How a value is written: text as is; date dd-mm-jjjj (date-iso keeps YYYY-MM-DD); integer
 * rounds; decimal uses a comma; yes-no writes Ja/Nee; a list is joined with ", ".
 */
export const COLUMN_FORMATS = ['text', 'date', 'date-iso', 'integer', 'decimal', 'yes-no'] as const;
export const COLUMN_CHECKS = ['bsn', 'kvk', 'postcode', 'email', 'phone'] as const;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'alleen kleine letters, cijfers en -');

export const columnSchema = z
  .object({
    /** Stable name of the column (manifest "changed fields", delivery hashes). */
    id: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'alleen kleine letters, cijfers en _'),
    /** The Dutch label as the target shows it. */
    label: z.string().trim().min(1).max(80),
    /** A field of the record kind (see exports.sources), e.g. `title`, `employer.kvk`, `client.bsn`. */
    source: z.string().min(1).max(80).optional(),
    /** A fixed value instead of a source. */
    constant: z.string().max(200).optional(),
    /** Our code -> the target's code. Booleans are mapped from `true` / `false`. */
    map: z.record(z.string(), z.string().max(200)).optional(),
    /** A value missing from `map`: a problem (default), left empty, or written unchanged. */
    unmapped: z.enum(['problem', 'empty', 'keep']).optional(),
    format: z.enum(COLUMN_FORMATS).optional(),
    maxLength: z.number().int().min(1).max(32_000).optional(),
    required: z.boolean().optional(),
    check: z.enum(COLUMN_CHECKS).optional(),
    /** Explanation for the people who map the column to their own screen (docs, entry panel). */
    note: z.string().max(500).optional(),
  })
  .strict()
  .refine((c) => !(c.source !== undefined && c.constant !== undefined), {
    message: 'geef een bron of een vaste waarde, niet allebei',
    path: ['constant'],
  });
export type Column = z.infer<typeof columnSchema>;

export const fileSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8-bom', 'windows-1252']).default('utf-8-bom'),
    delimiter: z.enum([';', ',', '\t']).default(';'),
    /** File name in the batch, without extension. */
    name: slug,
  })
  .strict();

export const profileSchema = z
  .object({
    id: slug,
    target: z.enum(PROFILE_TARGETS),
    kind: z.enum(PROFILE_KINDS),
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).optional(),
    /** What the target calls its own id of such a record (WBS-vacaturenummer, GWS-klantnummer). */
    targetIdLabel: z.string().trim().min(1).max(80).optional(),
    file: fileSchema,
    columns: z.array(columnSchema).min(1).max(200),
    /** The profile this one was copied from (id and version). */
    basedOn: z
      .object({ id: slug, version: z.number().int().min(1) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.columns.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: 'custom', message: `kolom '${c.id}' komt twee keer voor`, path: ['columns', i, 'id'] });
      seen.add(c.id);
    });
  });
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/** One problem that blocks a record: which record, which column, what is wrong (Dutch). */
export const problemSchema = z.object({
  kind: z.enum(EXPORT_KINDS),
  id: z.string(),
  ref: z.string(),
  column: z.string(),
  label: z.string(),
  message: z.string(),
});
export type ExportProblem = z.infer<typeof problemSchema>;
