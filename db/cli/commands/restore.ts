// `caseload [--db FILE] restore BACKUP [--yes]`: replaces the database with a checked backup
// (integrity_check, a Caseload schema this version knows). Shows what the backup holds and asks on
// a terminal unless --yes; without a terminal --yes is required. A safety copy of the current
// database goes to its backups folder first. Refused while Caseload has the database open.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { UsageError, type Command } from '../command.js';
import { parseBackupName } from '../../model/backup.js';
import { formatMomentNl } from '../../model/calendar.js';
import { backupDirFor } from '../../backup/backup.js';
import {
  auditRestore,
  commitRestore,
  discardPendingRestore,
  inspectDatabase,
  stageRestore,
} from '../../backup/restore.js';

function currentDevice(dbFile: string): string | null {
  try {
    // Read-write on purpose: a read-only connection to a WAL database leaves -wal/-shm files behind.
    const db = new Database(dbFile, { fileMustExist: true });
    try {
      return (db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string) ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'de database vervangen door een gecontroleerde back-up (vraagt om bevestiging, tenzij --yes)',
  usage: 'restore BACKUP [--yes]',
  options: { yes: { type: 'boolean' } },
  positionals: 1,
  async run(ctx, values, positionals) {
    if (!positionals[0]) throw new UsageError('welke back-up? caseload restore BACKUP');
    const file = resolve(positionals[0]);
    const facts = inspectDatabase(file, { workDir: backupDirFor(ctx.dbFile) });
    const made = parseBackupName(basename(file))?.createdAt ?? statSync(file).mtime.toISOString();
    const { clients, employers, vacancies } = facts.counts;
    ctx.io.err(
      [
        `Back-up: ${file}`,
        `  gemaakt: ${formatMomentNl(made)}`,
        `  klanten: ${clients}, werkgevers: ${employers}, vacatures: ${vacancies}`,
        `  laptop: ${facts.deviceName ?? '-'}`,
      ].join('\n'),
    );
    const here = currentDevice(ctx.dbFile);
    if (here && here !== facts.device)
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
    stageRestore(ctx.dbFile, file);
    let result;
    try {
      result = commitRestore(ctx.dbFile, { backupDir: backupDirFor(ctx.dbFile) });
    } catch (e) {
      discardPendingRestore(ctx.dbFile);
      throw e;
    }
    const store = ctx.openStore();
    try {
      auditRestore(store, ctx.user, result);
    } finally {
      store.close();
    }
    ctx.io.out(JSON.stringify({ restored: file, db: ctx.dbFile, safety_copy: result.safetyCopy }));
    return 0;
  },
};
