// Handler of lists.file: the list as filtered and sorted, as a file (db/work/list-export.ts).
import type { Handlers } from '../dispatch.js';
import { isBsnQuery } from '../../model/bsn.js';
import { seesBsn } from '../../model/access.js';
import { AppError } from '../../model/errors.js';
import { listFile } from '../../work/list-export.js';

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const listHandlers: Pick<Handlers, 'lists.file'> = {
  'lists.file': async ({ store, session }, { list, view, query, format }) => {
    // As in clients.search: looking up by BSN is for the roles that work with the BSN.
    if (list === 'clients' && !seesBsn(session.role) && isBsnQuery(query))
      throw new AppError('forbidden', 'Uw rol mag niet op BSN zoeken.', 'query');
    const f = await listFile(store, list, view, query, format);
    return { filename: f.filename, mime: MIME[format], base64: f.data.toString('base64'), rows: f.rows };
  },
};
