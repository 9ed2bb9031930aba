// Matching: ranked candidates for a vacancy, ranked vacancies for a client (each with an
// explained score), and the matches pipeline per vacancy.
import { z } from 'zod';
import { method } from '../define.js';
import { dateIn, paging } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';

const matchStatus = z.enum(['proposed', 'interview', 'hired', 'rejected']);
const component = z.object({
  key: z.enum(['occupation', 'level', 'hours', 'distance', 'licence', 'availability']),
  label: z.string(),
  weight: z.number(),
  points: z.number(),
  explanation: z.string(),
});
const scored = { score: z.number(), components: z.array(component) };

const pipelineItem = z.object({
  id: z.string(),
  ref: z.string(),
  clientId: z.string(),
  vacancyId: z.string(),
  client: z.string(),
  clientRef: z.string(),
  vacancy: z.string(),
  vacancyRef: z.string(),
  employer: z.string().nullable(),
  status: matchStatus,
  status_date: z.string().nullable(),
  score: z.number().nullable(),
  note: z.string().nullable(),
});

export const matchingMethods = {
  /** Clients in the caseload ranked for a vacancy; placed clients only with includePlaced. Keyset by (score, ref). */
  'matching.candidates': method({
    roles: ALL_ROLES,
    input: z
      .object({
        vacancyId: z.string(),
        asOf: dateIn.optional(),
        includePlaced: z.boolean().default(false),
        ...paging,
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({
      items: z.array(
        z.object({
          ...scored,
          clientId: z.string(),
          ref: z.string(),
          name: z.string(),
          city: z.string().nullable(),
          birth_date: z.string().nullable(),
          account_manager: z.string().nullable(),
          placed: z.boolean(),
          matchStatus: matchStatus.nullable(),
        }),
      ),
      next: z.string().nullable(),
      total: z.number(),
    }),
  }),
  /** Open vacancies ranked for a client. */
  'matching.vacancies': method({
    roles: ALL_ROLES,
    input: z
      .object({
        clientId: z.string(),
        asOf: dateIn.optional(),
        ...paging,
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({
      items: z.array(
        z.object({
          ...scored,
          vacancyId: z.string(),
          ref: z.string(),
          title: z.string(),
          employer: z.string().nullable(),
          city: z.string().nullable(),
          hours_per_week: z.number().nullable(),
          banenafspraak: z.boolean(),
          matchStatus: matchStatus.nullable(),
        }),
      ),
      next: z.string().nullable(),
      total: z.number(),
    }),
  }),
  /** Proposes a client for an open vacancy (status voorgesteld) with the score at that moment. */
  'matches.propose': method({
    roles: ALL_ROLES,
    writes: true,
    input: z
      .object({ vacancyId: z.string(), clientId: z.string(), note: z.string().max(2000).nullable().optional() })
      .strict(),
    output: z.object({ id: z.string(), score: z.number() }),
  }),
  /** Moves a match: voorgesteld <-> gesprek, -> afgewezen, afgewezen -> voorgesteld. Aangenomen only via placements.create. */
  'matches.move': method({
    roles: ALL_ROLES,
    writes: true,
    input: z
      .object({
        id: z.string(),
        status: matchStatus,
        note: z.string().max(2000).nullable().optional(),
        date: dateIn.optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
  }),
  /** The pipeline of a vacancy, or all matches of a client. */
  'matches.list': method({
    roles: ALL_ROLES,
    input: z.union([z.object({ vacancyId: z.string() }).strict(), z.object({ clientId: z.string() }).strict()]),
    output: z.object({ items: z.array(pipelineItem) }),
  }),
};
