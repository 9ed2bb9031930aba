// ESLint with typescript-eslint. The import boundaries of ARCHITECTURE.md are enforced here:
// db/ never imports electron or renderer code; renderer/ never imports Node or SQLite modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'release/**', 'artifacts/**', 'test/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
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
