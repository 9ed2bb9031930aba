// `caseload [--db FILE] restore BACKUP [--yes]`: replaces the database with a checked backup
// (integrity_check, a Caseload schema this version knows). Shows what the backup holds and asks on
// a terminal unless --yes; without a terminal --yes is required. A safety copy of the current
// database goes to its backups folder first. Refused while Caseload has the database open.
import { resolve } from 'node:path';
import { UsageError, type Command } from '../command.js';
import { formatMomentNl } from '../../model/calendar.js';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'de database vervangen door een gecontroleerde back-up (vraagt om bevestiging, tenzij --yes)',
  usage: 'restore BACKUP [--yes]',
  options: { yes: { type: 'boolean' } },
  positionals: 1,
  async run(ctx, values, positionals) {
    if (!positionals[0]) throw new UsageError('welke back-up? caseload restore BACKUP');
    const file = resolve(positionals[0]);
    const api = ctx.open();
    let actor: string;
    try {
      const facts = await api.call('backup.inspect', { file });
      const { clients, employers, vacancies } = facts.counts;
      ctx.io.err(
        [
          `Back-up: ${file}`,
          `  gemaakt: ${formatMomentNl(facts.createdAt)}`,
          `  klanten: ${clients}, werkgevers: ${employers}, vacatures: ${vacancies}`,
          `  laptop: ${facts.deviceName ?? '-'}`,
        ].join('\n'),
      );
      if (facts.otherDevice)
        ctx.io.err(
          'Let op: deze back-up komt van een andere laptop. Zet hem alleen terug als die laptop niet meer gebruikt wordt.',
        );
      if (!values.yes) {
        const answer = ctx.io.ask
          ? await ctx.io.ask(`Database ${ctx.dbFile} vervangen door deze back-up? Typ 'ja': `)
          : null;
        if (answer === null) throw new UsageError('geen terminal om te bevestigen: gebruik --yes');
        if (answer.trim().toLowerCase() !== 'ja') {
          ctx.io.err('Niets veranderd.');
          return 1;
        }
      }
      await api.call('backup.stage', { file, confirm: true });
      actor = api.user;
    } finally {
      api.close();
    }
    // The staged copy takes the database's place once no connection is open.
    const { finishStagedRestore } = await import('../../api/host.js');
    const result = finishStagedRestore(ctx.dbFile, actor);
    ctx.io.out(JSON.stringify({ restored: file, db: ctx.dbFile, safety_copy: result.safetyCopy }));
    return 0;
  },
};
