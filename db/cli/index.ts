// `caseload`: the command line over the same store and handlers as the app (CONTRACTS.md).
// Exit 0 success, 1 input refused (nothing written), 2 usage error.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { AppError } from '../model/errors.js';
import { UsageError, type CliIO, type Command } from './command.js';
import { COMMANDS } from './commands/index.js';

function help(): string {
  const lines = [
    'Caseload - caseloadbeheer voor de Werkcorporatie',
    '',
    'Gebruik: caseload [--db FILE] <opdracht> [opties]',
    '',
    'Opdrachten:',
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Algemene opties:',
    '  --db FILE      database (standaard: CASELOAD_DB, anders de database van de app)',
    '  -h, --help     deze hulp',
    '',
    'Afsluitcodes: 0 gelukt, 1 invoer geweigerd (niets geschreven), 2 verkeerd gebruik.',
  ];
  return lines.join('\n');
}

function commandHelp(c: Command): string {
  return `Gebruik: caseload [--db FILE] ${c.usage}\n\n${c.summary}`;
}

function currentUser(env: NodeJS.ProcessEnv): string {
  if (env.CASELOAD_USER) return env.CASELOAD_USER;
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  // Global options come before the command name.
  let db: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') {
      db = argv[++i];
      if (!db) return usage(io, '--db verwacht een bestandsnaam');
    } else if (a.startsWith('--db=')) db = a.slice(5);
    else if (a === '-h' || a === '--help') {
      io.out(help());
      return 0;
    } else break;
  }
  const name = argv[i];
  if (!name) {
    io.err(help());
    return 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) return usage(io, `onbekende opdracht '${name}'`);
  const rest = argv.slice(i + 1);
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out(commandHelp(cmd));
    return 0;
  }
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
  } catch (e) {
    return usage(io, (e as Error).message, cmd);
  }
  if (positionals.length > (cmd.positionals ?? 0))
    return usage(io, `onverwacht argument '${positionals[cmd.positionals ?? 0]}'`, cmd);
  try {
    // The store and the contract (with its schemas) are loaded once a command runs: `--help` and
    // usage errors start without them.
    const { openApi, defaultDbFile } = await import('./open-api.js');
    const dbFile = db ?? defaultDbFile(io.env);
    return await cmd.run(
      { open: () => openApi(dbFile, currentUser(io.env), io, Boolean(io.env.CASELOAD_USER)), dbFile, io },
      values,
      positionals,
    );
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e.message, cmd);
    if (e instanceof AppError) {
      io.err(`caseload ${name}: ${e.field ? e.field + ': ' : ''}${e.message}`);
      return e.code === 'usage' ? 2 : 1;
    }
    io.err(`caseload ${name}: ${(e as Error).message}`);
    return 1;
  }
}

function usage(io: CliIO, message: string, cmd?: Command): number {
  io.err(`caseload: ${message}`);
  io.err(cmd ? commandHelp(cmd) : "Zie 'caseload --help'.");
  return 2;
}

/** The process-level IO: stdout for results, stderr for problems and progress. */
export function processIO(): CliIO {
  const isTTY = Boolean(process.stderr.isTTY);
  let lastProgress = 0;
  return {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
    isTTY,
    env: process.env,
    progress(label, done, total) {
      if (!isTTY) return;
      const now = Date.now();
      if (done < total && now - lastProgress < 100) return;
      lastProgress = now;
      const pct = total ? Math.floor((done / total) * 100) : 100;
      process.stderr.write(
        `\r${label}: ${done.toLocaleString('nl-NL')} / ${total.toLocaleString('nl-NL')} (${pct}%)${done >= total ? '\n' : ''}`,
      );
    },
    async ask(prompt) {
      if (!process.stdin.isTTY) return null;
      const { createInterface } = await import('node:readline');
      return new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
        rl.question(prompt, (answer) => {
          rl.close();
          resolve(answer);
        });
      });
    },
    async askSecret(prompt) {
      if (!process.stdin.isTTY) return null;
      const { createInterface } = await import('node:readline');
      return new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
        const out = rl as unknown as { _writeToOutput: (s: string) => void };
        process.stderr.write(prompt);
        out._writeToOutput = () => {};
        rl.question('', (answer) => {
          rl.close();
          process.stderr.write('\n');
          resolve(answer);
        });
      });
    },
  };
}
