// "Mijn werk": the start screen per user.
import { z } from 'zod';
import { method } from '../define.js';
import { dateIn } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';
import { SIGNAL_KINDS } from '../../model/signals.js';

const party = z.object({ id: z.string(), ref: z.string(), name: z.string() });
const followUp = z.object({
  contactId: z.string(),
  date: z.string(),
  kind: z.string().nullable(),
  summary: z.string().nullable(),
  follow_up_date: z.string(),
  daysOverdue: z.number(),
  by: z.string().nullable(),
  client: party.nullable(),
  employer: party.nullable(),
  placementId: z.string().nullable(),
  placementEmployer: z.string().nullable(),
});
const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

export const myWorkMethods = {
  /**
   * What needs doing on asOf (default today): follow-ups due, nazorg due, buitengewone werkgevers
   * not contacted in 90 days, clients without a running activity or placement, referrals without
   * intake, and signals. scope 'mine' (default): the signed-in user's caseload (by user, else by name); `sections` is the order
   * for the user's role.
   */
  'mywork.get': method({
    roles: ALL_ROLES,
    input: z
      .object({
        asOf: dateIn.optional(),
        scope: z.enum(['mine', 'all']).default('mine'),
        limit: z.number().int().min(1).max(500).default(100),
        /** Signal "no contact in N weeks" (default 3). */
        noContactWeeks: z.number().int().min(1).max(52).optional(),
      })
      .strict(),
    output: z.object({
      asOf: z.string(),
      scope: z.enum(['mine', 'all']),
      sections: z.array(z.string()),
      followUps: section(followUp),
      nazorg: section(followUp),
      employers: section(
        z.object({
          id: z.string(),
          ref: z.string(),
          name: z.string(),
          exceptional_since: z.string(),
          account_manager: z.string().nullable(),
          last_contact: z.string().nullable(),
          daysSince: z.number().nullable(),
        }),
      ),
      idleClients: section(
        z.object({
          id: z.string(),
          ref: z.string(),
          name: z.string(),
          intake_date: z.string(),
          account_manager: z.string().nullable(),
          last_activity_end: z.string().nullable(),
          under27: z.boolean(),
        }),
      ),
      referrals: section(
        z.object({
          id: z.string(),
          ref: z.string(),
          name: z.string(),
          periodId: z.string(),
          intake_date: z.string(),
          referrer: z.string().nullable(),
          account_manager: z.string().nullable(),
          daysWaiting: z.number(),
          under27: z.boolean(),
        }),
      ),
      /** What is about to need attention, per client (db/work/signals.ts). */
      signals: section(
        z.object({
          kind: z.enum(SIGNAL_KINDS),
          client: party,
          date: z.string().nullable(),
          about: z.string().nullable(),
        }),
      ),
    }),
  }),
};
