// One app, one database, one window where it was left: the single-instance hand-over, the
// remembered window size and position (window-state.ts) and the clean shutdown (shutdown.ts).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bringToFront, claimSingleInstance, type FocusableWindow } from '../../../electron/single-instance.js';
import {
  DEFAULT_SIZE,
  captureWindowState,
  loadWindowState,
  parseWindowState,
  restoreWindowState,
  saveWindowState,
  type Rect,
} from '../../../electron/window-state.js';
import { shutdown } from '../../../electron/shutdown.js';
import { Store } from '../../../db/journal/store.js';
import { tempDir } from '../helpers.js';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const monitorRight: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

function fakeWindow(state: { minimized?: boolean; visible?: boolean } = {}) {
  const log: string[] = [];
  const win: FocusableWindow = {
    isDestroyed: () => false,
    isMinimized: () => state.minimized ?? false,
    restore: () => log.push('restore'),
    isVisible: () => state.visible ?? true,
    show: () => log.push('show'),
    focus: () => log.push('focus'),
  };
  return { win, log };
}

describe('a second start of Caseload', () => {
  function fakeApp(gotLock: boolean) {
    const listeners: (() => void)[] = [];
    const calls: string[] = [];
    return {
      app: {
        requestSingleInstanceLock: () => gotLock,
        quit: () => calls.push('quit'),
        on: (_e: 'second-instance', l: () => void) => listeners.push(l),
      },
      calls,
      secondStart: () => listeners.forEach((l) => l()),
    };
  }

  it('quits at once when another Caseload holds the lock, opening nothing', () => {
    const { app, calls } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(calls).toEqual(['quit']);
  });

  it('brings the first window back from the taskbar and in front', () => {
    const { app, calls, secondStart } = fakeApp(true);
    const { win, log } = fakeWindow({ minimized: true, visible: false });
    expect(claimSingleInstance(app, () => win)).toBe(true);
    secondStart();
    expect(calls).toEqual([]);
    expect(log).toEqual(['restore', 'show', 'focus']);
  });

  it('does nothing harmful when the first window is not there (yet, or any more)', () => {
    expect(bringToFront(null)).toBe(false);
    const { win, log } = fakeWindow();
    expect(bringToFront({ ...win, isDestroyed: () => true })).toBe(false);
    expect(log).toEqual([]);
  });
});

describe('the window size and position', () => {
  it('opens at the default size, centred, on a first start', () => {
    expect(restoreWindowState(null, [laptop], laptop)).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('fits the default size to a small screen', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 720 };
    expect(restoreWindowState(null, [small], small)).toEqual({ width: 1280, height: 720, maximized: false });
  });

  it('opens where it was closed, maximized or not', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, maximized: true };
    expect(restoreWindowState(saved, [laptop, monitorRight], laptop)).toEqual(saved);
  });

  it('comes back onto the laptop screen when the monitor it was on is gone', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({ width: 1400, height: 900, maximized: false });
  });

  it('is pulled fully onto the display when it hung over an edge, and shrunk to fit it', () => {
    const saved = { x: 1700, y: 500, width: 3000, height: 2000, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: false,
    });
    const partly = { x: 1500, y: 300, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(partly, [laptop], laptop)).toEqual({
      x: 920,
      y: 300,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('is not smaller than the minimum the screens need', () => {
    const saved = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toMatchObject({ width: 900, height: 600 });
  });

  it('treats a window whose title bar is above the screen as lost', () => {
    const saved = { x: 100, y: -500, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it.each([
    ['not JSON', '{"x":1,'],
    ['an array', '[1,2,3]'],
    ['text sizes', '{"width":"1280","height":860}'],
    ['fractions', '{"width":1280.5,"height":860}'],
    ['absurd sizes', '{"width":1e9,"height":860}'],
    ['half a position', '{"x":10,"width":1280,"height":860}'],
    ['a huge file', `{"width":1280,"height":860,"pad":"${'x'.repeat(10_000)}"}`],
  ])('ignores a state file with %s', (_case, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('saves the normal bounds and reads them back; a corrupt file means defaults', () => {
    const file = join(tempDir(), 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    expect(saveWindowState(file, captureWindowState({ x: 10.4, y: 20, width: 1300, height: 880.6 }, true))).toBe(true);
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1300, height: 881, maximized: true });
    writeFileSync(file, '\u0000garbage');
    expect(restoreWindowState(loadWindowState(file), [laptop], laptop)).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });
});

describe('shutting down', () => {
  function storeWithWal() {
    const file = join(tempDir(), 'caseload.sqlite');
    const store = Store.open(file);
    store.write('t', (w) => w.create('client', { ref: 'K1', last_name: 'Jansen' }));
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    return { file, store };
  }

  it('stops the timers, checkpoints the WAL into the database and closes it', async () => {
    const { file, store } = storeWithWal();
    const stopped: string[] = [];
    const r = await shutdown({
      store,
      stoppers: [{ stop: () => stopped.push('sync') }, { stop: () => stopped.push('backup') }],
      busy: () => false,
    });
    expect(stopped).toEqual(['sync', 'backup']);
    expect(r).toMatchObject({ roundFinished: true, checkpointed: true });
    expect(store.db.open).toBe(false);
    expect(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0).toBe(true);
    const again = Store.open(file);
    expect(again.db.prepare('SELECT last_name FROM clients').pluck().get()).toBe('Jansen');
    again.close();
  });

  it('waits for a sync round that is writing, and no longer than the limit', async () => {
    const { store } = storeWithWal();
    let busyUntil = Date.now() + 150;
    const r = await shutdown({ store, stoppers: [], busy: () => Date.now() < busyUntil, pollMs: 10 });
    expect(r.roundFinished).toBe(true);
    expect(r.waitedMs).toBeGreaterThanOrEqual(100);

    const other = storeWithWal().store;
    busyUntil = Number.POSITIVE_INFINITY;
    const stuck = await shutdown({ store: other, stoppers: [], busy: () => true, timeoutMs: 100, pollMs: 10 });
    expect(stuck.roundFinished).toBe(false);
    expect(other.db.open).toBe(false);
  });

  it('closes even when a timer throws on stop', async () => {
    const { store } = storeWithWal();
    await shutdown({
      store,
      stoppers: [
        {
          stop: () => {
            throw new Error('x');
          },
        },
      ],
      busy: () => false,
    });
    expect(store.db.open).toBe(false);
  });
});
