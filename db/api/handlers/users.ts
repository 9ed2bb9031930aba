import type { Handlers } from '../dispatch.js';
import { createUser, listUsers, setOwnPassphrase, switchUser, updateUser } from '../../users/users.js';
import { colleagues, linkAccountManagers } from '../../records/account-managers.js';

type H = Pick<
  Handlers,
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.colleagues'
  | 'session.users'
  | 'session.switch'
  | 'session.signOut'
  | 'session.setPassphrase'
>;

export const userHandlers: H = {
  'users.list': ({ store }, { includeInactive }) => ({ items: listUsers(store, includeInactive) }),
  'users.colleagues': ({ store }) => ({ items: colleagues(store).map(({ id, name, role }) => ({ id, name, role })) }),
  'users.create': async (ctx, input) => {
    const r = await createUser(ctx.store, ctx.session.user, input);
    // Caseload periods that already name this person now point to the user.
    linkAccountManagers(ctx.store, ctx.session.user);
    ctx.emit('data.changed', { kinds: ['users'], ids: [r.id] });
    return r;
  },
  'users.update': async (ctx, input) => {
    const r = await updateUser(ctx.store, ctx.session.user, input);
    if (input.display_name !== undefined) linkAccountManagers(ctx.store, ctx.session.user);
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
