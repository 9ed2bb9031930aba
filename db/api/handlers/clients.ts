import { AppError } from '../../model/errors.js';
import { formerRefs } from '../../records/refs.js';
import { inCaseloadOn } from '../../model/caseload.js';
import type { Handlers } from '../dispatch.js';
import { isBsnQuery, maskBsn, normalizeBsn } from '../../model/bsn.js';
import { ENTITIES, fieldSpec } from '../../model/entities.js';
import { fromColumn } from '../../journal/write.js';
import { parseRecord, throwFieldErrors } from '../../records/parse.js';
import { RecordWriter } from '../../records/upsert.js';
import { searchClients } from '../../search/clients.js';
import { listClients } from '../../work/list-views.js';
import { isPlainView } from '../../model/lists.js';
import { mayShow, seesBsn, withoutHiddenSpecial } from '../../model/access.js';
import { ageOn, isUnder27 } from '../../model/calendar.js';
import { accountManagerUser } from '../../records/account-managers.js';
import { changesOf } from '../../work/history.js';
import { namer } from '../../records/names.js';

type H = Pick<Handlers, 'clients.search' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.byBsn'>;

export const clientHandlers: H = {
  'clients.search': ({ store, session }, input) => {
    // A search by BSN is a BSN lookup: only for roles that work with the BSN (as clients.byBsn).
    if (!seesBsn(session.role) && isBsnQuery(input.query))
      throw new AppError('forbidden', 'Uw rol mag niet op BSN zoeken.', 'query');
    const { view, ...search } = input;
    if (isPlainView(view)) return searchClients(store, search);
    const v = { ...view!, status: view!.status ?? (search.onlyCaseload ? 'in' : null) };
    const p = listClients(store, { ...search, view: v, asOf: store.today() });
    return { items: p.rows.map((r) => r.item), next: p.next, total: p.total };
  },

  'clients.get': ({ store, session }, { id }) => {
    const db = store.kysely;
    const row: Record<string, unknown> | undefined = store.first(
      db.selectFrom('clients').selectAll().where('id', '=', id).where('deleted', '=', 0),
    );
    if (!row) throw new AppError('not_found', 'Klant niet gevonden', 'id');
    const record: Record<string, unknown> = { id: row.id, ref: row.ref };
    const hiddenFields: string[] = [];
    for (const field of Object.keys(ENTITIES.client.fields)) {
      // Special-category data only for roles with need to know (work limitations).
      const hide = fieldSpec('client', field)!.special && !mayShow('client', field, session.role);
      if (hide) hiddenFields.push(field);
      record[field] = hide ? null : fromColumn(fieldSpec('client', field)!, row[field]);
    }
    // The full BSN only for roles that need it; others see the masked form.
    if (typeof record.bsn === 'string' && !seesBsn(session.role)) record.bsn = maskBsn(record.bsn);
    const periods = store.all(
      db
        .selectFrom('caseload_periods')
        .select(['id', 'intake_date', 'referrer', 'account_manager', 'exit_date', 'exit_reason', 'exit_note'])
        .where('client_id', '=', id)
        .where('deleted', '=', 0)
        .orderBy('intake_date', 'desc')
        .orderBy('id'),
    );
    const names = namer(store);
    const handovers = periods.length
      ? store.all(
          db
            .selectFrom('assignments')
            .select(['id', 'period_id', 'from_date', 'previous', 'account_manager', 'note'])
            .where(
              'period_id',
              'in',
              periods.map((p) => p.id),
            )
            .where('deleted', '=', 0)
            .orderBy('from_date')
            .orderBy('id'),
        )
      : [];
    const withHandovers = periods.map((p) => ({
      ...p,
      handovers: handovers
        .filter((a) => a.period_id === p.id)
        .map((a) => {
          // Who recorded it and when: the journal's first write of the handover.
          const first = changesOf(store, 'assignment', a.id, session.role, names).at(-1);
          return {
            from_date: a.from_date,
            previous: a.previous,
            account_manager: a.account_manager,
            note: a.note,
            by: first ? (first.userName ?? first.user) : null,
            at: first?.at ?? null,
          };
        }),
    }));
    const today = store.today();
    const birth = (row.birth_date as string | null) ?? null;
    const survivor = row.merged_into
      ? store.first(
          db
            .selectFrom('clients')
            .select(['id', 'ref'])
            .where('id', '=', row.merged_into as string)
            // Every client has a ref (its number).
            .$narrowType<{ ref: string }>(),
        )
      : undefined;
    return {
      id,
      record,
      periods: withHandovers,
      hiddenFields,
      formerRefs: formerRefs(store, 'client', id),
      mergedRefs: store
        .all(
          db
            .selectFrom('clients')
            .select('ref')
            .where('merged_into', '=', id)
            .where('deleted', '=', 0)
            .orderBy('ref')
            .$narrowType<{ ref: string }>(),
        )
        .map((r) => r.ref),
      mergedInto: survivor ?? null,
      age: birth ? ageOn(birth, today) : null,
      under27: isUnder27(birth, today),
      inCaseload: periods.some((p) => inCaseloadOn(p, today)),
    };
  },

  'clients.create': (ctx, { account_manager_id, ...form }) => {
    // A picked colleague: the period stores their name, and RecordWriter links the user again.
    if (account_manager_id) form.account_manager = accountManagerUser(ctx.store, account_manager_id).name;
    const input = withoutHiddenSpecial('client', form, ctx.session.role);
    const { values, errors } = parseRecord('clients', input, { emptyMeansKeep: true });
    if (values.last_name === undefined && !errors.some((e) => e.field === 'last_name')) {
      errors.push({ field: 'last_name', message: 'is verplicht' });
    }
    throwFieldErrors(errors);
    const result = ctx.store.write(ctx.session.user, (w) => {
      const rw = new RecordWriter(ctx.store, w);
      if (values.bsn) {
        const existing = rw.clientByBsn(values.bsn as string);
        if (existing) {
          throw new AppError(
            'duplicate_bsn',
            `Deze BSN is al geregistreerd bij klant ${existing.ref}.`,
            'bsn',
            existing,
          );
        }
      }
      return rw.upsert('clients', values);
    });
    ctx.emit('data.changed', { kinds: ['clients'], ids: [result.id] });
    return { id: result.id, ref: result.ref };
  },

  'clients.update': (ctx, { id, fields: { account_manager_id, ...form } }) => {
    if (account_manager_id) form.account_manager = accountManagerUser(ctx.store, account_manager_id).name;
    const fields = withoutHiddenSpecial('client', form, ctx.session.role);
    // A form that sends every field sends back the masked BSN it was shown: that is no change.
    if (!seesBsn(ctx.session.role) && fields.bsn?.startsWith('*')) delete fields.bsn;
    const { values, errors } = parseRecord('clients', fields, { emptyMeansKeep: false });
    throwFieldErrors(errors);
    const result = ctx.store.write(ctx.session.user, (w) => {
      const row = w.row('client', id);
      if (!row || row.deleted) throw new AppError('not_found', 'Klant niet gevonden', 'id');
      return new RecordWriter(ctx.store, w).upsert('clients', values, { id });
    });
    ctx.emit('data.changed', { kinds: ['clients'], ids: [id] });
    return { id, changed: result.changed };
  },

  'clients.byBsn': ({ store }, { bsn }) => {
    const norm = normalizeBsn(bsn);
    if (!norm) return { id: null };
    const row = store.first(
      store.kysely
        .selectFrom('clients')
        .select('id')
        .where('bsn', '=', norm)
        .where('deleted', '=', 0)
        .where('merged_into', 'is', null)
        .limit(1),
    );
    return { id: row?.id ?? null };
  },
};
