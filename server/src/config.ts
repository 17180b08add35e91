/**
 * Server settings from environment variables, with the defaults `npm start` relies on.
 * Invalid settings are reported as a sentence for the operator, never as a stack trace.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSecureContext } from 'node:tls';

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
  /** Serve HTTPS with this certificate (PEM, chain included) and key; absent: plain HTTP. */
  readonly tls?: TlsFiles;
}

export interface TlsFiles {
  readonly cert: Buffer;
  readonly key: Buffer;
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
  const tls = readTls(env, cwd);
  if (!tls.ok) return tls;
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
      ...(tls.files ? { tls: tls.files } : {}),
    },
  };
}

/**
 * TLS_CERT and TLS_KEY are paths to PEM files, both or neither. They are read and tried
 * together here, so a wrong path or a key of another certificate is a sentence at startup.
 */
function readTls(env: NodeJS.ProcessEnv, cwd: string): { ok: true; files?: TlsFiles } | { ok: false; message: string } {
  const certPath = env.TLS_CERT?.trim() || undefined;
  const keyPath = env.TLS_KEY?.trim() || undefined;
  if (!certPath && !keyPath) return { ok: true };
  if (!certPath || !keyPath) {
    const [set, unset] = certPath ? ['TLS_CERT', 'TLS_KEY'] : ['TLS_KEY', 'TLS_CERT'];
    return { ok: false, message: `${set} is set but ${unset} is not: set both (the certificate and its private key, PEM files) to serve HTTPS, or neither.` };
  }
  const files: Partial<Record<'cert' | 'key', Buffer>> = {};
  for (const [name, variable, path] of [['cert', 'TLS_CERT', certPath], ['key', 'TLS_KEY', keyPath]] as const) {
    const full = resolve(cwd, path);
    try {
      files[name] = readFileSync(full);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'this user may not read it' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
      return { ok: false, message: `${variable} is "${full}", but it cannot be read: ${why}.` };
    }
  }
  const pair = { cert: files.cert!, key: files.key! };
  try {
    createSecureContext(pair);
  } catch {
    return {
      ok: false,
      message: `TLS_CERT ("${resolve(cwd, certPath)}") and TLS_KEY ("${resolve(cwd, keyPath)}") cannot be used together: each must be PEM, and the key must be the certificate's own.`,
    };
  }
  return { ok: true, files: pair };
}
