// `caseload team devices --folder DIR` and `caseload team remove-device DEVICE --folder DIR`
// (CONTRACTS.md): the team's laptops, one JSON object a line, and removing one. Both go through
// the contract (sync.devices, sync.removeDevice: beheerder only), like the Synchronisatie screen.
// The current passphrase comes from CASELOAD_SYNC_PASSPHRASE or the terminal; the new one for a
// removal from CASELOAD_SYNC_NEW_PASSPHRASE or the terminal (asked twice).
import { readFileSync } from 'node:fs';
import { AppError } from '../../api/result.js';
import { createApi } from '../../api/dispatch.js';
import { UsageError, type Command } from '../command.js';
import { META } from '../../sync/context.js';
import { openTeam } from '../../sync/identity.js';
import { MemoryKeyStore, cliPassphrase } from '../../sync/keystore.js';
import { rootOf } from '../../sync/layout.js';
import { configureSync } from '../../sync/runtime.js';
import { readTeamFile } from '../../sync/team.js';

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'dev';
  }
}

export const teamCommand: Command = {
  name: 'team',
  summary: 'de laptops van het team tonen, of een laptop uit het team verwijderen (nieuwe teamsleutel)',
  usage: 'team devices --folder DIR\n         team remove-device DEVICE --folder DIR',
  options: { folder: { type: 'string' } },
  positionals: 2,
  async run(ctx, values, positionals) {
    const [sub, device] = positionals;
    const folder = values.folder as string | undefined;
    if (!folder) throw new UsageError('--folder DIR is verplicht');
    if (sub !== 'devices' && sub !== 'remove-device') throw new UsageError("kies 'devices' of 'remove-device DEVICE'");
    if (sub === 'remove-device' && !device) throw new UsageError('remove-device verwacht een laptop (id of naam)');
    if (sub === 'devices' && device) throw new UsageError(`onverwacht argument '${device}'`);
    const keyStore = new MemoryKeyStore();
    configureSync({ keyStore, appVersion: appVersion() });
    const store = ctx.openStore();
    try {
      if (!store.getMeta(META.team)) throw new UsageError('deze laptop hoort nog bij geen team (caseload sync --join)');
      const api = createApi(store);
      const ask = cliPassphrase(ctx.io);
      const team = readTeamFile(rootOf(folder));
      if (sub === 'devices') {
        // Unlocked when a passphrase is at hand, so names come fresh from the folder; else what is known here.
        if (team && (ctx.io.env.CASELOAD_SYNC_PASSPHRASE || ctx.io.isTTY))
          await openTeam(store, rootOf(folder), team, keyStore, ask);
        const r = await api.call('sync.devices', { folder });
        if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.field);
        for (const d of (r.value as { items: Record<string, unknown>[] }).items)
          ctx.io.out(JSON.stringify({ device: d.device, name: d.name, lastSeen: d.lastSeen, removed: d.removed }));
        return 0;
      }
      if (!team) throw new AppError('sync_no_team', `Geen team gevonden in ${folder}.`, 'folder');
      await openTeam(store, rootOf(folder), team, keyStore, ask);
      let newPassphrase = ctx.io.env.CASELOAD_SYNC_NEW_PASSPHRASE || null;
      if (!newPassphrase) {
        newPassphrase = await ctx.io.askSecret('Nieuw teamwachtwoord (minstens 12 tekens): ');
        if (!newPassphrase)
          throw new AppError(
            'sync_locked',
            'Geen nieuw teamwachtwoord: zet CASELOAD_SYNC_NEW_PASSPHRASE of start vanaf een terminal.',
          );
        if ((await ctx.io.askSecret('Herhaal het nieuwe teamwachtwoord: ')) !== newPassphrase)
          throw new AppError('invalid_input', 'De twee wachtwoorden verschillen: er is niets veranderd.');
      }
      const r = await api.call('sync.removeDevice', { device: device!, newPassphrase, folder });
      if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.field);
      const value = r.value as { needPassphrase: string[] };
      if (value.needPassphrase.length)
        ctx.io.err(`Deze laptops moeten het nieuwe teamwachtwoord invoeren: ${value.needPassphrase.join(', ')}`);
      ctx.io.out(JSON.stringify(r.value));
      return 0;
    } finally {
      store.close();
    }
  },
};
