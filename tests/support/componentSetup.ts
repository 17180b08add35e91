import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Screens read through the worker's watches (worker/watch.ts), which re-read the database after
// each write; on a busy machine (CI runs every project at once on two cores) that can take
// seconds, far beyond the library's 1 s default. A wait is a
// limit for hangs, never a measure of speed (that is `npm run bench`).
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
});
