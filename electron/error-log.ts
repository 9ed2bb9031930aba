// The local error log of the main process (<user data>/logs/caseload.log): one entry per
// uncaught error - when, which kind, the error's class and code, a short scrubbed message and the
// code locations of its stack - never personal data (log-scrub.ts). Owner-only (folder 0700,
// files 0600; on Windows the user-data folder's ACL), rotated at a small size, a few files kept.
// What to do about the error is in the dialog (fatal.ts); the log is for the beheerder.
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, makePrivate } from '../db/api/host.js';
import { scrubLog, type ScrubOptions } from './log-scrub.js';

export const LOG_FILE = 'caseload.log';
const MAX_MESSAGE = 300;
const MAX_FRAMES = 15;

export interface ErrorLogOptions {
  dir: string;
  /** Rotate when the log would grow beyond this (default 256 kB). */
  maxBytes?: number;
  /** Older files kept: caseload.1.log ... caseload.N.log (default 3). */
  keep?: number;
  /** Values that must never be written (user, device and colleague names), asked at each write. */
  known?: () => readonly string[];
  home?: string;
  /** App, Electron and OS versions written with every entry (no names). */
  context?: Record<string, string>;
  now?: () => Date;
}

/** The entry for an error: class, code, scrubbed and shortened message, stack locations only. */
export function formatEntry(kind: string, error: unknown, scrub: ScrubOptions, at: Date, context = {}): string {
  const e = error instanceof Error ? error : null;
  const name = e?.name ?? typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  const raw = e ? e.message : String(error);
  const message = scrubLog(raw.replace(/\s+/g, ' ').slice(0, MAX_MESSAGE * 2), scrub).slice(0, MAX_MESSAGE);
  const frames = (e?.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, MAX_FRAMES)
    .map((l) => `    ${scrubLog(l.trim(), scrub)}`);
  const ctx = Object.entries(context)
    .map(([k, v]) => `${k}=${scrubLog(String(v), scrub)}`)
    .join(' ');
  const head = `${at.toISOString()} ${kind} ${name}${typeof code === 'string' ? ` [${scrubLog(code, scrub)}]` : ''}: ${message}`;
  return [head, ...(ctx ? [`    (${ctx})`] : []), ...frames].join('\n') + '\n';
}

export class ErrorLog {
  readonly file: string;

  constructor(private readonly opts: ErrorLogOptions) {
    this.file = join(opts.dir, LOG_FILE);
  }

  private rotate(incoming: number): void {
    const max = this.opts.maxBytes ?? 256 * 1024;
    let size = 0;
    try {
      size = statSync(this.file).size;
    } catch {
      return;
    }
    if (size + incoming <= max) return;
    const keep = this.opts.keep ?? 3;
    const numbered = (n: number) => join(this.opts.dir, `caseload.${n}.log`);
    rmSync(numbered(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
    renameSync(this.file, numbered(1));
  }

  /** Writes the entry and returns the log's path; never throws (a failing log must not hide the error). */
  write(kind: string, error: unknown): string {
    try {
      const entry = formatEntry(
        kind,
        error,
        { known: this.opts.known?.() ?? [], home: this.opts.home },
        this.opts.now?.() ?? new Date(),
        this.opts.context,
      );
      ensurePrivateDir(this.opts.dir);
      this.rotate(Buffer.byteLength(entry));
      appendFileSync(this.file, entry, { mode: 0o600 });
      makePrivate(this.file);
    } catch {
      /* disk full or folder gone: the dialog still tells the user what to do */
    }
    return this.file;
  }
}
