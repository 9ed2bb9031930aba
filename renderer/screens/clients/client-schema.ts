// Client-side checks of the "Nieuwe klant" form, from the same pure rules the server uses
// (db/model): the server checks again and its field errors are shown the same way.
import { z } from 'zod';
import { isValidBsn } from '../../../db/model/bsn.js';
import { EMAIL_RE, PHONE_RE, normalizePostcode } from '../../../db/model/checks.js';
import { parseDate } from '../../../db/model/calendar.js';

const optional = (check: (v: string) => boolean, message: string) =>
  z.string().refine((v) => v.trim() === '' || check(v.trim()), { message });

export const clientFormSchema = z.object({
  bsn: optional(isValidBsn, 'form.errors.bsn'),
  initials: z.string(),
  first_name: z.string(),
  name_prefix: z.string(),
  last_name: z.string().refine((v) => v.trim() !== '', { message: 'form.errors.required' }),
  birth_date: optional((v) => parseDate(v) !== null, 'form.errors.date'),
  gender: z.string(),
  phone: optional((v) => PHONE_RE.test(v), 'form.errors.phone'),
  email: optional((v) => EMAIL_RE.test(v), 'form.errors.email'),
  street: z.string(),
  house_number: z.string(),
  postcode: optional((v) => normalizePostcode(v) !== null, 'form.errors.postcode'),
  city: z.string(),
  intake_date: optional((v) => parseDate(v) !== null, 'form.errors.date'),
  referrer: z.string(),
  account_manager: z.string(),
});

export type ClientFormValues = z.infer<typeof clientFormSchema>;
export const CLIENT_FORM_FIELDS = Object.keys(clientFormSchema.shape) as (keyof ClientFormValues)[];
