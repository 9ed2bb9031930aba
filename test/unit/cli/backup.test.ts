// `caseload backup` and `caseload restore` (CONTRACTS.md): a backup prints its path; a restore
// checks the file, shows what it holds, asks on a terminal unless --yes, keeps a safety copy.
import { statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../db/cli/index.js';
import type { CliIO } from '../../../db/cli/command.js';
import { Store } from '../../../db/journal/store.js';
import { bin, cli, tempDir } from '../helpers.js';

function dbWith(names: string[]): string {
  const file = join(tempDir(), 'caseload.sqlite');
  const store = Store.open(file);
  store.write('t', (w) => names.forEach((n, i) => w.create('client', { ref: `K${i}`, last_name: n })));
  store.close();
  return file;
}

const clientsIn = (file: string) => {
  const store = Store.open(file);
  try {
    return store.db.prepare('SELECT last_name FROM clients ORDER BY last_name').pluck().all();
  } finally {
    store.close();
  }
};

/** The CLI in this process with a terminal that answers `answer`. */
async function withTerminal(args: string[], answer: string) {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: true,
    env: {},
    progress: () => {},
    askSecret: async () => null,
    ask: async (p) => {
      prompts.push(p);
      return answer;
    },
  };
  return { code: await runCli(args, io), out, err, prompts };
}

describe('caseload backup', () => {
  it('prints the path of a new owner-only backup in the backups folder next to the database (a real process)', () => {
    const db = dbWith(['Jansen']);
    const r = bin(['--db', db, 'backup']);
    expect(r.code, r.stderr).toBe(0);
    const path = r.stdout.trim();
    expect(dirname(path)).toBe(join(dirname(db), 'backups'));
    expect(path).toMatch(/caseload-\d{8}-\d{6}-handmatig\.sqlite$/);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes into --out when given', async () => {
    const db = dbWith(['Jansen']);
    const out = join(tempDir(), 'usb');
    const r = await cli(['--db', db, 'backup', '--out', out]);
    expect(r.code).toBe(0);
    expect(dirname(r.out[0]!)).toBe(out);
  });
});

describe('caseload restore', () => {
  async function scenario() {
    const db = dbWith(['Jansen', 'de Vries']);
    const backup = (await cli(['--db', db, 'backup'])).out[0]!;
    const store = Store.open(db);
    store.write('t', (w) => w.create('client', { ref: 'K9', last_name: 'Bakker' }));
    store.close();
    return { db, backup };
  }

  it('with --yes: replaces the database and names the safety copy', async () => {
    const { db, backup } = await scenario();
    const r = await cli(['--db', db, 'restore', backup, '--yes']);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.err.join('\n')).toContain('klanten: 2, werkgevers: 0, vacatures: 0');
    const result = JSON.parse(r.out[0]!);
    expect(result).toMatchObject({ restored: backup, db });
    expect(clientsIn(db)).toEqual(['Jansen', 'de Vries']);
    expect(clientsIn(result.safety_copy)).toEqual(['Bakker', 'Jansen', 'de Vries']);
    const check = await cli(['--db', db, 'check']);
    expect(check.code, check.err.join('\n')).toBe(0);
  });

  it('asks on a terminal and changes nothing unless the answer is ja', async () => {
    const { db, backup } = await scenario();
    const no = await withTerminal(['--db', db, 'restore', backup], 'nee');
    expect(no.prompts[0]).toContain('vervangen');
    expect(no.code).toBe(1);
    expect(no.err).toContain('Niets veranderd.');
    expect(clientsIn(db)).toEqual(['Bakker', 'Jansen', 'de Vries']);
    const yes = await withTerminal(['--db', db, 'restore', backup], 'ja');
    expect(yes.code).toBe(0);
    expect(clientsIn(db)).toEqual(['Jansen', 'de Vries']);
  });

  it('without a terminal, insists on --yes (usage error, nothing changed)', async () => {
    const { db, backup } = await scenario();
    const r = await cli(['--db', db, 'restore', backup]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('--yes');
    expect(clientsIn(db)).toHaveLength(3);
  });

  it('refuses a file that is not a Caseload database (exit 1, nothing changed)', async () => {
    const db = dbWith(['Jansen']);
    const bad = join(tempDir(), 'export.sqlite');
    writeFileSync(bad, 'ref;naam\n'.repeat(200));
    const r = await cli(['--db', db, 'restore', bad, '--yes']);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/geen SQLite-bestand/);
    expect(clientsIn(db)).toEqual(['Jansen']);
  });

  it('refuses while the database is open elsewhere (Caseload running), and changes nothing', async () => {
    const { db, backup } = await scenario();
    const app = Store.open(db);
    try {
      const r = await cli(['--db', db, 'restore', backup, '--yes']);
      expect(r.code).toBe(1);
      expect(r.err.join('\n')).toContain('in gebruik');
      expect(app.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(3);
    } finally {
      app.close();
    }
    expect(clientsIn(db)).toHaveLength(3);
  });

  it('warns when the backup comes from another laptop', async () => {
    const other = dbWith(['Smit']);
    const backup = (await cli(['--db', other, 'backup'])).out[0]!;
    const db = dbWith(['Jansen']);
    const r = await cli(['--db', db, 'restore', backup, '--yes']);
    expect(r.code).toBe(0);
    expect(r.err.join('\n')).toContain('andere laptop');
  });
});
