// ESLint with typescript-eslint. The import boundaries of ARCHITECTURE.md are enforced here:
// the layers of db/ (an allowlist: model -> store -> journal -> records -> domain -> api ->
// command line and shells, the renderer on the pure model and contract only), db/ never imports
// electron or renderer code, and renderer/ never imports Node or SQLite modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

const nodeModules = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
  'zlib',
  'util',
  'events',
  'readline',
  'buffer',
];

// The layers (docs/architecture.md). First matching pattern wins, so the narrow ones come first.
const LAYERS = [
  { type: 'contract', pattern: ['db/api/contract.ts', 'db/api/define.ts', 'db/api/methods/**'], mode: 'full' },
  { type: 'door', pattern: ['db/api/dispatch.ts', 'db/api/host.ts', 'db/api/session.ts'], mode: 'full' },
  { type: 'model', pattern: 'db/model/**', mode: 'full' },
  { type: 'store', pattern: 'db/store/**', mode: 'full' },
  { type: 'journal', pattern: 'db/journal/**', mode: 'full' },
  { type: 'records', pattern: 'db/records/**', mode: 'full' },
  {
    type: 'domain',
    pattern: 'db/{work,matching,search,users,retention,exchange,reports,sync,demo,backup}/**',
    mode: 'full',
  },
  { type: 'api', pattern: 'db/api/**', mode: 'full' },
  { type: 'cli', pattern: 'db/cli/**', mode: 'full' },
  { type: 'shell', pattern: 'electron/**', mode: 'full' },
  { type: 'renderer', pattern: 'renderer/**', mode: 'full' },
];

/** Which layers each layer may import (an allowlist: anything else fails lint). */
export const LAYER_RULES = [
  { from: 'model', allow: ['model'] },
  { from: 'contract', allow: ['model', 'contract'] },
  { from: 'store', allow: ['model', 'store'] },
  { from: 'journal', allow: ['model', 'store', 'journal'] },
  { from: 'records', allow: ['model', 'store', 'journal', 'records'] },
  { from: 'domain', allow: ['model', 'store', 'journal', 'records', 'domain'] },
  { from: 'api', allow: ['model', 'contract', 'store', 'journal', 'records', 'domain', 'door', 'api'] },
  { from: 'door', allow: ['model', 'contract', 'store', 'journal', 'records', 'domain', 'api', 'door'] },
  { from: 'cli', allow: ['model', 'contract', 'door', 'cli'] },
  { from: 'shell', allow: ['model', 'contract', 'door', 'shell'] },
  { from: 'renderer', allow: ['model', 'contract', 'renderer'] },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'release/**', 'artifacts/**', 'test/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['db/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true } },
      'boundaries/elements': LAYERS,
      'boundaries/include': ['db/**/*', 'electron/**/*', 'renderer/**/*'],
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (layers: docs/architecture.md)',
          rules: LAYER_RULES,
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // React: the rules of hooks (and the React Compiler's checks of the recommended set) and
  // accessibility of the JSX, on the renderer.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Focus moves into an inline form the user just opened with a button (and to the first
      // field of a dialog): that is where the next keystroke belongs.
      'jsx-a11y/no-autofocus': 'off',
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'db/ runs in plain Node: no electron import.' },
            { group: ['**/electron/**', '../electron', '../../electron'], message: 'db/ must not import the shells.' },
            { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'db/ must not import the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/model/**/*.ts', 'db/api/contract.ts', 'db/api/define.ts', 'db/api/result.ts', 'db/api/methods/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3', 'kysely', ...nodeModules, ...nodeModules.map((m) => `node:${m}`)].map((name) => ({
            name,
            message: 'Pure module (the renderer imports it): no Node or SQLite imports.',
          })),
          patterns: [{ group: ['electron', '**/electron/**', '**/renderer/**'], message: 'Pure module.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3', 'electron', ...nodeModules, ...nodeModules.map((m) => `node:${m}`)].map((name) => ({
            name,
            message: 'renderer/ runs in Chromium: everything it needs comes through the contract.',
          })),
          patterns: [
            {
              group: [
                '**/db/store/**',
                '**/db/journal/**',
                '**/db/records/**',
                '**/db/api/handlers/**',
                '**/db/api/dispatch*',
                '**/db/sync/**',
                '**/db/exchange/**',
                '**/db/search/**',
                '**/db/demo/**',
                '**/db/reports/**',
                '**/db/cli*',
              ],
              message: 'renderer/ may import only pure db modules (db/model, db/api/contract and its methods).',
            },
          ],
        },
      ],
    },
  },
);
