/**
 * Server settings from environment variables, with the defaults `npm start` relies on.
 * Invalid settings are reported as a sentence for the operator, never as a stack trace.
 */
import { resolve } from 'node:path';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PGlite files live in `<dataDir>/pglite`; unused when databaseUrl is set. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly staticDir: string;
  readonly logLevel: string;
  /** Load the demo organisation into an empty database (turn off for real deployments). */
  readonly seedDemo: boolean;
  /**
   * Seeding the demo: its published password is accepted. Off, that password is refused for
   * every account, so a real deployment cannot be entered with it.
   */
  readonly demoMode: boolean;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): ConfigResult {
  const portText = env.PORT?.trim() || '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    return { ok: false, message: `PORT must be a number from 1 to 65535, not "${portText}".` };
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    return { ok: false, message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".` };
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  // The demo is on by default only for the embedded database a newcomer's `npm start` uses; a
  // real PostgreSQL (a deployment) has it off unless asked for.
  const seedDemoText = (env.SEED_DEMO?.trim() || (databaseUrl ? 'false' : 'true')).toLowerCase();
  if (!['true', 'false', '1', '0'].includes(seedDemoText)) {
    return { ok: false, message: `SEED_DEMO must be true or false, not "${seedDemoText}".` };
  }
  const seedDemo = seedDemoText === 'true' || seedDemoText === '1';
  return {
    ok: true,
    config: {
      port,
      host: env.HOST?.trim() || '127.0.0.1',
      dataDir: resolve(cwd, env.DATA_DIR?.trim() || 'data'),
      staticDir: resolve(cwd, env.STATIC_DIR?.trim() || 'dist'),
      logLevel,
      seedDemo,
      demoMode: seedDemo,
      ...(databaseUrl ? { databaseUrl } : {}),
    },
  };
}
