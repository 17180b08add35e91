/**
 * Sync benchmarks (issue 4), each against the real server process (server/src/main.ts on
 * PGlite) on loopback:
 *
 * 1. The load run: 500 simulated devices each sign in, download their territory, and push a
 *    day's work and pull (bench/sync/loadRun.ts), with every change checked in the database
 *    afterwards.
 * 2. The first download of a 5,000-patient territory with 20,000 notes in headless Chromium
 *    with the real app (bench/sync/territory.ts).
 * 3. The end-of-day sync of one day's work from one device (real client code and Dexie, in
 *    Node on fake-indexeddb).
 *
 * `npm run bench` imports runSyncLoadBench(); run directly (`npx tsx bench/syncLoad.ts`) it
 * builds the app, then prints the machine and the section.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// First: Dexie reads the IndexedDB globals when it loads, and the sync modules below load it.
import 'fake-indexeddb/auto';
import { findChromium } from '../tests/e2e/support/chromium';
import { LOAD, runLoadRun, type LoadRunResult } from './sync/loadRun';
import { measureEndOfDaySync, measureInitialDownload, startTerritoryServer, TERRITORY } from './sync/territory';
import { describeMachine } from './support/machine';
import { median, ms, quantile } from './support/stats';

const num = (n: number) => n.toLocaleString('en-US');
const sec = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;

function loadSection(r: LoadRunResult): string {
  const { http, phases, check } = r;
  const row = (label: string, series: string, wallMs: number | null, carried: string) => {
    const xs = http.of(series);
    const rate = wallMs ? `${(xs.length / (wallMs / 1000)).toFixed(1)} req/s` : 'see below';
    return `| ${label} | ${num(xs.length)} | ${carried} | ${rate} | ${ms(median(xs))} | ${ms(quantile(xs, 0.99))} |`;
  };
  const cpu = (p: { wallMs: number; serverCpuS: number | null }) =>
    p.serverCpuS === null ? 'n/a' : `${p.serverCpuS.toFixed(0)} s (${pct(p.serverCpuS * 1000, p.wallMs)} of one core)`;
  const day = phases.day;
  const daySeconds = day.wallMs / 1000;
  const lost =
    check.settledOk === r.devices &&
    check.notesFound === check.notesExpected &&
    check.notesSignedIntact === check.notesExpected &&
    check.fieldsLost === 0 &&
    check.devicesConverged === r.devices
      ? 0
      : 'see below';
  return [
    `### Sync under load: ${num(r.devices)} devices against one server process (loopback)`,
    '',
    `One server process (\`server/src/main.ts\` as \`npm run serve\` starts it: PGlite in a temporary folder, default settings), driven over HTTP on 127.0.0.1 from the benchmark process, ${r.concurrency} devices at a time. ` +
      `The organisation: ${num(r.territories)} territories of ${LOAD.patientsPerTerritory} patients (${num(r.patients)} patients, generated), ${LOAD.devicesPerTerritory} specialists per territory, one device each, so every pull also brings four colleagues' work. ` +
      `Each device signs in, downloads its territory, and then runs its end-of-day sync: it pushes a day's work as numbered changes, cut into batches as the app cuts them (at most 200 changes and 512 KiB), then pulls to the end. ` +
      `A day: ${LOAD.notesPerDay} contact notes (each created as a draft, signed with the client's content hash, and the patient's last contact moved: 3 changes) and ${LOAD.editsPerDay} field edits ` +
      `(best time to call, access notes, a care gap's status, a contact point's consent) on the device's own 10 patients: ${num(r.dayMutations / r.devices)} changes per device. ` +
      `Afterwards every device pulls once more, the server is stopped, and its database is checked change by change.`,
    '',
    '| requests | count | carrying | throughput | p50 | p99 |',
    '| --- | --- | --- | --- | --- | --- |',
    row('sign-in (scrypt on the server)', 'login', phases.signIn.wallMs, ''),
    row('initial download: pull pages, territory from scratch', 'pull: initial download', phases.download.wallMs, `${num(r.downloadRecords)} records`),
    row('end-of-day push', 'push', null, `${num(r.dayMutations)} changes`),
    row('end-of-day pull to the end, right after the push', 'pull: after push', null, `${num(r.dayRecordsPulled)} records`),
    row('catch-up pull after every device finished', 'pull: catch-up', phases.catchUp.wallMs, `${num(r.catchUpRecords)} records`),
    `| all phases | ${num(http.requests)} | | | | |`,
    '',
    '| end-of-day sync of all devices | value |',
    '| --- | --- |',
    `| wall time, all ${num(r.devices)} devices (push, then pull) | ${sec(day.wallMs)} |`,
    `| requests | ${num(day.requests)} (${(day.requests / daySeconds).toFixed(1)} req/s) |`,
    `| changes applied | ${num(r.results.applied)} of ${num(r.dayMutations)} sent (${num(Math.round(r.results.applied / daySeconds))} changes/s) |`,
    `| one device's sync (push + pull, ${r.concurrency} devices at a time): p50 / p99 | ${sec(median(r.syncPerDevice))} / ${sec(quantile(r.syncPerDevice, 0.99))} |`,
    `| server CPU during the end-of-day sync | ${cpu(day)} |`,
    `| server CPU during sign-in / download / catch-up | ${cpu(phases.signIn)} / ${cpu(phases.download)} / ${cpu(phases.catchUp)} |`,
    `| server memory (peak resident) | ${r.serverPeakRssMiB === null ? 'n/a' : `${r.serverPeakRssMiB.toFixed(0)} MiB`} |`,
    `| errors (HTTP errors, network failures, wrong settled marks or gaps), all phases | ${num(http.errorCount)} of ${num(http.requests)} requests |`,
    `| changes refused / field conflicts | ${num(r.results.rejected)} / ${num(r.results.conflicts)} |`,
    `| **lost changes** | **${lost}** |`,
    `| — devices whose settled mark equals the changes they sent | ${num(check.settledOk)} of ${num(r.devices)} |`,
    `| — notes on the server / signed with their hash intact | ${num(check.notesFound)} / ${num(check.notesSignedIntact)} of ${num(check.notesExpected)} |`,
    `| — edited fields holding the value their device sent last | ${num(check.fieldsExpected - check.fieldsLost)} of ${num(check.fieldsExpected)} |`,
    `| — conflict records written | ${num(check.conflictRecords)} |`,
    `| — devices holding exactly the server's records of their territory (kind, id, version) | ${num(check.devicesConverged)} of ${num(r.devices)} |`,
    '',
    'Latencies are client-side, from sending to the parsed answer, and include waiting: PGlite is one connection, so the ' +
      `${r.concurrency} requests in flight queue for it, and the server process is busy on one core throughout (server CPU above). ` +
      'Sign-in is slow by design (scrypt, tens of ms per password); a device signs in once per 30 days.',
    ...(http.errors.length ? ['', 'First errors:', '', ...http.errors.map((e) => `- ${e}`)] : []),
    ...(r.results.rejections.length ? ['', 'First refusals:', '', ...r.results.rejections.map((e) => `- ${e}`)] : []),
    ...(check.settledWrong.length || check.fieldsLostSamples.length || check.divergence.length
      ? ['', 'Differences found:', '', ...[...check.settledWrong, ...check.fieldsLostSamples, ...check.divergence].map((e) => `- ${e}`)]
      : []),
  ].join('\n');
}

export async function runSyncLoadBench(): Promise<string> {
  const log = (line: string) => console.log(line);
  console.log(`  load run: ${LOAD.devices} devices, ${LOAD.concurrency} at a time…`);
  const load = await runLoadRun(log);

  console.log(`  a ${num(TERRITORY.patients)}-patient territory with ${num(TERRITORY.notes)} notes…`);
  const territory = await startTerritoryServer();
  let download: Awaited<ReturnType<typeof measureInitialDownload>>;
  let endOfDay: Awaited<ReturnType<typeof measureEndOfDaySync>>;
  try {
    download = await measureInitialDownload(territory, log);
    endOfDay = await measureEndOfDaySync(territory, log);
  } finally {
    await territory.server.stop();
    territory.server.remove();
  }

  const wire = download.pulls.map((p) => p.networkMs);
  const syncs = endOfDay.map((r) => r.syncMs);
  const first = endOfDay[0];
  return [
    loadSection(load),
    '',
    `### First download of a ${num(TERRITORY.patients)}-patient territory with ${num(territory.notesInTerritory)} notes (headless Chromium, real server process)`,
    '',
    `The real app in a fresh browser each run, against the server process on loopback; the territory's patients have ${num(territory.notesInTerritory)} signed notes between them (written into the server's database before it started).`,
    '',
    '| measure | median | min | max | runs |',
    '| --- | --- | --- | --- | --- |',
    `| sign-in pressed → all ${num(TERRITORY.patients)} listed and "Last sync" shown | ${ms(median(download.runs))} | ${ms(Math.min(...download.runs))} | ${ms(Math.max(...download.runs))} | ${download.runs.length} |`,
    `| of which pull requests on the wire (${download.pulls[0]?.requests ?? 0} pages of up to 2,000 records, sent to last byte) | ${ms(median(wire))} | ${ms(Math.min(...wire))} | ${ms(Math.max(...wire))} | ${download.runs.length} |`,
    '',
    `After the first run the browser's IndexedDB held ${num(download.notesOnDevice)} notes and ${num(download.patientsOnDevice)} patients. The rest is the sign-in request and the device's own work between pulls: the worker applying each page (one IndexedDB transaction per page) and the screens following it. Target (issue 4): under 10 s.`,
    '',
    `### End-of-day sync of one day's work (one device, real client code on fake-indexeddb in Node, real server process)`,
    '',
    `Each run a fresh device: signed in as the territory's specialist, downloaded the whole territory above, then wrote a day through the app's own storage commands: ${TERRITORY.notesPerDay} notes (started, autosaved three times, signed) and ${TERRITORY.editsPerDay} field edits, ` +
      `${first ? num(first.outbox) : '?'} outbox changes. Timed: \`syncNow\` (push everything, then pull to the end).`,
    '',
    '| measure | median | max | runs |',
    '| --- | --- | --- | --- |',
    `| end-of-day sync (push ${first ? num(first.outbox) : '?'} changes + pull to the end) | ${ms(median(syncs))} | ${ms(Math.max(...syncs))} | ${syncs.length} |`,
    `| for reference: the territory's first download into fake-indexeddb | ${sec(median(endOfDay.map((r) => r.downloadMs)))} | ${sec(Math.max(...endOfDay.map((r) => r.downloadMs)))} | ${syncs.length} |`,
    '',
    `Sent per run: ${endOfDay.map((r) => r.sent).join(', ')} changes; refused: ${num(endOfDay.reduce((s, r) => s + r.rejected, 0))}; ` +
      `left in an outbox afterwards: ${num(endOfDay.reduce((s, r) => s + r.pendingAfter, 0))}; the pull brought back ` +
      `${Math.min(...endOfDay.map((r) => r.received))}-${Math.max(...endOfDay.map((r) => r.received))} records (the day's records at their new versions). ` +
      'Target (issue 4): under 1 s.',
  ].join('\n');
}

async function runDirectly(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  const { build } = await import('vite');
  console.log('building the app…');
  await build({ root, logLevel: 'warn' });
  if (!existsSync(resolve(root, 'dist/index.html'))) throw new Error('the build wrote no dist/index.html');
  console.log('sync load…');
  const section = await runSyncLoadBench();
  console.log(['', '## Machine', '', describeMachine(findChromium()), '', section].join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDirectly().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
