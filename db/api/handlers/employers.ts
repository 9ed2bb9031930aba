import { AppError } from '../../model/errors.js';
import type { Handlers } from '../dispatch.js';
import { employerByKvk, getEmployer } from '../../work/employers.js';
import { searchEmployers } from '../../search/employers.js';
import { listEmployers } from '../../work/list-views.js';
import { isPlainView } from '../../model/lists.js';

import { liveRow, parseForm, saveRecord } from '../../records/forms.js';
import { EMAIL_RE, PHONE_RE } from '../../model/checks.js';
import { hashRef } from '../../records/refs.js';
import { v7 as uuidv7 } from 'uuid';

type H = Pick<
  Handlers,
  | 'employers.search'
  | 'employers.get'
  | 'employers.create'
  | 'employers.update'
  | 'employers.byKvk'
  | 'employers.saveContactPerson'
  | 'employers.removeContactPerson'
  | 'employers.saveSroi'
  | 'employers.removeSroi'
>;

const changed = (ctx: { emit: (e: 'data.changed', p: unknown) => void }, ids: string[]) =>
  ctx.emit('data.changed', { kinds: ['employers'], ids });

export const employerHandlers: H = {
  'employers.search': ({ store }, { asOf, view, ...input }) => {
    if (isPlainView(view)) return searchEmployers(store, input, asOf ?? store.today());
    const v = {
      ...view!,
      accountManager: view!.accountManager ?? input.accountManager,
      status: view!.status ?? (input.exceptionalOnly ? 'exceptional' : null),
    };
    const p = listEmployers(store, { ...input, view: v, asOf: asOf ?? store.today() });
    return { items: p.rows, next: p.next, total: p.total };
  },

  'employers.get': ({ store }, { id, asOf }) => getEmployer(store, id, asOf ?? store.today()),

  'employers.create': (ctx, fields) => {
    const values = parseForm('employers', fields, true);
    if (values.name === undefined) throw new AppError('invalid_input', 'is verplicht', 'name');
    const r = ctx.store.write(ctx.session.user, (w) => {
      if (values.kvk) {
        const other = employerByKvk(ctx.store, values.kvk as string);
        if (other)
          throw new AppError(
            'duplicate_kvk',
            `Dit KvK-nummer is al geregistreerd bij ${other.name} (${other.ref}).`,
            'kvk',
            other,
          );
      }
      return saveRecord(ctx.store, w, 'employers', null, values);
    });
    changed(ctx, [r.id]);
    return { id: r.id, ref: r.ref };
  },

  'employers.update': (ctx, { id, fields }) => {
    const values = parseForm('employers', fields, false);
    const r = ctx.store.write(ctx.session.user, (w) => {
      if (values.kvk) {
        const other = employerByKvk(ctx.store, values.kvk as string);
        if (other && other.id !== id)
          throw new AppError(
            'duplicate_kvk',
            `Dit KvK-nummer is al geregistreerd bij ${other.name} (${other.ref}).`,
            'kvk',
            other,
          );
      }
      return saveRecord(ctx.store, w, 'employers', id, values);
    });
    changed(ctx, [id]);
    return { id, changed: r.changed };
  },

  'employers.byKvk': ({ store }, { kvk }) => {
    const e = /^\d{8}$/.test(kvk.trim()) ? employerByKvk(store, kvk.trim()) : null;
    return { id: e?.id ?? null, ref: e?.ref ?? null, name: e?.name ?? null };
  },

  'employers.saveContactPerson': (ctx, { employerId, id, name, role, phone, email }) => {
    if (phone && !PHONE_RE.test(phone))
      throw new AppError('invalid_input', `ongeldig telefoonnummer '${phone}'`, 'phone');
    if (email && !EMAIL_RE.test(email)) throw new AppError('invalid_input', `ongeldig e-mailadres '${email}'`, 'email');
    const fields = { name, role: role || null, phone: phone || null, email: email ? email.toLowerCase() : null };
    const saved = ctx.store.write(ctx.session.user, (w) => {
      liveRow(ctx.store, 'employer', employerId, 'employerId');
      if (id) {
        const row = liveRow(ctx.store, 'contact_person', id);
        if (row.employer_id !== employerId) throw new AppError('invalid_input', 'hoort bij een andere werkgever', 'id');
        w.update('contact_person', id, fields);
        return id;
      }
      return w.create('contact_person', {
        ref: hashRef('contact_person', [uuidv7()]),
        employer_id: employerId,
        ...fields,
      });
    });
    changed(ctx, [employerId]);
    return { id: saved };
  },

  'employers.removeContactPerson': (ctx, { id }) => {
    ctx.store.write(ctx.session.user, (w) => {
      liveRow(ctx.store, 'contact_person', id);
      w.remove('contact_person', id);
    });
    changed(ctx, [id]);
    return { id };
  },

  'employers.saveSroi': (ctx, { employerId, id, contract, amount, unit, start_date, end_date }) => {
    if (end_date && end_date < start_date) throw new AppError('invalid_input', 'ligt voor de startdatum', 'end_date');
    const fields = { contract, amount, unit, start_date, end_date: end_date ?? null };
    const saved = ctx.store.write(ctx.session.user, (w) => {
      liveRow(ctx.store, 'employer', employerId, 'employerId');
      if (id) {
        const row = liveRow(ctx.store, 'sroi', id);
        if (row.employer_id !== employerId) throw new AppError('invalid_input', 'hoort bij een andere werkgever', 'id');
        w.update('sroi', id, fields);
        return id;
      }
      return w.create('sroi', { ref: hashRef('sroi', [uuidv7()]), employer_id: employerId, ...fields });
    });
    changed(ctx, [employerId]);
    return { id: saved };
  },

  'employers.removeSroi': (ctx, { id }) => {
    ctx.store.write(ctx.session.user, (w) => {
      liveRow(ctx.store, 'sroi', id);
      w.remove('sroi', id);
    });
    changed(ctx, [id]);
    return { id };
  },
};
