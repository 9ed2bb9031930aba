// Employers (werkgevers): search, card, register, update, contact persons, SROI obligations.
import { z } from 'zod';
import { method } from '../define.js';
import { listView } from '../../model/list-view.js';
import { dateIn, paging, text } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';

const EMPLOYER_ROLES = ['werkgeversadviseur', 'klantmanager', 'manager', 'beheerder'] as const;

/** Employer fields as typed in the form (record field names of CONTRACTS.md + account_manager). */
export const employerForm = z
  .object({
    name: text,
    kvk: text,
    street: text,
    house_number: text,
    postcode: text,
    city: text,
    sector: text,
    account_holder: text,
    exceptional_since: text,
    account_manager: text,
    contact_name: text,
    contact_phone: text,
    contact_email: text,
  })
  .strict();

export const employerItem = z.object({
  id: z.string(),
  ref: z.string(),
  name: z.string(),
  kvk: z.string().nullable(),
  city: z.string().nullable(),
  sector: z.string().nullable(),
  account_holder: z.string().nullable(),
  account_manager: z.string().nullable(),
  exceptional_since: z.string().nullable(),
  last_contact: z.string().nullable(),
  open_vacancies: z.number(),
  /** Buitengewone werkgever not contacted in the last 90 days (or never). */
  followUpOverdue: z.boolean(),
});

const vacancyBrief = z.object({
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
  status: z.enum(['open', 'filled', 'withdrawn']),
  banenafspraak: z.boolean(),
  source: z.string().nullable(),
  proposed: z.number(),
  placed: z.number(),
});

const sroiOut = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  contract: z.string().nullable(),
  amount: z.number().nullable(),
  unit: z.string(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  /** Hours (hours x weeks of placements in the period) or number of placements started in it. */
  realized: z.number(),
  percent: z.number().nullable(),
  placements: z.array(z.object({ placementId: z.string(), ref: z.string(), value: z.number() })),
});

export const employerMethods = {
  /** Employer list and search (name, KvK, place, contact; an 8-digit query is a KvK number). Keyset paged by name. */
  'employers.search': method({
    roles: ALL_ROLES,
    input: z
      .object({
        query: z.string().max(200).default(''),
        exceptionalOnly: z.boolean().default(false),
        accountManager: z.string().max(100).nullable().default(null),
        asOf: dateIn.optional(),
        /** Sort and filters (db/model/lists.ts); absent: by name. */
        view: listView.optional(),
        ...paging,
      })
      .strict(),
    output: z.object({ items: z.array(employerItem), next: z.string().nullable(), total: z.number() }),
  }),
  /** The employer card: fields, contact persons, SROI with realization, vacancies, placements, follow-up. */
  'employers.get': method({
    roles: ALL_ROLES,
    input: z.object({ id: z.string(), asOf: dateIn.optional() }).strict(),
    output: employerItem.extend({
      record: z.record(z.string(), z.unknown()),
      contactPersons: z.array(
        z.object({
          id: z.string(),
          ref: z.string().nullable(),
          name: z.string().nullable(),
          role: z.string().nullable(),
          phone: z.string().nullable(),
          email: z.string().nullable(),
        }),
      ),
      sroi: z.array(sroiOut),
      vacancies: z.array(vacancyBrief),
      placements: z.array(
        z.object({
          id: z.string(),
          ref: z.string(),
          kind: z.string().nullable(),
          start_date: z.string().nullable(),
          end_date: z.string().nullable(),
          hours_per_week: z.number().nullable(),
          clientId: z.string().nullable(),
          clientRef: z.string().nullable(),
          client: z.string(),
          active: z.boolean(),
        }),
      ),
      /** When the next follow-up call is due (buitengewone werkgevers only). */
      nextFollowUp: z.string().nullable(),
    }),
  }),
  /** Registers an employer; a KvK number that exists already is refused with the existing employer's id. */
  'employers.create': method({
    writes: true,
    input: employerForm,
    output: z.object({ id: z.string(), ref: z.string() }),
    roles: [...EMPLOYER_ROLES],
  }),
  'employers.update': method({
    writes: true,
    input: z.object({ id: z.string(), fields: employerForm }).strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
    roles: [...EMPLOYER_ROLES],
  }),
  /** KvK check while typing: the employer registered with this number, if any. */
  'employers.byKvk': method({
    roles: ALL_ROLES,
    input: z.object({ kvk: z.string().max(20) }).strict(),
    output: z.object({ id: z.string().nullable(), ref: z.string().nullable(), name: z.string().nullable() }),
  }),
  'employers.saveContactPerson': method({
    writes: true,
    input: z
      .object({
        employerId: z.string(),
        id: z.string().optional(),
        name: z.string().trim().min(1).max(100),
        role: text,
        phone: text,
        email: text,
      })
      .strict(),
    output: z.object({ id: z.string() }),
    roles: [...EMPLOYER_ROLES],
  }),
  'employers.removeContactPerson': method({
    writes: true,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ id: z.string() }),
    roles: [...EMPLOYER_ROLES],
  }),
  'employers.saveSroi': method({
    writes: true,
    input: z
      .object({
        employerId: z.string(),
        id: z.string().optional(),
        contract: z.string().trim().min(1).max(200),
        amount: z.number().positive(),
        unit: z.enum(['hours', 'placements']).default('hours'),
        start_date: dateIn,
        end_date: dateIn.nullable().optional(),
      })
      .strict(),
    output: z.object({ id: z.string() }),
    roles: ['werkgeversadviseur', 'manager', 'beheerder'],
  }),
  'employers.removeSroi': method({
    writes: true,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ id: z.string() }),
    roles: ['werkgeversadviseur', 'manager', 'beheerder'],
  }),
};
