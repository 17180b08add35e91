/**
 * Zod compiles fast object parsers with `new Function` unless told not to. The app's
 * Content-Security-Policy forbids eval (no 'unsafe-eval'), and merely probing for it is
 * reported as a violation, so every browser entry (page, worker, service worker) imports this
 * module first, before any schema is built. The server keeps the compiled parsers.
 */
import { z } from 'zod';

z.config({ jitless: true });
