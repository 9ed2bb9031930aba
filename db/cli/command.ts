// The shape of a `caseload` subcommand. Each lives in commands/<name>.ts and is registered in
// index.ts. Exit codes (CONTRACTS.md): 0 success, 1 input refused (nothing written), 2 usage error.
import type { Store } from '../journal/store.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: only then is progress shown. */
  isTTY: boolean;
  /** Progress line on stderr (overwritten in place on a terminal, silent otherwise). */
  progress(label: string, done: number, total: number): void;
  env: NodeJS.ProcessEnv;
  /** Reads a line from the terminal without echo (passphrases); null when there is no terminal. */
  askSecret(prompt: string): Promise<string | null>;
  /** Reads an answer from the terminal (confirmations); null, or absent, when there is no terminal. */
  ask?(prompt: string): Promise<string | null>;
}

export interface CommandContext {
  /** Opens (creating/migrating) the database given by --db / CASELOAD_DB / the app's default. */
  openStore(): Store;
  /** The database file --db / CASELOAD_DB / the app's default names (for commands that must not open it). */
  dbFile: string;
  /** The acting user for the journal (CASELOAD_USER, else the OS user name). */
  user: string;
  io: CliIO;
}

export interface Command {
  name: string;
  /** One line for --help. */
  summary: string;
  /** Usage line(s) after `caseload [--db FILE] `. */
  usage: string;
  /** Options for node:util parseArgs. */
  options: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean }
  >;
  /** Allows positional arguments (how many at most). */
  positionals?: number;
  run(
    ctx: CommandContext,
    values: Record<string, string | boolean | string[] | undefined>,
    positionals: string[],
  ): Promise<number>;
}

/** A usage error: exit 2 with this message. */
export class UsageError extends Error {}
