import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Handlers } from '../dispatch.js';
import { AppError } from '../../model/errors.js';
import { parseBackupName } from '../../model/backup.js';
import { createBackup, listBackups, rotateBackups, storeBackupDir } from '../../backup/backup.js';
import { inspectDatabase, stageRestore } from '../../backup/restore.js';
import { audit } from '../../store/audit.js';

type H = Pick<
  Handlers,
  'backup.list' | 'backup.create' | 'backup.preview' | 'backup.restore' | 'backup.inspect' | 'backup.stage'
>;

const brief = (b: { name: string; createdAt: string; size: number; kind: 'daily' | 'manual' | 'safety' }) => ({
  name: b.name,
  createdAt: b.createdAt,
  size: b.size,
  kind: b.kind,
});

/** The file of a listed backup; a name that is not in the folder is not found. */
function backupFile(dir: string, name: string): string {
  const found = listBackups(dir).find((b) => b.name === name);
  if (!found) throw new AppError('not_found', 'Deze back-up bestaat niet (meer).', 'name');
  return join(dir, found.name);
}

export const backupHandlers: H = {
  'backup.list': ({ store }) => {
    const folder = storeBackupDir(store);
    return { folder, items: listBackups(folder).map(brief) };
  },
  'backup.create': async ({ store, session, host }, { out }) => {
    if (out && host.transport !== 'cli')
      throw new AppError('forbidden', 'Een andere map kan alleen via de opdrachtregel.', 'out');
    const own = storeBackupDir(store);
    const dir = out ? resolve(out) : own;
    const info = await createBackup(store, { dir, kind: 'manual' });
    if (dir === own) rotateBackups(own);
    audit(store, { actor: session.user, action: 'backup.create', object: info.name, result: 'ok' });
    return { ...brief(info), file: info.file };
  },
  'backup.inspect': ({ store }, { file }) => {
    const path = resolve(file);
    const facts = inspectDatabase(path, { workDir: storeBackupDir(store), nativeBinding: store.nativeBinding });
    return {
      createdAt: parseBackupName(basename(path))?.createdAt ?? statSync(path).mtime.toISOString(),
      schemaVersion: facts.schemaVersion,
      counts: facts.counts,
      deviceName: facts.deviceName,
      otherDevice: facts.device !== store.device,
    };
  },
  'backup.stage': (ctx, { file }) => {
    stageRestore(ctx.store.file, resolve(file), { nativeBinding: ctx.store.nativeBinding });
    audit(ctx.store, { actor: ctx.session.user, action: 'backup.stage', object: basename(file), result: 'ok' });
    return { staged: true as const };
  },
  'backup.preview': ({ store }, { name }) => {
    const dir = storeBackupDir(store);
    const facts = inspectDatabase(backupFile(dir, name), { nativeBinding: store.nativeBinding });
    const parsed = parseBackupName(name)!;
    return {
      name,
      createdAt: parsed.createdAt,
      kind: parsed.kind,
      schemaVersion: facts.schemaVersion,
      counts: facts.counts,
      deviceName: facts.deviceName,
      otherDevice: facts.device !== store.device,
    };
  },
  'backup.restore': (ctx, { name }) => {
    const dir = storeBackupDir(ctx.store);
    stageRestore(ctx.store.file, backupFile(dir, name), { nativeBinding: ctx.store.nativeBinding });
    // Recorded here (kept in the safety copy) and again in the restored database after the restart.
    audit(ctx.store, { actor: ctx.session.user, action: 'backup.stage', object: name, result: 'ok' });
    ctx.emit('backup.restored', { name });
    return { restart: true as const };
  },
};
