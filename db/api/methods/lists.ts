// The work lists as files: "Exporteer deze lijst" on Klanten, Werkgevers, Vacatures and
// Plaatsingen gives the list as filtered and sorted on screen (db/model/lists.ts), as XLSX or CSV,
// base64-encoded like reports.file.
import { z } from 'zod';
import { method } from '../define.js';
import { LIST_NAMES } from '../../model/lists.js';
import { listView } from '../../model/list-view.js';
import { ALL_ROLES } from '../../model/access.js';

export const listMethods = {
  'lists.file': method({
    roles: ALL_ROLES,
    input: z
      .object({
        list: z.enum(LIST_NAMES),
        view: listView.default({ sort: null, dir: 'asc', accountManager: null, targetGroup: null, status: null }),
        /** The search text of the list (clients, employers, vacancies). */
        query: z.string().max(200).default(''),
        format: z.enum(['csv', 'xlsx']),
      })
      .strict(),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string(), rows: z.number() }),
  }),
};
