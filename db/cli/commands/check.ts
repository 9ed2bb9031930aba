import type { Command } from '../command.js';
import { checkStore } from '../../records/check.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'integriteit van database en journaal controleren',
  usage: 'check',
  options: {},
  async run(ctx) {
    const store = ctx.openStore();
    try {
      const r = checkStore(store);
      for (const p of r.problems) ctx.io.err(`${p.area}: ${p.message}`);
      ctx.io.out(JSON.stringify({ ok: r.problems.length === 0, ...r.counts, problems: r.problems.length }));
      return r.problems.length ? 1 : 0;
    } finally {
      store.close();
    }
  },
};
