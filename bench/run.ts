/**
 * `npm run bench`: builds the app, runs every benchmark and writes BENCHMARKS.md.
 * Benchmarks measure; they never pass or fail. Medians over several runs, machine described.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { findChromium } from '../tests/e2e/support/chromium';
import { runAppStartupBench } from './appStartup';
import { runDocumentationBench } from './documentation';
import { runSyncLoadBench } from './syncLoad';
import { describeMachine } from './support/machine';

const root = resolve(import.meta.dirname, '..');

async function optionalSection(file: string, exportName: string): Promise<string | null> {
  const path = resolve(root, file);
  if (!existsSync(path)) return null;
  const mod = (await import(path)) as Record<string, () => Promise<string>>;
  const fn = mod[exportName];
  return fn ? fn() : null;
}

async function main() {
  console.log('building the app…');
  await build({ root, logLevel: 'warn' });
  const sections: string[] = [];
  console.log('app start-up and search…');
  sections.push(await runAppStartupBench());
  console.log('documentation…');
  sections.push(await runDocumentationBench());
  console.log('sync under load, first download, end-of-day sync…');
  sections.push(await runSyncLoadBench());
  console.log('routing…');
  const routing = await optionalSection('bench/routing/run.ts', 'runRoutingBench');
  if (routing) sections.push(routing);

  const report = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Medians over several runs;`,
    'these figures are measurements, never pass/fail tests.',
    '',
    '## Machine',
    '',
    describeMachine(findChromium()),
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  writeFileSync(resolve(root, 'BENCHMARKS.md'), report);
  console.log(report);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
