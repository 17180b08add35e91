/**
 * `npm run bench`: builds the app (and its unencrypted comparison copy), runs every benchmark and
 * writes BENCHMARKS.md. `BENCH_ONLY=encryption npm run bench` runs only the encryption section;
 * `BENCH_ONLY=office` only the office queries (no build), `BENCH_ONLY=routing` only the day
 * planner (no build), `BENCH_ONLY=office-screens` only the office screens (after
 * `npm run build`), each written into BENCHMARKS.md in place.
 * Benchmarks measure; they never pass or fail. Medians over several runs, machine described.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from '../tests/e2e/support/chromium';
import { measureAppStartup, runAppStartupBench } from './appStartup';
import { measureDocumentation, runDocumentationBench } from './documentation';
import { buildBothVariants, runEncryptionBench } from './encryption';
import { runOfficeBench, writeOfficeSection } from './office';
import { runOfficeScreensBench } from './officeScreens';
import { replaceSection } from './support/replaceSection';
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
  if (process.env.BENCH_ONLY === 'office') {
    const office = await runOfficeBench();
    writeOfficeSection(office);
    console.log(office);
    return;
  }
  if (process.env.BENCH_ONLY === 'routing') {
    // Only the day planner (no build), written into BENCHMARKS.md in place.
    const routing = await optionalSection('bench/routing/run.ts', 'runRoutingBench');
    if (routing) replaceSection(resolve(root, 'BENCHMARKS.md'), routing);
    console.log(routing);
    return;
  }
  if (process.env.BENCH_ONLY === 'office-screens') {
    // Only the office screens (the app must be built), written into BENCHMARKS.md in place.
    const screens = await runOfficeScreensBench();
    replaceSection(resolve(root, 'BENCHMARKS.md'), screens);
    console.log(screens);
    return;
  }
  await buildBothVariants();
  if (process.env.BENCH_ONLY === 'encryption') {
    // Only the encrypted-vs-clear section, printed; BENCHMARKS.md is left as it is.
    console.log(await runEncryptionBench());
    return;
  }
  const sections: string[] = [];
  console.log('app start-up and search…');
  const startup = await measureAppStartup({ encrypted: true, keystrokes: true });
  sections.push(await runAppStartupBench(startup));
  console.log('documentation…');
  const documentation = await measureDocumentation({ encrypted: true });
  sections.push(await runDocumentationBench(documentation));
  console.log('encryption at rest (the same measures on an unencrypted build)…');
  sections.push(await runEncryptionBench({ startup, documentation }));
  console.log('sync under load, first download, end-of-day sync…');
  sections.push(await runSyncLoadBench());
  console.log('routing…');
  const routing = await optionalSection('bench/routing/run.ts', 'runRoutingBench');
  if (routing) sections.push(routing);
  console.log('office queries…');
  sections.push(await runOfficeBench());
  console.log('office screens…');
  sections.push(await runOfficeScreensBench());

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
