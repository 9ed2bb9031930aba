// electron-builder configuration (`npm run dist`, on a machine with internet: it downloads
// Electron and rebuilds better-sqlite3 for Electron's ABI - npmRebuild - which never happens in
// node_modules used by the tests). The fuses must equal FUSES in electron/security.ts; a unit
// test checks both and validates this file against electron-builder's schema.
/* global module */
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'nl.werkcorporatie.caseload',
  productName: 'Caseload',
  copyright: 'Werkcorporatie Noordoostpolder',
  directories: { output: 'release', buildResources: 'build' },
  files: ['out/**', 'package.json'],
  asar: true,
  // The native SQLite addon cannot be loaded from inside the archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**'],
  npmRebuild: true,
  buildDependenciesFromSource: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  // Per-user install: account managers have no administrator rights on municipal laptops.
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Caseload',
    deleteAppDataOnUninstall: false,
    language: '1043',
  },
  linux: { target: ['AppImage'], category: 'Office' },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
};
