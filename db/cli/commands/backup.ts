// `caseload [--db FILE] backup [--out DIR]`: a consistent, owner-only copy of the database
// (SQLite's backup API, safe while the app runs). Default folder: the backups folder next to the
// database (for the app's own database, the app's backup folder), with the same rotation as the
// daily backups; a folder given with --out is left as it is. Prints the backup's path.
import type { Command } from '../command.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'een back-up van de database maken (standaard in de back-upmap van de app); toont het pad',
  usage: 'backup [--out DIR]',
  options: { out: { type: 'string' } },
  async run(ctx, values) {
    const api = ctx.open();
    try {
      ctx.io.out((await api.call('backup.create', { out: values.out as string | undefined })).file);
      return 0;
    } finally {
      api.close();
    }
  },
};
