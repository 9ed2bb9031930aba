import { closeSync, fsyncSync, renameSync, writeSync } from 'node:fs';
import type { Command } from '../command.js';
import { dumpLines } from '../../records/read.js';
import { openPrivate } from '../../store/private-files.js';

export const dumpCommand: Command = {
  name: 'dump',
  summary: 'alle records als canonieke JSONL (zelfde gegevens, zelfde bytes)',
  usage: 'dump [--out FILE]',
  options: { out: { type: 'string' } },
  async run(ctx, values) {
    const store = ctx.openStore();
    try {
      const out = values.out as string | undefined;
      if (!out) {
        for (const line of dumpLines(store)) ctx.io.out(line);
        return 0;
      }
      // Written to a temp name and renamed, so a reader never sees half a dump; owner-only,
      // since a dump holds every client's personal data.
      const tmp = `${out}.tmp-${process.pid}`;
      const fd = openPrivate(tmp);
      let buf = '';
      for (const line of dumpLines(store)) {
        buf += line + '\n';
        if (buf.length > 1 << 20) {
          writeSync(fd, buf);
          buf = '';
        }
      }
      writeSync(fd, buf);
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, out);
      return 0;
    } finally {
      store.close();
    }
  },
};
