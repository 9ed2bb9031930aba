// `caseload [--db FILE] backup [--out DIR]`: a consistent, owner-only copy of the database
// (SQLite's backup API, safe while the app runs). Default folder: backups/ next to the database
// (for the app's own database, the app's backup folder), with the same rotation as the daily
// backups; a folder given with --out is left as it is. Prints the backup's path.
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { backupDirFor, createBackup, rotateBackups } from '../../backup/backup.js';
import { audit } from '../../store/audit.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'een back-up van de database maken (standaard in de back-upmap van de app); toont het pad',
  usage: 'backup [--out DIR]',
  options: { out: { type: 'string' } },
  async run(ctx, values) {
    const store = ctx.openStore();
    try {
      const own = backupDirFor(store.file);
      const dir = typeof values.out === 'string' ? resolve(values.out) : own;
      const info = await createBackup(store, { dir, kind: 'manual' });
      if (dir === own) rotateBackups(dir);
      audit(store, { actor: ctx.user, action: 'backup.create', object: info.name, result: 'ok' });
      ctx.io.out(info.file);
      return 0;
    } finally {
      store.close();
    }
  },
};
