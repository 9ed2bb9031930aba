import type { Handlers } from '../dispatch.js';
import { CODE_LISTS } from '../../model/codes.js';
import { loadDemo } from '../../demo/generate.js';

type H = Pick<Handlers, 'app.info' | 'demo.load' | 'codes.list'>;

export const appHandlers: H = {
  'app.info': ({ store, session, signedIn }) => {
    const count = (table: 'clients' | 'employers' | 'vacancies') =>
      store.first(
        store.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('deleted', '=', 0),
      )!.n;
    const counts = { clients: count('clients'), employers: count('employers'), vacancies: count('vacancies') };
    return {
      device: store.device,
      deviceName: store.getMeta('device_name') ?? '',
      user: signedIn ? { id: session.user, name: session.name, role: session.role } : null,
      mustChangePassphrase: Boolean(signedIn && session.mustChangePassphrase),
      hasUsers:
        store.first(
          store.kysely.selectFrom('users').select('id').where('deleted', '=', 0).where('active', '=', 1).limit(1),
        ) !== undefined,
      counts,
      empty: counts.clients + counts.employers + counts.vacancies === 0,
    };
  },
  'demo.load': (ctx, input) => {
    const result = loadDemo(ctx.store, {
      ...input,
      user: ctx.session.user,
      onProgress: (done, total) => ctx.host.progress?.('demogegevens', done, total),
    });
    ctx.emit('data.changed', { kinds: ['clients', 'employers', 'vacancies'] });
    return result;
  },
  'codes.list': () =>
    Object.fromEntries(
      Object.entries(CODE_LISTS).map(([list, codes]) => [
        list,
        Object.entries(codes).map(([code, label]) => ({ code, label })),
      ]),
    ),
};
