// Lint enforces the dependency direction of docs/ARCHITECTURE.md: arrows point down only.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}`, `**/${name}/**`];
const noReact = [{ group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'Pure code must not use React.' }];
const noDexie = [{ group: ['dexie', 'dexie-*', 'fake-indexeddb', 'fake-indexeddb/*'], message: 'Pure code must not touch storage.' }];
const forbid = (layers, why) => ({ group: layers.flatMap(layer), message: why });

function boundary(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.bench-data/', 'dev-dist/', '.bench-dist-plain/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  boundary(['src/domain/**'], [
    ...noReact,
    ...noDexie,
    forbid(['storage', 'sync', 'worker', 'ui', 'routing', 'protocol', 'server'], 'domain imports nothing of ours.'),
  ]),
  boundary(['src/routing/**'], [
    ...noReact,
    ...noDexie,
    forbid(['storage', 'sync', 'worker', 'ui', 'protocol', 'server'], 'routing may import only domain.'),
  ]),
  boundary(['src/protocol/**'], [
    ...noReact,
    ...noDexie,
    forbid(['storage', 'sync', 'worker', 'ui', 'routing', 'server'], 'protocol may import only domain.'),
  ]),
  boundary(['src/storage/**'], [
    ...noReact,
    forbid(['sync', 'worker', 'ui', 'routing', 'server'], 'storage may import only domain and protocol types.'),
  ]),
  boundary(['src/sync/**'], [...noReact, forbid(['worker', 'ui', 'routing', 'server'], 'sync sits below worker and ui.')]),
  boundary(['src/worker/**'], [...noReact, forbid(['ui', 'server'], 'the worker never imports the UI.')]),
  boundary(['src/serviceWorker/**'], [
    ...noReact,
    forbid(['ui', 'worker', 'routing', 'server'], 'the service worker reaches the data only through sync and storage.'),
  ]),
  boundary(['src/ui/**'], [
    forbid(['sync', 'routing', 'server'], 'the UI reaches sync and routing only through worker/client.'),
    {
      group: ['**/worker/*', '!**/worker/client', '!**/worker/client.ts'],
      message: 'The UI imports the worker only through worker/client.',
    },
    {
      group: ['**/serviceWorker/*', '!**/serviceWorker/requestBackgroundSync', '!**/serviceWorker/requestBackgroundSync.ts'],
      message: 'The UI asks for background sync through serviceWorker/requestBackgroundSync; the rest runs in the service worker.',
    },
  ]),
  // Only the worker holds the key and opens records: the UI (tests aside, which seed the
  // database as the worker would) never imports Dexie or storage code, only storage types.
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*TestHarness.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie-*', 'fake-indexeddb', 'fake-indexeddb/*'],
              message: 'The UI never opens the device database: watch a read through the worker (data/useWatch.ts).',
            },
            {
              group: layer('storage'),
              allowTypeImports: true,
              message: 'The UI may import storage types only: records are read and opened in the worker (worker/reads.ts).',
            },
          ],
        },
      ],
    },
  },
  boundary(['server/**'], [
    ...noReact,
    ...noDexie,
    forbid(['storage', 'sync', 'worker', 'ui'], 'the server never imports client storage or UI.'),
  ]),
  {
    files: ['bench/**', 'tests/**', '**/*.test.ts', '**/*.test.tsx', 'server/src/main.ts'],
    rules: { 'no-console': 'off' },
  },
);
