// Handlers of the report methods: the catalog, a report's data and tables, and the records
// behind one figure. All read-only.
import type { Handlers } from '../dispatch.js';
import type { ReportName } from '../../model/reports.js';
import { reportFileName, renderReport } from '../../reports/output.js';
import { figureRecords } from '../../reports/records.js';
import { REPORTS } from '../../reports/registry.js';
import { runReport } from '../../reports/run.js';

type H = Pick<Handlers, 'reports.list' | 'reports.run' | 'reports.records' | 'reports.file'>;

export const reportHandlers: H = {
  'reports.list': () =>
    (Object.entries(REPORTS) as [ReportName, (typeof REPORTS)[ReportName]][]).map(([name, def]) => ({
      name,
      title: def.title,
      description: def.description,
      params: [...def.params],
    })),
  'reports.run': ({ store }, { name, params }) => {
    const run = runReport(store, name, params);
    return { name: run.name, title: run.title, data: run.data, tables: run.tables };
  },
  'reports.records': ({ store }, { name, params, figure, offset, limit }) =>
    figureRecords(store, name, params, figure, { offset, limit }),
  'reports.file': async ({ store }, { name, params, format }) => {
    const data = await renderReport(store, name, params, format);
    return {
      filename: reportFileName(name, params, format, store.today()),
      mime: MIME[format],
      base64: data.toString('base64'),
    };
  },
};

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html;charset=utf-8',
} as const;
