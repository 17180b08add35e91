/**
 * HTTPS: with TLS_CERT and TLS_KEY the server speaks TLS with that certificate and sends
 * Strict-Transport-Security; operators get one sentence for each way those settings can be
 * wrong. The certificate is made at test time by openssl, and the client trusts it as its CA.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { openTestDb, type TestDb } from '../../test/testDb';
import { buildApp } from './buildApp';
import { CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from './securityHeaders';

const OPENSSL = '/usr/bin/openssl';
let dir: string;

function makeCertificate(name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(OPENSSL, [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { cert, key };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rounds-tls-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TLS settings', () => {
  it('are optional: without them the server speaks plain HTTP', () => {
    const result = readConfig({}, dir);
    expect(result.ok && result.config.tls).toBe(undefined);
  });

  it('with both files, the certificate and key are loaded', () => {
    const { cert, key } = makeCertificate('ok');
    const result = readConfig({ TLS_CERT: cert, TLS_KEY: key }, dir);
    expect(result.ok && result.config.tls?.cert.toString()).toMatch(/BEGIN CERTIFICATE/);
  });

  it.each([
    [{ TLS_CERT: 'a.crt' }, /^TLS_CERT is set but TLS_KEY is not: set both/],
    [{ TLS_KEY: 'a.key' }, /^TLS_KEY is set but TLS_CERT is not: set both/],
    [{ TLS_CERT: 'missing.crt', TLS_KEY: 'missing.key' }, /^TLS_CERT is ".*missing\.crt", but it cannot be read: there is no such file\.$/],
    [{ TLS_CERT: '.', TLS_KEY: 'x.key' }, /^TLS_CERT is ".*", but it cannot be read: it is a folder\.$/],
  ])('are refused in one sentence when wrong: %j', (env, message) => {
    const result = readConfig(env, dir);
    expect(result.ok ? 'accepted' : result.message).toMatch(message);
  });

  it('are refused when the key is not the certificate’s own, or a file is not PEM', () => {
    const one = makeCertificate('one');
    const two = makeCertificate('two');
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    for (const env of [{ TLS_CERT: one.cert, TLS_KEY: two.key }, { TLS_CERT: junk, TLS_KEY: one.key }]) {
      const result = readConfig(env, dir);
      expect(result.ok ? 'accepted' : result.message).toMatch(/cannot be used together: each must be PEM, and the key must be the certificate's own\.$/);
    }
  });
});

describe('the server over HTTPS', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  let ca: string;
  let port: number;

  beforeAll(async () => {
    const { cert, key } = makeCertificate('server');
    const config = readConfig({ TLS_CERT: cert, TLS_KEY: key }, dir);
    if (!config.ok || !config.config.tls) throw new Error('TLS config refused');
    ca = config.config.tls.cert.toString();
    testDb = await openTestDb();
    app = await buildApp({ db: testDb.db, version: 'tls', https: config.config.tls });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.close();
  });

  const get = (path: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((ok, fail) => {
      const req = request({ host: '127.0.0.1', servername: 'localhost', port, path, ca }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', fail);
      req.end();
    });

  it('answers with the configured certificate, trusted as the CA, and sends HSTS and the CSP', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, version: 'tls' });
    expect(res.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('errors carry HSTS too', async () => {
    const res = await get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it('a client that does not trust the certificate is refused by TLS itself', async () => {
    const refused = new Promise((ok) => {
      const req = request({ host: '127.0.0.1', servername: 'localhost', port, path: '/api/health' }, () => ok('connected'));
      req.on('error', (error: NodeJS.ErrnoException) => ok(error.code));
      req.end();
    });
    await expect(refused).resolves.toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
