import type { Handlers } from '../dispatch.js';
import { retentionList } from '../../retention/list.js';
import { purgeClients } from '../../retention/purge.js';

type H = Pick<Handlers, 'retention.list' | 'retention.purge'>;

export const retentionHandlers: H = {
  'retention.list': ({ store }, { asOf, limit, after }) =>
    retentionList(store, { asOf: asOf ?? store.today(), limit, after }),
  'retention.purge': (ctx, { clientIds, asOf }) => {
    const r = purgeClients(ctx.store, ctx.session.user, clientIds, asOf ?? ctx.store.today());
    ctx.emit('data.changed', { kinds: ['clients', 'contacts', 'activities', 'placements', 'matches'] });
    return r;
  },
};
