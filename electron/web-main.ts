// `tsx electron/web-main.ts [--db FILE] [--port N] [--renderer DIR] [--open]`: starts the web
// shell on the app's own database (CASELOAD_DB, else the user-data folder) and prints the URL
// with its one-time token. Ctrl+C stops it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDbFile } from '../db/api/host.js';
import { openBrowser } from './open-browser.js';

const HELP = `Gebruik: tsx electron/web-main.ts [--db FILE] [--port N] [--renderer DIR] [--open]

Start Caseload in de browser (alleen bereikbaar op deze computer, 127.0.0.1).
  --db FILE       database (standaard: CASELOAD_DB, anders de database van de app)
  --port N        poort (standaard: een vrije poort)
  --renderer DIR  gebouwde gebruikersinterface (standaard: out/renderer)
  --open          open de browser`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        renderer: { type: 'string' },
        open: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`caseload-web: ${(e as Error).message}\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`caseload-web: ongeldige poort '${values.port}'\n`);
    return 2;
  }
  const rendererDir = resolve(values.renderer ?? join(import.meta.dirname, '..', 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(
      `caseload-web: geen gebouwde gebruikersinterface in ${rendererDir}; voer eerst 'npm run build:renderer' uit.\n`,
    );
    return 1;
  }
  const dbFile = resolve(values.db ?? defaultDbFile());
  // Loaded only now: the store and all handlers take a while to import, usage errors should not wait.
  const { startWebShell } = await import('./web.js');
  const shell = await startWebShell({ dbFile, port, rendererDir });
  process.stdout.write(`Caseload draait op ${shell.url}\nDatabase: ${dbFile}\nStoppen: Ctrl+C\n`);
  if (values.open) openBrowser(shell.url);
  await new Promise<void>((done) => {
    const stop = () => void shell.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
