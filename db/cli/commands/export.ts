// `caseload export wbs|gws|vum`: one export batch (EXPORTS.md 2). Validation first: problems are
// listed per record and field on stderr and nothing is written (exit 1), unless --valid-only
// writes the valid records and leaves the others queued.
import { UsageError, type Command } from '../command.js';
import { problemLines, runExport, sharedOutDir } from '../../exchange/export/batch.js';
import { SHARED_FOLDER_KEY } from '../../exchange/export/settings.js';
import { TARGETS, type Target } from '../../exchange/export/profile-schema.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'exportbatch voor WBS, GWS4all of VUM: alleen wat nieuw of gewijzigd is sinds de vorige levering',
  usage: 'export wbs|gws|vum --out DIR [--all] [--valid-only]   (of --shared DIR: submap per doelsysteem)',
  options: {
    out: { type: 'string' },
    shared: { type: 'string' },
    all: { type: 'boolean' },
    'valid-only': { type: 'boolean' },
  },
  positionals: 1,
  async run(ctx, values, positionals) {
    const target = positionals[0] as Target | undefined;
    if (!target || !TARGETS.includes(target)) throw new UsageError('geef het doelsysteem: wbs, gws of vum');
    if (values.out && values.shared) throw new UsageError('geef --out of --shared, niet allebei');
    const store = ctx.openStore();
    try {
      const shared = (values.shared as string | undefined) ?? store.getMeta(SHARED_FOLDER_KEY) ?? undefined;
      const outDir = (values.out as string | undefined) ?? (shared ? sharedOutDir(shared, target) : undefined);
      if (!outDir) throw new UsageError('--out DIR is verplicht (of --shared DIR, of stel een gedeelde exportmap in)');
      const result = await runExport(store, {
        target,
        user: ctx.user,
        outDir,
        all: Boolean(values.all),
        validOnly: Boolean(values['valid-only']),
        onProgress: (done, total) => ctx.io.progress(`export ${target}`, done, total),
      });
      // Records by ref and field only: problem messages never carry personal values.
      for (const line of problemLines(result.problems))
        ctx.io.err(`${result.status === 'refused' ? '' : 'in de wachtrij: '}${line}`);
      if (result.status === 'refused') {
        ctx.io.err(`caseload export: ${result.message}`);
        return 1;
      }
      ctx.io.out(result.message);
      if (result.batch) ctx.io.out(result.batch.dir);
      return 0;
    } finally {
      store.close();
    }
  },
};
