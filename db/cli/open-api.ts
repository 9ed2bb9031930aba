// The contract for one CLI command: the store and createApi with the CLI's session, transport
// and prompts. Loaded by runCli (db/cli/index.ts) only when a command runs.
import { readFileSync } from 'node:fs';
import { Store } from '../api/host.js';

export { defaultDbFile } from '../api/host.js';
import { AppError } from '../model/errors.js';
import type { CliApi, CliIO } from './command.js';
import { createApi } from '../api/dispatch.js';
import { programSession } from '../api/session.js';

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'dev';
  }
}

/** The store and the contract for one command; nothing of the domain is called directly. */
export function openApi(file: string, user: string, io: CliIO, named: boolean): CliApi {
  const store = Store.open(file);
  try {
    const api = createApi(store, programSession(store, user, named), {
      transport: 'cli',
      appVersion: appVersion(),
      // The team passphrase: CASELOAD_SYNC_PASSPHRASE, else asked on the terminal.
      passphrase: async (prompt) => io.env.CASELOAD_SYNC_PASSPHRASE || io.askSecret(prompt),
      out: (line) => io.out(line),
      progress: (label, done, total) => io.progress(label, done, total),
    });
    return {
      async call(method, input) {
        const r = await api.call(method, input);
        if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.field, r.error.details);
        return r.value as never;
      },
      user: api.session?.user ?? user,
      close: () => store.close(),
    };
  } catch (e) {
    store.close();
    throw e;
  }
}
