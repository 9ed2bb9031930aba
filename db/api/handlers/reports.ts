// Handlers of the report methods: the catalog, a report's data and tables, and the records
// behind one figure. All read-only.
import type { Handlers } from '../dispatch.js';
import type { ReportName } from '../../model/reports.js';
import { reportFileName, renderReport } from '../../reports/output.js';
import { figureRecords } from '../../reports/records.js';
import { REPORTS } from '../../reports/registry.js';
import { runReport } from '../../reports/run.js';
import { changesSince, deliverReport, listDeliveries, verifyDelivery } from '../../reports/archive.js';
import { asKnown, knownAt, type KnownUpTo } from '../../journal/knowledge.js';
import { dutchDay, parseMoment } from '../../model/calendar.js';
import { AppError } from '../../model/errors.js';
import type { Store } from '../../journal/store.js';
import { readSettings, saveSettings } from '../../reports/settings.js';

type H = Pick<
  Handlers,
  | 'reports.list'
  | 'reports.run'
  | 'reports.records'
  | 'reports.file'
  | 'reports.deliver'
  | 'archive.list'
  | 'archive.verify'
  | 'archive.changes'
  | 'settings.get'
  | 'settings.save'
>;

/** The knowledge and the day for an as-known-on request (null: live). */
function asKnownOn(
  store: Store,
  moment: string | undefined,
): { knowledge: KnownUpTo; today: string; at: number; knownOn: string } | null {
  if (moment === undefined) return null;
  const at = parseMoment(moment)!;
  if (at > store.now()) throw new AppError('invalid_input', 'het moment ligt in de toekomst', 'asKnownOn');
  return { knowledge: knownAt(store, at), today: dutchDay(at), at, knownOn: new Date(at).toISOString() };
}

export const reportHandlers: H = {
  'reports.list': () =>
    (Object.entries(REPORTS) as [ReportName, (typeof REPORTS)[ReportName]][]).map(([name, def]) => ({
      name,
      title: def.title,
      description: def.description,
      params: [...def.params],
    })),
  'reports.run': ({ store }, { name, params, asKnownOn: moment }) => {
    const known = asKnownOn(store, moment);
    const make = () => runReport(store, name, params, { today: known?.today });
    const run = known ? asKnown(store, known.knowledge, make) : make();
    return { name: run.name, title: run.title, data: run.data, tables: run.tables };
  },
  'reports.records': ({ store }, { name, params, figure, offset, limit, asKnownOn: moment }) => {
    const known = asKnownOn(store, moment);
    const make = () => figureRecords(store, name, params, figure, { offset, limit, today: known?.today });
    return known ? asKnown(store, known.knowledge, make) : make();
  },
  'reports.file': async ({ store }, { name, params, format, asKnownOn: moment }) => {
    const known = asKnownOn(store, moment);
    const data = await renderReport(store, name, params, format, known ?? {});
    return {
      filename: reportFileName(name, params, format, known?.today ?? store.today()),
      mime: MIME[format],
      base64: data.toString('base64'),
    };
  },
  'reports.deliver': ({ store, session }, { name, params, note, asKnownOn: moment }) => {
    const known = asKnownOn(store, moment);
    const { id, json } = deliverReport(store, session.user, name, params, note, known?.at);
    return {
      id,
      filename: reportFileName(name, params, 'json', known?.today ?? store.today()),
      mime: MIME.json,
      base64: json.toString('base64'),
    };
  },
  'archive.list': ({ store }) => listDeliveries(store),
  'archive.verify': ({ store }, { id }) => verifyDelivery(store, id),
  'archive.changes': ({ store, session }, { id }) => changesSince(store, id, session.role),
  'settings.get': ({ store }) => readSettings(store),
  'settings.save': ({ store, session }, input) => saveSettings(store, session.user, input),
};

const MIME = {
  json: 'application/json',
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html;charset=utf-8',
} as const;
