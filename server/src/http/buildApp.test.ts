import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthResponseSchema, PROTOCOL_VERSION } from '../../../src/protocol/wire';
import { fixtureDataset } from '../../test/fixtures';
import { expectError, pull, signIn } from '../../test/http';
import { openTestDb, type TestDb } from '../../test/testDb';
import { loadDataset } from '../seed/loadDataset';
import { buildApp } from './buildApp';
import { INTERNAL_MESSAGE } from './errorHandling';
import { CONTENT_SECURITY_POLICY } from './securityHeaders';

describe('the app', () => {
  let testDb: TestDb;
  let staticDir: string;
  let app: FastifyInstance;
  let apiOnly: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    testDb = await openTestDb();
    staticDir = mkdtempSync(join(tmpdir(), 'rounds-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Rounds</title>');
    writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"Rounds"}');
    writeFileSync(join(staticDir, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
    writeFileSync(join(staticDir, 'assets', 'index-3f9a1c.js.map'), '{"version":3}');
    const stream = { write: (line: string) => logLines.push(line) };
    app = await buildApp({ db: testDb.db, version: '1.2.3', staticDir, logger: { level: 'error', stream } });
    apiOnly = await buildApp({ db: testDb.db, version: '1.2.3' });
  });
  afterAll(async () => {
    await app.close();
    await apiOnly.close();
    await testDb.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('GET /api/health answers ok, the version and the protocol version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(healthResponseSchema.parse(res.json())).toEqual({ ok: true, version: '1.2.3', protocolVersion: PROTOCOL_VERSION });
  });

  it('sends security headers, and no-store on the API', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    // Over plain HTTP a browser ignores HSTS; it is sent over HTTPS only (https.test.ts).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it.each([
    ['a broken %-escape', '/api/office/patients/%E0%A4%A/territory', 400, 'bad_request'],
    ['a path part longer than any id', `/api/office/patients/${'p'.repeat(500)}/territory`, 404, 'not_found'],
  ] as const)('a URL with %s is a JSON error with the security headers', async (_, url, status, code) => {
    const res = await app.inject({ method: 'POST', url, payload: { territoryId: 'ter-north' } });
    expectError(res, status, code);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('the policy allows only the app itself: no inline script or style, no framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('a method an endpoint does not take is a JSON 405 that says which it takes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/sync/pull', headers: { accept: 'text/html' } });
    expect(res.statusCode, res.body).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.json()).toEqual({ error: { code: 'not_found', message: '/api/sync/pull does not take GET; use POST' } });
  });

  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/nope'],
    ['GET', '/api'],
  ])('%s %s is a JSON 404, even with a browser Accept header', async (method, url) => {
    const res = await app.inject({ method: method as 'GET', url, headers: { accept: 'text/html' } });
    expectError(res, 404, 'not_found');
  });

  describe('static files', () => {
    it('serves index.html at / and revalidates it every time', async () => {
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Rounds</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it.each(['/sw.js', '/manifest.webmanifest', '/index.html'])('%s is served with no-cache', async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('hashed files under /assets/ are cached for a year, immutable', async () => {
      const res = await app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('an app route navigated to directly gets index.html (SPA fallback)', async () => {
      const res = await app.inject({ method: 'GET', url: '/patients/pat-n1?tab=gaps', headers: { accept: 'text/html,*/*' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Rounds</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('a source map is never served, even when the build left one', async () => {
      expectError(await app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js.map', headers: { accept: '*/*' } }), 404, 'not_found');
      expectError(await app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js.MAP', headers: { accept: '*/*' } }), 404, 'not_found');
    });

    it('a missing asset is a 404, not index.html', async () => {
      const res = await app.inject({ method: 'GET', url: '/assets/missing-000.js', headers: { accept: '*/*' } });
      expectError(res, 404, 'not_found');
    });

    it('without a build, only the API is served', async () => {
      expectError(await apiOnly.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } }), 404, 'not_found');
      expect((await apiOnly.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });
  });

  // Last: it closes the database under the app.
  it('a failure inside the server is a bare 500 that reveals nothing, and is logged', async () => {
    await loadDataset(testDb.db, fixtureDataset());
    const token = await signIn(app, 'ana');
    await testDb.close();
    const res = await pull(app, token, {});
    expect(expectError(res, 500, 'internal')).toBe(INTERNAL_MESSAGE);
    expect(res.body).toBe(JSON.stringify({ error: { code: 'internal', message: INTERNAL_MESSAGE } }));
    expect(logLines.join('\n')).toMatch(/unhandled error/);
  });
});
