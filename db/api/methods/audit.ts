// Change history per record, from the journal.
import { z } from 'zod';
import { method } from '../define.js';
import { paging } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';

export const auditMethods = {
  /** Who changed which field from what to what, when, on which laptop; values masked per role. Newest first. */
  'audit.history': method({
    roles: ALL_ROLES,
    input: z
      .object({
        entity: z.enum([
          'user',
          'client',
          'period',
          'measure',
          'employer',
          'contact_person',
          'sroi',
          'vacancy',
          'match',
          'placement',
          'activity',
          'contact',
        ]),
        id: z.string(),
        ...paging,
      })
      .strict(),
    output: z.object({
      items: z.array(
        z.object({
          seq: z.number(),
          hlc: z.string(),
          at: z.string(),
          user: z.string(),
          userName: z.string().nullable(),
          device: z.string(),
          deviceName: z.string().nullable(),
          field: z.string(),
          label: z.string(),
          old: z.unknown(),
          new: z.unknown(),
        }),
      ),
      next: z.string().nullable(),
    }),
  }),
};
