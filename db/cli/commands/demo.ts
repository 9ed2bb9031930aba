import { UsageError, type Command } from '../command.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: "realistische synthetische gegevens laden (Nederlandse namen, geldige BSN's, historie)",
  usage: 'demo [--clients N] [--seed N] [--contacts-per-client N]',
  options: {
    clients: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    today: { type: 'string' },
    'contacts-per-client': { type: 'string' },
  },
  async run(ctx, values) {
    const clients = Number(values.clients);
    const seed = Number(values.seed);
    if (!Number.isInteger(clients) || clients < 1 || clients > 2_000_000)
      throw new UsageError('--clients moet een geheel getal van 1 tot 2000000 zijn');
    if (!Number.isInteger(seed)) throw new UsageError('--seed moet een geheel getal zijn');
    const today = values.today as string | undefined;
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError('--today moet JJJJ-MM-DD zijn');
    const cpc = values['contacts-per-client'] === undefined ? undefined : Number(values['contacts-per-client']);
    if (cpc !== undefined && !(cpc >= 0 && cpc <= 100))
      throw new UsageError('--contacts-per-client moet een getal van 0 tot 100 zijn');
    const api = ctx.open();
    try {
      ctx.io.out(JSON.stringify(await api.call('demo.load', { clients, seed, today, contactsPerClient: cpc })));
      return 0;
    } finally {
      api.close();
    }
  },
};
