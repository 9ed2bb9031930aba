// Handlers of the sync methods: thin calls into db/sync/. Rounds on one store are exclusive
// (db/sync/runtime.ts); progress and the new status are pushed as events.
import type { Ctx, Handlers } from '../dispatch.js';
import type { Session } from '../../model/roles.js';
import { listConflicts, resolveConflict } from '../../sync/conflicts.js';
import { runRound, setupSync } from '../../sync/round.js';
import { exclusiveRound, isRoundRunning } from '../../sync/runtime.js';
import { syncStatus } from '../../sync/status.js';
import { listTeamDevices, removeDevice } from '../../sync/remove.js';
import { AppError } from '../../model/errors.js';
import { afterTeamSetup, joinedSession } from '../session.js';

type H = Pick<
  Handlers,
  | 'sync.status'
  | 'sync.setup'
  | 'sync.run'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'sync.devices'
  | 'sync.removeDevice'
>;

/**
 * In the app, a person who just became a user (team creator, joined laptop) chooses their
 * passphrase before going on; the command line signs in by CASELOAD_USER and has no such step.
 */
function withPassphraseStep(ctx: Ctx, session: Session): Session {
  const isUser = ctx.store.first(
    ctx.store.kysely.selectFrom('users').select('id').where('id', '=', session.user).where('pin_hash', 'is', null),
  );
  return ctx.host.transport === 'app' && isUser ? { ...session, mustChangePassphrase: true } : session;
}

export const syncHandlers: H = {
  'sync.status': ({ store }) => ({ ...syncStatus(store), running: isRoundRunning(store) }),

  'sync.setup': async (ctx, input) => {
    const result = await setupSync(ctx.store, {
      ...input,
      keyStore: ctx.host.keyStore,
      appVersion: ctx.host.appVersion,
    });
    // The creator is the team's beheerder; a joining laptop's person an accountmanager (issue 12).
    const session = afterTeamSetup(ctx.store, ctx.session, input.mode);
    if (session) {
      ctx.setSession(withPassphraseStep(ctx, session));
      ctx.emit('data.changed', { kinds: ['users'] });
    }
    ctx.emit('sync.status', { ...syncStatus(ctx.store), running: false });
    return result;
  },

  'sync.run': async (ctx, { snapshot, folder }) => {
    const result = await exclusiveRound(ctx.store, () =>
      runRound(ctx.store, {
        folder,
        keyStore: ctx.host.keyStore,
        passphrase: ctx.host.passphrase,
        appVersion: ctx.host.appVersion,
        snapshot,
        progress: (label, done, total) => {
          ctx.host.progress?.(label, done, total);
          ctx.emit('progress', { task: 'sync', label, done, total });
        },
      }),
    );
    if (result.ingested.applied || result.merged || result.moved || result.purged || result.bootstrapped)
      ctx.emit('data.changed', { kinds: ['all'] });
    // The team's users arrived on a laptop that joined: its person becomes their own user.
    const joined = joinedSession(ctx.store);
    if (joined) {
      ctx.setSession(withPassphraseStep(ctx, joined));
      ctx.emit('data.changed', { kinds: ['users'] });
    }
    ctx.emit('sync.status', { ...syncStatus(ctx.store), running: isRoundRunning(ctx.store) });
    return result;
  },

  'sync.conflicts': ({ store }, { all }) => ({ items: listConflicts(store, { all }) }),

  'sync.devices': async (ctx, { folder }) => ({
    items: await listTeamDevices(ctx.store, {
      folder,
      keyStore: ctx.host.keyStore,
      passphrase: ctx.host.passphrase,
      appVersion: ctx.host.appVersion,
    }),
    canRemove: ctx.session.role === 'beheerder',
  }),

  'sync.removeDevice': async (ctx, { device, newPassphrase, folder }) => {
    if (isRoundRunning(ctx.store))
      throw new AppError('sync_busy', 'Er loopt een synchronisatieronde: probeer het zo opnieuw.');
    const result = await removeDevice(ctx.store, {
      folder,
      device,
      newPassphrase,
      keyStore: ctx.host.keyStore,
      passphrase: ctx.host.passphrase,
      appVersion: ctx.host.appVersion,
      actor: ctx.session.user,
    });
    ctx.emit('sync.status', { ...syncStatus(ctx.store), running: false });
    return result;
  },

  'sync.resolveConflict': (ctx, { id, choice }) => {
    const resolved = resolveConflict(ctx.store, ctx.session.user, id, choice);
    ctx.emit('data.changed', { kinds: [resolved.entity], ids: [resolved.rowId] });
    return { resolved };
  },
};
