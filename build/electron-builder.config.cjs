// electron-builder configuration (`npm run dist`, on a machine with internet). The SQLite binding
// is not rebuilt in node_modules (npmRebuild: false: that would break the Node build the tests
// need): scripts/native-build.mjs --dist puts the Electron build in build/native/dist/, which is
// packed as resources/native/better_sqlite3.node, and its sha256 in out/native.json inside the
// integrity-checked app.asar (electron/native.ts checks it before loading). The fuses must equal
// FUSES in electron/security.ts; a unit test checks both and validates this file against
// electron-builder's schema. Signing comes from the environment (build/signing.cjs).
/* global module, require, process */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads this file with require
const { signingConfig } = require('./signing.cjs');

const signing = signingConfig(process.env);
const updateSource = process.env.CASELOAD_UPDATE_SOURCE;

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'nl.werkcorporatie.caseload',
  productName: 'Caseload',
  copyright: 'Werkcorporatie Noordoostpolder',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'out/**',
    '!out/cli/**',
    'package.json',
    // better-sqlite3's JavaScript is enough: its Node-ABI build, sources and SQLite amalgamation
    // stay out (the Electron binding comes through extraResources).
    '!**/node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  extraResources: [{ from: 'build/native/dist', to: 'native', filter: ['better_sqlite3.node'] }],
  asar: true,
  // Electron checks app.asar against the hash in the executable (fuse below); never turn it off.
  disableAsarIntegrity: false,
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // The municipality's software share or URL with latest.json (docs/desktop.md), baked in at build
  // time; CASELOAD_UPDATE_SOURCE on a laptop overrides it.
  ...(updateSource ? { extraMetadata: { caseload: { updateSource } } } : {}),
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  forceCodeSigning: signing.forceCodeSigning,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    ...(signing.signtoolOptions ? { signtoolOptions: signing.signtoolOptions } : {}),
  },
  // Per-user install in the user's own profile (%LOCALAPPDATA%\Programs\Caseload): account
  // managers have no administrator rights, and the folder - with the native SQLite module in
  // resources\native - is writable only by that user (and administrators). Changing the folder
  // is not offered: a shared folder such as C:\Caseload could let others replace the module.
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Caseload',
    deleteAppDataOnUninstall: false,
    language: '1043',
  },
  linux: { target: ['AppImage'], category: 'Office' },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
};
