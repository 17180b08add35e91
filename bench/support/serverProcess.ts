/**
 * The real server (`server/src/main.ts`, as `npm run serve` starts it) in a process of its own,
 * on embedded PostgreSQL (PGlite) in a temporary DATA_DIR that the benchmark filled first:
 * `prepare` gets the migrated, empty database in this process, which is then closed and handed
 * to the server (SEED_DEMO=false). After `stop()` the same folder can be opened again with
 * `openStoppedDb()` to check what the server wrote. Loopback only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Db } from '../../server/src/db/db';
import { openDb } from '../../server/src/db/openDb';
import { migrate } from '../../server/src/migrations/migrate';
import { freePort } from '../../tests/e2e/support/server';

const ROOT = resolve(import.meta.dirname, '../..');
const LOG_TAIL = 64 * 1024;

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** CPU seconds (user + system) the server process has used so far (Linux /proc). */
  cpuSeconds(): number | null;
  /** Resident memory of the server process now, in MiB (Linux /proc). */
  rssMiB(): number | null;
  log(): string;
  /** SIGTERM (the server closes PGlite cleanly), SIGKILL after 15 s. Keeps the data. */
  stop(): Promise<void>;
  /** The stopped server's database, opened here. */
  openStoppedDb(): Promise<Db>;
  /** Deletes the data folder. */
  remove(): void;
}

async function openDir(dataDir: string): Promise<Db> {
  const opened = await openDb({ dataDir: join(dataDir, 'pglite') });
  if (!opened.ok) throw new Error(opened.message);
  return opened.db;
}

export async function startServerProcess(prepare: (db: Db) => Promise<void>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rounds-bench-server-'));
  const db = await openDir(dataDir);
  try {
    await migrate(db);
    await prepare(db);
  } finally {
    await db.close();
  }

  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DEMO: 'false',
      STATIC_DIR: join(ROOT, 'dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-LOG_TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy within 120 s:\n${log}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const pid = child.pid as number;
  const proc = (file: string): string | null => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return null;
    }
  };
  return {
    url,
    pid,
    cpuSeconds() {
      const stat = proc('stat');
      if (!stat) return null;
      // Fields after the command name (which may contain spaces): utime is the 12th, stime the 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    rssMiB() {
      const m = /VmRSS:\s+(\d+) kB/.exec(proc('status') ?? '');
      return m ? Number(m[1]) / 1024 : null;
    },
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      }
    },
    openStoppedDb: () => openDir(dataDir),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
