// The Dutch application menu as data (type-only 'electron' import, so tests read it without an
// Electron binary). Reload and developer tools exist only in development builds: in the packaged
// app a reload would throw away unsaved form input.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  print(): void;
  saveAsPdf(): void;
  about(): void;
}

export function menuTemplate(
  actions: MenuActions,
  opts: { dev: boolean; platform: NodeJS.Platform },
): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const menus: MenuItemConstructorOptions[] = [];
  if (mac) {
    menus.push({
      label: 'Caseload',
      submenu: [
        { label: 'Over Caseload', click: actions.about },
        { type: 'separator' },
        { role: 'hide', label: 'Caseload verbergen' },
        { role: 'hideOthers', label: 'Andere verbergen' },
        { type: 'separator' },
        { role: 'quit', label: 'Caseload afsluiten' },
      ],
    });
  }
  menus.push({
    label: 'Bestand',
    submenu: [
      { label: 'Afdrukken…', accelerator: 'CmdOrCtrl+P', click: actions.print },
      { label: 'Opslaan als PDF…', accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveAsPdf },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Afsluiten' } as const]),
    ],
  });
  menus.push({
    label: 'Bewerken',
    submenu: [
      { role: 'undo', label: 'Ongedaan maken' },
      { role: 'redo', label: 'Opnieuw' },
      { type: 'separator' },
      { role: 'cut', label: 'Knippen' },
      { role: 'copy', label: 'Kopiëren' },
      { role: 'paste', label: 'Plakken' },
      { role: 'selectAll', label: 'Alles selecteren' },
    ],
  });
  menus.push({
    label: 'Beeld',
    submenu: [
      ...(opts.dev
        ? [
            { role: 'reload', label: 'Herladen' } as const,
            { role: 'toggleDevTools', label: 'Ontwikkelhulpmiddelen' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'resetZoom', label: 'Werkelijke grootte' },
      { role: 'zoomIn', label: 'Inzoomen' },
      { role: 'zoomOut', label: 'Uitzoomen' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Volledig scherm' },
    ],
  });
  menus.push({ label: 'Help', role: 'help', submenu: [{ label: 'Over Caseload', click: actions.about }] });
  return menus;
}
