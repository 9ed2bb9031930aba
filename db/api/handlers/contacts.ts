import { AppError } from '../../model/errors.js';
import type { Handlers } from '../dispatch.js';
import { createContact, markFollowUpDone } from '../../work/contacts.js';

import { listContacts } from '../../work/lists.js';
import { liveRow, parseForm, saveRecord } from '../../records/forms.js';

type H = Pick<
  Handlers,
  'contacts.list' | 'contacts.create' | 'contacts.update' | 'contacts.markDone' | 'contacts.remove'
>;

const changed = (ctx: { emit: (e: 'data.changed', p: unknown) => void }, ids: string[]) =>
  ctx.emit('data.changed', { kinds: ['contacts'], ids });

export const contactHandlers: H = {
  'contacts.list': ({ store }, input) => listContacts(store, input),

  'contacts.create': (ctx, input) => {
    const r = ctx.store.write(ctx.session.user, (w) => createContact(ctx.store, w, input, ctx.session.name));
    changed(ctx, [r.id, ...(input.resolves ? [input.resolves] : [])]);
    return r;
  },

  'contacts.update': (ctx, { id, fields }) => {
    const values = parseForm('contacts', fields, false);
    const r = ctx.store.write(ctx.session.user, (w) => {
      const row = liveRow(ctx.store, 'contact', id);
      const date = (values.date ?? row.date) as string | null;
      const follow = (values.follow_up_date !== undefined ? values.follow_up_date : row.follow_up_date) as
        string | null;
      if (date && follow && follow < date)
        throw new AppError('invalid_input', 'ligt voor de datum van het contactmoment', 'follow_up_date');
      return saveRecord(ctx.store, w, 'contacts', id, values);
    });
    changed(ctx, [id]);
    return { id, changed: r.changed };
  },

  'contacts.markDone': (ctx, { id, date }) => {
    const c = ctx.store.write(ctx.session.user, (w) => markFollowUpDone(ctx.store, w, id, date ?? ctx.store.today()));
    changed(ctx, [id]);
    return { id, changed: c };
  },

  'contacts.remove': (ctx, { id }) => {
    ctx.store.write(ctx.session.user, (w) => {
      liveRow(ctx.store, 'contact', id);
      w.remove('contact', id);
    });
    changed(ctx, [id]);
    return { id };
  },
};
