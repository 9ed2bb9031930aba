// Placements (plaatsingen): start one (from a match or directly), change, remove, list.
import { z } from 'zod';
import { method } from '../define.js';
import { listView } from '../../model/list-view.js';
import { dateIn, flag, num, paging, text } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';

/** Placement fields as typed: kind*, start_date*, end_date, hours_per_week, wage_subsidy, job_coach, wage_value (%). */
export const placementForm = z
  .object({
    kind: text,
    start_date: text,
    end_date: text,
    hours_per_week: num,
    wage_subsidy: flag,
    job_coach: text,
    wage_value: num,
    end_reason: text,
  })
  .strict();

const placementItem = z.object({
  id: z.string(),
  ref: z.string(),
  kind: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  hours_per_week: z.number().nullable(),
  wage_subsidy: z.boolean(),
  job_coach: z.string().nullable(),
  wage_value: z.number().nullable(),
  end_reason: z.string().nullable(),
  clientId: z.string().nullable(),
  clientRef: z.string().nullable(),
  client: z.string(),
  employerId: z.string().nullable(),
  employer: z.string().nullable(),
  vacancyId: z.string().nullable(),
  vacancy: z.string().nullable(),
  active: z.boolean(),
});

export const placementMethods = {
  /**
   * Starts a placement. With matchId the client and vacancy come from the match, which becomes
   * aangenomen; the vacancy closes as vervuld when all its positions are taken; nazorg contacts
   * are planned after 1 week, 1 month and 3 months.
   */
  'placements.create': method({
    roles: ALL_ROLES,
    writes: true,
    input: z
      .object({
        matchId: z.string().nullable().optional(),
        clientId: z.string().nullable().optional(),
        employerId: z.string().nullable().optional(),
        vacancyId: z.string().nullable().optional(),
        fields: placementForm,
      })
      .strict(),
    output: z.object({
      id: z.string(),
      ref: z.string(),
      matchId: z.string().nullable(),
      vacancyClosed: z.boolean(),
      nazorg: z.array(z.string()),
    }),
  }),
  /** Changes a placement (e.g. its end date); a new start date moves the open nazorg with it. */
  'placements.update': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({ id: z.string(), fields: placementForm }).strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
  }),
  /** Removes a placement registered by mistake (open nazorg goes too; its match returns to gesprek). */
  'placements.remove': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ id: z.string() }),
  }),
  /** Placements of a client or an employer (or all), newest start first, keyset paged; activeOn filters running ones. */
  'placements.list': method({
    roles: ALL_ROLES,
    input: z
      .object({
        clientId: z.string().nullable().default(null),
        employerId: z.string().nullable().default(null),
        activeOn: dateIn.nullable().default(null),
        /** Sort and filters (db/model/lists.ts); absent: newest start first. */
        view: listView.optional(),
        ...paging,
      })
      .strict(),
    output: z.object({ items: z.array(placementItem), next: z.string().nullable() }),
  }),
};
