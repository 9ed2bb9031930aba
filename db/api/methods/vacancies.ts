// Vacancies: list, card, register, update, close, and the overview of open vacancies for a client.
import { z } from 'zod';
import { method } from '../define.js';
import { listView } from '../../model/list-view.js';
import { dateIn, flag, list, num, paging, text } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';

const VACANCY_ROLES = ['werkgeversadviseur', 'klantmanager', 'manager', 'beheerder'] as const;
const status = z.enum(['open', 'filled', 'withdrawn']);

/** Vacancy fields as typed (VUM vacatureprofiel subset; record field names of CONTRACTS.md + extensions). */
export const vacancyForm = z
  .object({
    title: text,
    occupation_code: text,
    hours_per_week: num,
    hours_min: num,
    positions: num,
    opened_date: text,
    closed_date: text,
    close_reason: text,
    closing_date: text,
    banenafspraak: flag,
    description: text,
    source: text,
    education_level: text,
    work_thinking_level: text,
    driving_licence: list,
    postcode: text,
    city: text,
    contract_kind: text,
    sector: text,
    competences: list,
  })
  .strict();

export const vacancyItem = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  employerId: z.string().nullable(),
  employer: z.string().nullable(),
  city: z.string().nullable(),
  hours_per_week: z.number().nullable(),
  positions: z.number().nullable(),
  opened_date: z.string().nullable(),
  closed_date: z.string().nullable(),
  closing_date: z.string().nullable(),
  /** open / filled (vervuld) / withdrawn (ingetrokken), derived from closed_date and close_reason on asOf. */
  status,
  banenafspraak: z.boolean(),
  source: z.string().nullable(),
  /** Matches in voorgesteld or gesprek. */
  proposed: z.number(),
  placed: z.number(),
});

export const vacancyMethods = {
  /** Vacancies newest first, keyset paged; filter on status, employer, banenafspraak, text in title/employer. */
  'vacancies.list': method({
    roles: ALL_ROLES,
    input: z
      .object({
        asOf: dateIn.optional(),
        status: status.nullable().default(null),
        employerId: z.string().nullable().default(null),
        query: z.string().max(200).default(''),
        banenafspraak: z.boolean().nullable().default(null),
        /** Sort and filters (db/model/lists.ts); absent: newest first. */
        view: listView.optional(),
        ...paging,
      })
      .strict(),
    output: z.object({ items: z.array(vacancyItem), next: z.string().nullable() }),
  }),
  'vacancies.get': method({
    roles: ALL_ROLES,
    input: z.object({ id: z.string(), asOf: dateIn.optional() }).strict(),
    output: vacancyItem.extend({ record: z.record(z.string(), z.unknown()) }),
  }),
  'vacancies.create': method({
    writes: true,
    input: z.object({ employerId: z.string(), fields: vacancyForm }).strict(),
    output: z.object({ id: z.string(), ref: z.string() }),
    roles: [...VACANCY_ROLES],
  }),
  'vacancies.update': method({
    writes: true,
    input: z.object({ id: z.string(), fields: vacancyForm }).strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
    roles: [...VACANCY_ROLES],
  }),
  /** Closes a vacancy: filled (vervuld), withdrawn (ingetrokken) or expired (verlopen, shown as ingetrokken). */
  'vacancies.close': method({
    writes: true,
    input: z
      .object({ id: z.string(), date: dateIn.optional(), reason: z.enum(['filled', 'withdrawn', 'expired']) })
      .strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
    roles: [...VACANCY_ROLES],
  }),
  /** Data for the printable / e-mailable overview of all open vacancies for a client, best fitting first. */
  'vacancies.overviewForClient': method({
    roles: ALL_ROLES,
    input: z.object({ clientId: z.string(), asOf: dateIn.optional() }).strict(),
    output: z.object({
      asOf: z.string(),
      client: z.object({ id: z.string(), ref: z.string(), name: z.string(), email: z.string().nullable() }),
      accountManager: z.string().nullable(),
      total: z.number(),
      items: z.array(
        z.object({
          vacancyId: z.string(),
          ref: z.string(),
          title: z.string(),
          employer: z.string().nullable(),
          city: z.string().nullable(),
          hours_per_week: z.number().nullable(),
          hours_min: z.number().nullable(),
          contract_kind: z.string().nullable(),
          closing_date: z.string().nullable(),
          description: z.string().nullable(),
          banenafspraak: z.boolean(),
          score: z.number(),
          /** score >= 60: "past goed" */ fits: z.boolean(),
        }),
      ),
    }),
  }),
};
