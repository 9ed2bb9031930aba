// The shell side of sync: the loop that runs rounds on start, on a timer and when the folder
// changes; and the app's key store on Electron safeStorage (with safeStorage replaced by a
// stand-in that marks what it encrypted, since tests run without Electron).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { setupSync } from '../../../db/sync/round.js';
import { MemoryKeyStore } from '../../../db/sync/keystore.js';
import { startSyncLoop } from '../../../db/sync/watch.js';
import { tempDir, tempStore } from '../helpers.js';

const backend = { available: true, name: 'gnome_libsecret' };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => backend.available,
    getSelectedStorageBackend: () => backend.name,
    encryptString: (s: string) => Buffer.from(`os-encrypted:${Buffer.from(s).toString('hex')}`),
    decryptString: (b: Buffer) => Buffer.from(b.toString().replace(/^os-encrypted:/, ''), 'hex').toString(),
  },
}));

const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return ok();
};

describe('sync in the shell', () => {
  it('runs a round at start, when the shared folder changes, and not after it is stopped', async () => {
    const store = tempStore();
    const folder = tempDir();
    let runs = 0;
    const idle = startSyncLoop({
      store,
      run: async () => runs++,
      startDelayMs: 10,
      intervalMs: 60_000,
      debounceMs: 30,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(runs, 'no rounds before sync is set up').toBe(0);
    idle.stop();

    await setupSync(store, { folder, mode: 'create', passphrase: 'lus-wachtwoord', keyStore: new MemoryKeyStore() });
    const loop = startSyncLoop({
      store,
      run: async () => runs++,
      startDelayMs: 10,
      intervalMs: 60_000,
      debounceMs: 30,
    });
    expect(await until(() => runs === 1)).toBe(true);
    const dir = join(folder, 'caseload-sync', 'devices', 'abcdefabcdefabcd');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'j-1-00000001.cjl'), 'nieuw segment van een collega');
    expect(await until(() => runs >= 2), 'a round after the folder changed').toBe(true);
    loop.stop();
    const after = runs;
    writeFileSync(join(dir, 'j-1-00000002.cjl'), 'nog een');
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(after);
  });

  it('keeps the team key only encrypted by the operating system', async () => {
    const { SafeStorageKeyStore } = await import('../../../electron/keystore.js');
    const dir = tempDir();
    const ks = new SafeStorageKeyStore(dir);
    const key = Buffer.alloc(32, 7);
    await ks.save('f'.repeat(32), key);
    const file = readFileSync(join(dir, 'sync-keys.json'), 'utf8');
    expect(file).not.toContain(key.toString('base64'));
    expect(Buffer.from((JSON.parse(file) as Record<string, string>)['f'.repeat(32)]!, 'base64').toString()).toMatch(
      /^os-encrypted:/,
    );
    expect((await ks.load('f'.repeat(32)))?.equals(key)).toBe(true);
    backend.name = 'basic_text'; // Linux without a keyring: plain text is not a safe place
    expect(await ks.load('f'.repeat(32))).toBeNull();
    backend.name = 'gnome_libsecret';
    await ks.forget('f'.repeat(32));
    expect(await ks.load('f'.repeat(32))).toBeNull();
  });
});
