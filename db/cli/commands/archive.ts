// `caseload archive list|verify ID|changes ID` (CONTRACTS.md "Reproducible"): the delivered
// reports, one JSON object a line; making one again as known at its delivery (exit 0 when the
// bytes are identical, 1 with the differing figures); and what changed since, per figure.
import { UsageError, type Command } from '../command.js';

export const archiveCommand: Command = {
  name: 'archive',
  summary:
    'geleverde rapportages tonen, opnieuw maken en vergelijken (verify), of verklaren wat er sindsdien veranderde',
  usage: 'archive list\n         archive verify ID\n         archive changes ID',
  options: {},
  positionals: 2,
  async run(ctx, _values, positionals) {
    const [sub, id] = positionals;
    if (sub !== 'list' && sub !== 'verify' && sub !== 'changes')
      throw new UsageError("kies 'list', 'verify ID' of 'changes ID'");
    if (sub === 'list' && id) throw new UsageError(`onverwacht argument '${id}'`);
    if (sub !== 'list' && !id) throw new UsageError(`${sub} verwacht het id van een geleverde rapportage`);
    const api = ctx.open();
    try {
      if (sub === 'list') {
        for (const d of await api.call('archive.list', {}))
          ctx.io.out(
            JSON.stringify({
              id: d.id,
              name: d.name,
              params: d.params,
              delivered_at: d.delivered_at,
              by: d.by,
              sha256: d.sha256,
              ...(d.known_on ? { known_on: d.known_on } : {}),
            }),
          );
        return 0;
      }
      if (sub === 'changes') {
        for (const f of await api.call('archive.changes', { id: id! })) ctx.io.out(JSON.stringify(f));
        return 0;
      }
      const r = await api.call('archive.verify', { id: id! });
      ctx.io.out(JSON.stringify(r));
      if (!r.identical) ctx.io.err('De rapportage wijkt af van de geleverde versie.');
      return r.identical ? 0 : 1;
    } finally {
      api.close();
    }
  },
};
