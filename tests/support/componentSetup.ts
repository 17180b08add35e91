import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Screens read through the worker's watches (worker/watch.ts), which re-read the database after
// each write; on a busy machine that takes longer than the library's 1 s default. A wait is a
// limit for hangs, never a measure of speed (that is `npm run bench`).
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
