/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The release the app reports at sign-in, so the admin console lists each device's version. */
const appVersion = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

// One config for the app build and for every test project; `npm test` runs them all.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // The app asks before activating a new version, so it never reloads under a person's hands.
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        name: 'Rounds',
        short_name: 'Rounds',
        description: 'Field outreach for patient engagement specialists, online or offline',
        theme_color: '#0b5d5b',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // Our own service worker (src/serviceWorker/sw.ts); the plugin injects the precache list.
      strategies: 'injectManifest',
      srcDir: 'src/serviceWorker',
      filename: 'sw.ts',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // A classic script, registered with `type: 'classic'` (src/ui/app/serviceWorker.ts).
        rollupFormat: 'iife',
      },
    }),
  ],
  // Only `npm run bench` sets this, to build a comparison copy of the app that stores records
  // in clear (bench/encryption.ts). A compile-time constant: `false` in every other build, so
  // the bundler drops the branch and nothing at run time can turn encryption off.
  define: {
    __BENCH_UNENCRYPTED__: JSON.stringify(process.env.VITE_BENCH_UNENCRYPTED === '1'),
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  worker: { format: 'es' },
  // No source maps in the build: the server would not serve them anyway (staticFiles.ts), and
  // they would hand out the app's source.
  build: { target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'tests/property/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/fakeIndexedDb.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/support/fakeIndexedDb.ts', 'tests/support/componentSetup.ts'],
          // Rendering with a real (fake-indexeddb) database takes seconds on a busy machine;
          // a limit is for hangs, never a measure of speed (that is `npm run bench`).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          // Groups run one after another: pure tests first, then the database suites, then
          // the browser, so the heavy suites never compete for this machine's two cores.
          sequence: { groupOrder: 1 },
          include: ['server/**/*.test.ts', 'tests/contract/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file starts its own embedded PostgreSQL; two at a time fits this machine.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
