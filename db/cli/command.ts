// The shape of a `caseload` subcommand. Each lives in commands/<name>.ts and is registered in
// index.ts. Exit codes (CONTRACTS.md): 0 success, 1 input refused (nothing written), 2 usage error.
import type { Input, MethodName, Output } from '../api/contract.js';

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

/** The contract, as the command-line user: every command is a thin caller of it. */
export interface CliApi {
  /** Calls a method; a refusal throws an AppError (exit 1, or 2 for usage). */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Who the command acts as (journal and audit log). */
  user: string;
  close(): void;
}

export interface CommandContext {
  /**
   * Opens (creating/migrating) the database given by --db / CASELOAD_DB / the app's default and
   * the contract as CASELOAD_USER (else the OS user name), with that user's role.
   */
  open(): CliApi;
  /** The database file --db / CASELOAD_DB / the app's default names (restore replaces it unopened). */
  dbFile: string;
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
