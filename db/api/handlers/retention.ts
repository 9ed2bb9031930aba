import type { Handlers } from '../dispatch.js';
import { retentionList } from '../../retention/list.js';
import { purgeClients } from '../../retention/purge.js';
import { todayNl } from '../../work/dates.js';

type H = Pick<Handlers, 'retention.list' | 'retention.purge'>;

export const retentionHandlers: H = {
  'retention.list': ({ store }, { asOf, limit, after }) =>
    retentionList(store, { asOf: asOf ?? todayNl(), limit, after }),
  'retention.purge': (ctx, { clientIds, asOf }) => {
    const r = purgeClients(ctx.store, ctx.session.user, clientIds, asOf ?? todayNl());
    ctx.emit('data.changed', { kinds: ['clients', 'contacts', 'activities', 'placements', 'matches'] });
    return r;
  },
};
