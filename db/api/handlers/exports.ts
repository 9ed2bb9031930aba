// Handlers of the exports.* methods: thin wrappers over db/exchange/export (batches, entry
// assistant, profiles). Every write emits data.changed so open screens refresh.
import { AppError } from '../../model/errors.js';
import type { Handlers } from '../dispatch.js';
import { previewExport, runExport, sharedOutDir } from '../../exchange/export/batch.js';
import { entryPanel, entryQueue, markEntered, recordStatus } from '../../exchange/export/entry.js';
import { getProfile, listProfiles, retireProfile, saveProfile } from '../../exchange/export/profiles.js';
import { KIND_LABELS, TARGETS, TARGET_LABELS } from '../../exchange/export/profile-schema.js';
import { setSharedFolder, sharedFolder } from '../../exchange/export/settings.js';
import { sourceFields } from '../../exchange/export/sources.js';

type H = Pick<
  Handlers,
  | 'exports.overview'
  | 'exports.run'
  | 'exports.queue'
  | 'exports.entry'
  | 'exports.markEntered'
  | 'exports.recordStatus'
  | 'exports.profiles.list'
  | 'exports.profiles.get'
  | 'exports.profiles.save'
  | 'exports.profiles.retire'
  | 'exports.settings.get'
  | 'exports.settings.set'
>;

export const exportHandlers: H = {
  'exports.overview': ({ store }, { all }) => ({
    sharedFolder: sharedFolder(store),
    targets: TARGETS.map((target) => ({
      target,
      label: TARGET_LABELS[target],
      parts: previewExport(store, target, all, store.today()).map((p) => ({ ...p, kindLabel: KIND_LABELS[p.kind] })),
    })),
  }),

  'exports.run': async (ctx, input) => {
    const shared = sharedFolder(ctx.store);
    let outDir = input.out;
    if (!outDir && input.shared) {
      if (!shared) throw new AppError('invalid_input', 'Er is nog geen gedeelde exportmap ingesteld.', 'shared');
      outDir = sharedOutDir(shared, input.target);
    }
    if (!outDir) throw new AppError('invalid_input', 'Kies een map voor de export.', 'out');
    const result = await runExport(ctx.store, {
      target: input.target,
      user: ctx.session.user,
      outDir,
      all: input.all,
      validOnly: input.validOnly,
    });
    if (result.status === 'written') ctx.emit('data.changed', { kinds: ['exports'] });
    const batch = result.batch && {
      name: result.batch.name,
      dir: result.batch.dir,
      counts: result.batch.counts,
      files: result.batch.files.map((f) => ({ name: f.name, records: f.records, bytes: f.bytes, sha256: f.sha256 })),
    };
    return { target: result.target, status: result.status, message: result.message, problems: result.problems, batch };
  },

  'exports.queue': ({ store }, input) =>
    entryQueue(store, input.target, {
      kind: input.kind,
      owner: input.owner,
      limit: input.limit,
      offset: input.offset,
      today: store.today(),
    }),

  'exports.entry': ({ store }, input) => entryPanel(store, input.target, input.kind, input.id, store.today()),

  'exports.markEntered': (ctx, input) => {
    const result = markEntered(
      ctx.store,
      ctx.session.user,
      input.target,
      input.kind,
      input.id,
      input.targetId,
      new Date(ctx.store.now()),
    );
    ctx.emit('data.changed', { kinds: ['exports'], ids: [input.id] });
    return result;
  },

  'exports.recordStatus': ({ store }, { kind, id }) => recordStatus(store, kind, id, store.today()),

  'exports.profiles.list': ({ store }) => listProfiles(store),

  'exports.profiles.get': ({ store }, { id }) => {
    const profile = getProfile(store, id);
    return { profile, sources: sourceFields(profile.kind) };
  },

  'exports.profiles.save': (ctx, { profile }) => {
    const saved = saveProfile(ctx.store, ctx.session.user, profile);
    ctx.emit('data.changed', { kinds: ['exports'] });
    return { id: saved.id, version: saved.version };
  },

  'exports.profiles.retire': (ctx, { id }) => {
    retireProfile(ctx.store, ctx.session.user, id);
    ctx.emit('data.changed', { kinds: ['exports'] });
    return { id };
  },

  'exports.settings.get': ({ store }) => ({ sharedFolder: sharedFolder(store) }),

  'exports.settings.set': ({ store }, { sharedFolder: folder }) => {
    setSharedFolder(store, folder?.trim() || null);
    return { sharedFolder: sharedFolder(store) };
  },
};
