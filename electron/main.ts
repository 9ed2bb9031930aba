// Electron main process: opens the store, serves the built UI from app://caseload/, creates the
// one window with the settings of security.ts, routes 'caseload:call' to the contract, forwards
// backend events, and offers print / save-as-PDF. Around that, the desktop app's housekeeping:
// one instance per laptop, the window where it was left, a daily backup, a restore put in place
// at start, a clean shutdown, a Dutch dialog and a scrubbed log for uncaught errors, and the
// update notice. Thin by design: no SQL, no business rules.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { homedir, hostname, release, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { EVENT_NAMES } from '../db/api/contract.js';
import { createApi } from '../db/api/dispatch.js';
import {
  auditRestore,
  backupDirFor,
  commitRestore,
  configureSync,
  defaultDbFile,
  discardPendingRestore,
  isRoundRunning,
  startBackupSchedule,
  startSyncLoop,
  userDataDir,
  type CommitResult,
  type Store,
} from '../db/api/host.js';
import { CHANNELS, createCallRouter, pdfFileName, type PrintToPdfResult } from './ipc.js';
import { menuTemplate } from './menu.js';
import {
  APP_ENTRY,
  APP_HOST,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  SECURITY_HEADERS,
  forbiddenSwitch,
  isAllowedSender,
  isAppUrl,
  isExternalLinkAllowed,
  isPermissionAllowed,
  windowOptions,
} from './security.js';
import { localSession, startSession } from './session.js';
import { SafeStorageKeyStore } from './keystore.js';
import { serveStatic } from './static.js';
import {
  EXIT_NATIVE_MODULE_MISMATCH,
  isNativeLoadError,
  openAppStore,
  verifiedBinding,
  type Runtime,
} from './native.js';
import { claimSingleInstance } from './single-instance.js';
import { shutdown } from './shutdown.js';
import { captureWindowState, loadWindowState, restoreWindowState, saveWindowState } from './window-state.js';
import { ErrorLog } from './error-log.js';
import { CONTINUE, RESTART, fatalDialog } from './fatal.js';
import { updateSource } from './update-check.js';
import { noticeUpdate } from './update-notice.js';

const dev = !app.isPackaged;
const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'out', 'renderer');
const preloadPath = join(appRoot, 'out', 'electron', 'preload.cjs');

// A packaged Caseload never runs with a debugger port open (no fuse covers Chromium's switch):
// leave before anything is opened.
const refused = app.isPackaged ? forbiddenSwitch(process.argv) : null;
if (refused) process.exit(1);

// Before `ready`: the scheme's privileges, the shared user-data folder (the CLI and web shell
// compute the same path without Electron), sandbox for every renderer.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.setName('Caseload');
app.setPath('userData', userDataDir());
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let store: Store | null = null;

// Values the error log must never contain; colleagues' names and the laptop name are added once
// the store is open.
const knownNames = new Set<string>([hostname(), localSession().user, safeUserName()].filter(Boolean));
const errorLog = new ErrorLog({
  dir: join(userDataDir(), 'logs'),
  known: () => [...knownNames],
  home: homedir(),
  context: { app: app.getVersion(), electron: process.versions.electron ?? '', os: `${process.platform} ${release()}` },
});
let fatalShown = false;

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** An error nobody caught: into the log, and a Dutch dialog with what to do (once). */
function onUncaught(kind: string, error: unknown, canContinue: boolean): void {
  const file = errorLog.write(kind, error);
  if (fatalShown) return;
  fatalShown = true;
  const d = fatalDialog(file, { canContinue });
  if (!app.isReady()) {
    dialog.showErrorBox(d.title, `${d.message}\n\n${d.detail}`);
    app.exit(1);
    return;
  }
  const choice = dialog.showMessageBoxSync(d);
  if (choice === CONTINUE) {
    fatalShown = false;
    return;
  }
  if (choice === RESTART) app.relaunch();
  app.quit();
}
process.on('uncaughtException', (e) => onUncaught('uncaughtException', e, false));
process.on('unhandledRejection', (e) => onUncaught('unhandledRejection', e, true));

function runtime(): Runtime {
  return {
    versions: process.versions,
    packaged: app.isPackaged,
    appRoot,
    resourcesPath: process.resourcesPath,
    platform: process.platform,
    arch: process.arch,
  };
}

/** A restore staged from Beheer before the restart goes in place now, before the store opens. */
function commitStagedRestore(file: string): CommitResult | null {
  try {
    return commitRestore(file, { backupDir: backupDirFor(file), nativeBinding: verifiedBinding(runtime()) });
  } catch (e) {
    discardPendingRestore(file);
    if (isNativeLoadError(e)) throw e;
    dialog.showErrorBox(
      'Terugzetten van de back-up is niet gelukt',
      `${(e as Error).message}\n\nDe database is niet veranderd. U kunt het opnieuw proberen in Beheer.`,
    );
    return null;
  }
}

function openStore(): Store | null {
  const file = defaultDbFile();
  try {
    const restored = commitStagedRestore(file);
    const opened = openAppStore(file, runtime());
    if (restored?.committed) {
      auditRestore(opened, localSession().user, restored);
      void dialog.showMessageBox({
        type: 'info',
        title: 'Back-up teruggezet',
        message: 'De back-up is teruggezet.',
        detail: restored.safetyCopy
          ? `De database van vóór het terugzetten is bewaard als ${basename(restored.safetyCopy)} in de back-upmap.`
          : '',
      });
    }
    return opened;
  } catch (e) {
    const message = (e as Error).message ?? '';
    if (isNativeLoadError(e)) {
      dialog.showErrorBox(
        'Caseload kan de database niet openen',
        app.isPackaged
          ? `De SQLite-module van deze installatie is beschadigd of gewijzigd (${message}).\nInstalleer Caseload opnieuw; uw gegevens blijven bewaard.`
          : 'De SQLite-module voor Electron ontbreekt of laadt niet.\n' +
              "Start opnieuw met 'npm start' (bouwt hem, met internet) of bouw hem zelf: node scripts/native-build.mjs --force.",
      );
      app.exit(EXIT_NATIVE_MODULE_MISMATCH);
    } else {
      dialog.showErrorBox('Caseload kan de database niet openen', `${file}\n\n${message}`);
      app.exit(1);
    }
    return null;
  }
}

function hardenContents(contents: WebContents): void {
  const leave = (event: Electron.Event, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', leave);
  contents.on('will-redirect', leave);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  // Belt and braces next to the CSP: nothing in the window talks to the network.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

function serveApp(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.hostname !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Niet gevonden', { status: 404, headers: SECURITY_HEADERS });
    }
    const res = await serveStatic(rendererDir, url.pathname);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(res.body), {
      status: res.status,
      headers: res.headers,
    });
  });
}

async function saveAsPdf(contents: WebContents, name?: unknown): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(contents);
  const options = {
    title: 'Opslaan als PDF',
    defaultPath: join(app.getPath('documents'), pdfFileName(name ?? contents.getTitle())),
    filters: [{ name: 'PDF-document', extensions: ['pdf'] }],
  };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  const pdf = await contents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
  await writeFile(choice.filePath, pdf);
  return choice.filePath;
}

function fromMainWindow(event: Electron.IpcMainInvokeEvent): boolean {
  return !!mainWindow && event.sender === mainWindow.webContents && isAllowedSender(event.senderFrame?.url);
}

let syncLoop: { stop(): void } | null = null;
let backupSchedule: { stop(): void; busy(): boolean } | null = null;

function wireIpc(s: Store): void {
  const api = createApi(s, startSession(s), { transport: 'app' });
  // Sync runs on start, on a timer and when the shared folder changes (db/sync/watch.ts), through
  // the same contract method as the button, so status and progress reach the window as events.
  // While no one is signed in (the sign-in screen), the loop waits: every round runs as a person.
  syncLoop = startSyncLoop({
    store: s,
    run: async () => (api.session && !api.session.mustChangePassphrase ? api.call('sync.run', {}) : undefined),
  });
  const route = createCallRouter(api);
  // A sender other than the main window's app:// frame is routed as "no sender": forbidden.
  ipcMain.handle(CHANNELS.call, (event, method: unknown, input: unknown) =>
    route(fromMainWindow(event) ? event.senderFrame?.url : undefined, method, input),
  );
  ipcMain.handle(CHANNELS.printToPdf, async (event, options: unknown): Promise<PrintToPdfResult> => {
    if (!fromMainWindow(event))
      return { ok: false, error: { code: 'forbidden', message: 'Deze aanroep komt niet van het Caseload-venster.' } };
    const name = options && typeof options === 'object' ? (options as { name?: unknown }).name : undefined;
    try {
      return { ok: true, value: { path: await saveAsPdf(event.sender, name) } };
    } catch (e) {
      return { ok: false, error: { code: 'pdf_failed', message: `PDF maken is mislukt (${(e as Error).name}).` } };
    }
  });
  for (const event of EVENT_NAMES) {
    api.on(event, (payload) => mainWindow?.webContents.send(CHANNELS.event, { event, payload }));
  }
  // Beheer staged a restore: restart (after the answer reached the window), the new start puts it in place.
  api.on('backup.restored', () =>
    setTimeout(() => {
      app.relaunch();
      app.quit();
    }, 1500),
  );
  backupSchedule = startBackupSchedule({ store: s, onError: (e) => errorLog.write('backup', e) });
  const deviceName = s.getMeta('device_name');
  if (deviceName) knownNames.add(deviceName);
  // The names to scrub from error logs: read by the shell itself, not on behalf of whoever is signed in.
  const shell = createApi(s, { user: 'caseload', name: 'Caseload', role: 'beheerder' }, { transport: 'app' });
  void shell.call('users.list', { includeInactive: true }).then((r) => {
    if (r.ok) for (const u of (r.value as { items: { display_name: string }[] }).items) knownNames.add(u.display_name);
  });
}

function about(): void {
  const options = {
    type: 'info' as const,
    title: 'Over Caseload',
    message: `Caseload ${app.getVersion()}`,
    detail:
      'Caseloadbeheer voor de Werkcorporatie Noordoostpolder.\n' +
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node.js ${process.versions.node}\n` +
      `Database: ${store?.file ?? '-'}`,
  };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const place = restoreWindowState(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const { maximized, ...bounds } = place;
  const win = new BrowserWindow({ ...windowOptions(preloadPath, { devTools: dev }), ...bounds });
  mainWindow = win;
  if (maximized) win.maximize();
  let saveTimer: NodeJS.Timeout | null = null;
  const save = () => saveWindowState(stateFile, captureWindowState(win.getNormalBounds(), win.isMaximized()));
  const saveSoon = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 1000);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(e as 'resize', saveSoon);
  win.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer);
    save();
  });
  win.once('ready-to-show', () => {
    win.show();
    setTimeout(() => void checkUpdates(), 10_000).unref();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY);
}

/** "Er is een nieuwe versie" when the software share has one; installs nothing. */
async function checkUpdates(): Promise<void> {
  let pkg: unknown = null;
  try {
    pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8'));
  } catch {
    pkg = null;
  }
  const source = updateSource(process.env, pkg);
  if (!source) return;
  await noticeUpdate({
    current: app.getVersion(),
    source,
    seenFile: join(app.getPath('userData'), 'update-seen.json'),
    show: async (m) =>
      (mainWindow ? dialog.showMessageBox(mainWindow, m) : dialog.showMessageBox(m)).then((r) => r.response),
    openFolder: (path) => void shell.openPath(path),
  });
}

function focusedContents(): WebContents | null {
  return (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents ?? null;
}

// One window per laptop on one database file: a second start focuses the first.
let quitting: 'no' | 'closing' | 'closed' = 'no';
if (claimSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  // A clean end: timers off, a running sync round or backup finished, the WAL checkpointed, closed.
  app.on('before-quit', (event) => {
    if (quitting === 'closed') return;
    event.preventDefault();
    if (quitting === 'closing') return;
    quitting = 'closing';
    const s = store;
    void shutdown({
      store: s,
      stoppers: [syncLoop, backupSchedule].filter((x): x is { stop(): void } => !!x),
      busy: () => !!s && s.db.open && (isRoundRunning(s) || !!backupSchedule?.busy()),
    })
      .catch((e: unknown) => errorLog.write('shutdown', e))
      .finally(() => {
        store = null;
        quitting = 'closed';
        app.quit();
      });
  });
  void app.whenReady().then(() => {
    configureSync({ keyStore: new SafeStorageKeyStore(app.getPath('userData')), appVersion: app.getVersion() });
    store = openStore();
    if (!store) return;
    hardenSession();
    serveApp();
    wireIpc(store);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            print: () => focusedContents()?.print({ silent: false, printBackground: true }),
            saveAsPdf: () => {
              const contents = focusedContents();
              if (contents)
                saveAsPdf(contents).catch((e: Error) => dialog.showErrorBox('PDF maken is mislukt', e.name));
            },
            about,
          },
          { dev, platform: process.platform },
        ),
      ),
    );
    createWindow();
  });
}
