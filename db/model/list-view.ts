// The contract's schema of a list's sort and filters (ListView, db/model/lists.ts).
import { z } from 'zod';
import type { ListView, SortDir } from './lists.js';

export const sortDir = z.enum(['asc', 'desc']) satisfies z.ZodType<SortDir>;

/** Sort and filters of a list: the same on the screen's page and in the exported file. */
export const listView = z
  .object({
    /** A column of the list (LIST_COLUMNS); null keeps the list's own order. */
    sort: z.string().max(40).nullable().default(null),
    dir: sortDir.default('asc'),
    /** The account manager's name as in the caseload period or the employer. */
    accountManager: z.string().max(200).nullable().default(null),
    /** A target group code (db/model/codes.ts target_group). */
    targetGroup: z.string().max(40).nullable().default(null),
    /** A status of LIST_STATUSES for the list. */
    status: z.string().max(40).nullable().default(null),
  })
  .strict() satisfies z.ZodType<ListView>;
