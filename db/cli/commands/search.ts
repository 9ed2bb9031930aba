import { UsageError, type Command } from '../command.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'klanten en werkgevers zoeken (naam, BSN, ref, plaats, ...), één JSON-object per regel',
  usage: 'search QUERY [--limit N]',
  options: { limit: { type: 'string', default: '20' } },
  positionals: 1,
  async run(ctx, values, positionals) {
    const query = positionals[0];
    if (!query?.trim()) throw new UsageError('geef een zoekterm');
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
      throw new UsageError('--limit moet een geheel getal van 1 tot 10000 zijn');
    const api = ctx.open();
    try {
      for (const hit of (await api.call('search.records', { query, limit })).items) ctx.io.out(JSON.stringify(hit));
      return 0;
    } finally {
      api.close();
    }
  },
};
