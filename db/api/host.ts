// What a program that hosts Caseload does besides calling the contract (db/api/dispatch.ts):
// open the store, run the sync loop and the daily backups, and put a restore that the contract
// staged in place while no connection is open. The shells (Electron main, web shell) and the
// command line import db/ only through this module, the contract and the pure model - a lint
// rule (eslint.config.js) keeps it that way.
import { Store } from '../journal/store.js';
import { backupDirFor } from '../backup/backup.js';
import { auditRestore, commitRestore, discardPendingRestore, type CommitResult } from '../backup/restore.js';

export { Store, type OpenOptions } from '../journal/store.js';
export { defaultDbFile, userDataDir } from '../store/paths.js';
export { writePrivateAtomic } from '../store/private-files.js';
export type { KeyStore, PassphraseSource } from '../sync/keystore.js';
export { writeBufferAtomic } from '../sync/layout.js';
export { configureSync, isRoundRunning } from '../sync/runtime.js';
export { startSyncLoop } from '../sync/watch.js';
export { backupDirFor } from '../backup/backup.js';
export { ensurePrivateDir, makePrivate } from '../backup/files.js';
export { startBackupSchedule } from '../backup/schedule.js';
export { auditRestore, commitRestore, discardPendingRestore, type CommitResult } from '../backup/restore.js';
export type { StoreBase } from '../store/open.js';

/**
 * Puts a restore staged through the contract (backup.restore / backup.stage) in place: the
 * current database goes to a safety copy, the staged one takes its name, and the restore is
 * recorded in the restored database's audit log. Call with no connection to `dbFile` open.
 */
export function finishStagedRestore(
  dbFile: string,
  actor: string,
  opts: { nativeBinding?: string } = {},
): CommitResult {
  let result: CommitResult;
  try {
    result = commitRestore(dbFile, { backupDir: backupDirFor(dbFile), nativeBinding: opts.nativeBinding });
  } catch (e) {
    discardPendingRestore(dbFile);
    throw e;
  }
  if (result.committed) {
    const store = Store.open(dbFile, { nativeBinding: opts.nativeBinding });
    try {
      auditRestore(store, actor, result);
    } finally {
      store.close();
    }
  }
  return result;
}
