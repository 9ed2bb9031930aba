// What `npm start` decides before it starts anything: the web shell, or Electron with its own
// better-sqlite3 build reused or (re)built first (build/native-binding.ts, pure).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  devBindingPath,
  parseManifest,
  parseProbe,
  parseStamp,
  planStart,
  staleReason,
  type Stamp,
  type StartFacts,
  type Target,
} from '../../../build/native-binding.js';

const target: Target = { electron: '41.7.1', abi: '145', platform: 'win32', arch: 'x64' };
const SHA = 'a'.repeat(64);
const stamp: Stamp = { ...target, betterSqlite3: '12.11.1', sha256: SHA, builtAt: '2026-12-01T10:00:00.000Z' };
const facts = (over: Partial<StartFacts> = {}): StartFacts => ({
  forceWeb: false,
  electronBinary: '/repo/node_modules/electron/dist/electron',
  target,
  stamp,
  bindingSha256: SHA,
  betterSqlite3: '12.11.1',
  ...over,
});

describe('npm start', () => {
  it('opens the web shell when the Electron binary was never downloaded', () => {
    expect(planStart(facts({ electronBinary: null, target: null, stamp: null, bindingSha256: null }))).toEqual({
      shell: 'web',
      reason: 'no-electron',
    });
  });

  it('opens the web shell when asked to, even with Electron installed', () => {
    expect(planStart(facts({ forceWeb: true }))).toEqual({ shell: 'web', reason: 'forced' });
  });

  it('opens the web shell when Electron’s ABI cannot be learned (a broken binary)', () => {
    expect(planStart(facts({ target: null }))).toEqual({ shell: 'web', reason: 'no-abi' });
  });

  it('builds the binding on the first start with Electron', () => {
    expect(planStart(facts({ stamp: null, bindingSha256: null }))).toEqual({
      shell: 'electron',
      binding: 'build',
      reason: 'missing',
    });
  });

  it('reuses a binding built for this Electron, ABI, platform and better-sqlite3', () => {
    expect(planStart(facts())).toEqual({ shell: 'electron', binding: 'reuse' });
  });

  it.each([
    ['Electron was upgraded', { stamp: { ...stamp, electron: '41.6.0' } }, 'electron-changed'],
    ['the ABI differs', { stamp: { ...stamp, abi: '143' } }, 'abi-changed'],
    ['better-sqlite3 was upgraded', { betterSqlite3: '12.12.0' }, 'better-sqlite3-changed'],
    ['the file was replaced or damaged', { bindingSha256: 'b'.repeat(64) }, 'hash-mismatch'],
    ['the stamp is missing or unreadable', { stamp: null }, 'no-stamp'],
  ] as const)('rebuilds when %s', (_case, over, reason) => {
    expect(planStart(facts(over as Partial<StartFacts>))).toEqual({ shell: 'electron', binding: 'build', reason });
  });

  it('keeps the Electron build in a folder of its own, named after ABI, platform and architecture', () => {
    expect(devBindingPath('/repo', target)).toBe(
      join('/repo', 'build', 'native', 'electron-145-win32-x64', 'better_sqlite3.node'),
    );
    expect(devBindingPath('/repo', target)).not.toContain('node_modules');
  });
});

describe('what the Electron probe prints', () => {
  it('gives the version and ABI', () => {
    expect(parseProbe('{"electron":"41.7.1","abi":"145"}\n')).toEqual({ electron: '41.7.1', abi: '145' });
    expect(parseProbe('{"electron":"42.0.0-beta.3","abi":146}')).toEqual({ electron: '42.0.0-beta.3', abi: '146' });
  });

  it.each([
    '',
    'v41.7.1',
    '{"electron":"41.7.1"}',
    '{"electron":"../../x","abi":"145"}',
    '{"electron":"41.7.1","abi":"1; rm"}',
    'null',
  ])('is refused when it is %j', (out) => {
    expect(parseProbe(out)).toBeNull();
  });
});

describe('stamps and the packaged manifest', () => {
  it('reads a stamp it wrote and refuses anything else', () => {
    expect(parseStamp(JSON.stringify(stamp))).toEqual(stamp);
    expect(parseStamp(null)).toBeNull();
    expect(parseStamp('{')).toBeNull();
    expect(parseStamp(JSON.stringify({ ...stamp, sha256: 'nothex' }))).toBeNull();
    expect(parseStamp(JSON.stringify({ ...stamp, platform: '../x' }))).toBeNull();
    expect(parseStamp(' '.repeat(5000))).toBeNull();
    expect(staleReason(stamp, SHA, target, '12.11.1')).toBeNull();
  });

  it('reads the manifest packed into app.asar', () => {
    expect(parseManifest(JSON.stringify({ sha256: SHA, abi: '145', electron: '41.7.1' }))).toEqual({
      sha256: SHA,
      abi: '145',
    });
    expect(parseManifest(JSON.stringify({ sha256: SHA }))).toBeNull();
    expect(parseManifest(null)).toBeNull();
  });
});
