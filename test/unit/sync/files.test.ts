// The folder's files one by one: team setup and passphrases, the segment format's checks
// (truncation, tampering, a header moved onto another body, a forged signer), names of
// conflict copies and the junk sync clients leave.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDeviceKeys, subkey } from '../../../db/sync/crypto.js';
import { BadFile, FORMAT, decodeSegment, encodeSegment, type FileHeader } from '../../../db/sync/container.js';
import { isIgnored, looksLikeSegment, parseSegmentName, rootOf, teamFile } from '../../../db/sync/layout.js';
import { MemoryKeyStore, FileKeyStore } from '../../../db/sync/keystore.js';
import { setupSync, runRound } from '../../../db/sync/round.js';
import { createHash, randomBytes, sign } from 'node:crypto';
import { tempDir, tempStore } from '../helpers.js';

const header = (over: Partial<FileHeader> = {}): FileHeader => ({
  format: FORMAT,
  kind: 'segment',
  team: 'a'.repeat(32),
  device: '0123456789abcdef',
  epoch: 1,
  seq: 7,
  count: 1,
  created: 1,
  ...over,
});

function badKind(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof BadFile) return e.kind;
    throw e;
  }
  return 'accepted';
}

describe('segment files', () => {
  const keys = { team: 'a'.repeat(32), encKey: subkey(randomBytes(32), 'files') };
  const signer = newDeviceKeys();
  const keyOf = (d: string) => (d === '0123456789abcdef' ? signer.publicKey : null);
  const body = Buffer.from(
    '{"changes":[["client","x","city","Urk","000000000000001-0000-0123456789abcdef",null,"u"]]}',
  );
  const file = encodeSegment(header(), body, keys, signer.privateKey);

  it('round-trips and hides the content', () => {
    expect(decodeSegment(file, keys, keyOf).plaintext.equals(body)).toBe(true);
    expect(file.includes(Buffer.from('Urk'))).toBe(false);
  });

  it('refuses half a file, a flipped byte, another team key and an unknown or forged signer', () => {
    expect(badKind(() => decodeSegment(file.subarray(0, file.length - 20), keys, keyOf))).toBe('signature');
    expect(badKind(() => decodeSegment(file.subarray(0, 10), keys, keyOf))).toBe('truncated');
    const flipped = Buffer.from(file);
    flipped[flipped.length - 100]! ^= 1;
    expect(badKind(() => decodeSegment(flipped, keys, keyOf))).toBe('signature');
    expect(badKind(() => decodeSegment(file, { ...keys, encKey: subkey(randomBytes(32), 'files') }, keyOf))).toBe(
      'decrypt',
    );
    expect(badKind(() => decodeSegment(file, keys, () => null))).toBe('unknown_device');
    expect(badKind(() => decodeSegment(file, keys, () => newDeviceKeys().publicKey))).toBe('signature');
    expect(badKind(() => decodeSegment(file, { ...keys, team: 'b'.repeat(32) }, keyOf))).toBe('foreign');
  });

  it('binds the header to the body: a header with another seq does not decrypt', () => {
    const other = encodeSegment(header({ seq: 8 }), body, keys, signer.privateKey);
    const hdrLen = 8 + other.readUInt32BE(4);
    const origLen = 8 + file.readUInt32BE(4);
    // The signer itself swaps the header and signs again: the signature passes, the AAD does not.
    const spliced = Buffer.concat([other.subarray(0, hdrLen), file.subarray(origLen, file.length - 64)]);
    const sig = sign(null, createHash('sha256').update(spliced).digest(), signer.privateKey);
    expect(badKind(() => decodeSegment(Buffer.concat([spliced, sig]), keys, keyOf))).toBe('decrypt');
  });
});

describe('names in the folder', () => {
  it('reads only exact names as (epoch, seq) and recognises conflict copies as segments', () => {
    expect(parseSegmentName('j-1-00000042.cjl')).toEqual({ epoch: 1, seq: 42 });
    for (const n of [
      'j-1-00000042.sync-conflict-20260302-101500-K7QZ2PD.cjl',
      'j-1-00000042-LAPTOP-WCNOP07.cjl',
      "j-1-00000042 (Jan's conflicted copy 2026-03-02).cjl",
      'j-1-00000042 (1).cjl',
    ]) {
      expect(parseSegmentName(n), n).toBeNull();
      expect(looksLikeSegment(n), n).toBe(true);
    }
    for (const n of [
      '~syncthing~j-1-00000042.cjl.tmp',
      '.j-1-00000042.cjl.1a2b.part',
      'desktop.ini',
      'Thumbs.db',
      '.DS_Store',
      'j-1-00000042.cjl.part',
    ]) {
      expect(isIgnored(n) || !looksLikeSegment(n), n).toBe(true);
    }
  });
});

describe('team setup', () => {
  it('refuses a wrong passphrase with a clear message and changes nothing', async () => {
    const folder = tempDir();
    const a = tempStore();
    await setupSync(a, { folder, mode: 'create', passphrase: 'juist wachtwoord', keyStore: new MemoryKeyStore() });
    const team = JSON.parse(readFileSync(teamFile(rootOf(folder)), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(team)).not.toContain('juist');
    const b = tempStore();
    const keys = new MemoryKeyStore();
    await expect(setupSync(b, { folder, mode: 'join', passphrase: 'fout wachtwoord', keyStore: keys })).rejects.toThrow(
      /Onjuist teamwachtwoord.*Wrong team passphrase/,
    );
    expect(b.db.prepare("SELECT count(*) FROM meta WHERE key LIKE 'sync_%'").pluck().get()).toBe(0);
    expect(await keys.load(team.team as string)).toBeNull();
    expect(existsSync(join(rootOf(folder), 'devices', b.device))).toBe(false);
    // An already joined laptop with a wrong passphrase from the terminal: refused, nothing applied.
    await setupSync(b, { folder, mode: 'join', passphrase: 'juist wachtwoord', keyStore: new MemoryKeyStore() });
    a.write('u', (w) => w.create('client', { ref: 'K1', last_name: 'Jansen' }));
    await runRound(a, { keyStore: new MemoryKeyStore(), passphrase: async () => 'juist wachtwoord' });
    await expect(runRound(b, { keyStore: new MemoryKeyStore(), passphrase: async () => 'fout' })).rejects.toThrow(
      /Onjuist teamwachtwoord/,
    );
    expect(b.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });

  it('does not make a second team in a folder that has one, nor join a laptop to two teams', async () => {
    const folder = tempDir();
    const a = tempStore();
    await setupSync(a, { folder, mode: 'create', passphrase: 'eerste team 2026', keyStore: new MemoryKeyStore() });
    await expect(
      setupSync(tempStore(), {
        folder,
        mode: 'create',
        passphrase: 'tweede team 2026',
        keyStore: new MemoryKeyStore(),
      }),
    ).rejects.toThrow(/al een team/);
    const other = tempDir();
    await setupSync(tempStore(), {
      folder: other,
      mode: 'create',
      passphrase: 'ander team 2026!',
      keyStore: new MemoryKeyStore(),
    });
    await expect(
      setupSync(a, { folder: other, mode: 'join', passphrase: 'ander team 2026!', keyStore: new MemoryKeyStore() }),
    ).rejects.toThrow(/ander team/);
  });

  it('keeps a team key in a file only the user can read, or takes the passphrase from the environment', async () => {
    const dir = tempDir();
    const ks = new FileKeyStore(dir);
    const key = randomBytes(32);
    await ks.save('ab'.repeat(16), key);
    expect((await ks.load('ab'.repeat(16)))?.equals(key)).toBe(true);
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs');
      expect(statSync(join(dir, `sync-${'ab'.repeat(16)}.key`)).mode & 0o077).toBe(0);
    }
    await ks.forget('ab'.repeat(16));
    expect(await ks.load('ab'.repeat(16))).toBeNull();
  });
});
