// Handler of clients.ownFile: the file (db/work/own-file.ts) in the asked format.
import type { Handlers } from '../dispatch.js';
import { ownFile, ownFileHtml } from '../../work/own-file.js';
import { htmlToPdf } from '../../reports/format/pdf.js';

const MIME = {
  json: 'application/json',
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
} as const;

export const ownFileHandlers: Pick<Handlers, 'clients.ownFile'> = {
  'clients.ownFile': async ({ store, session }, { clientId, format }) => {
    const file = ownFile(store, clientId, session);
    const data =
      format === 'json'
        ? Buffer.from(JSON.stringify(file, null, 2) + '\n', 'utf8')
        : format === 'html'
          ? Buffer.from(ownFileHtml(file), 'utf8')
          : await htmlToPdf(ownFileHtml(file));
    return {
      filename: `inzage-${file.client.ref}-${file.made_on}.${format}`,
      mime: MIME[format],
      base64: data.toString('base64'),
    };
  },
};
