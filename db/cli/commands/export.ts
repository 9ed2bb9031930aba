// `caseload export wbs|gws|vum`: one export batch (EXPORTS.md 2). Validation first: problems are
// listed per record and field on stderr and nothing is written (exit 1), unless --valid-only
// writes the valid records and leaves the others queued.
import { UsageError, type Command } from '../command.js';
import { AppError } from '../../model/errors.js';
import type { Target } from '../../model/export-profiles.js';

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
    const { TARGETS } = await import('../../model/export-profiles.js');
    if (!target || !TARGETS.includes(target)) throw new UsageError('geef het doelsysteem: wbs, gws of vum');
    if (values.out && values.shared) throw new UsageError('geef --out of --shared, niet allebei');
    const api = ctx.open();
    try {
      const out = values.out as string | undefined;
      const sharedFolder = values.shared as string | undefined;
      const result = await api
        .call('exports.run', {
          target,
          out,
          sharedFolder,
          // Without --out or --shared: the shared export folder set in the app, if any.
          shared: !out && !sharedFolder,
          all: Boolean(values.all),
          validOnly: Boolean(values['valid-only']),
        })
        .catch((e: unknown) => {
          if (e instanceof AppError && (e.field === 'shared' || e.field === 'out'))
            throw new UsageError('--out DIR is verplicht (of --shared DIR, of stel een gedeelde exportmap in)');
          throw e;
        });
      // Records by ref and field only: problem messages never carry personal values.
      for (const p of result.problems)
        ctx.io.err(`${result.status === 'refused' ? '' : 'in de wachtrij: '}${p.ref}: ${p.label}: ${p.message}`);
      if (result.status === 'refused') {
        ctx.io.err(`caseload export: ${result.message}`);
        return 1;
      }
      ctx.io.out(result.message);
      if (result.batch) ctx.io.out(result.batch.dir);
      return 0;
    } finally {
      api.close();
    }
  },
};
