import type { Handlers } from '../dispatch.js';
import { createUser, listUsers, setOwnPassphrase, switchUser, updateUser } from '../../users/users.js';

type H = Pick<
  Handlers,
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'session.users'
  | 'session.switch'
  | 'session.signOut'
  | 'session.setPassphrase'
>;

export const userHandlers: H = {
  'users.list': ({ store }, { includeInactive }) => ({ items: listUsers(store, includeInactive) }),
  'users.create': async (ctx, input) => {
    const r = await createUser(ctx.store, ctx.session.user, input);
    ctx.emit('data.changed', { kinds: ['users'], ids: [r.id] });
    return r;
  },
  'users.update': async (ctx, input) => {
    const r = await updateUser(ctx.store, ctx.session.user, input);
    ctx.emit('data.changed', { kinds: ['users'], ids: [r.id] });
    return r;
  },
  'session.users': ({ store }) => ({
    items: listUsers(store, false)
      .filter((u) => u.hasPin)
      .map(({ id, ref, display_name, role }) => ({ id, ref, display_name, role })),
  }),
  'session.switch': async (ctx, { user, pin }) => {
    const session = await switchUser(ctx.store, ctx.session.user, user, pin);
    ctx.setSession(session);
    return session;
  },
  'session.signOut': (ctx) => {
    ctx.setSession(null);
    return { signedOut: true };
  },
  'session.setPassphrase': async (ctx, input) => {
    await setOwnPassphrase(ctx.store, ctx.session, input);
    const { mustChangePassphrase: _, ...session } = ctx.session;
    ctx.setSession(session);
    ctx.emit('data.changed', { kinds: ['users'], ids: [ctx.session.user] });
    return { ok: true };
  },
};
