// Where an unlocked team key is kept on this laptop. The app keeps it with Electron
// safeStorage (electron/keystore.ts implements this interface); the command line keeps nothing
// and unlocks with the passphrase from CASELOAD_SYNC_PASSPHRASE or the terminal each run.
import { chmodSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeBufferAtomic } from './layout.js';

export interface KeyStore {
  /** The team key kept for this team on this laptop, or null. */
  load(team: string): Promise<Buffer | null>;
  save(team: string, key: Buffer): Promise<void>;
  forget(team: string): Promise<void>;
}

/** Asks a person for the team passphrase; null when nobody can be asked. */
export type PassphraseSource = (prompt: string) => Promise<string | null>;

/** Keeps keys for the life of the process (tests, the web shell, one CLI run). */
export class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  async load(team: string): Promise<Buffer | null> {
    return this.keys.get(team) ?? null;
  }
  async save(team: string, key: Buffer): Promise<void> {
    this.keys.set(team, Buffer.from(key));
  }
  async forget(team: string): Promise<void> {
    this.keys.delete(team);
  }
}

/**
 * Keeps keys in files only the user can read (0600), next to the database in the user-data
 * folder - for machines without Electron (the web shell). The database beside it holds the
 * same data unencrypted, so this protects the shared folder, not the laptop.
 */
export class FileKeyStore implements KeyStore {
  constructor(private readonly dir: string) {}
  private file(team: string): string {
    if (!/^[0-9a-f]{16,64}$/.test(team)) throw new Error('ongeldig team-id');
    return join(this.dir, `sync-${team}.key`);
  }
  async load(team: string): Promise<Buffer | null> {
    try {
      const key = Buffer.from(readFileSync(this.file(team), 'utf8').trim(), 'base64');
      return key.length === 32 ? key : null;
    } catch {
      return null;
    }
  }
  async save(team: string, key: Buffer): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    writeBufferAtomic(this.file(team), Buffer.from(key.toString('base64') + '\n'));
    try {
      chmodSync(this.file(team), 0o600);
    } catch {
      /* not on every filesystem */
    }
  }
  async forget(team: string): Promise<void> {
    rmSync(this.file(team), { force: true });
  }
}

/** The command line's passphrase: CASELOAD_SYNC_PASSPHRASE, else asked on the terminal. */
/** Where a passphrase can come from outside the app: the environment, else a terminal prompt. */
export interface PassphraseInput {
  env: NodeJS.ProcessEnv;
  askSecret(prompt: string): Promise<string | null>;
}

export function cliPassphrase(io: PassphraseInput): PassphraseSource {
  return async (prompt) => {
    const env = io.env.CASELOAD_SYNC_PASSPHRASE;
    if (env !== undefined && env !== '') return env;
    return io.askSecret(prompt);
  };
}
