/**
 * Once per end-to-end run: checks that a Chromium exists and that the app is built, starts the
 * real server with a fresh embedded database seeded with the demo organisation, and hands its
 * URL to the tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  findChromium();
  if (!existsSync(resolve(import.meta.dirname, '../../../dist/index.html'))) {
    throw new Error('The app is not built. Run `npm test` (it builds first) or `npm run build`.');
  }
  const server = await startServer();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
