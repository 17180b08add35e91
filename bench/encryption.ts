/**
 * "Encryption at rest": the shipped (encrypted) app beside a comparison build that stores
 * records in clear and has no lock (built with VITE_BENCH_UNENCRYPTED=1 into .bench-dist-plain;
 * see vite.config.ts and src/worker/worker.ts), measured in the same run on the same machine.
 *
 * Run alone: `npx tsx bench/encryption.ts` (builds both variants first), or
 * `BENCH_ONLY=encryption npm run bench`. BENCH_RUNS sets the runs per measure.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { measureAppStartup, type StartupSamples } from './appStartup';
import { measureDocumentation, type DocumentationSamples } from './documentation';
import { PLAIN_DIST } from './support/benchServer';
import { median, ms } from './support/stats';

const root = resolve(import.meta.dirname, '..');

/** Builds the shipped app into dist and the unencrypted comparison copy into .bench-dist-plain. */
export async function buildBothVariants(): Promise<void> {
  console.log('building the app…');
  await build({ root, logLevel: 'warn' });
  console.log('building the unencrypted comparison copy…');
  const before = process.env.VITE_BENCH_UNENCRYPTED;
  process.env.VITE_BENCH_UNENCRYPTED = '1';
  try {
    await build({ root, logLevel: 'warn', build: { outDir: PLAIN_DIST, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.VITE_BENCH_UNENCRYPTED;
    else process.env.VITE_BENCH_UNENCRYPTED = before;
  }
}

export interface EncryptedSamples {
  readonly startup: StartupSamples;
  readonly documentation: DocumentationSamples;
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/**
 * Measures the unencrypted build, and the encrypted one unless its samples are given (the full
 * `npm run bench` passes those of the start-up and documentation sections).
 */
export async function runEncryptionBench(given?: EncryptedSamples): Promise<string> {
  const encrypted = given ?? {
    startup: await measureAppStartup({ encrypted: true, keystrokes: false }),
    documentation: await measureDocumentation({ encrypted: true }),
  };
  const plain = {
    startup: await measureAppStartup({ staticDir: PLAIN_DIST, encrypted: false, keystrokes: false }),
    documentation: await measureDocumentation({ staticDir: PLAIN_DIST, encrypted: false }),
  };
  const row = (measure: string, enc: readonly number[], pl: readonly number[], target: string) => {
    const e = median(enc);
    const p = median(pl);
    return `| ${measure} | ${ms(e)} | ${ms(p)} | ${ratio(e, p)} | ${target} | ${enc.length} / ${pl.length} |`;
  };
  const unlock = median(encrypted.startup.starts);
  const cold = median(plain.startup.starts);
  return [
    '### Encryption at rest: encrypted device vs the same app storing in clear (headless Chromium)',
    '',
    '| measure | encrypted median | unencrypted median | ratio | target | runs (enc / plain) |',
    '| --- | --- | --- | --- | --- | --- |',
    row('first download, 5,000 patients (sign-in pressed → 5,000 listed, sync confirmed)', encrypted.startup.downloads, plain.startup.downloads, '—'),
    row('unlock to a usable roster (Unlock pressed → roster listed) vs unencrypted cold start (navigation start → roster listed)', encrypted.startup.starts, plain.startup.starts, 'under 1.5 s and ≤ 2×'),
    row('save a draft field, 50,000 notes on the device', encrypted.documentation.saves, plain.documentation.saves, '≤ 1.5×'),
    row('sign a note, 50,000 notes on the device', encrypted.documentation.signs, plain.documentation.signs, '—'),
    '',
    `Unlock to roster: ${ms(unlock)} (target under 1.5 s: ${unlock < 1500 ? 'met' : 'not met'}), ${ratio(unlock, cold)} the unencrypted cold start (target ≤ 2×: ${unlock <= 2 * cold ? 'met' : 'not met'}); ` +
      `draft save ${ratio(median(encrypted.documentation.saves), median(plain.documentation.saves))} (target ≤ 1.5×: ${median(encrypted.documentation.saves) <= 1.5 * median(plain.documentation.saves) ? 'met' : 'not met'}).`,
    'The unlock is timed from pressing Unlock (the password typed beforehand), so it includes the password check (PBKDF2-SHA-256, 600,000 rounds), unwrapping the data key and opening the roster; ' +
      `reaching the lock screen after a browser launch took a further ${ms(median(encrypted.startup.lockShown))} (median, navigation start → Unlock shown). ` +
      "The encrypted download includes choosing the PIN by script, while the download runs behind that screen. The unencrypted copy is a bench-only build (VITE_BENCH_UNENCRYPTED=1, a compile-time constant false in every other build).",
  ].join('\n');
}

// Run directly: build both variants, print this section only.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  buildBothVariants()
    .then(() => runEncryptionBench())
    .then((section) => console.log(`\n${section}`))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
