// Export settings of this laptop. The shared export folder is a path on this machine (a mapped
// drive or a OneDrive folder differs per laptop), so it lives in local meta, not in synced data.
import type { Store } from '../../journal/store.js';

export const SHARED_FOLDER_KEY = 'export_shared_folder';

export function sharedFolder(store: Store): string | null {
  return store.getMeta(SHARED_FOLDER_KEY);
}

export function setSharedFolder(store: Store, folder: string | null): void {
  if (folder) store.setMeta(SHARED_FOLDER_KEY, folder);
  else store.run(store.kysely.deleteFrom('meta').where('key', '=', SHARED_FOLDER_KEY));
}
