// Commands whose issues have not landed yet: registered so `--help` lists them, and honest
// about it when called.
import type { Command } from '../command.js';

function pending(name: string, summary: string, usage: string): Command {
  return {
    name, summary: `${summary} (nog niet beschikbaar)`, usage, options: {}, positionals: 99,
    async run(ctx) {
      ctx.io.err(`caseload ${name}: nog niet beschikbaar in deze versie (not yet available).`);
      return 2;
    },
  };
}

export const pendingReport = pending('report', 'rapportage maken', 'report NAME [--from D] [--to D] [--as-of D] [--format json|csv|xlsx|html|pdf] [--out FILE]');
export const pendingExport = pending('export', 'exportbatch voor WBS, GWS4all of VUM', 'export wbs|gws|vum --out DIR [--all]');
export const pendingSync = pending('sync', 'één synchronisatieronde met de gedeelde map', 'sync --folder DIR');
