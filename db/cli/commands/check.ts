import type { Command } from '../command.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'integriteit controleren: database, journaal, verwijzingen, nummers, BSN per klant, auditlog',
  usage: 'check',
  options: {},
  async run(ctx) {
    const api = ctx.open();
    try {
      const r = await api.call('app.check', {});
      for (const p of r.problems) ctx.io.err(`${p.area}: ${p.message}`);
      ctx.io.out(JSON.stringify({ ok: r.ok, ...r.counts, problems: r.problems.length }));
      return r.ok ? 0 : 1;
    } finally {
      api.close();
    }
  },
};
