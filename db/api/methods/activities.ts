// Activities (trajecten, activering): four-week programme, application training, courses (ROC),
// CvW trajects, job coaching, wage-value assessment; provider, start/end, outcome.
import { z } from 'zod';
import { method } from '../define.js';
import { dateIn, paging, text } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';

const ACTIVITY_ROLES = ['klantmanager', 'trajectmanager', 'manager', 'beheerder'] as const;

/** Activity fields as typed: kind*, provider, start_date*, end_date (inclusive), outcome. */
export const activityForm = z
  .object({ kind: text, provider: text, start_date: text, end_date: text, outcome: text })
  .strict();

const activityItem = z.object({
  id: z.string(),
  ref: z.string(),
  kind: z.string().nullable(),
  provider: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  outcome: z.string().nullable(),
  clientId: z.string().nullable(),
  clientRef: z.string().nullable(),
  client: z.string(),
  active: z.boolean(),
});

export const activityMethods = {
  /** Activities of a client, or of a kind / running on a day (trajectmanager's overview). Newest start first, keyset paged. */
  'activities.list': method({
    roles: ALL_ROLES,
    input: z
      .object({
        clientId: z.string().nullable().default(null),
        kind: z.string().nullable().default(null),
        activeOn: dateIn.nullable().default(null),
        asOf: dateIn.optional(),
        ...paging,
      })
      .strict(),
    output: z.object({ items: z.array(activityItem), next: z.string().nullable() }),
  }),
  'activities.create': method({
    writes: true,
    input: z.object({ clientId: z.string(), fields: activityForm }).strict(),
    output: z.object({ id: z.string(), ref: z.string() }),
    roles: [...ACTIVITY_ROLES],
  }),
  'activities.update': method({
    writes: true,
    input: z.object({ id: z.string(), fields: activityForm }).strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
    roles: [...ACTIVITY_ROLES],
  }),
  'activities.remove': method({
    writes: true,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ id: z.string() }),
    roles: [...ACTIVITY_ROLES],
  }),
};
