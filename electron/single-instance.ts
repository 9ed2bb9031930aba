// One app, one database: a second start of Caseload on the same laptop hands over to the first
// (Electron's single-instance lock) and brings its window to the front. Structural types instead
// of Electron's, so the behaviour is tested without an Electron binary.
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/** Shows the existing window in front of whatever the user was doing. */
export function bringToFront(win: FocusableWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
  return true;
}

/**
 * True when this process is the one Caseload on this laptop. Otherwise it quits: the first
 * instance receives 'second-instance' and focuses its window.
 */
export function claimSingleInstance(app: InstanceApp, currentWindow: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => bringToFront(currentWindow()));
  return true;
}
