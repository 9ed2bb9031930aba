// Handlers of the whole-database methods (db/api/methods/data.ts).
import type { Handlers } from '../dispatch.js';
import { AppError } from '../../model/errors.js';
import type { RecordKind } from '../../model/records.js';
import { importFile } from '../../exchange/import.js';
import { checkStore } from '../../records/check.js';
import { dumpLines } from '../../records/read.js';
import { writePrivateAtomic } from '../../store/private-files.js';

/** The dump's lines in chunks of about a megabyte (a write per line would be slow). */
function* dumpChunks(lines: Iterable<string>, counted: () => void): Generator<string> {
  let buf = '';
  for (const line of lines) {
    counted();
    buf += line + '\n';
    if (buf.length > 1 << 20) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
import { searchRecords } from '../../search/records.js';
import { seesBsn } from '../../model/access.js';
import { isBsnQuery } from '../../model/bsn.js';

type H = Pick<Handlers, 'app.init' | 'app.check' | 'data.dump' | 'import.file' | 'search.records'>;

export const dataHandlers: H = {
  'app.init': ({ store }, { deviceName }) => {
    if (deviceName) store.setMeta('device_name', deviceName);
    return {
      db: store.file,
      device: store.device,
      device_name: store.getMeta('device_name') ?? '',
      schema_version: store.db.pragma('user_version', { simple: true }) as number,
    };
  },

  'app.check': ({ store }) => {
    const r = checkStore(store);
    return { ok: r.problems.length === 0, counts: r.counts, problems: r.problems };
  },

  'data.dump': ({ store, host }, { out }) => {
    // Owner-only and atomic: a dump holds every client's personal data.
    if (out) {
      let records = 0;
      writePrivateAtomic(
        out,
        dumpChunks(dumpLines(store), () => records++),
      );
      return { records, file: out };
    }
    if (!host.out) throw new AppError('invalid_input', 'geef een bestand om naar te schrijven', 'out');
    let n = 0;
    for (const line of dumpLines(store)) {
      host.out(line);
      n++;
    }
    return { records: n, file: null };
  },

  'import.file': async (ctx, { file, kind, dryRun }) => {
    const r = await importFile(ctx.store, ctx.session.user, {
      file,
      kind: kind as RecordKind | undefined,
      dryRun,
      onProgress: (done, total) => ctx.host.progress?.('importeren', done, total),
    });
    if (r.ok && !r.dryRun && r.created + r.updated > 0) ctx.emit('data.changed', { kinds: ['all'] });
    return {
      ok: r.ok,
      dry_run: r.dryRun,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      skipped: r.skipped,
      problems: r.problems,
      unknown_managers: r.unknownManagers,
    };
  },

  'search.records': ({ store, session }, { query, limit }) => {
    if (!seesBsn(session.role) && isBsnQuery(query))
      throw new AppError('forbidden', 'Uw rol mag niet op BSN zoeken.', 'query');
    return { items: searchRecords(store, query, limit) };
  },
};
