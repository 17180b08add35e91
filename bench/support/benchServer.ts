/**
 * An in-process server for benchmarks: embedded PostgreSQL in memory, a generated
 * organisation of the requested size, the built app, listening on a free loopback port.
 */
import { resolve } from 'node:path';
import type { IsoDate } from '../../src/domain/ids';
import { openDb } from '../../server/src/db/openDb';
import { buildApp } from '../../server/src/http/buildApp';
import { migrate } from '../../server/src/migrations/migrate';
import type { Dataset } from '../../server/src/seed/dataset';
import { generateDataset } from '../../server/src/seed/generateDataset';
import { loadDataset } from '../../server/src/seed/loadDataset';

export interface BenchServer {
  readonly url: string;
  readonly dataset: Dataset;
  close(): Promise<void>;
}

export interface BenchServerOptions {
  /** The built app to serve; `dist` (the shipped build) unless given. */
  readonly staticDir?: string;
}

/** The folder `npm run bench` builds the unencrypted comparison copy of the app into. */
export const PLAIN_DIST = resolve(import.meta.dirname, '../../.bench-dist-plain');

export async function startBenchServer(patientsPerTerritory: readonly number[], options: BenchServerOptions = {}): Promise<BenchServer> {
  const opened = await openDb({});
  if (!opened.ok) throw new Error(opened.message);
  const db = opened.db;
  await migrate(db);
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  const dataset = generateDataset({ seed: 7, today, patientsPerTerritory });
  await loadDataset(db, dataset);
  const app = await buildApp({ db, version: 'bench', demoMode: true, staticDir: options.staticDir ?? resolve(import.meta.dirname, '../../dist') });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    dataset,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
