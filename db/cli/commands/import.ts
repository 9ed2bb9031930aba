import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError, type Command } from '../command.js';
import { RECORD_KINDS, type RecordKind } from '../../model/records.js';

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
    if (kind !== undefined && !(RECORD_KINDS as string[]).includes(kind))
      throw new UsageError(`onbekende --kind '${kind}' (kies uit ${RECORD_KINDS.join(', ')})`);
    const ext = extname(file).toLowerCase();
    if (!['.csv', '.xlsx', '.jsonl'].includes(ext))
      throw new UsageError(`onbekend bestandstype '${file}' (gebruik .csv, .xlsx of .jsonl)`);
    if (!kind && ext !== '.jsonl') throw new UsageError('geef --kind voor CSV- en XLSX-bestanden');
    if (!existsSync(file)) throw new UsageError(`bestand niet gevonden: ${file}`);
    const api = ctx.open();
    try {
      const r = await api.call('import.file', {
        file,
        kind: kind as RecordKind | undefined,
        dryRun: Boolean(values['dry-run']),
      });
      for (const p of r.problems) ctx.io.err(`${p.file}:${p.line}: ${p.field}: ${p.message}`);
      // Warnings, not refusals: these rows are imported with the account manager's name only.
      for (const u of r.unknown_managers)
        ctx.io.err(
          `${file}:${u.lines.join(',')}: account_manager: onbekende klantmanager '${u.name}' (geen gebruiker met die naam): geïmporteerd met alleen de naam`,
        );
      const { problems, unknown_managers, ...summary } = r;
      ctx.io.out(JSON.stringify({ ...summary, refused: problems.length, unknown_managers: unknown_managers.length }));
      if (!r.ok) ctx.io.err(`${problems.length} probleem/problemen: niets geïmporteerd.`);
      return r.ok ? 0 : 1;
    } finally {
      api.close();
    }
  },
};
