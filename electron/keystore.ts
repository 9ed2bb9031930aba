// The app's KeyStore (db/sync/keystore.ts): the unlocked team key, encrypted with Electron
// safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux) in a small file
// in the user-data folder. Without OS encryption (safeStorage unavailable, or Linux's plain-text
// "basic_text" backend) nothing is kept and the Synchronisatie screen asks for the passphrase.
import { safeStorage } from 'electron';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeBufferAtomic, type KeyStore } from '../db/api/host.js';

type Kept = Record<string, string>;

export class SafeStorageKeyStore implements KeyStore {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'sync-keys.json');
  }

  private usable(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }

  private read(): Kept {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Kept;
    } catch {
      return {};
    }
  }

  private write(kept: Kept): void {
    if (!Object.keys(kept).length) {
      rmSync(this.file, { force: true });
      return;
    }
    writeBufferAtomic(this.file, Buffer.from(JSON.stringify(kept)));
  }

  async load(team: string): Promise<Buffer | null> {
    const sealed = this.read()[team];
    if (!sealed || !this.usable()) return null;
    try {
      const key = Buffer.from(safeStorage.decryptString(Buffer.from(sealed, 'base64')), 'base64');
      return key.length === 32 ? key : null;
    } catch {
      return null; // another user or a reinstalled OS: ask for the passphrase again
    }
  }

  async save(team: string, key: Buffer): Promise<void> {
    if (!this.usable()) return;
    this.write({ ...this.read(), [team]: safeStorage.encryptString(key.toString('base64')).toString('base64') });
  }

  async forget(team: string): Promise<void> {
    const kept = this.read();
    delete kept[team];
    this.write(kept);
  }
}
