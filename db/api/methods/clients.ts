import { z } from 'zod';
import { method } from '../define.js';
import { isBsnQuery } from '../../model/bsn.js';
import { clientListItem } from '../../model/clients.js';
import { ALL_ROLES, BSN_ROLES } from '../../model/access.js';
import { listView } from '../../model/list-view.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Client fields as the form sends them: strings as typed; the server parses and checks them. */
export const clientFormInput = z.object({
  bsn: z.string().optional(),
  initials: z.string().optional(),
  first_name: z.string().optional(),
  name_prefix: z.string().optional(),
  last_name: z.string().optional(),
  birth_date: z.string().optional(),
  gender: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  street: z.string().optional(),
  house_number: z.string().optional(),
  postcode: z.string().optional(),
  city: z.string().optional(),
  education_level: z.string().optional(),
  hours_available: z.string().optional(),
  target_groups: z.array(z.string()).optional(),
  // Profile after the VUM werkzoekendeprofiel; lists as arrays (or one ';'-separated string).
  work_thinking_level: z.string().optional(),
  driving_licence: z.union([z.array(z.string()), z.string()]).optional(),
  transport: z.union([z.array(z.string()), z.string()]).optional(),
  max_travel_km: z.string().optional(),
  occupations_wanted: z.union([z.array(z.string()), z.string()]).optional(),
  sectors: z.union([z.array(z.string()), z.string()]).optional(),
  competences: z.union([z.array(z.string()), z.string()]).optional(),
  languages: z.union([z.array(z.string()), z.string()]).optional(),
  /** Special category (AVG art. 9): only klantmanager and trajectmanager may see and set it. */
  work_limitations: z.string().optional(),
  banenafspraak_status: z.string().optional(),
  banenafspraak_checked: z.string().optional(),
  benefit_status: z.string().optional(),
  intake_date: z.string().optional(),
  referrer: z.string().optional(),
  account_manager: z.string().optional(),
  /** The account manager picked as a user (registering); wins over account_manager. */
  account_manager_id: z.string().optional(),
  exit_date: z.string().optional(),
  exit_reason: z.string().optional(),
});

export const clientMethods = {
  /** Search-as-you-type and the client list: keyset paged by (sort key, id). */
  'clients.search': method({
    roles: ALL_ROLES,
    // A query that is a BSN is a BSN lookup (db/search/clients.ts): audited like clients.byBsn.
    auditRead: (input: { query?: string }) => isBsnQuery(input.query),
    input: z
      .object({
        query: z.string().max(200).default(''),
        limit: z.number().int().min(1).max(500).default(100),
        /** Opaque cursor from the previous page. */
        after: z.string().nullable().default(null),
        onlyCaseload: z.boolean().default(false),
        /** Sort and filters (db/model/lists.ts); absent: by last name, all clients. */
        view: listView.optional(),
      })
      .strict(),
    output: z.object({ items: z.array(clientListItem), next: z.string().nullable(), total: z.number() }),
  }),
  /** Opening a client's file: audited (who saw what, when). The full BSN only for BSN_ROLES. */
  'clients.get': method({
    roles: ALL_ROLES,
    auditRead: true,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({
      id: z.string(),
      record: z.record(z.string(), z.unknown()),
      periods: z.array(
        z.object({
          id: z.string(),
          intake_date: z.string().nullable(),
          referrer: z.string().nullable(),
          account_manager: z.string().nullable(),
          exit_date: z.string().nullable(),
          exit_reason: z.string().nullable(),
          /** Why the exit was last corrected or undone (issue 13). */
          exit_note: z.string().nullable().optional(),
          /** Handovers to another account manager in this period, oldest first (who, when, from-to, note). */
          handovers: z
            .array(
              z.object({
                from_date: z.string().nullable(),
                previous: z.string().nullable(),
                account_manager: z.string().nullable(),
                note: z.string().nullable(),
                by: z.string().nullable(),
                at: z.string().nullable(),
              }),
            )
            .optional(),
        }),
      ),
      /** Age on today and the under-27 flag (DOMAIN.md: steer youth back to school). */
      age: z.number().nullable(),
      under27: z.boolean(),
      inCaseload: z.boolean(),
      /** Fields left out (null in record) because the caller's role has no need to know. */
      hiddenFields: z.array(z.string()),
      /** Numbers this client had before (renumbered after two laptops gave out the same one). */
      formerRefs: z.array(z.string()),
      /** Registrations of the same person merged into this client (db/sync/merge.ts). */
      mergedRefs: z.array(z.string()),
      /** Set when this registration was merged into another: that client is the one to open. */
      mergedInto: z.object({ id: z.string(), ref: z.string() }).nullable(),
    }),
  }),
  'clients.create': method({
    writes: true,
    input: clientFormInput.strict(),
    output: z.object({ id: z.string(), ref: z.string() }),
    roles: ['klantmanager', 'trajectmanager', 'manager', 'beheerder'],
  }),
  'clients.update': method({
    writes: true,
    input: z.object({ id: z.string(), fields: clientFormInput.strict() }).strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
    roles: ['klantmanager', 'trajectmanager', 'manager', 'beheerder'],
  }),
  /** A BSN lookup: only roles that work with the BSN, and audited (the BSN itself never logged). */
  'clients.byBsn': method({
    roles: BSN_ROLES,
    auditRead: true,
    input: z.object({ bsn: z.string() }).strict(),
    output: z.object({ id: z.string().nullable() }),
  }),
};

export { isoDate };
