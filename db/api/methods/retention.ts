// Retention: the list of clients past their retention date and the purge (manager only).
import { z } from 'zod';
import { method } from '../define.js';
import { dateIn, paging } from './inputs.js';

export const retentionMethods = {
  /** Clients whose last caseload period ended 10 or more years before asOf (no open period), oldest first. */
  'retention.list': method({
    input: z.object({ asOf: dateIn.optional(), ...paging }).strict(),
    output: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          ref: z.string(),
          name: z.string(),
          lastExit: z.string().nullable(),
          exitReason: z.string().nullable(),
          destroyFrom: z.string(),
        }),
      ),
      next: z.string().nullable(),
    }),
    roles: ['manager'],
  }),
  /** Destroys the clients and everything of theirs, journal and search index included. confirm must be true. */
  'retention.purge': method({
    writes: true,
    audit: 'self',
    input: z
      .object({ clientIds: z.array(z.string()).min(1).max(1000), confirm: z.literal(true), asOf: dateIn.optional() })
      .strict(),
    output: z.object({
      purged: z.number(),
      rows: z.record(z.string(), z.number()),
      remaining: z.array(z.object({ table: z.string(), column: z.string(), rows: z.number() })),
    }),
    roles: ['manager'],
  }),
};
