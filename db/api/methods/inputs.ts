// Input pieces shared by the daily-work methods. Forms send what was typed (strings); the server
// parses and checks record fields with db/model/records.ts, as clients.create does. Dates may be
// typed the Dutch way (dd-mm-jjjj) or ISO; they come out ISO.
import { z } from 'zod';
import { parseDate } from '../../model/calendar.js';
import { CODE_LISTS } from '../../model/codes.js';

export const dateIn = z.string().transform((s, ctx) => {
  const iso = parseDate(s);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: `ongeldige datum '${s}' (gebruik dd-mm-jjjj)` });
    return z.NEVER;
  }
  return iso;
});

/** A form field as typed: '' keeps the value on create and clears it on update. */
export const text = z.string().max(4000).optional();
export const num = z
  .union([z.number(), z.string().max(40)])
  .nullable()
  .optional();
export const flag = z
  .union([z.boolean(), z.string().max(10)])
  .nullable()
  .optional();
export const list = z
  .union([z.array(z.string().max(200)).max(100), z.string().max(4000)])
  .nullable()
  .optional();

/** Keyset paging: `after` is the opaque `next` of the previous page. */
export const paging = {
  limit: z.number().int().min(1).max(500).default(100),
  after: z.string().nullable().default(null),
};

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

type ExitReason = keyof typeof CODE_LISTS.exit_reason;

/** An exit reason: a code of the exit_reason list (db/model/codes.ts), in its order. */
export const exitReason = z.enum(Object.keys(CODE_LISTS.exit_reason) as [ExitReason, ...ExitReason[]]);
