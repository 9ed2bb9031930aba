// "Er is een nieuwe versie": semantic-version order, and latest.json treated as hostile - a
// malformed, oversized or strange file is ignored, never shown and never read beyond the limit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_LATEST_BYTES,
  checkForUpdate,
  compareVersions,
  newerVersion,
  parseLatest,
  shouldNotify,
  updateMessage,
  updateSource,
} from '../../../electron/update-check.js';
import { noticeUpdate } from '../../../electron/update-notice.js';
import { tempDir } from '../helpers.js';

describe('version order', () => {
  it.each([
    ['0.1.0', '0.2.0', -1],
    ['0.10.0', '0.9.9', 1],
    ['1.0.0', '1.0.0', 0],
    ['v1.2.3', '1.2.3', 0],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0-rc.1', '1.0.0-beta.11', 1],
    ['1.0.0+build.5', '1.0.0', 0],
    ['2.0.0', '10.0.0', -1],
  ] as const)('%s against %s is %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });

  it('refuses what is not a version', () => {
    for (const v of ['1.0', '01.0.0', '1.0.0-', 'latest', '1.0.0.0', '9999999999.0.0', ''])
      expect(() => compareVersions(v, '1.0.0'), v).toThrow();
  });
});

describe('latest.json', () => {
  it('gives the version, cleaned notes and date', () => {
    expect(
      parseLatest(
        JSON.stringify({ version: '0.2.0', notes: 'Back-ups in Beheer.\r\nSneller zoeken.', published: '2026-12-14' }),
      ),
    ).toEqual({ version: '0.2.0', notes: 'Back-ups in Beheer.\nSneller zoeken.', published: '2026-12-14' });
  });

  it.each([
    ['not JSON', '<html>404</html>'],
    ['an array', '[{"version":"9.9.9"}]'],
    ['no version', '{"notes":"x"}'],
    ['a version that is not one', '{"version":"9.9.9; rm -rf /"}'],
    ['a number as version', '{"version":9}'],
    ['more than the size limit', JSON.stringify({ version: '9.9.9', notes: 'x'.repeat(MAX_LATEST_BYTES) })],
  ])('ignores %s', (_case, text) => {
    expect(parseLatest(text)).toBeNull();
  });

  it('strips control characters, direction overrides and excess from the notes, and ignores prototype tricks', () => {
    const hostile = parseLatest(
      '{"version":"1.0.0","notes":"Nieuw\\u001b[31m rood\\u202e gedraaid\\u0000","__proto__":{"polluted":true},"published":"gisteren"}',
    )!;
    expect(hostile.notes).toBe('Nieuw[31m rood gedraaid');
    expect(hostile.published).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      parseLatest(JSON.stringify({ version: '1.0.0', notes: 'n'.repeat(10_000) }))!.notes.length,
    ).toBeLessThanOrEqual(2001);
  });

  it('offers only a newer version, and each new version once', () => {
    const latest = parseLatest('{"version":"0.2.0"}');
    expect(newerVersion('0.1.0', latest)).toEqual(latest);
    expect(newerVersion('0.2.0', latest)).toBeNull();
    expect(newerVersion('0.3.0', latest)).toBeNull();
    expect(newerVersion('0.1.0', null)).toBeNull();
    expect(shouldNotify(latest!, null)).toBe(true);
    expect(shouldNotify(latest!, '0.2.0')).toBe(false);
    expect(shouldNotify(latest!, '0.1.5')).toBe(true);
  });
});

describe('where the app looks', () => {
  it('takes CASELOAD_UPDATE_SOURCE, else the source built into package.json', () => {
    expect(updateSource({ CASELOAD_UPDATE_SOURCE: '\\\\gemeente\\software\\Caseload' }, {})).toEqual({
      kind: 'folder',
      path: '\\\\gemeente\\software\\Caseload',
    });
    expect(updateSource({}, { caseload: { updateSource: 'https://software.noordoostpolder.nl/caseload/' } })).toEqual({
      kind: 'url',
      url: 'https://software.noordoostpolder.nl/caseload/',
    });
    expect(updateSource({}, { caseload: { updateSource: '/srv/software/caseload' } })).toEqual({
      kind: 'folder',
      path: '/srv/software/caseload',
    });
    expect(updateSource({}, {})).toBeNull();
  });

  it('ignores plain http, credentials in a URL and relative paths', () => {
    for (const s of [
      'http://software/caseload',
      'https://user:pw@software/caseload',
      'software/caseload',
      'javascript:alert(1)',
    ])
      expect(updateSource({ CASELOAD_UPDATE_SOURCE: s }, {}), s).toBeNull();
  });
});

describe('checking the share', () => {
  function share(content: string | Buffer): string {
    const dir = join(tempDir(), 'software');
    mkdirSync(dir);
    writeFileSync(join(dir, 'latest.json'), content);
    return dir;
  }

  it('finds a newer version in the shared folder', async () => {
    const path = share(JSON.stringify({ version: '0.2.0', notes: 'Back-ups' }));
    expect(await checkForUpdate({ current: '0.1.0', source: { kind: 'folder', path } })).toMatchObject({
      version: '0.2.0',
    });
    expect(await checkForUpdate({ current: '0.2.0', source: { kind: 'folder', path } })).toBeNull();
  });

  it('does not read a file larger than the limit, nor a folder named latest.json, nor a missing share', async () => {
    const big = share(Buffer.alloc(MAX_LATEST_BYTES + 10, 0x20));
    expect(await checkForUpdate({ current: '0.1.0', source: { kind: 'folder', path: big } })).toBeNull();
    const odd = join(tempDir(), 'odd');
    mkdirSync(join(odd, 'latest.json'), { recursive: true });
    expect(await checkForUpdate({ current: '0.1.0', source: { kind: 'folder', path: odd } })).toBeNull();
    expect(
      await checkForUpdate({ current: '0.1.0', source: { kind: 'folder', path: join(tempDir(), 'none') } }),
    ).toBeNull();
  });

  it('stops reading an endless download at the limit, and survives a failing server', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16_384;
        controller.enqueue(new Uint8Array(16_384).fill(0x20));
      },
    });
    const urls: string[] = [];
    const fetchImpl = (async (url: string) => {
      urls.push(url);
      return new Response(endless, { status: 200 });
    }) as unknown as typeof fetch;
    const source = { kind: 'url', url: 'https://software.example.nl/caseload' } as const;
    expect(await checkForUpdate({ current: '0.1.0', source, fetchImpl })).toBeNull();
    expect(urls).toEqual(['https://software.example.nl/caseload/latest.json']);
    expect(sent).toBeLessThanOrEqual(MAX_LATEST_BYTES + 3 * 16_384);

    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect(await checkForUpdate({ current: '0.1.0', source, fetchImpl: failing })).toBeNull();
    const ok = (async () => new Response('{"version":"0.3.0"}', { status: 200 })) as unknown as typeof fetch;
    expect(await checkForUpdate({ current: '0.1.0', source, fetchImpl: ok })).toMatchObject({ version: '0.3.0' });
  });

  it('tells the user in Dutch, with the notes, and installs nothing', () => {
    const m = updateMessage(
      '0.1.0',
      { version: '0.2.0', notes: 'Back-ups in Beheer.', published: '2026-12-14' },
      { kind: 'folder', path: '\\\\gemeente\\software\\Caseload' },
    );
    expect(m.message).toBe('Er is een nieuwe versie: Caseload 0.2.0');
    expect(m.detail).toContain('U gebruikt versie 0.1.0. Versie 0.2.0 is van 14-12-2026.');
    expect(m.detail).toContain('Back-ups in Beheer.');
    expect(m.detail).toContain('installeert niets zelf');
    expect(m.buttons).toEqual(['Map openen', 'Later']);
  });
});

describe('the notice', () => {
  it('is shown once per new version and can open the software folder', async () => {
    const dir = join(tempDir(), 'software');
    mkdirSync(dir);
    writeFileSync(join(dir, 'latest.json'), JSON.stringify({ version: '0.2.0', notes: 'Back-ups' }));
    const seenFile = join(tempDir(), 'update-seen.json');
    const shown: string[] = [];
    const opened: string[] = [];
    const deps = {
      current: '0.1.0',
      source: { kind: 'folder' as const, path: dir },
      seenFile,
      show: async (m: { message: string }) => {
        shown.push(m.message);
        return 0;
      },
      openFolder: (p: string) => opened.push(p),
    };
    expect(await noticeUpdate(deps)).toBe('opened');
    expect(await noticeUpdate(deps)).toBe('none');
    expect(shown).toEqual(['Er is een nieuwe versie: Caseload 0.2.0']);
    expect(opened).toEqual([dir]);
    writeFileSync(join(dir, 'latest.json'), JSON.stringify({ version: '0.3.0' }));
    expect(await noticeUpdate({ ...deps, show: async () => 1 })).toBe('told');
  });
});
