// `caseload team devices --folder DIR` and `caseload team remove-device DEVICE --folder DIR`
// (CONTRACTS.md): the team's laptops, one JSON object a line, and removing one. Both go through
// the contract (sync.devices, sync.removeDevice: beheerder only), like the Synchronisatie screen.
// The current passphrase comes from CASELOAD_SYNC_PASSPHRASE or the terminal; the new one for a
// removal from CASELOAD_SYNC_NEW_PASSPHRASE or the terminal (asked twice).
import { AppError } from '../../model/errors.js';
import { UsageError, type Command } from '../command.js';

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
    const api = ctx.open();
    try {
      if (!(await api.call('sync.status', {})).configured)
        throw new UsageError('deze laptop hoort nog bij geen team (caseload sync --join)');
      if (sub === 'devices') {
        // Unlocked when a passphrase is at hand, so names come fresh from the folder; else what is known here.
        for (const d of (await api.call('sync.devices', { folder })).items)
          ctx.io.out(JSON.stringify({ device: d.device, name: d.name, lastSeen: d.lastSeen, removed: d.removed }));
        return 0;
      }
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
      if (r.needPassphrase.length)
        ctx.io.err(`Deze laptops moeten het nieuwe teamwachtwoord invoeren: ${r.needPassphrase.join(', ')}`);
      ctx.io.out(JSON.stringify(r));
      return 0;
    } finally {
      api.close();
    }
  },
};
