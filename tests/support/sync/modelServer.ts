/**
 * The real server for sync model tests: Fastify on embedded PostgreSQL, or two Fastify
 * instances (two "server processes") on one real PostgreSQL, listening on loopback, with one
 * territory shared by three specialists. The office's lead (an admin, who may move patients
 * anywhere) is made to work every territory, so that it syncs and writes the whole
 * organisation as the model's fourth writer. Sessions for new devices are opened directly (no password hashing per run:
 * hundreds of runs need devices).
 */
import type { FastifyInstance } from 'fastify';
import type { IsoDate } from '../../../src/domain/ids';
import { claimDevice } from '../../../server/src/auth/devices';
import { openSession } from '../../../server/src/auth/sessions';
import type { Db, DbKind } from '../../../server/src/db/db';
import { buildApp } from '../../../server/src/http/buildApp';
import type { Dataset } from '../../../server/src/seed/dataset';
import { generateDataset } from '../../../server/src/seed/generateDataset';
import { loadDataset } from '../../../server/src/seed/loadDataset';
import { openTestDb, settle } from '../../../server/test/testDb';

/** A territory of the organisation that none of the model's devices has. */
export const ELSEWHERE = 'ter_model_elsewhere';

export interface ModelServer {
  readonly db: Db;
  /** One URL per server process; PostgreSQL runs two in front of one database. */
  readonly urls: readonly string[];
  readonly url: string;
  readonly dataset: Dataset;
  /** Opens a session for a new device of the n-th specialist. */
  session(userIndex: number, deviceId: string): Promise<{ token: string; refreshToken: string; pushToken: string; user: Dataset['users'][number] }>;
  /** Opens a session for a new office device of the supervisor or the admin, who works every territory. */
  leadSession(role: 'supervisor' | 'admin', deviceId: string): Promise<{ token: string; refreshToken: string; pushToken: string; user: Dataset['users'][number] }>;
  /**
   * Waits until every transaction that started so far has ended. On a shared PostgreSQL a
   * transaction of another test holds back what pull may serve (the cursor rule); the model's
   * "quiescence" means the whole cluster is quiet, so its checks wait for that.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startModelServer(kind: DbKind = 'pglite'): Promise<ModelServer> {
  const test = await openTestDb(kind);
  const db = test.db;
  // One territory: the three specialists share it, so every client sees every patient.
  const dataset = generateDataset({ seed: 5, today: '2026-11-22' as IsoDate, patientsPerTerritory: [4] });
  await loadDataset(db, dataset);
  // Where the office moves patients out of the devices' scope (S16): no specialist works it.
  await db.query('insert into territories (id, org_id, name) values ($1, $2, $3)', [ELSEWHERE, dataset.org.id, 'Elsewhere']);
  // Two stateless servers in front of one PostgreSQL, as in production; PGlite has one.
  const dbs = kind === 'postgres' ? [db, test.openPeer()] : [db];
  const apps: FastifyInstance[] = [];
  const urls: string[] = [];
  for (const each of dbs) {
    const app = await buildApp({ db: each, version: 'model', demoMode: true });
    urls.push(await app.listen({ host: '127.0.0.1', port: 0 }));
    apps.push(app);
  }
  const specialists = dataset.users.filter((u) => u.role === 'specialist');
  const signIn = async (user: Dataset['users'][number] | undefined, deviceId: string) => {
    if (!user) throw new Error('no such user in the dataset');
    const now = new Date();
    const res = await db.transaction(async (tx) => {
      const device = await claimDevice(tx, { userId: user.id, deviceId, appVersion: null, now });
      if (!device.ok || device.deviceId !== deviceId) throw new Error(`device ${deviceId} is not ${user.id}'s`);
      return openSession(tx, { userId: user.id, deviceId, now });
    });
    return { token: res.accessToken, refreshToken: res.refreshToken, pushToken: res.pushToken, user };
  };
  return {
    db,
    urls,
    url: urls[0] as string,
    dataset,
    session(userIndex, deviceId) {
      return signIn(specialists[userIndex % specialists.length], deviceId);
    },
    async leadSession(role, deviceId) {
      const lead = dataset.users.find((u) => u.role === role);
      if (lead) {
        await db.query(
          `insert into user_territories (user_id, territory_id)
           select $1, id from territories where org_id = $2 on conflict do nothing`,
          [lead.id, dataset.org.id],
        );
      }
      return signIn(lead, deviceId);
    },
    async settle() {
      for (let attempt = 1; ; attempt++) {
        try {
          return await settle(db);
        } catch (e) {
          if (attempt >= 6) throw e;
        }
      }
    },
    async close() {
      for (const app of apps) await app.close();
      await test.close();
    },
  };
}
