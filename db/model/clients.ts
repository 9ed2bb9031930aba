// The shapes in which clients leave the domain: a row of the client list (and search). Pure.
import { z } from 'zod';

export const clientListItem = z.object({
  id: z.string(),
  ref: z.string(),
  name: z.string(),
  bsnMasked: z.string().nullable(),
  birth_date: z.string().nullable(),
  city: z.string().nullable(),
  account_manager: z.string().nullable(),
  intake_date: z.string().nullable(),
  exit_date: z.string().nullable(),
  inCaseload: z.boolean(),
});
export type ClientListItem = z.infer<typeof clientListItem>;
