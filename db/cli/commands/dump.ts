import type { Command } from '../command.js';

export const dumpCommand: Command = {
  name: 'dump',
  summary: 'alle records als canonieke JSONL (zelfde gegevens, zelfde bytes)',
  usage: 'dump [--out FILE]',
  options: { out: { type: 'string' } },
  async run(ctx, values) {
    const api = ctx.open();
    try {
      await api.call('data.dump', { out: values.out as string | undefined });
      return 0;
    } finally {
      api.close();
    }
  },
};
