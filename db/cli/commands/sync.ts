// `caseload sync --folder DIR`: one sync round with the shared folder (CONTRACTS.md), and the
// team setup on first use (--create-team / --join). The passphrase comes from
// CASELOAD_SYNC_PASSPHRASE or is asked on the terminal; nothing about the key is kept.
// Prints the round's summary as JSON on stdout; progress on stderr only on a terminal.
import { readFileSync } from 'node:fs';
import { AppError } from '../../model/errors.js';
import { UsageError, type Command } from '../command.js';
import { META } from '../../sync/context.js';
import { MemoryKeyStore, cliPassphrase } from '../../sync/keystore.js';
import { runRound, setupSync } from '../../sync/round.js';
import { syncStatus } from '../../sync/status.js';

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'dev';
  }
}

export const syncCommand: Command = {
  name: 'sync',
  summary: 'één synchronisatieronde met de gedeelde map (eigen wijzigingen schrijven, die van anderen toepassen)',
  usage: 'sync --folder DIR [--create-team | --join] [--device-name NAME] [--snapshot]',
  options: {
    folder: { type: 'string' },
    'create-team': { type: 'boolean' },
    join: { type: 'boolean' },
    'device-name': { type: 'string' },
    snapshot: { type: 'boolean' },
  },
  async run(ctx, values) {
    const folder = values.folder as string | undefined;
    if (!folder) throw new UsageError('--folder DIR is verplicht');
    const create = values['create-team'] === true;
    const join = values.join === true;
    if (create && join) throw new UsageError('kies --create-team of --join, niet allebei');
    const deviceName = values['device-name'] as string | undefined;
    const ask = cliPassphrase(ctx.io);
    const keyStore = new MemoryKeyStore();
    const version = appVersion();
    const store = ctx.openStore();
    try {
      if (create || join) {
        const passphrase = await ask(create ? 'Nieuw teamwachtwoord: ' : 'Teamwachtwoord: ');
        if (!passphrase)
          throw new AppError(
            'sync_locked',
            'Geen teamwachtwoord: zet CASELOAD_SYNC_PASSPHRASE of start vanaf een terminal.',
          );
        if (
          create &&
          !ctx.io.env.CASELOAD_SYNC_PASSPHRASE &&
          (await ctx.io.askSecret('Herhaal het teamwachtwoord: ')) !== passphrase
        ) {
          throw new AppError('invalid_input', 'De twee wachtwoorden verschillen: er is niets gemaakt.');
        }
        await setupSync(store, {
          folder,
          mode: create ? 'create' : 'join',
          passphrase,
          deviceName,
          keyStore,
          appVersion: version,
        });
      } else {
        if (!store.getMeta(META.team))
          throw new UsageError('deze laptop hoort nog bij geen team: gebruik --create-team (eerste laptop) of --join');
        if (deviceName) store.setMeta('device_name', deviceName);
      }
      const result = await runRound(store, {
        folder,
        keyStore,
        passphrase: ask,
        snapshot: values.snapshot === true,
        appVersion: version,
        progress: (label, done, total) => ctx.io.progress(label, done, total),
      });
      const status = syncStatus(store);
      for (const p of status.problems) {
        ctx.io.err(
          `${p.quarantined ? 'waarschuwing (quarantaine)' : 'overgeslagen, volgende ronde opnieuw'}: ${p.path}: ${p.message}`,
        );
      }
      if (status.conflicts)
        ctx.io.err(`${status.conflicts} conflict(en) op sleutelvelden: los ze op in de app (Synchronisatie).`);
      ctx.io.out(
        JSON.stringify({
          ...result,
          pending: status.pending,
          conflicts: status.conflicts,
          problems: status.problems.length,
        }),
      );
      return 0;
    } finally {
      store.close();
    }
  },
};
