/**
 * Entry point for `npm start` / `npm run serve`: reads the environment, opens and migrates the
 * database, seeds the demo organisation on first start, serves the API and the built PWA, and
 * shuts down cleanly on SIGINT/SIGTERM (PGlite must be closed or recent writes can be lost).
 * Startup failures end in one plain sentence and exit code 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
// The demo spreads dates around the day the server starts, as the people using it see it.
import { localIsoDate } from '../../src/domain/calendar';
import { readConfig, type ServerConfig } from './config';
import type { Db } from './db/db';
import { openDb } from './db/openDb';
import { refreshPlannerStats } from './db/plannerStats';
import { buildApp } from './http/buildApp';
import { migrate } from './migrations/migrate';
import type { Dataset } from './seed/dataset';
import { demoOptions, generateDataset } from './seed/generateDataset';
import { hasOrg, seedIfEmpty } from './seed/loadDataset';

async function main(): Promise<void> {
  const configResult = readConfig(process.env, process.cwd());
  if (!configResult.ok) return fail(configResult.message);
  const config = configResult.config;

  const staticDir = existsSync(join(config.staticDir, 'index.html')) ? config.staticDir : undefined;
  if (!staticDir) {
    console.warn(`No built app in ${config.staticDir}: run "npm run build" (or "npm start"). Serving the API only.`);
  }

  const opened = await openDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  if (!opened.ok) return fail(opened.message);
  const db = opened.db;

  let app: FastifyInstance | undefined;
  // From here on a signal must close the database, even while migrating or seeding.
  handleShutdown(db, () => app);
  try {
    await migrate(db);
    const demo = config.seedDemo ? generateDataset(demoOptions(localIsoDate(new Date()))) : null;
    const seeded = demo ? (await seedIfEmpty(db, demo)).seeded : false;
    if (demo && seeded) console.log(`Seeded the demo organisation "${demo.org.name}".`);
    // PGlite has no autovacuum: statistics are only as fresh as the last explicit refresh.
    else if (db.kind === 'pglite') await refreshPlannerStats(db);

    app = await buildApp({
      db,
      staticDir,
      version: appVersion(),
      logger: { level: config.logLevel },
      demoMode: config.demoMode,
      ...(config.tls ? { https: config.tls } : {}),
    });
    await app.listen({ port: config.port, host: config.host });
    printWelcome(config, demo && (await hasOrg(db, demo.org.id)) ? demo : null);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    return fail(describeStartupError(error, config));
  }
}

function handleShutdown(db: Db, currentApp: () => FastifyInstance | undefined): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.warn(`Received ${signal} again; exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`Received ${signal}; stopping.`);
    // Fastify first, so no request is mid-query when the database goes away.
    Promise.resolve(currentApp()?.close())
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Shutdown failed:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printWelcome(config: ServerConfig, demo: Dataset | null): void {
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const hostPart = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  console.log(`Rounds is running at ${config.tls ? 'https' : 'http'}://${hostPart}:${config.port}`);
  if (!config.tls && shownHost !== 'localhost' && shownHost !== '127.0.0.1' && shownHost !== '::1') {
    console.warn('Plain HTTP: tablets will not run the app offline or sign in safely. Set TLS_CERT and TLS_KEY, or put an HTTPS proxy in front (README).');
  }
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${join(config.dataDir, 'pglite')}`;
  console.log(`Database: ${where}`);
  if (!demo) return;
  const passwords = new Set(demo.users.map((u) => u.password));
  console.log('Demo sign-ins:');
  for (const user of demo.users) {
    const password = passwords.size === 1 ? '' : `  password: ${user.password}`;
    console.log(`  ${user.username.padEnd(16)} ${user.role.padEnd(11)} ${user.name}${password}`);
  }
  if (passwords.size === 1) console.log(`  Password for all demo users: ${[...passwords][0]}`);
}

function describeStartupError(error: unknown, config: ServerConfig): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return `Port ${config.port} on ${config.host} is already in use. Stop the other server or set PORT to a free port.`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `Cannot listen on host "${config.host}": it is not an address of this machine. Check HOST.`;
  }
  if (code === 'EACCES') return `Not allowed to listen on port ${config.port}. Use a port above 1023.`;
  console.error(error);
  return 'The server could not start (details above).';
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

await main();
