import type { Handlers } from '../dispatch.js';

import { listActivities } from '../../work/lists.js';
import { liveRow, parseForm, saveRecord } from '../../records/forms.js';

type H = Pick<Handlers, 'activities.list' | 'activities.create' | 'activities.update' | 'activities.remove'>;

const changed = (ctx: { emit: (e: 'data.changed', p: unknown) => void }, ids: string[]) =>
  ctx.emit('data.changed', { kinds: ['activities'], ids });

export const activityHandlers: H = {
  'activities.list': ({ store }, { asOf, ...input }) => listActivities(store, input, asOf ?? store.today()),

  'activities.create': (ctx, { clientId, fields }) => {
    const client = liveRow(ctx.store, 'client', clientId, 'clientId');
    const values = parseForm('activities', { ...fields, client_ref: client.ref }, true);
    const r = ctx.store.write(ctx.session.user, (w) =>
      saveRecord(ctx.store, w, 'activities', null, values, { client_id: clientId }),
    );
    changed(ctx, [r.id]);
    return { id: r.id, ref: r.ref };
  },

  'activities.update': (ctx, { id, fields }) => {
    const values = parseForm('activities', fields, false);
    const r = ctx.store.write(ctx.session.user, (w) => saveRecord(ctx.store, w, 'activities', id, values));
    changed(ctx, [id]);
    return { id, changed: r.changed };
  },

  'activities.remove': (ctx, { id }) => {
    ctx.store.write(ctx.session.user, (w) => {
      liveRow(ctx.store, 'activity', id);
      w.remove('activity', id);
    });
    changed(ctx, [id]);
    return { id };
  },
};
