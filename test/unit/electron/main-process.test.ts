// The bundled Electron main (out/electron/main.cjs, as npm run build makes it) run in plain Node
// against a stand-in for the 'electron' module - the real binary cannot be downloaded here. With
// Electron's version faked it must open the store through the binding in build/native/ (never
// node_modules' build), make its window where it was left, hand a second start to the first
// window, shut down cleanly (WAL checkpointed), restart for a restore staged in Beheer and put
// that restore in place on the next start.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { writeSnapshotImage } from '../../../db/sync/snapshot.js';
import { REPO, tempDir } from '../helpers.js';

const NODE_BUILD = join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

/** The stand-in: records what the main process does, one JSON line per call, and drives a scenario. */
const FAKE_ELECTRON = String.raw`
const Module = require('module');
const fs = require('fs');
const path = require('path');
const EventEmitter = require('events');
const log = (...a) => fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify(a) + '\n');
const app = new EventEmitter();
let ready;
const whenReady = new Promise((r) => (ready = r));
let isReady = false;
const paths = {};
Object.assign(app, {
  isPackaged: false,
  getAppPath: () => process.env.FAKE_APP_ROOT,
  setName() {},
  enableSandbox() {},
  setPath: (k, v) => (paths[k] = v),
  getPath: (k) => paths[k] ?? path.join(process.env.FAKE_APP_ROOT, k),
  getVersion: () => '0.1.0',
  requestSingleInstanceLock: () => process.env.FAKE_LOCK !== 'taken',
  quit() {
    log('app.quit');
    const e = { prevented: false, preventDefault() { this.prevented = true; } };
    app.emit('before-quit', e);
    if (!e.prevented) { log('quit.done'); setTimeout(() => process.exit(0), 20); }
  },
  exit(code) { log('app.exit', code); process.exit(code); },
  relaunch() { log('app.relaunch'); },
  whenReady: () => whenReady,
  isReady: () => isReady,
});
setTimeout(() => { isReady = true; ready(); }, 10);
class BrowserWindow extends EventEmitter {
  constructor(o) {
    super();
    log('window', { x: o.x, y: o.y, width: o.width, height: o.height, sandbox: o.webPreferences.sandbox });
    this.bounds = { x: o.x ?? 320, y: o.y ?? 90, width: o.width, height: o.height };
    this.webContents = { send: (ch, m) => log('send', m.event), print() {}, getTitle: () => 'Caseload' };
    fake.window = this;
  }
  loadURL(u) { log('loadURL', u); setTimeout(() => this.emit('ready-to-show'), 5); return Promise.resolve(); }
  show() { log('show'); setTimeout(() => fake.scenario(), 50); }
  maximize() {}
  isMaximized() { return false; }
  getNormalBounds() { return this.bounds; }
  isDestroyed() { return false; }
  isMinimized() { return true; }
  restore() { log('restore'); }
  isVisible() { return true; }
  focus() { log('focus'); }
  static getFocusedWindow() { return null; }
  static fromWebContents() { return null; }
}
const handlers = {};
const electron = {
  app,
  BrowserWindow,
  ipcMain: { handle: (ch, fn) => (handlers[ch] = fn) },
  dialog: {
    showErrorBox: (t, m) => log('dialog.error', t, m),
    showMessageBox: async (a, b) => { log('dialog', (b ?? a).message); return { response: 1 }; },
    showMessageBoxSync: (o) => { log('dialog.sync', o.title); return 1; },
    showSaveDialog: async () => ({ canceled: true }),
  },
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {}, webRequest: { onBeforeRequest() {} } } },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu() {} },
  shell: { openExternal() {}, openPath: async () => '' },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  },
  safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
};
const call = (method, input) =>
  handlers['caseload:call'](
    { sender: fake.window.webContents, senderFrame: { url: 'app://caseload/index.html' } },
    method,
    input,
  );
const fake = {
  window: null,
  async scenario() {
    const steps = process.env.FAKE_SCENARIO.split(',');
    for (const step of steps) {
      if (step === 'second-start') app.emit('second-instance');
      if (step === 'write') log('call', (await call('clients.create', { last_name: 'Jansen' })).ok);
      if (step === 'backup') {
        const r = await call('backup.create', {});
        log('backup', r.ok, r.value && r.value.name);
        fs.writeFileSync(process.env.FAKE_LOG + '.backup', r.value.name);
      }
      if (step === 'restore') {
        const name = fs.readFileSync(process.env.FAKE_LOG + '.backup', 'utf8');
        log('restore', await call('backup.restore', { name, confirm: true }));
        return; // the main process restarts by itself
      }
      if (step === 'move') { fake.window.bounds = { x: 200, y: 100, width: 1300, height: 900 }; fake.window.emit('close'); }
      if (step === 'quit') app.quit();
    }
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
Object.defineProperty(process.versions, 'electron', { value: '41.7.1', enumerable: true });
process.on('exit', () => log('native', Object.keys(require.cache).filter((k) => k.endsWith('.node'))));
`;

let bundleDir: string;
let bundleRoot: string;

beforeAll(() => {
  // The real bundle, as npm start / npm run dist make it (kept for all tests of this file).
  bundleRoot = mkdtempSync(join(tmpdir(), 'caseload-main-'));
  bundleDir = join(bundleRoot, 'out', 'electron');
  execFileSync(process.execPath, [join(REPO, 'build/build-electron.mjs'), '--out', bundleDir], { cwd: REPO });
}, 120_000);

afterAll(() => rmSync(bundleRoot, { recursive: true, force: true }));

function laptop() {
  const root = tempDir();
  const appRoot = join(root, 'app');
  // The Electron build npm start makes: here a Node-ABI copy, since this "Electron" is Node.
  const binding = join(
    appRoot,
    'build',
    'native',
    `electron-${process.versions.modules}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
  mkdirSync(join(binding, '..'), { recursive: true });
  copyFileSync(NODE_BUILD, binding);
  writeFileSync(join(root, 'fake-electron.cjs'), FAKE_ELECTRON);
  return {
    root,
    appRoot,
    binding,
    db: join(root, 'config', 'Caseload', 'caseload.sqlite'),
    log: join(root, 'calls.log'),
  };
}

function runMain(l: ReturnType<typeof laptop>, scenario: string, env: Record<string, string> = {}) {
  writeFileSync(l.log, '');
  const r = spawnSync(process.execPath, ['--require', join(l.root, 'fake-electron.cjs'), join(bundleDir, 'main.cjs')], {
    cwd: l.root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      NODE_PATH: join(REPO, 'node_modules'),
      XDG_CONFIG_HOME: join(l.root, 'config'),
      CASELOAD_DB: '',
      CASELOAD_UPDATE_SOURCE: '',
      CASELOAD_USER: 'beheerder',
      FAKE_LOG: l.log,
      FAKE_APP_ROOT: l.appRoot,
      FAKE_SCENARIO: scenario,
      ...env,
    },
  });
  const calls = readFileSync(l.log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as [string, ...unknown[]]);
  return { status: r.status, stderr: r.stderr, calls, named: (name: string) => calls.filter((c) => c[0] === name) };
}

describe('the Electron main process (bundled, with a stand-in for Electron)', () => {
  it('ships the bootstrap worker beside main.cjs, and it checks an image from there', async () => {
    // Beside main.cjs is where db/sync/image-check.ts looks for it. Run from a copy next to
    // node_modules (as in the app), against a real snapshot image and one that is not there.
    const dir = mkdtempSync(join(tmpdir(), 'caseload-worker-'));
    try {
      copyFileSync(join(bundleDir, 'image-worker.cjs'), join(dir, 'image-worker.cjs'));
      symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
      const store = Store.open(join(dir, 'store.sqlite'));
      store.write('test', (w) => w.create('client', { ref: 'K-1', last_name: 'Jansen' }));
      writeSnapshotImage(store, join(dir, 'image.sqlite'));
      store.close();
      const verdict = async (image: string) => {
        const ticks = new Int32Array(new SharedArrayBuffer(4));
        const { port1, port2 } = new MessageChannel();
        const answer = new Promise((done) => port1.once('message', done));
        const w = new Worker(join(dir, 'image-worker.cjs'), {
          workerData: { image, port: port2, signal: ticks.buffer },
          transferList: [port2],
        });
        try {
          const m = await answer;
          expect(Atomics.load(ticks, 0)).toBe(1);
          return m;
        } finally {
          port1.close();
          await w.terminate();
        }
      };
      expect(await verdict(join(dir, 'image.sqlite'))).toEqual({ kind: 'checked', rows: 1 });
      expect(await verdict(join(dir, 'missing.sqlite'))).toMatchObject({ kind: 'failed', content: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens the store through the Electron binding in build/native/, never node_modules’ build', () => {
    const l = laptop();
    const r = runMain(l, 'write,quit');
    expect(r.status, r.stderr).toBe(0);
    expect(r.named('call')).toEqual([['call', true]]);
    const native = r.named('native')[0]![1] as string[];
    expect(native).toEqual([l.binding]);
    expect(native).not.toContain(NODE_BUILD);
  });

  it('shuts down cleanly: the WAL is checkpointed into the database file', () => {
    const l = laptop();
    const r = runMain(l, 'write,quit');
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['app.quit', 'quit.done']));
    expect(!existsSync(`${l.db}-wal`) || statSync(`${l.db}-wal`).size === 0).toBe(true);
    const store = Store.open(l.db);
    expect(store.db.prepare('SELECT last_name FROM clients').pluck().all()).toEqual(['Jansen']);
    store.close();
  });

  it('opens the window where it was closed last time', () => {
    const l = laptop();
    const first = runMain(l, 'move,quit');
    expect(first.named('window')[0]![1]).toEqual({ width: 1280, height: 860, sandbox: true });
    const second = runMain(l, 'quit');
    expect(second.named('window')[0]![1]).toEqual({ x: 200, y: 100, width: 1300, height: 900, sandbox: true });
  });

  it('brings the window back on a second start, and quits at once when another instance holds the lock', () => {
    const l = laptop();
    const r = runMain(l, 'second-start,quit');
    expect(r.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['restore', 'focus']));
    const taken = runMain(l, 'quit', { FAKE_LOCK: 'taken' });
    expect(taken.named('window')).toEqual([]);
    expect(taken.calls[0]).toEqual(['app.quit']);
  });

  it('restarts for a restore staged in Beheer and puts it in place on the next start', () => {
    const l = laptop();
    runMain(l, 'write,backup,write,quit');
    const restore = runMain(l, 'restore');
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.named('restore')[0]![1]).toEqual({ ok: true, value: { restart: true } });
    expect(restore.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['app.relaunch', 'app.quit', 'quit.done']));
    expect(existsSync(`${l.db}.restore-pending`)).toBe(true);

    const next = runMain(l, 'quit');
    expect(next.named('dialog')).toEqual([['dialog', 'De back-up is teruggezet.']]);
    expect(existsSync(`${l.db}.restore-pending`)).toBe(false);
    const store = Store.open(l.db);
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    store.close();
    // The restored database's audit log is the backup's plus the restore; the safety copy keeps
    // the log as it was, with the backup and the staging in it.
    const actions = (file: string) => {
      const s = Store.open(file);
      try {
        return s.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'backup.%' ORDER BY seq").pluck().all();
      } finally {
        s.close();
      }
    };
    expect(actions(l.db)).toEqual(['backup.restore']);
    const backups = join(l.db, '..', 'backups');
    const safety = readdirSync(backups).find((n) => n.endsWith('-voor-terugzetten.sqlite'))!;
    expect(actions(join(backups, safety))).toEqual(['backup.create', 'backup.stage']);
  });
});
