// The team passphrase and its key derivation: at least 12 characters for a new team, scrypt at
// current guidance, and parameters from team.json (which anyone with folder access can edit)
// checked before use, so a huge N cannot exhaust memory.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newScryptParams, scryptParamsProblem } from '../../../db/sync/crypto.js';
import { MemoryKeyStore } from '../../../db/sync/keystore.js';
import { rootOf, teamFile } from '../../../db/sync/layout.js';
import { runRound, setupSync } from '../../../db/sync/round.js';
import { tempDir, tempStore } from '../helpers.js';

const PASS = 'twaalf tekens!';

describe('team passphrase and key derivation', () => {
  it('refuses a team passphrase shorter than 12 characters, in Dutch, and makes no team', async () => {
    const folder = tempDir();
    await expect(
      setupSync(tempStore(), { folder, mode: 'create', passphrase: 'elf tekens!', keyStore: new MemoryKeyStore() }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'passphrase', message: /minstens 12 tekens/ });
    await setupSync(tempStore(), { folder, mode: 'create', passphrase: PASS, keyStore: new MemoryKeyStore() });
  });

  it('derives the key with scrypt at OWASP guidance (N=2^17, r=8, p=1)', async () => {
    expect(newScryptParams()).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    const folder = tempDir();
    await setupSync(tempStore(), { folder, mode: 'create', passphrase: PASS, keyStore: new MemoryKeyStore() });
    const team = JSON.parse(readFileSync(teamFile(rootOf(folder)), 'utf8')) as { kdf: { N: number; r: number } };
    expect(team.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
  });

  it.each([
    ['a huge N', { N: 2 ** 40 }],
    ['N that is not a power of two', { N: 100_000 }],
    ['N below the floor', { N: 2 }],
    ['a huge r', { r: 1e9 }],
    ['a huge p', { p: 1e6 }],
    ['N as text', { N: '131072' }],
    ['N as 1e400', { N: Infinity }],
    ['a negative r', { r: -8 }],
    ['memory above 256 MiB', { N: 2 ** 20, r: 16 }],
    ['no salt', { salt: undefined }],
    ['a one-byte salt', { salt: 'AA==' }],
  ])('refuses team.json with %s before deriving anything', async (_what, change) => {
    const folder = tempDir();
    const a = tempStore();
    await setupSync(a, { folder, mode: 'create', passphrase: PASS, keyStore: new MemoryKeyStore() });
    const path = teamFile(rootOf(folder));
    const team = JSON.parse(readFileSync(path, 'utf8')) as { kdf: Record<string, unknown> };
    team.kdf = { ...team.kdf, ...change };
    writeFileSync(path, JSON.stringify(team));
    const rss = process.memoryUsage().rss;
    const t = performance.now();
    await expect(
      setupSync(tempStore(), { folder, mode: 'join', passphrase: PASS, keyStore: new MemoryKeyStore() }),
    ).rejects.toMatchObject({ code: 'sync_team_file', message: /ongeldige sleutelparameters/ });
    // A laptop already in the team refuses too (it reads team.json every round).
    await expect(runRound(a, { keyStore: new MemoryKeyStore(), passphrase: async () => PASS })).rejects.toMatchObject({
      code: 'sync_team_file',
    });
    expect(performance.now() - t).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 << 20);
  });

  it('checks the bounds themselves: current guidance and earlier teams (N=2^15) pass', () => {
    const salt = Buffer.alloc(16, 1).toString('base64');
    expect(scryptParamsProblem({ N: 2 ** 17, r: 8, p: 1, salt })).toBeNull();
    expect(scryptParamsProblem({ N: 2 ** 15, r: 8, p: 1, salt })).toBeNull();
    expect(scryptParamsProblem({ N: 2 ** 18, r: 8, p: 1, salt })).toBeNull();
    expect(scryptParamsProblem(null)).not.toBeNull();
  });
});
