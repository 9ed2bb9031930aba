// The records behind one figure (reports.records, record lists in XLSX): for a period figure the
// client with the caseload period it counts (intake, referrer, manager, exit, reason); for an
// employer figure the employer with its last contact. Loaded set-based by id, in ref order.
import { idList } from '../records/id-list.js';
import { displayName } from '../model/person.js';
import type { ReportParams, ReportRecord } from '../model/reports.js';
import { AppError } from '../model/errors.js';
import type { Store } from '../journal/store.js';
import { lastContact, type Figure } from './query.js';
import { runReport } from './run.js';

/** Loads the records of a figure's hits, in the figure's order. `asOf` bounds the last contact. */
export function loadRecords(store: Store, fig: Figure, asOf: string): ReportRecord[] {
  const ids = fig.hits.map((h) => h.id);
  const db = store.kysely;
  if (fig.kind === 'employer') {
    const rows = store.all(
      db
        .selectFrom('employers as e')
        .select((eb) => ['e.id', 'e.ref', 'e.name', 'e.exceptional_since', lastContact(eb, asOf).as('last_contact')])
        .where('e.id', 'in', idList(ids))
        // Employers in a figure have their number.
        .$narrowType<{ ref: string }>(),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return fig.hits.flatMap((h) => {
      const r = byId.get(h.id);
      return r
        ? [
            {
              kind: 'employer' as const,
              id: r.id,
              ref: r.ref,
              name: r.name ?? '',
              account_manager: null,
              intake_date: null,
              referrer: null,
              exit_date: null,
              exit_reason: null,
              exceptional_since: r.exceptional_since,
              last_contact: r.last_contact,
            },
          ]
        : [];
    });
  }
  const rows = store.all(
    db
      .selectFrom('caseload_periods as cp')
      .innerJoin('clients as c', 'c.id', 'cp.client_id')
      .select([
        'cp.id as pid',
        'c.id as cid',
        'c.ref',
        'c.initials',
        'c.first_name',
        'c.name_prefix',
        'c.last_name',
        'cp.account_manager',
        'cp.intake_date',
        'cp.referrer',
        'cp.exit_date',
        'cp.exit_reason',
      ])
      .where('cp.id', 'in', idList(ids))
      // Clients have their number.
      .$narrowType<{ ref: string }>(),
  );
  const byId = new Map(rows.map((r) => [r.pid, r]));
  return fig.hits.flatMap((h) => {
    const r = byId.get(h.id);
    if (!r) return [];
    // An exit after as_of had not happened yet on the report's day.
    const exited = r.exit_date !== null && r.exit_date <= asOf;
    return [
      {
        kind: 'client' as const,
        id: r.cid,
        ref: r.ref,
        name: displayName(r),
        account_manager: r.account_manager,
        intake_date: r.intake_date,
        referrer: r.referrer,
        exit_date: exited ? r.exit_date : null,
        exit_reason: exited ? r.exit_reason : null,
        exceptional_since: null,
        last_contact: null,
      },
    ];
  });
}

/** reports.records: the records one figure of a report counts, a page at a time. */
export function figureRecords(
  store: Store,
  name: string,
  params: ReportParams,
  figure: string,
  page: { offset: number; limit: number; today?: string },
): { figure: string; label: string; total: number; records: ReportRecord[] } {
  const run = runReport(store, name, { ...params, detail: false }, { trace: true, only: figure, today: page.today });
  const fig = run.figures.get(figure);
  if (!fig) throw new AppError('not_found', `onbekend cijfer '${figure}' in rapportage '${name}'`, 'figure');
  const pageFig = { ...fig, hits: fig.hits.slice(page.offset, page.offset + page.limit) };
  return {
    figure,
    label: fig.label,
    total: fig.hits.length,
    records: loadRecords(store, pageFig, fig.day ?? run.params.as_of),
  };
}
