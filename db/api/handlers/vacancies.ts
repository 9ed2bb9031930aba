import { AppError } from '../../model/errors.js';
import type { Handlers } from '../dispatch.js';
import { listVacanciesView } from '../../work/list-views.js';
import { isPlainView } from '../../model/lists.js';

import { liveRow, parseForm, saveRecord } from '../../records/forms.js';
import { closeVacancy, getVacancy, listVacancies, overviewForClient } from '../../work/vacancies.js';

type H = Pick<
  Handlers,
  | 'vacancies.list'
  | 'vacancies.get'
  | 'vacancies.create'
  | 'vacancies.update'
  | 'vacancies.close'
  | 'vacancies.overviewForClient'
>;

const changed = (ctx: { emit: (e: 'data.changed', p: unknown) => void }, ids: string[]) =>
  ctx.emit('data.changed', { kinds: ['vacancies'], ids });

/** A closed date needs a reason and the other way round, so the status is never ambiguous. */
function checkClose(values: Record<string, unknown>, row: Record<string, unknown> | null): void {
  const closed = values.closed_date !== undefined ? values.closed_date : (row?.closed_date ?? null);
  const reason = values.close_reason !== undefined ? values.close_reason : (row?.close_reason ?? null);
  if (closed && !reason) throw new AppError('invalid_input', 'is verplicht bij een sluitdatum', 'close_reason');
  if (reason && !closed) throw new AppError('invalid_input', 'is verplicht bij een reden sluiting', 'closed_date');
}

export const vacancyHandlers: H = {
  'vacancies.list': ({ store }, { asOf, view, ...input }) => {
    if (isPlainView(view)) return listVacancies(store, { ...input, asOf: asOf ?? store.today() });
    const v = { ...view!, status: view!.status ?? input.status };
    const p = listVacanciesView(store, { ...input, view: v, asOf: asOf ?? store.today() });
    return { items: p.rows, next: p.next };
  },

  'vacancies.get': ({ store }, { id, asOf }) => getVacancy(store, id, asOf ?? store.today()),

  'vacancies.create': (ctx, { employerId, fields }) => {
    const employer = liveRow(ctx.store, 'employer', employerId, 'employerId');
    const values = parseForm(
      'vacancies',
      { ...fields, opened_date: fields.opened_date || ctx.store.today(), employer_ref: employer.ref },
      true,
    );
    checkClose(values, null);
    const r = ctx.store.write(ctx.session.user, (w) =>
      saveRecord(ctx.store, w, 'vacancies', null, values, { employer_id: employerId }),
    );
    changed(ctx, [r.id]);
    return { id: r.id, ref: r.ref };
  },

  'vacancies.update': (ctx, { id, fields }) => {
    const values = parseForm('vacancies', fields, false);
    const r = ctx.store.write(ctx.session.user, (w) => {
      checkClose(values, liveRow(ctx.store, 'vacancy', id));
      return saveRecord(ctx.store, w, 'vacancies', id, values);
    });
    changed(ctx, [id]);
    return { id, changed: r.changed };
  },

  'vacancies.close': (ctx, { id, date, reason }) => {
    const c = ctx.store.write(ctx.session.user, (w) =>
      closeVacancy(ctx.store, w, id, date ?? ctx.store.today(), reason),
    );
    changed(ctx, [id]);
    return { id, changed: c };
  },

  'vacancies.overviewForClient': ({ store }, { clientId, asOf }) =>
    overviewForClient(store, clientId, asOf ?? store.today()),
};
