// Contact moments with a client or an employer, with follow-ups.
import { z } from 'zod';
import { method } from '../define.js';
import { dateIn, paging, text } from './inputs.js';
import { ALL_ROLES } from '../../model/access.js';

const contactItem = z.object({
  id: z.string(),
  ref: z.string(),
  date: z.string(),
  kind: z.string().nullable(),
  summary: z.string().nullable(),
  follow_up_date: z.string().nullable(),
  follow_up_done: z.string().nullable(),
  by: z.string().nullable(),
  /** 'nazorg' for contacts planned after a placement. */
  purpose: z.string().nullable(),
  placementId: z.string().nullable(),
  clientId: z.string().nullable(),
  employerId: z.string().nullable(),
});

export const contactMethods = {
  /** The contact log of a client or an employer, newest first, keyset paged. */
  'contacts.list': method({
    roles: ALL_ROLES,
    input: z.union([
      z.object({ clientId: z.string(), ...paging }).strict(),
      z.object({ employerId: z.string(), ...paging }).strict(),
    ]),
    output: z.object({ items: z.array(contactItem), next: z.string().nullable() }),
  }),
  /**
   * Quick entry: a contact with a client or an employer (exactly one), optional follow-up date.
   * `resolves` marks an earlier contact's follow-up as handled on this contact's date.
   */
  'contacts.create': method({
    roles: ALL_ROLES,
    writes: true,
    input: z
      .object({
        clientId: z.string().nullable().optional(),
        employerId: z.string().nullable().optional(),
        date: z.string().max(20),
        kind: z.string().max(40),
        summary: z.string().max(4000).optional(),
        follow_up_date: z.string().max(20).nullable().optional(),
        by: z.string().max(100).optional(),
        resolves: z.string().nullable().optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), ref: z.string() }),
  }),
  'contacts.update': method({
    roles: ALL_ROLES,
    writes: true,
    input: z
      .object({
        id: z.string(),
        fields: z.object({ date: text, kind: text, summary: text, follow_up_date: text, by: text }).strict(),
      })
      .strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
  }),
  /** Marks a follow-up (or planned nazorg) as handled on `date` (default today). */
  'contacts.markDone': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({ id: z.string(), date: dateIn.optional() }).strict(),
    output: z.object({ id: z.string(), changed: z.array(z.string()) }),
  }),
  'contacts.remove': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ id: z.string() }),
  }),
};
