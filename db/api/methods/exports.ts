// Contract methods of the Export screen and the entry assistant (EXPORTS.md): overview and
// batches per target, the queue "nog in te voeren", the entry panel and "ingevoerd", and the
// export profiles a beheerder copies and adjusts. Pure: zod schemas only.
import { z } from 'zod';
import { method } from '../define.js';
import {
  EXPORT_KINDS,
  PROFILE_KINDS,
  PROFILE_TARGETS,
  TARGETS,
  problemSchema,
  profileSchema,
} from '../../model/export-profiles.js';
import { ALL_ROLES, BEHEER } from '../../model/access.js';

const target = z.enum(TARGETS);
const profileTarget = z.enum(PROFILE_TARGETS);
const kind = z.enum(EXPORT_KINDS);
const profileRef = z.object({ id: z.string(), version: z.number(), name: z.string() }).nullable();

const partSummary = z.object({
  kind,
  kindLabel: z.string(),
  fileName: z.string(),
  profile: profileRef,
  new: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  /** Records that would go into the next batch (new + changed, or all with `all`). */
  due: z.number(),
  problems: z.array(problemSchema),
});

const batchOutput = z.object({
  target,
  status: z.enum(['written', 'nothing', 'refused']),
  message: z.string(),
  problems: z.array(problemSchema),
  batch: z
    .object({
      name: z.string(),
      dir: z.string(),
      files: z.array(z.object({ name: z.string(), records: z.number(), bytes: z.number(), sha256: z.string() })),
      counts: z.object({
        records: z.number(),
        new: z.number(),
        changed: z.number(),
        unchanged: z.number(),
        heldBack: z.number(),
      }),
    })
    .nullable(),
});

const profileSummary = z.object({
  id: z.string(),
  target: profileTarget,
  kind: z.enum(PROFILE_KINDS),
  version: z.number(),
  name: z.string(),
  builtin: z.boolean(),
  active: z.boolean(),
  inUse: z.boolean(),
  basedOn: z.string().nullable(),
});

const sourceField = z.object({ source: z.string(), label: z.string() });
const beheerder = ['beheerder' as const];

export const exportMethods = {
  /** Per target what the next batch would hold; nothing is written. */
  'exports.overview': method({
    roles: ALL_ROLES,
    input: z.object({ all: z.boolean().default(false) }).strict(),
    output: z.object({
      sharedFolder: z.string().nullable(),
      targets: z.array(z.object({ target, label: z.string(), parts: z.array(partSummary) })),
    }),
  }),
  /** Writes a batch (validation first). `out` is a folder; `shared` uses the shared export folder. */
  'exports.run': method({
    roles: ALL_ROLES,
    writes: true,
    audit: 'self',
    input: z
      .object({
        target,
        all: z.boolean().default(false),
        validOnly: z.boolean().default(false),
        out: z.string().min(1).max(1000).optional(),
        shared: z.boolean().default(false),
        /** A shared export folder for this run (else the configured one): a subfolder per target. */
        sharedFolder: z.string().min(1).max(1000).optional(),
      })
      .strict(),
    output: batchOutput,
  }),
  /** The queue "nog in te voeren": new or changed records per target, counts per account manager. */
  'exports.queue': method({
    roles: ALL_ROLES,
    input: z
      .object({
        target: profileTarget,
        kind: kind.optional(),
        owner: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({
      target: profileTarget,
      total: z.number(),
      byKind: z.array(z.object({ kind, count: z.number() })),
      byOwner: z.array(z.object({ owner: z.string(), count: z.number() })),
      items: z.array(
        z.object({
          kind,
          id: z.string(),
          ref: z.string(),
          label: z.string(),
          owner: z.string().nullable(),
          status: z.enum(['new', 'changed']),
          changed: z.array(z.string()),
          problems: z.number(),
          targetId: z.string().nullable(),
        }),
      ),
    }),
  }),
  /** The entry panel: the target's fields in its screen order, formatted, changed ones marked. */
  'exports.entry': method({
    roles: ALL_ROLES,
    input: z.object({ target: profileTarget, kind, id: z.string() }).strict(),
    output: z.object({
      target: profileTarget,
      kind,
      id: z.string(),
      ref: z.string(),
      label: z.string(),
      status: z.enum(['new', 'changed', 'unchanged']),
      profile: z.object({ id: z.string(), version: z.number(), name: z.string() }),
      targetIdLabel: z.string().nullable(),
      targetId: z.string().nullable(),
      deliveredAt: z.string().nullable(),
      fields: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          value: z.string(),
          changed: z.boolean(),
          problem: z.string().nullable(),
          note: z.string().nullable(),
        }),
      ),
    }),
  }),
  /** "Ingevoerd": stores the delivered hash and the target's own id (when given). */
  'exports.markEntered': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({ target: profileTarget, kind, id: z.string(), targetId: z.string().max(100).optional() }).strict(),
    output: z.object({ deliveredAt: z.string(), targetId: z.string().nullable() }),
  }),
  /** Where one record stands per target: delivered or not, changed fields, the target's id. */
  'exports.recordStatus': method({
    roles: ALL_ROLES,
    input: z.object({ kind, id: z.string() }).strict(),
    output: z.array(
      z.object({
        target,
        status: z.enum(['new', 'changed', 'unchanged']),
        changed: z.array(z.string()),
        deliveredAt: z.string().nullable(),
        targetId: z.string().nullable(),
        problems: z.number(),
      }),
    ),
  }),
  'exports.profiles.list': method({
    roles: ALL_ROLES,
    input: z.object({}).strict(),
    output: z.array(profileSummary),
  }),
  'exports.profiles.get': method({
    roles: ALL_ROLES,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ profile: profileSchema, sources: z.array(sourceField) }),
  }),
  /** Saves a beheerder's adjusted copy (validated) and puts it in use for its target and kind. */
  'exports.profiles.save': method({
    writes: true,
    input: z.object({ profile: profileSchema }).strict(),
    output: z.object({ id: z.string(), version: z.number() }),
    roles: beheerder,
  }),
  /** Takes an adjusted profile out of use: the shipped default applies again. */
  'exports.profiles.retire': method({
    writes: true,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ id: z.string() }),
    roles: beheerder,
  }),
  'exports.settings.get': method({
    roles: ALL_ROLES,
    input: z.object({}).strict(),
    output: z.object({ sharedFolder: z.string().nullable() }),
  }),
  'exports.settings.set': method({
    roles: BEHEER,
    writes: true,
    input: z.object({ sharedFolder: z.string().max(1000).nullable() }).strict(),
    output: z.object({ sharedFolder: z.string().nullable() }),
  }),
};
