// No BSN, name, e-mail address or phone number ever reaches the local error log; the log is
// owner-only and rotated; the dialog tells the user in Dutch what to do and where the log is.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrubLog } from '../../../electron/log-scrub.js';
import { ErrorLog, formatEntry } from '../../../electron/error-log.js';
import { fatalDialog } from '../../../electron/fatal.js';
import { tempDir } from '../helpers.js';

const KNOWN = ['Jan de Vries', 'jdevries', 'LAPTOP-MARKNESSE', 'Fatma Yıldız'];

describe('the log scrubber', () => {
  it.each([
    ['a BSN', 'client 123456782 not found', 'client [bsn] not found'],
    ['a BSN with dots', 'bsn 123.456.782 twice', 'bsn [bsn] twice'],
    ['a BSN with spaces', 'bsn 1234 56 782', 'bsn [bsn]'],
    ['a BSN with dashes', 'BSN: 123-456-782.', 'BSN: [bsn].'],
    ['an e-mail address', 'send to j.de.vries+caseload@noordoostpolder.nl failed', 'send to [e-mail] failed'],
    ['a mobile number', 'bel 06-12345678 of 0612345678', 'bel [telefoon] of [telefoon]'],
    ['a landline', 'tel. 0527 - 12 34 56'.replace(' - ', '-'), 'tel. [telefoon]'],
    ['an international number', 'call +31 6 1234 5678 or 0031 (0)6-12345678', 'call [telefoon] or [telefoon]'],
    ['an IBAN', 'IBAN NL91 ABNA 0417 1643 00 and NL91ABNA0417164300', 'IBAN [iban] and [iban]'],
    ['a birth date', 'born 1987-04-12 or 12-04-1987', 'born [datum] or [datum]'],
    ['a postcode', 'lives at 8302 AB Emmeloord', 'lives at [postcode] Emmeloord'],
  ])('removes %s', (_case, input, expected) => {
    expect(scrubLog(input)).toBe(expected);
  });

  it('removes known names in any case, whole and in parts, but not the words they hide in', () => {
    const out = scrubLog(
      'JAN DE VRIES (jdevries) on laptop-marknesse; Vries asked Fatma Yıldız; render the folder in order',
      { known: KNOWN },
    );
    expect(out).toBe('[naam] ([naam]) on [naam]; [naam] asked [naam]; render the folder in order');
  });

  it('replaces the home folder, also in file URLs, and other users’ profile folders', () => {
    const home = 'C:\\Users\\jan.devries';
    expect(scrubLog('at C:\\Users\\jan.devries\\AppData\\Roaming\\Caseload\\x.js:1:2', { home })).toBe(
      'at ~\\AppData\\Roaming\\Caseload\\x.js:1:2',
    );
    expect(scrubLog('file:///C:/Users/jan.devries/AppData/x.js', { home })).toBe('file:///~/AppData/x.js');
    expect(scrubLog('/home/anouk/.config/Caseload/caseload.sqlite')).toBe(
      '/home/[gebruiker]/.config/Caseload/caseload.sqlite',
    );
  });

  it('leaves what is needed to find the bug: error names, code locations, times in ms, versions', () => {
    const line =
      'at Store.write (/opt/Caseload/resources/app.asar/out/electron/main.cjs:12345:67) 1733040000123 v41.7.1';
    expect(scrubLog(line)).toBe(line);
  });
});

describe('the error log', () => {
  function crash(): Error {
    const e = new TypeError(
      'Cannot read properties of undefined (client Jan de Vries, bsn 123456782, j.devries@example.nl, 06-12345678)',
    );
    e.stack = `${e.name}: ${e.message}\n    at openClient (C:\\Users\\jdevries\\AppData\\Local\\Programs\\Caseload\\resources\\app.asar\\out\\electron\\main.cjs:10:5)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
    return Object.assign(e, { code: 'ERR_CLIENT_123456782' });
  }

  it('writes the error without any BSN, name, e-mail address or phone number', () => {
    const dir = join(tempDir(), 'logs');
    const log = new ErrorLog({
      dir,
      known: () => KNOWN,
      home: 'C:\\Users\\jdevries',
      context: { app: '0.1.0', electron: '41.7.1', os: 'win32 10.0.22631' },
      now: () => new Date('2026-12-01T09:00:00Z'),
    });
    const file = log.write('uncaughtException', crash());
    const text = readFileSync(file, 'utf8');
    for (const secret of ['123456782', 'Jan de Vries', 'Vries', 'jdevries', 'j.devries@example.nl', '06-12345678', '@'])
      expect(text, secret).not.toContain(secret);
    expect(text).toContain(
      '2026-12-01T09:00:00.000Z uncaughtException TypeError [ERR_CLIENT_[bsn]]: Cannot read properties of undefined',
    );
    expect(text).toContain('main.cjs:10:5');
    expect(text).toContain('electron=41.7.1');
  });

  it('writes non-Error values and unknown kinds too, scrubbed', () => {
    expect(formatEntry('unhandledRejection', 'lost 123456782', {}, new Date(0))).toContain('string: lost [bsn]');
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only', () => {
    const dir = join(tempDir(), 'logs');
    const file = new ErrorLog({ dir }).write('uncaughtException', new Error('x'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('rotates at its size limit and keeps a few older files', () => {
    const dir = join(tempDir(), 'logs');
    const log = new ErrorLog({ dir, maxBytes: 3000, keep: 2 });
    for (let i = 0; i < 40; i++) log.write('uncaughtException', new Error(`fout nummer ${i}`));
    expect(readdirSync(dir).sort()).toEqual(['caseload.1.log', 'caseload.2.log', 'caseload.log']);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(3000);
    expect(readFileSync(join(dir, 'caseload.log'), 'utf8')).toContain('fout nummer 39');
  });

  it('never throws, even when it cannot write', () => {
    // A file where the folder should be: nothing can be created under it.
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, 'x');
    const log = new ErrorLog({ dir: join(blocked, 'logs') });
    expect(() => log.write('uncaughtException', new Error('x'))).not.toThrow();
  });
});

describe('the dialog after an uncaught error', () => {
  it('says in Dutch what happened to the work, what to do and which file to send', () => {
    const d = fatalDialog('C:\\Users\\x\\AppData\\Roaming\\Caseload\\logs\\caseload.log', { canContinue: false });
    expect(d.title).toBe('Caseload: onverwachte fout');
    expect(d.buttons).toEqual(['Opnieuw starten', 'Afsluiten']);
    expect(d.detail).toContain('Opnieuw starten');
    expect(d.detail).toContain('caseload.log');
    expect(d.detail).toContain('Er staan geen namen');
    expect(fatalDialog('x', { canContinue: true }).buttons).toEqual(['Opnieuw starten', 'Afsluiten', 'Doorgaan']);
  });
});
