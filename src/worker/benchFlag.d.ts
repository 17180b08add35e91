/**
 * Set by vite.config.ts at build time: true only in the benchmark's unencrypted comparison
 * build (VITE_BENCH_UNENCRYPTED=1), false in every other build and in tests.
 */
declare const __BENCH_UNENCRYPTED__: boolean;
