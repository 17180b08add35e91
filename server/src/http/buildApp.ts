/**
 * Assembles the HTTP server: error handling, security headers, the API routes and, when a
 * build is present, the PWA's static files. Everything it needs comes in through AppOptions;
 * it opens no database and reads no environment.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from '../db/db';
import { makeDecoyHash } from '../auth/login';
import { handleFrameworkError, installErrorHandler, installNotFoundHandler } from './errorHandling';
import { installJsonBody } from './jsonBody';
import { installSessionGate } from './sessionGate';
import { pushSealedRoute } from './routes/pushSealed';
import { adminAuditRoutes } from './routes/adminAudit';
import { adminDevicesRoutes } from './routes/adminDevices';
import { adminSettingsRoutes } from './routes/adminSettings';
import { adminTerritoriesRoutes } from './routes/adminTerritories';
import { adminUsersRoutes } from './routes/adminUsers';
import { healthRoute } from './routes/health';
import { changePasswordRoute } from './routes/changePassword';
import { loginRoute } from './routes/login';
import { logoutRoute } from './routes/logout';
import { movePatientRoute } from './routes/movePatient';
import { officeAssignmentsRoutes } from './routes/officeAssignments';
import { officeEscalationsRoutes } from './routes/officeEscalations';
import { officeTeamRoutes } from './routes/officeTeam';
import { officeFunnelRoutes } from './routes/officeFunnel';
import { officeOverviewRoutes } from './routes/officeOverview';
import { officeAlertsRoutes } from './routes/officeAlerts';
import { officeReviewRoutes } from './routes/officeReview';
import { pullRoute } from './routes/pull';
import { pushRoute } from './routes/push';
import { refreshRoute } from './routes/refresh';
import { installSecurityHeaders } from './securityHeaders';
import { installStaticFiles } from './staticFiles';

export interface AppOptions {
  readonly db: Db;
  /** The app's release, reported by /api/health. */
  readonly version: string;
  /** Folder of the built PWA; without it only the API is served. */
  readonly staticDir?: string;
  readonly now?: () => Date;
  readonly logger?: FastifyServerOptions['logger'];
  /** Serve HTTPS with this certificate and key (PEM); without it, plain HTTP. */
  readonly https?: { readonly cert: Buffer; readonly key: Buffer };
  /** The demo organisation is seeded: its published password is accepted (config.demoMode). */
  readonly demoMode?: boolean;
}

/** Upper bound for any body; routes set tighter limits of their own. */
const BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.https ? { https: { cert: options.https.cert, key: options.https.key } } : {}),
    logger: options.logger ?? false,
    // Errors are logged by the error handler; a line per request would bury them.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    frameworkErrors: handleFrameworkError,
  });
  const deps = { db: options.db, now: options.now ?? (() => new Date()) };

  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  installJsonBody(app);
  installErrorHandler(app);
  installNotFoundHandler(app, { spaFallback: options.staticDir !== undefined });
  installSecurityHeaders(app);

  healthRoute(app, { version: options.version });
  const loginDeps = { ...deps, decoyHash: makeDecoyHash(), demoMode: options.demoMode ?? false };
  loginRoute(app, loginDeps);
  refreshRoute(app, deps);
  // Behind its own gate, the push token (routes/pushSealed.ts).
  pushSealedRoute(app, deps);
  await app.register(async (gated) => {
    installSessionGate(gated, deps);
    logoutRoute(gated, deps);
    changePasswordRoute(gated, loginDeps);
    pullRoute(gated, deps);
    pushRoute(gated, deps);
    movePatientRoute(gated, deps);
    officeEscalationsRoutes(gated, deps);
    officeTeamRoutes(gated, deps);
    officeOverviewRoutes(gated, deps);
    officeFunnelRoutes(gated, deps);
    officeAlertsRoutes(gated, deps);
    officeReviewRoutes(gated, deps);
    officeAssignmentsRoutes(gated, deps);
    adminUsersRoutes(gated, deps);
    adminDevicesRoutes(gated, deps);
    adminTerritoriesRoutes(gated, deps);
    adminSettingsRoutes(gated, deps);
    adminAuditRoutes(gated, deps);
  });

  if (options.staticDir !== undefined) await installStaticFiles(app, options.staticDir);
  return app;
}
