/**
 * The real server for sync model tests: Fastify on embedded PostgreSQL (or DATABASE_URL),
 * listening on loopback, with one territory shared by three specialists. Sessions for new
 * devices are opened directly (no password hashing per run: hundreds of runs need devices).
 */
import type { FastifyInstance } from 'fastify';
import type { IsoDate } from '../../../src/domain/ids';
import { openSession } from '../../../server/src/auth/sessions';
import type { Db } from '../../../server/src/db/db';
import { openPglite } from '../../../server/src/db/pglite';
import { buildApp } from '../../../server/src/http/buildApp';
import { migrate } from '../../../server/src/migrations/migrate';
import type { Dataset } from '../../../server/src/seed/dataset';
import { generateDataset } from '../../../server/src/seed/generateDataset';
import { loadDataset } from '../../../server/src/seed/loadDataset';

export interface ModelServer {
  readonly db: Db;
  readonly url: string;
  readonly dataset: Dataset;
  /** Opens a session for a new device of the n-th specialist. */
  session(userIndex: number, deviceId: string): Promise<{ token: string; user: Dataset['users'][number] }>;
  close(): Promise<void>;
}

export async function startModelServer(): Promise<ModelServer> {
  const db = await openPglite({});
  await migrate(db);
  // One territory: the three specialists share it, so every client sees every patient.
  const dataset = generateDataset({ seed: 5, today: '2026-11-22' as IsoDate, patientsPerTerritory: [4] });
  await loadDataset(db, dataset);
  const app: FastifyInstance = await buildApp({ db, version: 'model' });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const specialists = dataset.users.filter((u) => u.role === 'specialist');
  return {
    db,
    url,
    dataset,
    async session(userIndex, deviceId) {
      const user = specialists[userIndex % specialists.length];
      if (!user) throw new Error('no specialist');
      const res = await openSession(db, { userId: user.id, deviceId, now: new Date() });
      if (!res.ok) throw new Error(res.code);
      return { token: res.token, user };
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
