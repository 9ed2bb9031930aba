import { existsSync } from 'node:fs';
import { UsageError, type Command } from '../command.js';
import { formatProblem, importFile, isRecordKind } from '../../exchange/import.js';
import { formatOf } from '../../exchange/read-file.js';
import { RECORD_KINDS } from '../../model/records.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'records importeren (CSV, XLSX of JSONL), bijwerken op ref; alles of niets',
  usage: `import FILE --kind ${RECORD_KINDS.join('|')} [--dry-run]`,
  options: { kind: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: 1,
  async run(ctx, values, positionals) {
    const file = positionals[0];
    if (!file) throw new UsageError('geef het bestand om te importeren');
    const kind = values.kind as string | undefined;
    if (kind !== undefined && !isRecordKind(kind))
      throw new UsageError(`onbekende --kind '${kind}' (kies uit ${RECORD_KINDS.join(', ')})`);
    const format = formatOf(file);
    if (!format) throw new UsageError(`onbekend bestandstype '${file}' (gebruik .csv, .xlsx of .jsonl)`);
    if (!kind && format !== 'jsonl') throw new UsageError('geef --kind voor CSV- en XLSX-bestanden');
    if (!existsSync(file)) throw new UsageError(`bestand niet gevonden: ${file}`);
    const store = ctx.openStore();
    try {
      const r = await importFile(store, ctx.user, {
        file,
        kind,
        dryRun: Boolean(values['dry-run']),
        format,
        onProgress: (done, total) => ctx.io.progress('importeren', done, total),
      });
      for (const p of r.problems) ctx.io.err(formatProblem(p));
      const summary = {
        ok: r.ok,
        dry_run: r.dryRun,
        created: r.created,
        updated: r.updated,
        unchanged: r.unchanged,
        skipped: r.skipped,
        refused: r.problems.length,
      };
      ctx.io.out(JSON.stringify(summary));
      if (!r.ok) ctx.io.err(`${r.problems.length} probleem/problemen: niets geïmporteerd.`);
      return r.ok ? 0 : 1;
    } finally {
      store.close();
    }
  },
};
